from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "haidang.core"
    label = "core"
