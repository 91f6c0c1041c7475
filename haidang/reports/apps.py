from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "haidang.reports"
    label = "reports"
