"""Mode (a), end to end: a meeting is convened (invitations with .ics to the designated officers),
attendance and minutes are recorded, and its conclusions lead through the approvals to a closed case."""

import pytest
from django.core import mail

from haidang.cases.choices import ActionStatus, CaseState
from haidang.coordination import actions
from haidang.coordination.choices import MeetingStatus
from haidang.core.models import Notification

from .helpers import (
    VERIFICATION,
    appraisal,
    carry_out_and_close,
    meeting,
    new_case,
    removal_action,
    warning_action,
)


@pytest.mark.django_db
def test_a_meeting_with_conclusions_leads_to_a_closed_case(personas, django_capture_on_commit_callbacks):
    p = personas
    case = new_case(p)
    with django_capture_on_commit_callbacks(execute=True):
        m = meeting(p, case)
    case.refresh_from_db()
    assert case.state == CaseState.COORDINATING and case.coordination_modes == ["meeting"]
    assert case.participant_agency_ids() == {p.health.pk, p.police.pk}
    # The agenda is built from the case's evidence.
    assert "scam.example.net/post/1" in m.agenda
    # The designated officers of each invited agency get the invitation, with the .ics attached.
    invitations = [msg for msg in mail.outbox if msg.attachments]
    recipients = {addr for msg in invitations for addr in msg.to}
    assert {"bob@example.test", "peter@example.test"} <= recipients
    assert "charlie@example.test" not in recipients and "walter@example.test" not in recipients
    name, body, mimetype = invitations[0].attachments[0]
    assert name == "invitation.ics" and mimetype.startswith("text/calendar")
    ics = body.decode() if isinstance(body, bytes) else body
    assert "BEGIN:VEVENT" in ics and f"UID:{m.uid}@haidang" in ics and "METHOD:REQUEST" in ics
    assert Notification.objects.filter(recipient=p.peter, verb="coordination.meeting_invitation").exists()

    actions.do_record_attendance(m, acting_user=p.alice, attendance={p.health.pk: (True, "Bob"),
                                                                     p.police.pk: (False, "")})
    actions.do_record_minutes(m, acting_user=p.alice, minutes="SYT confirms the page is fake. Police agree.")
    actions.do_conclude_meeting(m, acting_user=p.alice, conclusions="Fake page: remove it and warn citizens.",
                                verification=VERIFICATION, appraisal=appraisal(),
                                plan_actions=[removal_action(p), warning_action(p)])
    m.refresh_from_db()
    case.refresh_from_db()
    assert m.status == MeetingStatus.CONCLUDED
    # The conclusions filled the case, marked with their origin, and still await the leaders.
    assert case.state == CaseState.APPRAISED
    assert case.current_verification().origin == f"meeting:{m.pk}"
    assert case.current_appraisal().origin == f"meeting:{m.pk}"
    plan = case.current_plan()
    assert plan.status == "submitted" and plan.origin == f"meeting:{m.pk}"
    assert Notification.objects.filter(recipient=p.lena, verb="cases.approval_needed").exists()

    case = carry_out_and_close(p, case)
    assert case.state == CaseState.CLOSED
    removal = case.actions.get(kind="request_removal")
    assert removal.status == ActionStatus.DONE and removal.second_approved_by == p.lars
    types = list(case.events.values_list("type", flat=True))
    for t in ("meeting_scheduled", "meeting_attendance", "meeting_minutes", "meeting_concluded"):
        assert t in types


@pytest.mark.django_db
def test_only_the_lead_agency_runs_a_meeting(personas):
    from django.core.exceptions import PermissionDenied

    p = personas
    case = new_case(p)
    with pytest.raises(PermissionDenied):
        actions.do_create_meeting(case, acting_user=p.bob, title="x", starts_at=case.created_at, place="x",
                                  agencies=[p.health])
    m = meeting(p, case)
    with pytest.raises(PermissionDenied):
        actions.do_conclude_meeting(m, acting_user=p.bob, conclusions="x")


@pytest.mark.django_db
def test_minutes_export_and_cancel(personas, django_capture_on_commit_callbacks):
    p = personas
    case = new_case(p)
    m = meeting(p, case)
    actions.do_record_minutes(m, acting_user=p.alice, minutes="Discussed the page.")
    client = p.client_for(p.bob)
    text = client.get(f"/coordination/meetings/{m.pk}/minutes/export/?format=txt")
    assert text.status_code == 200 and "Discussed the page." in text.content.decode()
    assert client.get(f"/coordination/meetings/{m.pk}/minutes/export/").status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_cancel_meeting(m, acting_user=p.alice, reason="the page is already gone")
    assert any("METHOD:CANCEL" in (a[1].decode() if isinstance(a[1], bytes) else a[1])
               for msg in mail.outbox for a in msg.attachments)
