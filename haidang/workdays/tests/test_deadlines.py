"""Deadlines on Vietnamese working days: Tết, weekends and the admin's extra days off are skipped."""

import datetime as dt

import holidays
import pytest
from django.utils import timezone

from haidang.cases.deadlines import case_due_at
from haidang.coordination.choices import Step
from haidang.workdays.deadlines import add_working_days, due_at, is_working_day, working_days_between
from haidang.workdays.models import DeadlinePolicy, ExtraDayOff, ExtraWorkingDay


def at(day: dt.date, hour=9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


@pytest.mark.django_db
def test_a_deadline_that_starts_before_tet_lands_after_it():
    tet = sorted(d for d, name in holidays.VN(years=2027).items() if "Lunar New Year" in name)
    assert tet[0] == dt.date(2027, 2, 4) and tet[-1] == dt.date(2027, 2, 10)
    start = at(dt.date(2027, 2, 3))  # Wednesday, the last working day before Tết
    due = add_working_days(start, 1)
    assert timezone.localtime(due).date() == dt.date(2027, 2, 11)  # Thursday after the Tết holiday
    assert timezone.localtime(due).hour == 9
    assert timezone.localtime(add_working_days(start, 3)).date() == dt.date(2027, 2, 15)  # weekend skipped too
    # A case opened just before Tết at urgent priority (one working day) is due after it.
    assert timezone.localtime(case_due_at("urgent", start)).date() == dt.date(2027, 2, 11)


@pytest.mark.django_db
def test_weekends_are_skipped():
    friday = dt.date(2026, 3, 6)
    assert timezone.localtime(add_working_days(at(friday), 1)).date() == dt.date(2026, 3, 9)  # Monday
    assert timezone.localtime(add_working_days(at(friday), 5)).date() == dt.date(2026, 3, 13)
    # Work arriving on a Saturday counts from Monday.
    assert timezone.localtime(add_working_days(at(dt.date(2026, 3, 7)), 1)).date() == dt.date(2026, 3, 10)
    assert not is_working_day(dt.date(2026, 3, 7)) and is_working_day(friday)
    assert working_days_between(friday, dt.date(2026, 3, 13)) == 5


@pytest.mark.django_db
def test_extra_days_off_and_make_up_saturdays_count():
    monday = dt.date(2026, 3, 9)
    ExtraDayOff.objects.create(date=dt.date(2026, 3, 10), name="Provincial day off")
    assert not is_working_day(dt.date(2026, 3, 10))
    assert timezone.localtime(add_working_days(at(monday), 1)).date() == dt.date(2026, 3, 11)
    ExtraWorkingDay.objects.create(date=dt.date(2026, 3, 14), name="Make-up Saturday")
    friday = dt.date(2026, 3, 13)
    assert timezone.localtime(add_working_days(at(friday), 1)).date() == dt.date(2026, 3, 14)


@pytest.mark.django_db
def test_allowances_differ_by_priority_and_are_configurable(settings):
    start = at(dt.date(2026, 3, 9))
    assert due_at(Step.CONSULTATION, "urgent", start) < due_at(Step.CONSULTATION, "low", start)
    settings.HAIDANG_DEADLINES = {"consultation": {"low": 1}}
    assert timezone.localtime(due_at(Step.CONSULTATION, "low", start)).date() == dt.date(2026, 3, 10)
    DeadlinePolicy.objects.create(step=Step.CONSULTATION, priority="low", working_days=4)
    assert timezone.localtime(due_at(Step.CONSULTATION, "low", start)).date() == dt.date(2026, 3, 13)
