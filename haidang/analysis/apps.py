from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "haidang.analysis"
    label = "analysis"

    def ready(self):
        from . import receivers  # noqa: F401  (connects to content.signals.items_ingested)
