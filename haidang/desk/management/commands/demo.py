from django.core.management.base import BaseCommand
from django.db import transaction

from haidang.agencies import demo as agencies_demo
from haidang.alerts import demo as alerts_demo
from haidang.cases import demo as cases_demo
from haidang.content import demo as content_demo
from haidang.coordination import demo as coordination_demo
from haidang.grievances import demo as grievances_demo
from haidang.sources import demo as sources_demo

# Each domain adds its demo data in its own `demo.py` with a `load(stdout) -> dict` function.
# Order matters: later domains use what earlier ones created.
DEMO_MODULES = [agencies_demo, cases_demo, sources_demo, content_demo, alerts_demo, grievances_demo,
                coordination_demo]


class Command(BaseCommand):
    help = "Load the demo province (idempotent: a second run adds nothing)."

    def handle(self, *args, **options):
        totals = {}
        for module in DEMO_MODULES:
            with transaction.atomic():
                created = module.load(stdout=self.stdout) or {}
            for key, value in created.items():
                totals[key] = totals.get(key, 0) + value
        summary = ", ".join(f"{k}: {v}" for k, v in totals.items()) or "nothing"
        self.stdout.write(f"demo province loaded; created {summary}")
