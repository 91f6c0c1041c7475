from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "haidang.cases"
    label = "cases"
