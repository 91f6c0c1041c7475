from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The top room: screens that compose several domains (the dashboard, the monitoring feed and
    the item page, the job page) and the commands that start the whole house (`run`, `demo`).
    No domain app imports it."""

    name = "haidang.desk"
    label = "desk"
    verbose_name = _("Desk")

    def ready(self) -> None:
        from . import clearing

        clearing.connect()
