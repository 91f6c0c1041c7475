from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    name = "haidang.coordination"
    label = "coordination"
