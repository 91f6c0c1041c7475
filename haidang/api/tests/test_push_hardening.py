"""Issue #18: one bad record never costs the good ones, errors are JSON, only working roles push."""

import json

import pytest
from django.db import OperationalError
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from rest_framework.test import APIClient

from haidang.agencies.actions import do_issue_api_token
from haidang.agencies.models import Agency
from haidang.audit.models import AuditEntry
from haidang.content.models import Item, Snapshot
from haidang.sources.actions import do_create_source
from haidang.sources.models import Source

URL = "/api/v1/items"
GOOD_1 = {"id": "good-1", "text": "Bài tốt thứ nhất"}
GOOD_2 = {"id": "good-2", "text": "Bài tốt thứ hai"}


def token_client(personas, agency=None, user=None) -> APIClient:
    _, raw = do_issue_api_token(name="collector", agency=agency or personas.lead, user=user or personas.alice)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def post_raw(client, text: str):
    # json.dumps escapes lone surrogates as \ud800: the wire carries what a hostile collector sends.
    return client.post(URL, data=text, content_type="application/json")


BAD_RECORDS = {
    "surrogate in text": {"id": "bad", "text": "chữ \ud800 lẻ"},
    "surrogate in title": {"id": "bad", "title": "tiêu đề \udfff", "text": "x"},
    "surrogate in id": {"id": "bad-\ud83d", "text": "x"},
    "surrogate in author": {"id": "bad", "text": "x", "author": "Tên \udc00"},
    "surrogate in url": {"url": "https://x.example.vn/\ud800", "text": "x"},
}


@pytest.mark.parametrize("bad", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_a_record_with_a_lone_surrogate_is_rejected_and_the_rest_kept(personas, bad):
    response = post_raw(token_client(personas), json.dumps([GOOD_1, bad, GOOD_2]))
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert (body["new"], body["rejected"]) == (2, 1)
    assert body["errors"][0]["record"] == 2 and "surrogate" in body["errors"][0]["error"]
    assert set(Item.objects.values_list("external_id", flat=True)) == {"good-1", "good-2"}


@pytest.mark.parametrize("published", [10**400, "9" * 5000, -(10**30), 1e308],
                         ids=["huge int", "5000 digits", "huge negative", "huge float"])
def test_an_absurd_date_is_dropped_with_a_warning_and_the_rest_kept(personas, published):
    records = [GOOD_1, {"id": "d", "text": "ngày lạ", "published_at": published}, GOOD_2]
    response = post_raw(token_client(personas), json.dumps(records))
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert (body["new"], body["rejected"]) == (3, 0)
    assert [w["record"] for w in body["warnings"]] == [2]
    assert Item.objects.get(external_id="d").published_at is None


def test_a_record_nested_1000_levels_deep_is_rejected_and_the_rest_kept(personas):
    deep = '{"id": "deep", "text": "x", "extra": {"a": ' + "[" * 1000 + "]" * 1000 + "}}"
    text = '{"items": [' + json.dumps(GOOD_1) + ", " + deep + ", " + json.dumps(GOOD_2) + "]}"
    response = post_raw(token_client(personas), text)
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert (body["read"], body["new"], body["rejected"]) == (3, 2, 1)
    assert body["errors"][0]["record"] == 2 and "deep" in body["errors"][0]["error"]


def test_a_json_number_of_5000_digits_rejects_only_its_record(personas):
    bad = '{"id": "n", "text": "x", "published_at": ' + "9" * 5000 + "}"
    text = "[" + json.dumps(GOOD_1) + ", " + bad + ", " + json.dumps(GOOD_2) + "]"
    response = post_raw(token_client(personas), text)
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert (body["read"], body["new"], body["rejected"]) == (3, 2, 1)
    assert body["errors"][0]["record"] == 2 and "digits" in body["errors"][0]["error"]


def test_a_moderately_deep_extra_is_rejected_too(personas):
    deep = {"id": "deep", "text": "x", "extra": {"a": json.loads("[" * 200 + "]" * 200)}}
    body = post_raw(token_client(personas), json.dumps([GOOD_1, deep])).json()
    assert (body["new"], body["rejected"]) == (1, 1) and "deep" in body["errors"][0]["error"]


def test_a_bad_record_after_the_first_batch_still_gives_a_json_answer(personas):
    records = [{"id": f"r{i}", "text": f"bài {i}"} for i in range(1500)]
    records[1200] = {"id": "r1200", "text": "xấu \ud800"}
    response = post_raw(token_client(personas), json.dumps(records))
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert (body["read"], body["new"], body["rejected"]) == (1500, 1499, 1)
    assert body["errors"] == [{"record": 1201, "error": body["errors"][0]["error"]}]
    assert Item.objects.count() == 1499


def test_a_body_over_the_size_limit_is_a_json_413(personas, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post_raw(token_client(personas), json.dumps([{"id": str(i), "text": "x" * 50} for i in range(50)]))
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json") and "error" in response.json()
    assert not Snapshot.objects.exists()


def test_every_error_of_the_push_api_is_json_with_an_error_key(personas):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer hd_not-a-token")
    for response in (client.post(URL, [GOOD_1], format="json"), APIClient().post(URL, [GOOD_1], format="json"),
                     token_client(personas).post(URL, data="a=b", content_type="application/x-www-form-urlencoded")):
        assert response.status_code in (401, 403, 415)
        assert response["Content-Type"].startswith("application/json") and "error" in response.json()


def test_a_database_failure_is_a_json_503_and_the_snapshot_is_accounted_for(personas, monkeypatch):
    from haidang.content import ingest

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(ingest, "_flush", locked)
    client = token_client(personas)
    client.raise_request_exception = False
    response = post_raw(client, json.dumps([GOOD_1]))
    assert response.status_code == 503 and "error" in response.json()
    snapshot = Snapshot.objects.get(kind="push")
    failed = AuditEntry.objects.get(action="ingest.failed")
    assert failed.changes["snapshot"] == snapshot.sha256 and "locked" in failed.changes["error"]


def test_a_wholly_rejected_push_ties_its_snapshot_to_an_audit_row(personas):
    response = post_raw(token_client(personas), json.dumps([{"text": "không có id"}, {"id": "x"}]))
    assert response.status_code == 200 and response.json()["rejected"] == 2
    snapshot = Snapshot.objects.get(kind="push")
    assert not AuditEntry.objects.filter(action="ingest.batch").exists()
    rejected = AuditEntry.objects.get(action="ingest.rejected")
    assert rejected.changes["snapshot"] == snapshot.sha256 and rejected.changes["rejected"] == 2


def _session_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    secret = _get_new_csrf_string()
    client.cookies["csrftoken"] = secret
    client.defaults["HTTP_X_CSRFTOKEN"] = secret
    return client


def test_a_viewer_session_cannot_push(personas):
    do_create_source(name="lead push", kind="push", agency=personas.lead)
    client = _session_client(personas.vera)
    response = client.post(URL, data=json.dumps({"source": "lead push", "items": [GOOD_1]}),
                           content_type="application/json")
    assert response.status_code == 403 and "error" in response.json()
    assert not Item.objects.exists() and not Snapshot.objects.exists()


def test_a_working_role_session_can_push(personas):
    do_create_source(name="lead push", kind="push", agency=personas.lead)
    client = _session_client(personas.alice)
    response = client.post(URL, data=json.dumps({"source": "lead push", "items": [GOOD_1]}),
                           content_type="application/json")
    assert response.status_code == 200, response.content
    assert Item.objects.get().external_id == "good-1"


def test_a_token_of_a_deactivated_agency_is_a_401_without_side_effects(personas):
    client = token_client(personas, agency=personas.health, user=personas.bob)
    Agency.objects.filter(pk=personas.health.pk).update(active=False)
    sources_before = Source.objects.count()
    response = client.post(URL, [GOOD_1], format="json")
    assert response.status_code == 401 and "error" in response.json()
    assert Source.objects.count() == sources_before
    assert not Item.objects.exists() and not Snapshot.objects.exists()
