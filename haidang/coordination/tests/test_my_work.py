"""`my_work` (the "my work" page and the dashboard's coordination card) reads its four lists from two
queries and gives every persona the same lists, in the same order, as the four queries it replaced."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Exists, OuterRef
from django.utils import timezone

from haidang.agencies import access
from haidang.coordination import actions, queries
from haidang.coordination.choices import ConsultationStatus, MeetingStatus, Position
from haidang.coordination.models import Answer, Consultation, Meeting

from .helpers import consultation, meeting, new_case


def _four_queries(user) -> dict:
    """`my_work` as it was before it read two queries (kept here as the reference)."""
    mine = access.agency_ids(user, access.WORKING_ROLES)
    consultations = Consultation.objects.restrict(user).filter(status=ConsultationStatus.OPEN).select_related("case")
    answered = Answer.objects.filter(consultation=OuterRef("pk"), agency_id__in=mine)
    to_answer = (consultations.filter(invitations__agency_id__in=mine)
                 .annotate(answered=Exists(answered)).order_by("deadline"))
    meetings = (Meeting.objects.restrict(user).filter(status=MeetingStatus.SCHEDULED)
                .select_related("case").order_by("starts_at"))
    invited_meetings = meetings.filter(invitations__agency_id__in=mine)
    leading = [c.pk for c in consultations if queries.is_lead_of(user, c.case)]
    return {
        "to_answer": list(to_answer),
        "meetings": list(invited_meetings),
        "running_consultations": list(consultations.filter(pk__in=leading).order_by("deadline")),
        "running_meetings": [m for m in meetings if queries.is_lead_of(user, m.case)],
    }


def _shown(work: dict) -> dict:
    return {key: [(row.pk, row.case.code, getattr(row, "answered", None) if key == "to_answer" else None)
                  for row in rows] for key, rows in work.items()}


@pytest.fixture
def coordination(personas):
    p = personas
    now = timezone.now()
    normal = new_case(p)
    later = consultation(p, normal, deadline=now + dt.timedelta(days=5))
    sooner = consultation(p, normal, agencies=[p.police], deadline=now + dt.timedelta(days=2))
    actions.do_answer_consultation(later, acting_user=p.bob, position=Position.AGREE, text="agreed")
    closed = consultation(p, normal, agencies=[p.health])
    actions.do_close_consultation(closed, acting_user=p.alice, conclusion="done")
    meeting(p, normal, starts_in=dt.timedelta(days=2))
    meeting(p, normal, agencies=[p.ward], starts_in=dt.timedelta(days=1))
    # Confidential, the health department not taking part: its invitation does not show it the case.
    secret = new_case(p, confidentiality="confidential", participants=[p.police])
    consultation(p, secret, agencies=[p.police, p.health])
    meeting(p, secret, agencies=[p.health], starts_in=dt.timedelta(hours=3))
    return {"sooner": sooner, "later": later, "closed": closed}


def test_every_persona_gets_the_lists_the_four_queries_gave(personas, coordination):
    p = personas
    seen_any = set()
    for user in (p.alice, p.lena, p.lars, p.bob, p.hanh, p.peter, p.walter, p.vera):
        access.clear_cache(user)
        expected = _shown(_four_queries(user))
        access.clear_cache(user)
        assert _shown(queries.my_work(user)) == expected, user.username
        seen_any |= {key for key, rows in expected.items() if rows}
    # The fixture exercises every list, so an empty answer could not pass for a right one.
    assert seen_any == {"to_answer", "meetings", "running_consultations", "running_meetings"}
    bob = {c.pk: c.answered for c in queries.my_work(p.bob)["to_answer"]}
    assert bob[coordination["later"].pk] is True and coordination["closed"].pk not in bob
    running = [c.pk for c in queries.my_work(p.alice)["running_consultations"]]
    assert running.index(coordination["sooner"].pk) < running.index(coordination["later"].pk)  # by deadline


def test_my_work_is_two_queries_however_many_rows(personas, coordination, django_assert_num_queries):
    p = personas
    access.agency_ids(p.alice)  # the memberships, loaded once a request by the layout already
    with django_assert_num_queries(2):
        work = queries.my_work(p.alice)
        # Deciding whether the user leads each case reads no agency row.
        assert len(work["running_consultations"]) >= 2 and len(work["running_meetings"]) >= 2
