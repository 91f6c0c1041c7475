"""The full flow through the views with the Django test client, as the people would click it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haidang.cases.choices import ActionStatus, CaseState
from haidang.cases.models import Case, LegalProvision, Report


@pytest.mark.django_db
def test_it_runs_the_flow_through_the_views(personas, monkeypatch, django_capture_on_commit_callbacks):
    p = personas
    bob, alice, lena, lars = (p.client_for(u) for u in (p.bob, p.alice, p.lena, p.lars))

    r = bob.post(reverse("cases:report_new"), {"url": "https://scam.example.net/p/1", "description": "Fake SYT page",
                                               "reason": "asks for bank details", "category": "scam",
                                               "urgency": "high"})
    assert r.status_code == 302
    report = Report.objects.get()
    assert "Fake SYT page" in alice.get(reverse("cases:triage")).content.decode()

    r = alice.post(reverse("cases:report_accept", args=[report.pk]),
                   {"title": "Fake SYT page", "priority": "high", "confidentiality": "normal",
                    "participants": [p.health.pk]})
    case = Case.objects.get()
    assert r.url == reverse("cases:detail", args=[case.pk])
    page = alice.get(r.url).content.decode()
    assert case.code in page and "What happens next" in page

    def post(client, name, data, *extra):
        response = client.post(reverse(f"cases:{name}", args=[case.pk, *extra]), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        return response

    post(alice, "start_verification", {})
    post(bob, "verify", {"findings": "Not an SYT page", "verdict": "false", "sources": "SYT web registry",
                         "evidence": [e.pk for e in case.evidence.all()]})
    basis = LegalProvision.objects.get(code="lanm-2018-d16")
    post(alice, "appraise", {"expression_type": "unlawful", "severity": "high", "legal_basis": [basis.pk],
                             "reasoning": "impersonation for fraud"})
    deadline = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    post(alice, "plan_add_action", {"kind": "request_removal", "owner_agency": p.lead.pk, "deadline": deadline,
                                    "target_url": "https://scam.example.net/p/1", "legal_basis": [basis.pk],
                                    "reasons": "defrauds citizens"})
    post(alice, "plan_submit", {"note": "remove it"})
    post(lena, "plan_approve", {})
    action = case.actions.get()
    assert action.status == ActionStatus.AWAITING_SECOND_APPROVAL

    # Blocked without a second approver: starting is refused with a clear message.
    r = alice.post(reverse("cases:action_start", args=[case.pk, action.pk]), {})
    assert r.status_code == 400 and "second approver" in r.content.decode()
    # The plan's approver cannot be the second approver either.
    r = lena.post(reverse("cases:action_second_approve", args=[case.pk, action.pk]), {})
    assert r.status_code == 400
    post(lars, "action_second_approve", {"note": "agreed"}, action.pk)
    post(alice, "action_start", {}, action.pk)

    class Snapshot:
        pk = 5
        status_code = 410

    monkeypatch.setattr("haidang.cases.actions._refetch", lambda url, user: Snapshot())
    post(alice, "action_proof", {"refetch": "on"}, action.pk)
    post(alice, "action_complete", {"result": "gone (410)"}, action.pk)
    with django_capture_on_commit_callbacks(execute=True):
        post(alice, "close", {"outcome": "Removed."})
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert action.proofs.get().http_status == 410
    page = alice.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "HTTP 410" in page and "Removed." in page
    # The reporter sees the outcome on their report and in their inbox.
    assert case.code in bob.get(reverse("cases:report_detail", args=[report.pk])).content.decode()
    assert case.code in bob.get(reverse("cases:inbox")).content.decode()
    # The dashboard card renders.
    assert bob.get(reverse("dashboard")).status_code == 200


@pytest.mark.django_db
def test_triage_dismisses_with_a_listed_reason(personas):
    p = personas
    from .helpers import report

    r = report(p, category="grievance", description="Why is the road still broken?")
    response = p.client_for(p.alice).post(reverse("cases:report_dismiss", args=[r.pk]),
                                          {"reason": "answered_grievance", "note": "answered by the ward"})
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.status == "dismissed" and r.dismiss_reason == "answered_grievance"
    assert p.bob.notifications.filter(verb="cases.report_triaged").exists()
    page = p.client_for(p.bob).get(reverse("cases:report_detail", args=[r.pk])).content.decode()
    assert "answered as a grievance" in page


@pytest.mark.django_db
def test_triage_merges_into_an_existing_case(personas):
    p = personas
    from .helpers import accepted_case, report

    case = accepted_case(p)
    second = report(p, url="https://scam.example.net/p/2")
    response = p.client_for(p.alice).post(reverse("cases:report_merge", args=[second.pk]), {"case": case.pk})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.case == case and second.status == "merged"
    assert case.events.filter(type="report_linked", parameters__merged=True).exists()


@pytest.mark.django_db
def test_report_from_an_item_page(personas):
    from haidang.content.models import Item
    from haidang.sources.models import Source

    p = personas
    source = Source.objects.create(name="Forum", agency=p.lead, url="https://forum.example/rss")
    item = Item.objects.create(source=source, url="https://forum.example/t/9", canonical_url_hash="h9",
                               content_hash="c9", title="Fake vaccine fee")
    client = p.client_for(p.bob)
    page = client.get(reverse("cases:report_new"), {"item": item.pk}).content.decode()
    assert "Fake vaccine fee" in page
    response = client.post(reverse("cases:report_new") + f"?item={item.pk}",
                           {"url": item.url, "description": "Fake vaccine fee", "category": "scam", "urgency": "high"})
    assert response.status_code == 302
    assert Report.objects.get().item == item
    assert p.client_for(p.bob).get(reverse("cases:report_new"), {"item": 99999}).status_code == 404
