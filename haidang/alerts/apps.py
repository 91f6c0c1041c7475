from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "haidang.alerts"
    label = "alerts"
    verbose_name = _("Alerts and stories")

    def ready(self):
        from . import (
            receivers,  # noqa: F401  (connects to analysis.signals.items_analyzed)
            tasks,  # noqa: F401  (registers the periodic digest with Huey)
        )
