from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "haidang.analysis"
    label = "analysis"
