"""`haidang report periodic|transparency --from YYYY-MM-DD --to YYYY-MM-DD --format F --out FILE`:
the same files as the /reports/ pages, for scripts and scheduled jobs. Bad input: exit 2, one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.agencies import access
from haidang.reports.actions import render_periodic, render_transparency, validate_period
from haidang.reports.choices import PeriodKind
from haidang.reports.models import PeriodicReport

FORMATS = {"periodic": ("docx", "pdf", "xlsx"), "transparency": ("html", "pdf", "csv")}


def _bad(message: str) -> CommandError:
    return CommandError(message, returncode=2)


def _date(value: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _bad(f"{flag} {value!r}: expected a date YYYY-MM-DD")


class Command(BaseCommand):
    help = "Produce the periodic report (docx|pdf|xlsx) or the transparency report (html|pdf|csv) for a period."

    def add_arguments(self, parser):
        parser.add_argument("which", help="periodic or transparency")
        parser.add_argument("--from", dest="date_from", required=False)
        parser.add_argument("--to", dest="date_to", required=False)
        parser.add_argument("--format", dest="fmt", required=False)
        parser.add_argument("--out", required=False)
        parser.add_argument("--assessment", default="",
                            help="a text file with the assessment and proposals (periodic; default: the saved report's)")

    def handle(self, *args, which, date_from, date_to, fmt, out, assessment, **options):
        if which not in FORMATS:
            raise _bad(f"report {which!r}: expected periodic or transparency")
        for flag, value in (("--from", date_from), ("--to", date_to), ("--format", fmt), ("--out", out)):
            if not value:
                raise _bad(f"{flag} is required")
        d_from, d_to = _date(date_from, "--from"), _date(date_to, "--to")
        try:
            validate_period(d_from, d_to)
        except Exception as exc:  # ValidationError: its message, on one line
            raise _bad(" ".join(getattr(exc, "messages", [str(exc)])))
        if fmt not in FORMATS[which]:
            raise _bad(f"--format {fmt!r}: expected one of {', '.join(FORMATS[which])}")
        target = Path(out)
        if not target.parent.is_dir():
            raise _bad(f"--out {out}: folder {target.parent} does not exist")
        if which == "periodic":
            lead = access.lead_agency()
            if lead is None:
                raise _bad("no lead agency: set HAIDANG_LEAD_AGENCY or load the agencies")
            report = (PeriodicReport.objects.filter(agency=lead, date_from=d_from, date_to=d_to).order_by("-updated_at")
                      .first() or PeriodicReport(agency=lead, date_from=d_from, date_to=d_to, period_kind=PeriodKind.RANGE))
            if assessment:
                try:
                    report.assessment = Path(assessment).read_text(encoding="utf-8")
                except OSError as exc:
                    raise _bad(f"--assessment {assessment}: {exc.strerror}")
            _name, data = render_periodic(report, fmt)
        else:
            _name, data = render_transparency(d_from, d_to, fmt)
        target.write_bytes(data)
        self.stdout.write(f"{target} ({len(data)} bytes)")
