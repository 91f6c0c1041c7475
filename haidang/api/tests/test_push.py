"""POST /api/v1/items: token-authenticated, bulk, idempotent."""

import json

from rest_framework.test import APIClient

from haidang.agencies.actions import do_issue_api_token, do_revoke_api_token
from haidang.content.models import Item, Snapshot
from haidang.sources.actions import do_create_source

URL = "/api/v1/items"
ITEMS = [
    {"id": "fb-1", "url": "https://www.facebook.com/p/1?fbclid=abc", "text": "Bài đăng <b>một</b>",
     "author": "Nguyễn A", "published_at": "2026-01-05T08:00:00+07:00", "platform": "facebook", "shares": 10},
    {"id": "fb-2", "text": "Trả lời", "parent_id": "fb-1", "platform": "facebook"},
    {"text": "thiếu id và url"},
]


def client_with(token=None) -> APIClient:
    client = APIClient()
    if token:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_it_pushes_items_and_is_idempotent(personas):
    _, raw = do_issue_api_token(name="collector", agency=personas.lead, user=personas.alice)
    client = client_with(raw)
    response = client.post(URL, ITEMS, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["read"], body["new"], body["rejected"]) == (3, 2, 1)
    assert body["errors"] == [{"record": 3, "error": "missing required field: id or url"}]
    item = Item.objects.get(external_id="fb-1")
    assert item.text == "Bài đăng một" and item.canonical_url == "https://www.facebook.com/p/1"
    assert item.source.kind == "push" and item.source.agency == personas.lead
    assert Item.objects.get(external_id="fb-2").parent == item
    snapshot = Snapshot.objects.get(kind="push")
    assert item.snapshot == snapshot
    again = client.post(URL, ITEMS, format="json").json()
    assert (again["new"], again["duplicates"]) == (0, 2)
    assert Item.objects.count() == 2


def test_it_accepts_a_named_push_source_of_the_token_agency(personas):
    source = do_create_source(name="tiktok", kind="push", agency=personas.health, platform="tiktok")
    _, raw = do_issue_api_token(name="c", agency=personas.health, user=personas.bob)
    response = client_with(raw).post(URL, {"source": "tiktok", "items": ITEMS[:1]}, format="json")
    assert response.status_code == 200 and Item.objects.get().source == source


def test_a_token_cannot_push_to_another_agencys_source(personas):
    do_create_source(name="lead push", kind="push", agency=personas.lead)
    _, raw = do_issue_api_token(name="c", agency=personas.health, user=personas.bob)
    response = client_with(raw).post(URL, {"source": "lead push", "items": ITEMS[:1]}, format="json")
    assert response.status_code == 403 and not Item.objects.exists()


def test_it_refuses_without_a_token_or_with_a_revoked_one(personas):
    assert client_with().post(URL, ITEMS, format="json").status_code in (401, 403)
    assert client_with("hd_not-a-real-token").post(URL, ITEMS, format="json").status_code == 401
    token, raw = do_issue_api_token(name="c", agency=personas.lead, user=personas.alice)
    do_revoke_api_token(token)
    assert client_with(raw).post(URL, ITEMS, format="json").status_code == 401
    assert not Item.objects.exists()


def test_it_refuses_bad_bodies_clearly(personas):
    _, raw = do_issue_api_token(name="c", agency=personas.lead, user=personas.alice)
    client = client_with(raw)
    bad = client.post(URL, data="{not json", content_type="application/json")
    assert bad.status_code == 400 and "error" in bad.json()
    assert client.post(URL, {"items": "nope"}, format="json").status_code == 400
    too_many = [{"id": str(i), "text": "x"} for i in range(5001)]
    assert client.post(URL, json.dumps(too_many), content_type="application/json").status_code == 413
