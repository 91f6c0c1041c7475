from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "haidang.api"
    label = "api"
