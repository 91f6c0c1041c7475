import pytest
from django.test import Client
from django.urls import reverse

from haidang.agencies.testing import PASSWORD


@pytest.mark.django_db
def test_login_page_renders_in_vietnamese(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


@pytest.mark.django_db
def test_officer_logs_in_and_sees_dashboard(personas):
    client = Client()
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    dashboard = client.get(reverse("dashboard"))
    assert dashboard.status_code == 200
    assert "STTTT" in dashboard.content.decode()


@pytest.mark.django_db
def test_dashboard_requires_login(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.django_db
def test_repeated_failures_lock_the_account(personas, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "alice", "password": "wrong"})
    # Even the right password is refused once locked out.
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_logout_ends_the_session(personas):
    client = personas.client_for(personas.alice)
    client.post(reverse("logout"))
    assert client.get(reverse("dashboard")).status_code == 302


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2_in_production(settings):
    from haidang import settings as hd_settings

    assert "Argon2PasswordHasher" in [h for h in hd_settings.PASSWORD_HASHERS if "Argon2" in h][0]


@pytest.mark.django_db
def test_language_switch_to_english(personas):
    client = personas.client_for(personas.alice)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get(reverse("dashboard")).content.decode()
