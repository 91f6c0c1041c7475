"""Due dates of cases, in Vietnamese working days by priority.

The allowance is the calendar's "case" step (`haidang.workdays.deadlines`: the
DeadlinePolicy admin table, else the HAIDANG_DEADLINES setting, else choices.DUE_DAYS), counted on
the working-day calendar: weekends, the statutory holidays of the `holidays` package (VN, with
Tết) and the admin's extra days off are skipped.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def case_due_at(priority: str, start: dt.datetime | None = None) -> dt.datetime:
    from haidang.workdays.choices import Step
    from haidang.workdays.deadlines import due_at

    return due_at(Step.CASE, priority, start or timezone.now())
