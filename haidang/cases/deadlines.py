"""Due dates of cases. Calendar days by priority (choices.DUE_DAYS); the coordination app
may switch this to Vietnamese working days by replacing `case_due_at` (issue [Coordinate])."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .choices import DUE_DAYS, Priority


def case_due_at(priority: str, start: dt.datetime | None = None) -> dt.datetime:
    start = start or timezone.now()
    return start + dt.timedelta(days=DUE_DAYS.get(priority, DUE_DAYS[Priority.MEDIUM]))
