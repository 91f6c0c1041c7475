from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "haidang.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from . import receivers, schema  # noqa: F401 - connect the webhook receivers; the auth scheme
