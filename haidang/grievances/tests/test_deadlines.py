"""Deadlines, reminders and escalation run on working days (Tết included); each notice goes once."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from haidang.core.models import Notification
from haidang.grievances import actions, tasks
from haidang.grievances.models import GrievanceReminder
from haidang.workdays.models import DeadlinePolicy

from .helpers import by_hand, local, ward_leader

# Tết 2026 in the `holidays` calendar: Mon 16 to Fri 20 February.
BEFORE_TET = local(2026, 2, 13, 10, 0)  # a Friday


@pytest.mark.django_db
def test_the_default_allowance_is_five_working_days_and_tet_is_not_one_of_them(personas):
    g = by_hand(personas, received_at=BEFORE_TET)
    assert g.working_days == 5
    # Tết week off: 23, 24, 25, 26, 27 February are the five working days.
    assert g.due_at == local(2026, 2, 27, 10, 0)


@pytest.mark.django_db
def test_the_allowance_is_editable_in_the_deadline_table(personas):
    DeadlinePolicy.objects.create(step="grievance", priority="medium", working_days=2)
    g = by_hand(personas, received_at=local(2026, 3, 2, 9, 0))  # a Monday
    assert g.working_days == 2 and g.due_at == local(2026, 3, 4, 9, 0)


@pytest.mark.django_db
def test_a_leader_changes_one_grievances_deadline_with_a_reason(personas):
    p = personas
    leader = ward_leader(p)
    g = by_hand(p, received_at=BEFORE_TET)
    with pytest.raises(PermissionDenied):
        actions.do_set_deadline(g, acting_user=p.walter, working_days=10, reason="more time")
    g = actions.do_set_deadline(g, acting_user=leader, working_days=10, reason="needs a site visit")
    assert g.due_at == local(2026, 3, 6, 10, 0)
    assert g.events.filter(type="deadline_changed").exists()


def _notices(user, stage):
    return Notification.objects.filter(recipient=user, verb=f"grievances.{stage}").count()


@pytest.mark.django_db
def test_reminder_then_the_agencys_leader_then_the_lead_agency_each_once(personas):
    p = personas
    leader = ward_leader(p)
    received = local(2026, 2, 6, 10, 0)  # Friday: due Friday 13 February, 10:00
    g = by_hand(p, received_at=received)
    actions.do_take_grievance(g, acting_user=p.walter)
    assert g.due_at == local(2026, 2, 13, 10, 0)

    for _run in range(2):
        actions.send_due_reminders(now=local(2026, 2, 12, 12, 0))
    assert _notices(p.walter, "before") == 1 and _notices(leader, "overdue") == 0

    # Overdue during Tết: the ward's leader is told; escalation waits for a working day after the deadline.
    for _run in range(2):
        result = actions.send_due_reminders(now=local(2026, 2, 18, 9, 0))
    assert result == {"before": 0, "overdue": 0, "escalated": 0}
    assert _notices(leader, "overdue") == 1 and _notices(p.walter, "overdue") == 1
    assert _notices(p.lena, "escalated") == 0

    # One working day after the deadline is Monday 23 February, 10:00 (Tết in between).
    assert actions.send_due_reminders(now=local(2026, 2, 23, 9, 59))["escalated"] == 0
    assert actions.send_due_reminders(now=local(2026, 2, 23, 10, 1))["escalated"] == 1
    assert actions.send_due_reminders(now=local(2026, 3, 30, 10, 0)) == {"before": 0, "overdue": 0, "escalated": 0}
    assert _notices(p.lena, "escalated") == 1 and _notices(p.alice, "escalated") == 1
    assert GrievanceReminder.objects.filter(grievance=g).count() == 3
    assert g.events.filter(type="reminder").count() == 3


@pytest.mark.django_db
def test_the_periodic_task_run_twice_sends_one_notice(personas, django_capture_on_commit_callbacks):
    p = personas
    ward_leader(p)
    by_hand(p, received_at=local(2026, 1, 5, 9, 0))  # long overdue
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_grievance_reminders.call_local()
        tasks.send_grievance_reminders.call_local()
    assert _notices(p.lena, "escalated") == 1


@pytest.mark.django_db
def test_an_answered_grievance_gets_no_more_reminders(personas):
    p = personas
    leader = ward_leader(p)
    g = by_hand(p, received_at=local(2026, 1, 5, 9, 0))
    actions.do_submit_answer(g, acting_user=p.walter, text="Đã sửa.", published_url="https://donghoi.gov.vn/tl/1")
    actions.do_approve_answer(g, acting_user=leader)
    assert actions.send_due_reminders() == {"before": 0, "overdue": 0, "escalated": 0}


@pytest.mark.django_db
def test_a_reassigned_grievance_starts_a_new_allowance_with_its_own_notices(personas):
    p = personas
    g = by_hand(p, received_at=local(2026, 1, 5, 9, 0))
    assert actions.send_due_reminders()["overdue"] == 1
    g = actions.do_reassign_grievance(g, p.health, acting_user=p.alice, reason="a hospital matter")
    assert g.due_at > g.received_at + dt.timedelta(days=5)
    later = g.due_at + dt.timedelta(hours=1)
    assert actions.send_due_reminders(now=later)["overdue"] == 1
    assert _notices(p.hanh, "overdue") == 1
