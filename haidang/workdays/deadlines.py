"""Deadlines on Vietnamese working days.

A working day is a Monday to Friday that is not a public holiday of the `holidays` package
(country "VN": New Year, the Tết days, Hùng Kings, 30/4, 1/5, National Day…) and not an admin-entered
`ExtraDayOff`; an admin-entered `ExtraWorkingDay` (a make-up Saturday) is a working day whatever
its weekday.

Each step has an allowance in working days by priority. The defaults are DEFAULT_POLICY below; the
`HAIDANG_DEADLINES` setting (same shape, partial) overrides them, and a `DeadlinePolicy` row
(admin-editable) overrides both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils import timezone

from .choices import Step

# step → priority → working days. "case" is the whole case (used for Case.due_at).
DEFAULT_POLICY: dict[str, dict[str, int]] = {
    Step.TRIAGE: {"urgent": 1, "high": 1, "medium": 2, "low": 3},
    Step.VERIFICATION: {"urgent": 1, "high": 2, "medium": 3, "low": 5},
    Step.CONSULTATION: {"urgent": 1, "high": 2, "medium": 3, "low": 5},
    Step.MEETING_CONCLUSIONS: {"urgent": 1, "high": 1, "medium": 2, "low": 3},
    Step.HANDLING: {"urgent": 1, "high": 2, "medium": 5, "low": 10},
    # The whole case, opening to closing: cases.choices.DUE_DAYS reads these.
    Step.CASE: {"urgent": 1, "high": 3, "medium": 5, "low": 10},
    # A citizen's grievance is answered within 5 working days, whatever its priority (grievances app).
    Step.GRIEVANCE: {"urgent": 5, "high": 5, "medium": 5, "low": 5},
}
DEFAULT_REMIND_BEFORE_HOURS = 24
DEFAULT_ESCALATE_AFTER_DAYS = 1

MAX_SCAN_DAYS = 3660  # a calendar with no working day for ten years is a configuration error


@dataclass(frozen=True)
class Policy:
    working_days: int
    remind_before_hours: int = DEFAULT_REMIND_BEFORE_HOURS
    escalate_after_days: int = DEFAULT_ESCALATE_AFTER_DAYS


@lru_cache(maxsize=64)
def _statutory(year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("VN", years=year).keys())


def _extra_days(start: dt.date, end: dt.date) -> tuple[set[dt.date], set[dt.date]]:
    from .models import ExtraDayOff, ExtraWorkingDay

    off = set(ExtraDayOff.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True))
    on = set(ExtraWorkingDay.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True))
    return off, on


class Calendar:
    """Working days over a window, with the admin's extra days read once."""

    def __init__(self, start: dt.date, end: dt.date):
        self.off, self.on = _extra_days(start, end)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.on:
            return True
        if day in self.off or day.weekday() >= 5:
            return False
        return day not in _statutory(day.year)


def is_working_day(day: dt.date) -> bool:
    return Calendar(day, day).is_working_day(day)


def _local(value: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(dt.datetime.combine(value, dt.time(17, 0)))


def add_working_days(start: dt.datetime | dt.date, days: int) -> dt.datetime:
    """The moment `days` working days after `start`, at the same local time of day (a date counts
    as 17:00, the end of office hours).

    Starting on a day off counts from the next working day, as if the work arrived then. Zero days
    means: by the same time on the first working day from `start`.
    """
    local = _local(start)
    day = local.date()
    window_end = day + dt.timedelta(days=days * 3 + 60)  # covers any holiday season
    cal = Calendar(day, window_end)
    remaining = days
    for _n in range(MAX_SCAN_DAYS):
        if day > window_end:  # a long allowance: read the admin's extra days for the next stretch
            window_end = day + dt.timedelta(days=366)
            cal = Calendar(day, window_end)
        if cal.is_working_day(day):
            if remaining == 0:
                return timezone.make_aware(dt.datetime.combine(day, local.time().replace(tzinfo=None)))
            remaining -= 1
        day += dt.timedelta(days=1)
    raise ValueError("no working day in the calendar")


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]: 0 when end <= start."""
    if end <= start:
        return 0
    cal = Calendar(start, end)
    return sum(1 for n in range(1, (end - start).days + 1) if cal.is_working_day(start + dt.timedelta(days=n)))


def policy(step: str, priority: str) -> Policy:
    """The allowance for a step at a priority: DeadlinePolicy row, else the setting, else the default."""
    from .models import DeadlinePolicy

    row = DeadlinePolicy.objects.filter(step=step, priority=priority).first()
    if row is not None:
        return Policy(row.working_days, row.remind_before_hours, row.escalate_after_days)
    configured = getattr(settings, "HAIDANG_DEADLINES", {}) or {}
    defaults = DEFAULT_POLICY.get(step, DEFAULT_POLICY[Step.CASE])
    days = configured.get(step, {}).get(priority, defaults.get(priority, defaults.get("medium", 5)))
    return Policy(int(days))


def due_at(step: str, priority: str, start: dt.datetime | dt.date | None = None) -> dt.datetime:
    """When `step` started at `start` (now by default) is due, on working days."""
    return add_working_days(start or timezone.now(), policy(step, priority).working_days)


def remind_at(step: str, priority: str, deadline: dt.datetime) -> dt.datetime:
    return deadline - dt.timedelta(hours=policy(step, priority).remind_before_hours)


def escalate_at(step: str, priority: str, deadline: dt.datetime) -> dt.datetime:
    return add_working_days(deadline, policy(step, priority).escalate_after_days)
