from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrievancesConfig(AppConfig):
    name = "haidang.grievances"
    label = "grievances"
    verbose_name = _("Grievances")

    def ready(self):
        from . import (
            receivers,  # noqa: F401  (connects to alerts.signals.stories_assigned)
            tasks,  # noqa: F401  (registers the periodic reminders with Huey)
        )
