from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ReportsConfig(AppConfig):
    name = "haidang.reports"
    label = "reports"
    verbose_name = pgettext_lazy("app name", "Reports")

    def ready(self):
        # Hand the export jobs down to core, so that the API (same layer, may not import reports)
        # can start them and serve their files: haidang.core.exports.
        from haidang.core.exports import register_export

        from . import export_jobs

        for kind, (starter, formats) in export_jobs.STARTERS.items():
            register_export(kind, starter, job_kind=export_jobs.JOB_PREFIX + kind, file_of=export_jobs.file_of,
                            formats=formats)
