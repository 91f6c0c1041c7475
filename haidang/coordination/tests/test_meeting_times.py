"""Issue #15 item 10: a meeting is concluded only once it has started, and it can be rescheduled."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haidang.cases.errors import IllegalTransition
from haidang.coordination import actions
from haidang.coordination.choices import MeetingStatus

from .helpers import VERIFICATION, meeting, new_case


@pytest.mark.django_db
def test_a_meeting_cannot_be_concluded_before_it_starts(personas):
    p = personas
    case = new_case(p)
    m = meeting(p, case, starts_in=dt.timedelta(days=1))
    with pytest.raises(IllegalTransition):
        actions.do_conclude_meeting(m, acting_user=p.alice, conclusions="too early", verification=VERIFICATION)
    page = p.client_for(p.alice).get(reverse("coordination:meeting", args=[m.pk])).content.decode()
    assert 'data-testid="conclude-not-yet"' in page and "/conclude/" not in page
    m.refresh_from_db()
    assert m.status == MeetingStatus.SCHEDULED


@pytest.mark.django_db
def test_a_meeting_is_rescheduled_with_an_updated_invitation(personas, mailoutbox, django_capture_on_commit_callbacks):
    p = personas
    case = new_case(p)
    m = meeting(p, case, starts_in=dt.timedelta(days=1))
    new_start = timezone.localtime() + dt.timedelta(days=3)
    alice = p.client_for(p.alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice.post(reverse("coordination:meeting_reschedule", args=[m.pk]), {
            "starts_at": new_start.strftime("%Y-%m-%dT%H:%M"), "duration": 60, "place": "Room 5",
            "reason": "the director is away"})
    assert response.status_code == 302
    old_sequence = m.sequence
    m.refresh_from_db()
    assert m.sequence == old_sequence + 1 and m.place == "Room 5"
    assert abs((m.starts_at - new_start).total_seconds()) < 60 and m.ends_at - m.starts_at == dt.timedelta(hours=1)
    assert case.events.filter(type="meeting_rescheduled").exists()
    invitations = [msg for msg in mailoutbox if "Rescheduled" in msg.subject]
    ics = invitations[0].attachments[0][1]
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert f"SEQUENCE:{m.sequence}" in ics
    # An outsider to the case cannot move it.
    assert p.client_for(p.charlie).post(reverse("coordination:meeting_reschedule", args=[m.pk]), {
        "starts_at": new_start.strftime("%Y-%m-%dT%H:%M"), "duration": 60, "place": "x"}).status_code == 404
