from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "haidang.alerts"
    label = "alerts"

    def ready(self):
        from . import (
            receivers,  # noqa: F401  (connects to analysis.signals.items_analyzed)
            tasks,  # noqa: F401  (registers the periodic digest with Huey)
        )
