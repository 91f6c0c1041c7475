import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from haidang.sources.choices import SourceKind


class Command(BaseCommand):
    help = "Manage sources: `add`, `list`, `fetch`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        add = sub.add_parser("add", help="add a source")
        add.add_argument("name")
        add.add_argument("--kind", choices=SourceKind.values, default=SourceKind.FEED)
        add.add_argument("--url", default="")
        add.add_argument("--agency", help="owner agency short name (default: the lead agency)")
        add.add_argument("--interval", type=int, default=30, help="minutes between fetches")
        add.add_argument("--press", action="store_true", help="a press source: its items are journalism")
        add.add_argument("--credibility", type=float, default=0.5)
        add.add_argument("--place", default="", help="place hint, e.g. a ward or commune")
        add.add_argument("--inactive", action="store_true")
        lst = sub.add_parser("list", help="list sources with their health")
        lst.add_argument("--json", action="store_true")
        fetch = sub.add_parser("fetch", help="fetch sources now (all due ones, or the named ones)")
        fetch.add_argument("names", nargs="*")
        fetch.add_argument("--json", action="store_true")

    def handle(self, *args, verb, **options):
        return getattr(self, f"_{verb}")(**options)

    def _add(self, name, kind, url, agency, interval, press, credibility, place, inactive, **_):
        from haidang.agencies.access import lead_agency
        from haidang.agencies.models import Agency
        from haidang.sources.actions import do_create_source

        owner = Agency.objects.filter(short_name=agency).first() if agency else lead_agency()
        if owner is None:
            raise CommandError(f"no such agency: {agency or 'lead agency'}")
        try:
            source = do_create_source(name=name, kind=kind, agency=owner, url=url, interval_minutes=interval,
                                      is_press=press, credibility=credibility, place_hint=place,
                                      active=not inactive)
        except ValidationError as exc:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items()))
        self.stdout.write(f"source {source.pk} added: {source.name}")

    def _list(self, json: bool = False, **_):
        from haidang.sources.models import Source

        rows = [{
            "id": s.pk, "name": s.name, "kind": s.kind, "url": s.url, "agency": s.agency.short_name,
            "active": s.active, "press": s.is_press, "failures": s.consecutive_failures,
            "last_success": s.last_success_at.isoformat() if s.last_success_at else None,
            "last_error": s.last_error, "next_due": s.next_due_at.isoformat(),
        } for s in Source.objects.select_related("agency")]
        if json:
            self.stdout.write(_json(rows))
            return
        for row in rows:
            health = "ok" if not row["failures"] else f"{row['failures']} failures: {row['last_error'][:60]}"
            state = "" if row["active"] else " (inactive)"
            self.stdout.write(f"{row['id']:>4} {row['name'][:40]:40} {row['kind']:5} {health}{state}")

    def _fetch(self, names, json: bool = False, **_):
        from haidang.content.actions import do_fetch_source
        from haidang.sources.actions import claim_due_sources
        from haidang.sources.models import Source

        if names:
            sources = list(Source.objects.filter(name__in=names))
            missing = set(names) - {s.name for s in sources}
            if missing:
                raise CommandError(f"no such source: {', '.join(sorted(missing))}")
        else:
            sources = list(Source.objects.filter(pk__in=claim_due_sources()))
        results = []
        for source in sources:
            job = do_fetch_source(source)
            results.append({"source": source.name, "status": job.status, **job.counts,
                            "errors": job.errors[:10]})
        if json:
            self.stdout.write(_json(results))
        else:
            for row in results:
                self.stdout.write(f"{row['source']}: {row['status']} new={row.get('new', 0)} "
                                  f"updated={row.get('updated', 0)} rejected={row.get('rejected', 0)}")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)
