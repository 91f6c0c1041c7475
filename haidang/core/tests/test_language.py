import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_english_browser_still_gets_vietnamese(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="vi"' in response.content.decode()


@pytest.mark.django_db
def test_the_switch_is_the_way_to_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="vi")
    assert 'lang="en"' in response.content.decode()
