"""The web flow through the test client: convene, invite, answer (the one form), revise, close."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from haidang.cases.choices import CaseState
from haidang.coordination.models import Consultation, Meeting

from .helpers import new_case


@pytest.mark.django_db
def test_the_web_flow(personas):
    p = personas
    case = new_case(p)
    alice = p.client_for(p.alice)
    page = alice.get(reverse("cases:detail", args=[case.pk]))
    assert reverse("coordination:meeting_new", args=[case.pk]) in page.content.decode()

    start = (timezone.localtime() + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    assert alice.get(reverse("coordination:meeting_new", args=[case.pk])).status_code == 200
    response = alice.post(reverse("coordination:meeting_new", args=[case.pk]), {
        "title": "Meeting", "starts_at": start, "duration": 60, "place": "Room 1",
        "agencies": [p.health.pk, p.police.pk], "agenda": "1. <b>the page</b>"})
    m = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("coordination:meeting", args=[m.pk])
    detail = alice.get(reverse("coordination:meeting", args=[m.pk])).content.decode()
    assert "&lt;b&gt;the page&lt;/b&gt;" in detail and "<b>the page</b>" not in detail  # escaped
    ics = p.client_for(p.bob).get(reverse("coordination:meeting_ics", args=[m.pk]))
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in ics.content

    deadline = (timezone.localtime() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = alice.post(reverse("coordination:consultation_new", args=[case.pk]), {
        "title": "Opinions", "question_handling": "Warn citizens?", "agencies": [p.health.pk, p.police.pk],
        "deadline": deadline})
    c = Consultation.objects.get()
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.COORDINATING and sorted(case.coordination_modes) == ["meeting", "written"]

    bob = p.client_for(p.bob)
    url = reverse("coordination:consultation", args=[c.pk])
    form_page = bob.get(url).content.decode()
    assert 'name="position"' in form_page and "Answer by" in form_page
    assert bob.post(url, {"position": "agree", "text": ""}).status_code == 400
    response = bob.post(url, {"position": "agree", "text": "Yes, warn them.",
                              "attachments": SimpleUploadedFile("letter.txt", b"signed")})
    assert response.status_code == 302
    response = bob.post(url, {"position": "other", "text": "Warn, and ask the police to look."})
    answer = c.answers.get()
    assert answer.revision == 2 and answer.signed_by == p.bob
    assert "Revise and sign" in bob.get(url).content.decode()

    # The lead agency sees the tally and every revision, then closes.
    lead_page = alice.get(url).content.decode()
    assert "Every revision" in lead_page and "Yes, warn them." in lead_page
    response = alice.post(reverse("coordination:consultation_close", args=[c.pk]), {
        "conclusion": "Warn citizens.", "verdict": "false", "findings": "Not SYT's page.", "submit_plan": "on"})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.status == "closed" and case.verifications.get().origin == f"consultation:{c.pk}"
    assert "Opinions" in alice.get(reverse("cases:detail", args=[case.pk])).content.decode()

    for name in ("coordination:my_work", "coordination:load"):
        assert bob.get(reverse(name)).status_code == 200
    assert bob.get(reverse("dashboard")).status_code == 200
