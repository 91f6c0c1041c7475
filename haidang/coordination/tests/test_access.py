"""Outsiders: an agency that was not invited cannot see or answer a consultation (404); the case's
confidentiality comes first; every view refuses outsiders."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from haidang.coordination import actions, queries
from haidang.coordination.choices import Position
from haidang.coordination.models import Consultation, Meeting

from .helpers import consultation, meeting, new_case


@pytest.fixture
def world(personas):
    p = personas
    # The ward takes part in the case but is not invited to the consultation or the meeting.
    case = new_case(p, participants=[p.health, p.ward])
    return case, meeting(p, case, agencies=[p.health]), consultation(p, case, agencies=[p.health, p.police])


def _urls(case, m, c):
    return [
        reverse("coordination:meeting_new", args=[case.pk]), reverse("coordination:consultation_new", args=[case.pk]),
        reverse("coordination:meeting", args=[m.pk]), reverse("coordination:meeting_ics", args=[m.pk]),
        reverse("coordination:meeting_attendance", args=[m.pk]), reverse("coordination:meeting_minutes", args=[m.pk]),
        reverse("coordination:meeting_minutes_export", args=[m.pk]),
        reverse("coordination:meeting_conclude", args=[m.pk]), reverse("coordination:meeting_cancel", args=[m.pk]),
        reverse("coordination:consultation", args=[c.pk]), reverse("coordination:consultation_close", args=[c.pk]),
        reverse("coordination:consultation_summary", args=[c.pk]),
    ]


@pytest.mark.django_db
def test_a_non_invited_agency_cannot_see_or_answer(personas, world):
    p = personas
    case, m, c = world
    for outsider in (p.charlie, p.walter):
        with pytest.raises(Http404):
            queries.access_consultation_for_user(outsider, c.pk)
        with pytest.raises(Http404):
            queries.access_meeting_for_user(outsider, m.pk)
        assert not Consultation.objects.restrict(outsider).exists()
        with pytest.raises(PermissionDenied):
            actions.do_answer_consultation(c, acting_user=outsider, position=Position.AGREE, text="x")
        client = p.client_for(outsider)
        assert client.get(reverse("coordination:consultation", args=[c.pk])).status_code == 404
        assert client.post(reverse("coordination:consultation", args=[c.pk]),
                           {"position": "agree", "text": "x"}).status_code == 404
    assert not c.answers.exists()
    # Invited agencies and the lead agency see it.
    for insider in (p.bob, p.peter, p.alice, p.lena, p.vera):
        assert queries.access_consultation_for_user(insider, c.pk) == c


@pytest.mark.django_db
def test_outsider_is_refused_by_every_view(personas, world):
    client = personas.client_for(personas.charlie)
    post_only = ("/attendance/", "/minutes/", "/conclude/", "/cancel/", "/close/")
    for url in _urls(*world):
        # POST-only endpoints answer 405 to any GET, whether the object exists or not: nothing leaks.
        assert client.get(url).status_code == (405 if url.endswith(post_only) else 404), url
        assert client.post(url, {}).status_code == 404, url
    anonymous = personas.client_for(personas.charlie)
    anonymous.logout()
    for url in _urls(*world):
        assert anonymous.get(url).status_code == 302, url


@pytest.mark.django_db
def test_invited_agencies_cannot_run_the_coordination(personas, world):
    case, m, c = world
    client = personas.client_for(personas.bob)
    for url in (reverse("coordination:meeting_new", args=[case.pk]),
                reverse("coordination:consultation_new", args=[case.pk])):
        assert client.get(url).status_code == 403
    for url in (reverse("coordination:meeting_conclude", args=[m.pk]),
                reverse("coordination:consultation_close", args=[c.pk])):
        assert client.post(url, {"conclusion": "x"}).status_code == 403


@pytest.mark.django_db
def test_confidential_cases_hide_their_coordination(personas):
    p = personas
    case = new_case(p, confidentiality="confidential", participants=[p.health])
    m = meeting(p, case, agencies=[p.health])
    c = consultation(p, case, agencies=[p.health])
    # Alice opened the case (lead officer); a lead-agency viewer without need to know sees nothing.
    assert not Meeting.objects.restrict(p.vera).exists() and not Consultation.objects.restrict(p.vera).exists()
    with pytest.raises(Http404):
        queries.access_consultation_for_user(p.vera, c.pk)
    assert queries.access_meeting_for_user(p.lena, m.pk) == m  # leaders of the lead agency see it
    assert queries.access_consultation_for_user(p.bob, c.pk) == c
    # Notifications about confidential cases name the case by its code only.
    from haidang.core.models import Notification

    text = Notification.objects.filter(recipient=p.bob, verb="coordination.consultation_question").get().text
    assert case.code in text and case.title not in text
