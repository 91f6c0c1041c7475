"""`haidang stories rebuild-index | assign | digest` — the near-duplicate index and story upkeep."""

from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Stories: rebuild the near-duplicate (MinHash LSH) index, assign unassigned items, send digests."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("rebuild-index", help="Drop the LSH index and rebuild it from stored signatures.")
        assign = sub.add_parser("assign", help="Put items that are in no story yet into stories (and alert).")
        assign.add_argument("--limit", type=int, default=0, help="at most this many items (0 = all)")
        sub.add_parser("digest", help="Send today's daily digests now (idempotent).")
        for p in sub.choices.values():
            p.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, **options):
        verb = options["verb"]
        started = time.monotonic()
        if verb == "rebuild-index":
            from haidang.alerts.lsh import get_index

            index = get_index()
            out = {"exemplars": index.rebuild(), "shared": index.shared}
        elif verb == "assign":
            from haidang.alerts.actions import process_items
            from haidang.content.models import Item

            ids = Item.objects.filter(story_membership__isnull=True).order_by("pk").values_list("pk", flat=True)
            if options["limit"]:
                ids = ids[:options["limit"]]
            out = process_items(list(ids))
        elif verb == "digest":
            from haidang.alerts.actions import do_send_digests

            out = {"sent": do_send_digests()}
        else:  # pragma: no cover - argparse refuses other verbs
            raise CommandError(f"unknown verb {verb}")
        out["seconds"] = round(time.monotonic() - started, 3)
        if options["json"]:
            self.stdout.write(json.dumps(out))
        else:
            self.stdout.write(", ".join(f"{k}: {v}" for k, v in out.items()))
