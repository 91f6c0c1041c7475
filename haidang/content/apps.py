from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "haidang.content"
    label = "content"
