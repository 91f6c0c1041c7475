from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "haidang.alerts"
    label = "alerts"
