from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "haidang.sources"
    label = "sources"
