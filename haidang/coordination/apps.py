from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "haidang.coordination"
    label = "coordination"
    verbose_name = _("Coordination")

    def ready(self):
        from haidang.cases import visibility

        from .queries import visible_for_case

        # The case page and export (cases, below us) hide what our pages answer 404 for.
        visibility.set_coordination_rule(visible_for_case)
