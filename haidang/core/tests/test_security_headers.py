"""Issue #18 item 18: authenticated pages and exports are never stored by browsers or proxies; the
language cookie is SameSite=Lax (and Secure under HTTPS, see test_deploy_check)."""

import pytest
from django.urls import reverse


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_authenticated_pages_and_exports_send_no_store(personas):
    client = personas.client_for(personas.alice)
    for url in (reverse("dashboard"), reverse("cases:list"), reverse("cases:export"),
                reverse("cases:export") + "?format=json", reverse("cases:inbox")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _no_store(response), url
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"], url


@pytest.mark.django_db
def test_anonymous_pages_keep_their_caching(client):
    assert not _no_store(client.get(reverse("healthz")))


@pytest.mark.django_db
def test_the_language_cookie_is_samesite_lax(client, settings):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]  # plain HTTP by default; HAIDANG_HTTPS=1 makes it Secure
