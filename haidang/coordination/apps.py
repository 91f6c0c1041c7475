from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "haidang.coordination"
    label = "coordination"
    verbose_name = _("Coordination")
