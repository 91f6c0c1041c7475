import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

# Each domain may add demo data in its own `demo.py` with a `load(stdout) -> dict` function.
# Order matters: later domains use what earlier ones created.
DEMO_MODULES = [
    "haidang.agencies.demo",
    "haidang.cases.demo",
    "haidang.analysis.demo",
    "haidang.sources.demo",
    "haidang.content.demo",
    "haidang.alerts.demo",
    "haidang.coordination.demo",
]


class Command(BaseCommand):
    help = "Load the demo province (idempotent: a second run adds nothing)."

    def handle(self, *args, **options):
        totals = {}
        for name in DEMO_MODULES:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name == name:
                    continue
                raise
            with transaction.atomic():
                created = module.load(stdout=self.stdout) or {}
            for key, value in created.items():
                totals[key] = totals.get(key, 0) + value
        summary = ", ".join(f"{k}: {v}" for k, v in totals.items()) or "nothing"
        self.stdout.write(f"demo province loaded; created {summary}")
