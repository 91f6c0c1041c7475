"""Issue #18 item 14: an API token added in the admin is made by the action that shows the key once."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from haidang.agencies.models import ApiToken
from haidang.audit.models import AuditEntry


@pytest.fixture
def admin(personas):
    root = get_user_model().objects.create_superuser("root", "root@example.test", "root-password-123")
    return personas.client_for(root)


@pytest.mark.django_db
def test_tokens_added_in_the_admin_work_and_their_key_is_shown_once(personas, admin):
    p = personas
    url = reverse("admin:agencies_apitoken_add")
    keys = []
    for name in ("collector A", "collector B"):
        response = admin.post(url, {"name": name, "agency": p.health.pk, "user": p.bob.pk})
        assert response.status_code == 200, response.content.decode()[:500]
        assert response["Cache-Control"].count("no-store") == 1
        keys.append(re.search(r"hd_[A-Za-z0-9_-]{20,}", response.content.decode()).group(0))
    tokens = list(ApiToken.objects.order_by("pk"))
    assert len(tokens) == 2
    for token, key in zip(tokens, keys, strict=True):
        assert token.key_hash == ApiToken.hash_key(key) and token.prefix == key[3:9]
        assert AuditEntry.objects.filter(action="api_token.issue", object_id=str(token.pk)).exists()
    # The key is not shown again.
    change = admin.get(reverse("admin:agencies_apitoken_change", args=[tokens[0].pk])).content.decode()
    assert keys[0] not in change
    assert tokens[0].key_hash not in change


@pytest.mark.django_db
def test_the_issued_key_authenticates_the_push_api(personas, admin):
    from rest_framework.test import APIRequestFactory

    from haidang.api.auth import AgencyTokenAuthentication

    p = personas
    response = admin.post(reverse("admin:agencies_apitoken_add"), {"name": "c", "agency": p.health.pk,
                                                                   "user": p.bob.pk})
    key = re.search(r"hd_[A-Za-z0-9_-]{20,}", response.content.decode()).group(0)
    request = APIRequestFactory().get("/api/v1/items", HTTP_AUTHORIZATION=f"Bearer {key}")
    user, token = AgencyTokenAuthentication().authenticate(request)
    assert user == p.bob and token.name == "c"


@pytest.mark.django_db
def test_revoking_in_the_admin_is_audited_and_the_agency_cannot_be_changed(personas, admin):
    from haidang.agencies.actions import do_issue_api_token

    p = personas
    token, _key = do_issue_api_token(name="c", agency=p.health, user=p.bob)
    url = reverse("admin:agencies_apitoken_change", args=[token.pk])
    response = admin.post(url, {"name": "c", "revoked": "on", "agency": p.lead.pk})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked and token.agency == p.health
    entry = AuditEntry.objects.get(action="admin.change", object_id=str(token.pk))
    assert entry.changes == {"before": {"revoked": False}, "after": {"revoked": True}}
