from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "haidang.agencies"
    label = "agencies"
    verbose_name = _("Agencies and officers")

    def ready(self):
        from haidang.audit.actions import set_actor_agency_rule

        from .access import primary_agency

        # Audit rows name the agency the officer acted for; the audit log, below this app, asks us.
        set_actor_agency_rule(primary_agency)
