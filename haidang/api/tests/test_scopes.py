"""Scopes: read cannot write, push only pushes, expired or revoked tokens get 401; viewers never write."""

import datetime as dt

from django.utils import timezone

from haidang.agencies.models import ApiToken
from haidang.alerts.models import Alert

from .conftest import api, make_token

PUSH = [{"id": "x-1", "text": "Bài đăng"}]


def test_a_read_token_reads_but_cannot_write_or_push(personas, world):
    client = api(make_token(personas.bob, personas.health, ["read"]))
    assert client.get("/api/v1/alerts/").status_code == 200
    ack = client.post(f"/api/v1/alerts/{world.alert_high.pk}/acknowledge/")
    assert ack.status_code == 403 and ack["Content-Type"] == "application/problem+json"
    assert client.post("/api/v1/items", PUSH, format="json").status_code == 403
    assert Alert.objects.get(pk=world.alert_high.pk).status == "open"


def test_a_push_token_only_pushes(personas, world):
    client = api(make_token(personas.bob, personas.health, ["push"]))
    assert client.post("/api/v1/items", PUSH, format="json").status_code == 200
    assert client.get("/api/v1/items/").status_code == 403
    assert client.get("/api/v1/alerts/").status_code == 403
    assert client.post(f"/api/v1/alerts/{world.alert_high.pk}/acknowledge/").status_code == 403


def test_an_act_token_acts_through_the_actions(personas, world):
    client = api(make_token(personas.bob, personas.health, ["read", "act"]))
    response = client.post(f"/api/v1/alerts/{world.alert_high.pk}/acknowledge/")
    assert response.status_code == 200 and response.json()["status"] == "acknowledged"
    from haidang.audit.models import AuditEntry

    entry = AuditEntry.objects.get(action="alert.acknowledge")
    assert entry.actor == personas.bob and entry.object_id == str(world.alert_high.pk)


def test_expired_and_revoked_tokens_get_401(personas, world):
    raw = make_token(personas.bob, personas.health, ["read"])
    token = ApiToken.objects.get(key_hash=ApiToken.hash_key(raw))
    assert api(raw).get("/api/v1/alerts/").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    expired = api(raw).get("/api/v1/alerts/")
    assert expired.status_code == 401 and expired["Content-Type"] == "application/problem+json"
    assert "expired" in expired.json()["detail"]
    ApiToken.objects.filter(pk=token.pk).update(expires_at=None, revoked=True)
    assert api(raw).get("/api/v1/alerts/").status_code == 401
    assert api("hd_unknown").get("/api/v1/alerts/").status_code == 401


def test_a_viewers_session_never_writes(personas, world):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=False)
    client.force_login(personas.vera)
    assert client.get("/api/v1/cases/").status_code == 200
    response = client.post(f"/api/v1/cases/{world.normal.pk}/transition/", {"to": "verifying"}, format="json")
    assert response.status_code == 403
    assert client.post("/api/v1/reports/", {"url": "https://x.example.vn/1"}, format="json").status_code == 403
    # An officer's session may write (CSRF still applies to sessions in real browsers).
    officer = APIClient()
    officer.force_login(personas.alice)
    # The case is coordinating (a consultation is open): verification is behind it, a 409 problem.
    refused = officer.post(f"/api/v1/cases/{world.normal.pk}/transition/", {"to": "verifying"}, format="json")
    assert refused.status_code == 409 and "coordinating" in refused.json()["detail"]
    moved = officer.post(f"/api/v1/cases/{world.normal.pk}/transition/", {"to": "dismissed", "reason": "duplicate"},
                         format="json")
    assert moved.status_code == 200 and moved.json()["state"] == "dismissed"


def test_a_coordinator_issues_and_revokes_tokens_on_the_screen(personas):
    screen = personas.client_for(personas.alice)
    page = screen.post(f"/integrations/agencies/{personas.lead.pk}/tokens/",
                       {f"t{personas.lead.pk}-name": "ticketing", f"t{personas.lead.pk}-scopes": ["read", "act"],
                        f"t{personas.lead.pk}-days": "30"})
    assert page.status_code == 200
    raw = page.context["shown"]["value"]
    token = ApiToken.objects.get(name="ticketing")
    assert token.key_hash == ApiToken.hash_key(raw) and raw not in str(token.__dict__)
    assert token.scopes == ["act", "read"] and token.expires_at > timezone.now() + dt.timedelta(days=29)
    assert api(raw).get("/api/v1/cases/").status_code == 200
    screen.post(f"/integrations/tokens/{token.pk}/revoke/")
    assert api(raw).get("/api/v1/cases/").status_code == 401
    # Not a coordinator: no page, no token.
    assert personas.client_for(personas.bob).get("/integrations/").status_code == 404
    assert personas.client_for(personas.vera).post(
        f"/integrations/agencies/{personas.lead.pk}/tokens/",
        {f"t{personas.lead.pk}-name": "x", f"t{personas.lead.pk}-scopes": ["act"],
         f"t{personas.lead.pk}-days": "3"}).status_code == 404


def test_each_token_is_throttled_on_its_own(personas, monkeypatch):
    from django.core.cache import cache

    from haidang.api.throttling import PerTokenThrottle

    cache.clear()
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"token": "3/min"})
    busy = api(make_token(personas.bob, personas.health))
    calm = api(make_token(personas.hanh, personas.health))
    answers = [busy.get("/api/v1/alerts/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    throttled = busy.get("/api/v1/alerts/")
    assert throttled["Content-Type"] == "application/problem+json" and "Retry-After" in throttled
    assert calm.get("/api/v1/alerts/").status_code == 200
    cache.clear()
