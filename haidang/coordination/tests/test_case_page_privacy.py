"""Issue #18 item 9: a participant of the case that was not invited to a meeting or a consultation gets
404 on its page, so the case page and the case's export must not show it either (timeline, next step)."""

import json

import pytest
from django.urls import reverse

from haidang.coordination import actions
from haidang.coordination.choices import Position

from .helpers import consultation, meeting, new_case

SECRETS = ("Agree the handling", "Room 2, STTTT", "Opinions on the fake page")


@pytest.fixture
def world(personas):
    p = personas
    # The ward takes part in the case but is invited to neither the meeting nor the consultation.
    case = new_case(p, participants=[p.health, p.ward])
    m = meeting(p, case, agencies=[p.health])
    c = consultation(p, case, agencies=[p.health, p.police])
    actions.do_answer_consultation(c, acting_user=p.bob, position=Position.DISAGREE, text="Not ours at all")
    return case, m, c


def _coordination_events(data):
    return [e for e in data["timeline"] if "meeting_id" in e["parameters"] or "consultation_id" in e["parameters"]]


@pytest.mark.django_db
def test_uninvited_participant_sees_no_coordination_on_the_case_page_or_export(personas, world):
    p = personas
    case, m, c = world
    client = p.client_for(p.walter)
    assert client.get(reverse("coordination:meeting", args=[m.pk])).status_code == 404
    assert client.get(reverse("coordination:consultation", args=[c.pk])).status_code == 404
    for tab in ("overview", "meetings", "consultations"):
        page = client.get(reverse("cases:detail", args=[case.pk]), {"tab": tab})
        assert page.status_code == 200
        html = page.content.decode()
        for secret in SECRETS:
            assert secret not in html, (tab, secret)
        assert "SYT: disagree" not in html
    data = json.loads(client.get(reverse("cases:export_case", args=[case.pk])).content)
    assert _coordination_events(data) == []
    dumped = json.dumps(data, ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in dumped
    assert c.deadline.isoformat() not in dumped


@pytest.mark.django_db
def test_invited_agencies_and_the_lead_still_see_it(personas, world):
    p = personas
    case, m, c = world
    for user in (p.bob, p.alice):
        client = p.client_for(user)
        html = client.get(reverse("cases:detail", args=[case.pk]), {"tab": "consultations"}).content.decode()
        assert "Agree the handling" in html and "Opinions on the fake page" in html
        assert "SYT: disagree" in html  # the timeline
        data = json.loads(client.get(reverse("cases:export_case", args=[case.pk])).content)
        assert len(_coordination_events(data)) == 3  # meeting scheduled, consultation opened, answered
    # The police were invited to the consultation only: they see it and its events, not the meeting's.
    data = json.loads(p.client_for(p.peter).get(reverse("cases:export_case", args=[case.pk])).content)
    kinds = {e["type"] for e in _coordination_events(data)}
    assert kinds == {"consultation_opened", "consultation_answered"}


@pytest.mark.django_db
def test_next_step_does_not_name_a_hidden_meeting(personas, world):
    from haidang.cases.queries import next_step

    p = personas
    case, m, c = world
    case.refresh_from_db()
    assert "Agree the handling" in next_step(case, user=p.bob)["what"]
    hidden = next_step(case, user=p.walter)
    assert "Agree the handling" not in hidden["what"] and hidden["tab"] == "overview"
