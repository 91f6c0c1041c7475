from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "haidang.audit"
    label = "audit"
