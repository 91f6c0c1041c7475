from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "haidang.agencies"
    label = "agencies"
