from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    """The working-day calendar and the deadline allowances: in the ground, because cases and
    coordination both count their deadlines on it."""

    name = "haidang.workdays"
    label = "workdays"
    verbose_name = _("Working days and deadlines")
