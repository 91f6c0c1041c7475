from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    name = "haidang.claims"
    label = "claims"
    verbose_name = _("Claim library")

    def ready(self):
        from . import receivers  # noqa: F401  (connects to alerts.stories_assigned and cases' actions)
