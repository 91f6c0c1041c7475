"""The resources: filters, cursor pages, the writes through the actions, Idempotency-Key, problems in
Vietnamese, and the documentation served offline."""

import re

import pytest
from django.utils import translation

from haidang.alerts.models import Alert
from haidang.analysis.models import ItemSignals
from haidang.audit.models import AuditEntry
from haidang.cases.models import Report
from haidang.coordination.models import Answer
from haidang.grievances.models import GrievanceAnswer

from .conftest import api, make_token


@pytest.fixture
def bob(personas):
    return api(make_token(personas.bob, personas.health, ["read", "act", "push"]))


def test_items_carry_their_signals_and_filter(personas, bob):
    bob.post("/api/v1/items", [{"id": "a", "text": "Lừa đảo chuyển khoản"}, {"id": "b", "text": "Giá hồ tiêu tăng"}],
             format="json")
    from haidang.content.models import Item

    scam = Item.objects.get(external_id="a")
    ItemSignals.objects.update_or_create(item=scam, defaults={"top_category": "scam", "priority": "high", "risk": 0.9})
    rows = bob.get("/api/v1/items/?priority=high").json()["results"]
    assert [r["id"] for r in rows] == [scam.pk] and rows[0]["signals"]["top_category"] == "scam"
    found = bob.get("/api/v1/items/?q=lua dao").json()["results"]
    assert [r["id"] for r in found] == [scam.pk]
    assert bob.get("/api/v1/items/?priority=nope").status_code == 400


def test_lists_are_cursor_paginated(personas, world):
    for n in range(5):
        Alert.objects.create(dedupe_key=f"p{n}", title=f"a{n}", priority="high", agency=personas.health)
    client = api(make_token(personas.bob, personas.health))
    page = client.get("/api/v1/alerts/?page_size=2").json()
    assert len(page["results"]) == 2 and "cursor=" in page["next"] and page["previous"] is None
    seen = [r["id"] for r in page["results"]]
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += [r["id"] for r in page["results"]]
    assert seen == sorted(seen, reverse=True) and len(seen) == len(set(seen)) == 6
    high = client.get("/api/v1/alerts/?priority=high&status=open").json()["results"]
    assert len(high) == 6


def test_alert_writes_go_through_the_actions(personas, world, bob):
    alert = world.alert_high
    missing = bob.post(f"/api/v1/alerts/{alert.pk}/dismiss/", {}, format="json")
    assert missing.status_code == 400 and "reason" in missing.json()["errors"]
    reported = bob.post(f"/api/v1/alerts/{alert.pk}/report/", {"reason": "lan rộng"}, format="json")
    assert reported.status_code == 201
    report = Report.objects.get(pk=reported.json()["id"])
    assert report.reporting_agency == personas.health and Alert.objects.get(pk=alert.pk).status == "reported"
    again = bob.post(f"/api/v1/alerts/{alert.pk}/acknowledge/")
    assert again.status_code == 400  # the action's own rule (only an open alert), as a problem
    assert AuditEntry.objects.filter(action="alert.report", actor=personas.bob).exists()
    # An alert routed elsewhere is not there at all for bob.
    assert bob.post(f"/api/v1/alerts/{world.alert_low.pk}/acknowledge/").status_code == 404


def test_a_report_is_created_and_an_idempotency_key_makes_a_retry_harmless(personas, bob):
    body = {"url": "https://lua-dao.example.vn/p/1", "description": "Trang giả mạo", "category": "scam",
            "urgency": "high"}
    first = bob.post("/api/v1/reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == 201
    retry = bob.post("/api/v1/reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert retry.status_code == 201 and retry.json() == first.json() and retry["Idempotency-Replayed"] == "true"
    assert Report.objects.count() == 1
    other = bob.post("/api/v1/reports/", {**body, "description": "khác"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert other.status_code == 422 and other["Content-Type"] == "application/problem+json"
    assert bob.post("/api/v1/reports/", body, format="json").status_code == 201  # no key: a second report
    assert Report.objects.count() == 2
    assert bob.post("/api/v1/reports/", {}, format="json").status_code == 400


def test_an_agency_answers_a_consultation_as_itself(personas, world, bob):
    url = f"/api/v1/consultations/{world.consultation.pk}/answer/"
    answered = bob.post(url, {"position": "agree", "text": "Trang không phải của Sở Y tế."}, format="json")
    assert answered.status_code == 201 and answered.json()["agency"] == "SYT"
    answer = Answer.objects.get()
    assert answer.agency == personas.health and answer.signed_by == personas.bob
    listed = bob.get(f"/api/v1/consultations/{world.consultation.pk}/answers/").json()
    assert [a["id"] for a in listed] == [answer.pk]
    # An agency not invited cannot answer (its token does not even see the consultation).
    charlie = api(make_token(personas.charlie, personas.other, ["read", "act"]))
    assert charlie.post(url, {"position": "agree", "text": "x"}, format="json").status_code == 404


def test_a_grievance_is_answered_through_its_action(personas, world, bob):
    url = f"/api/v1/grievances/{world.grievance.pk}/answer/"
    bad = bob.post(url, {"text": "Đã chấn chỉnh", "published_url": "not a url"}, format="json")
    assert bad.status_code == 400
    ok = bob.post(url, {"text": "Bệnh viện đã bố trí thêm bàn khám.", "published_url": "https://syt.example.vn/tl/1"},
                  format="json")
    assert ok.status_code == 200, ok.content
    assert GrievanceAnswer.objects.get().written_by == personas.bob


def test_problems_speak_vietnamese(personas, world, settings):
    settings.LANGUAGE_CODE = "vi"
    with translation.override("vi"):
        client = api(make_token(personas.charlie, personas.other))
        body = client.get(f"/api/v1/cases/{world.confidential.pk}/", HTTP_ACCEPT_LANGUAGE="vi").json()
    assert body["title"] == "Không tìm thấy"


def test_the_schema_and_its_docs_are_served_offline(client, settings):
    settings.LANGUAGE_CODE = "vi"
    schema = client.get("/api/v1/schema/?format=json", HTTP_ACCEPT_LANGUAGE="vi")
    assert schema.status_code == 200
    data = schema.json()
    assert data["openapi"].startswith("3.") and "/api/v1/cases/{id}/transition/" in data["paths"]
    assert "Hải Đăng" in data["info"]["description"] and "cơ quan" in data["info"]["description"]
    for page in ("/api/v1/docs/", "/api/v1/redoc/"):
        response = client.get(page)
        html = response.content.decode()
        assert "/static/drf_spectacular_sidecar/" in html
        # Nothing from outside: every src/href is a path on this server.
        assert not re.findall(r'(?:src|href)="(?!/)', html), re.findall(r'(?:src|href)="[^"]*', html)
        # django-csp does not keep the directives in a fixed order, so read them as a mapping.
        directives = dict(
            part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip()
        )
        assert directives["script-src"] == "'self'"  # the sidecar's scripts are ours; nothing inline
    init = client.get("/api/v1/docs/?script=").content.decode()
    assert '"validatorUrl": null' in init  # Swagger UI calls no online validator


def test_a_copy_sent_while_the_first_is_still_running_does_not_act_twice(personas, bob):
    """The key is reserved before the write runs: a second copy in flight gets 409, not a second report."""
    import datetime as dt

    from django.utils import timezone

    from haidang.api.idempotency import IN_PROGRESS
    from haidang.api.models import IdempotencyKey

    body = {"url": "https://lua-dao.example.vn/p/2", "description": "Trang giả mạo", "category": "scam",
            "urgency": "high"}
    first = bob.post("/api/v1/reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-run")
    assert first.status_code == 201
    key = IdempotencyKey.objects.get(key="k-run")
    # Put the key back into the state it has while the first request runs.
    IdempotencyKey.objects.filter(pk=key.pk).update(response_status=IN_PROGRESS, response_body={})
    copy = bob.post("/api/v1/reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-run")
    assert copy.status_code == 409 and copy["Retry-After"] == "1"
    assert Report.objects.count() == 1
    # A reservation left by a process that died is freed after a while, and the retry then acts once.
    IdempotencyKey.objects.filter(pk=key.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    assert bob.post("/api/v1/reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-run").status_code == 409
    retry = bob.post("/api/v1/reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-run")
    assert retry.status_code == 201 and Report.objects.count() == 2
    assert IdempotencyKey.objects.get(key="k-run").response_status == 201


def test_a_request_that_fails_gives_its_idempotency_key_back(personas, bob, monkeypatch):
    from haidang.api.models import IdempotencyKey
    from haidang.cases import actions as case_actions

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(case_actions, "do_create_report", boom)
    body = {"url": "https://lua-dao.example.vn/p/3", "description": "Trang giả mạo", "category": "scam",
            "urgency": "high"}
    bob.raise_request_exception = False
    failed = bob.post("/api/v1/reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-fail")
    assert failed.status_code == 500
    assert not IdempotencyKey.objects.filter(key="k-fail").exists()
