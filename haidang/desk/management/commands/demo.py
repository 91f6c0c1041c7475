from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from haidang.agencies import demo as agencies_demo

# Each domain adds its demo data in its own `demo.py` with a `load(stdout) -> dict` function.
# Order matters: later domains use what earlier ones created. The apps are named by label and their
# demo modules imported when the command runs (as Django's admin autodiscovers): the desk composes the
# demo, while reports, beside it in the top layer, stays independent of it.
DEMO_APPS = ["agencies", "cases", "sources", "content", "alerts", "grievances", "coordination", "reports"]


def demo_modules() -> list:
    return [import_module(f"{apps.get_app_config(label).name}.demo") for label in DEMO_APPS]


class Command(BaseCommand):
    help = "Load the demo province (idempotent: a second run adds nothing)."

    def handle(self, *args, **options):
        totals = {}
        for module in demo_modules():
            with transaction.atomic():
                created = module.load(stdout=self.stdout) or {}
            for key, value in created.items():
                totals[key] = totals.get(key, 0) + value
        summary = ", ".join(f"{k}: {v}" for k, v in totals.items()) or "nothing"
        self.stdout.write(f"demo province loaded; created {summary}")
        self.stdout.write(
            f"log in as <agency>.<role> (e.g. stttt.coordinator) with {agencies_demo.DEMO_PASSWORD}; "
            f"admin: {agencies_demo.ADMIN_USERNAME} / {agencies_demo.ADMIN_PASSWORD}")
        if getattr(settings, "HAIDANG_REQUIRE_2FA", False):
            # Not a lock-out: a leader's first log-in shows the QR code to scan, then logs in.
            self.stdout.write("leaders and the admin set up two-factor log-in (an authenticator app) at their "
                              "first log-in; HAIDANG_REQUIRE_2FA=0 turns the requirement off for a demo")
