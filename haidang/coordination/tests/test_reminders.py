"""Reminders are idempotent: running the periodic task twice sends each reminder once."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from haidang.coordination import actions, tasks
from haidang.coordination.models import ReminderLog
from haidang.core.models import Notification

from .helpers import consultation, meeting, new_case


@pytest.mark.django_db
def test_running_the_periodic_task_twice_sends_one_reminder(personas, django_capture_on_commit_callbacks):
    p = personas
    case = new_case(p)
    # A consultation due in an hour: inside the reminder window.
    consultation(p, case, agencies=[p.ward], deadline=timezone.now() + dt.timedelta(hours=1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_reminders.call_local()
        tasks.send_reminders.call_local()
    assert Notification.objects.filter(recipient=p.walter, verb="coordination.before").count() == 1
    assert sum(1 for m in mail.outbox if "walter@example.test" in m.to and "Reminder" in m.subject) == 1
    assert ReminderLog.objects.filter(kind__startswith="consultation.answer", stage="before").count() == 1


@pytest.mark.django_db
def test_a_claimed_reminder_is_never_sent_again(personas):
    p = personas
    case = new_case(p)
    m = meeting(p, case, starts_in=dt.timedelta(hours=-3))
    later = m.conclusions_due_at + dt.timedelta(days=30)
    first = actions.send_due_reminders(now=later)
    second = actions.send_due_reminders(now=later)
    assert first["meeting.overdue"] == 1 and first["meeting.escalated"] == 1
    assert not any(v for k, v in second.items())
    assert Notification.objects.filter(recipient=p.lena, verb="coordination.overdue",
                                       target_type="coordination.meeting", target_id=str(m.pk)).count() == 1


@pytest.mark.django_db
def test_overdue_handling_goes_to_the_owner_leaders_then_the_lead_agency(personas):
    from haidang.cases import actions as case_actions

    from .helpers import VERIFICATION, appraisal, warning_action

    p = personas
    case = new_case(p)
    m = meeting(p, case)
    action_spec = {**warning_action(p), "deadline": timezone.localdate() + dt.timedelta(days=1)}
    actions.do_conclude_meeting(m, acting_user=p.alice, conclusions="warn", verification=VERIFICATION,
                                appraisal=appraisal(), plan_actions=[action_spec])
    case_actions.do_approve_plan(case, acting_user=p.lena)
    result = actions.send_due_reminders(now=timezone.now() + dt.timedelta(days=20))
    assert result["handling.overdue"] == 1 and result["handling.escalated"] == 1
    assert Notification.objects.filter(recipient=p.hanh, verb="coordination.overdue").exists()
    assert Notification.objects.filter(recipient=p.lars, verb="coordination.escalated").exists()
