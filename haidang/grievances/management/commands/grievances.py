"""`haidang grievances seed-routes | collect | remind | figures` — grievance upkeep and counts."""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Grievances: seed the routing table, collect detected grievances, send reminders, print figures."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("seed-routes", help="Add the default routing rules for the agencies present (idempotent).")
        sub.add_parser("collect", help="Read every story for grievances not yet collected (idempotent).")
        sub.add_parser("remind", help="Send the reminders and escalations due now (each once).")
        figures = sub.add_parser("figures", help="Counts for a period: received, answered, on time, reassigned…")
        figures.add_argument("--start", type=dt.date.fromisoformat, required=True, help="YYYY-MM-DD")
        figures.add_argument("--end", type=dt.date.fromisoformat, required=True, help="YYYY-MM-DD (included)")
        figures.add_argument("--agency", default="", help="an agency's short name (default: all agencies)")
        for p in sub.choices.values():
            p.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, **options):
        verb = options["verb"]
        if verb == "seed-routes":
            from haidang.grievances.demo import seed_routes

            out = {"created": seed_routes()}
        elif verb == "collect":
            from haidang.alerts.models import StoryItem
            from haidang.grievances.actions import do_collect_grievances

            out = do_collect_grievances(StoryItem.objects.values_list("item_id", flat=True))
        elif verb == "remind":
            from haidang.grievances.actions import send_due_reminders

            out = send_due_reminders()
        elif verb == "figures":
            from haidang.agencies.models import Agency
            from haidang.grievances.queries import figures

            agency = None
            if options["agency"]:
                agency = Agency.objects.filter(short_name=options["agency"]).first()
                if agency is None:
                    raise CommandError(f"no agency with the short name {options['agency']!r}")
            out = figures(options["start"], options["end"], agency=agency)
        else:  # pragma: no cover - argparse refuses other verbs
            raise CommandError(f"unknown verb {verb}")
        if options["json"]:
            self.stdout.write(json.dumps(out))
        else:
            self.stdout.write(", ".join(f"{k}: {v}" for k, v in out.items()))
