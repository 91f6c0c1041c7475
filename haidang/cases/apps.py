from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "haidang.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        from haidang.alerts import reporting
        from haidang.content import models as content_models

        from .actions import do_create_report
        from .queries import hidden_snapshot_ids

        # "Report to the lead agency" on an alert makes one of our Reports; alerts, below us, asks.
        reporting.set_report_maker(do_create_report)
        # A confidential case's proof snapshots are need-to-know: content (below us) applies our rule in
        # Snapshot's restrict.
        content_models.register_snapshot_rule(hidden_snapshot_ids)
