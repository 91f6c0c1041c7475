from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "haidang.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        from haidang.alerts import reporting

        from .actions import do_create_report

        # "Report to the lead agency" on an alert makes one of our Reports; alerts, below us, asks.
        reporting.set_report_maker(do_create_report)
