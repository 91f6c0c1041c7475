"""The monitoring feed and item pages: accent-insensitive search, escaped text, outsiders refused."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from haidang.content.ingest import ingest_records
from haidang.content.models import Item

from .helpers import file_source


def load(personas):
    source = file_source(personas)
    ingest_records(source, [
        {"id": "1", "title": "Tin đồn vỡ đập Lệ Thủy", "text": "Đập ở Lệ Thủy bị vỡ? Không đúng."},
        {"id": "2", "text": "Giá hồ tiêu tăng <script>alert(1)</script> &lt;b&gt;đậm&lt;/b&gt;"},
    ])
    return source


def test_the_feed_searches_without_accents(personas):
    load(personas)
    client = personas.client_for(personas.bob)
    response = client.get(reverse("content:feed"), {"q": "vo dap le thuy"})
    assert response.status_code == 200
    assert "Tin đồn vỡ đập Lệ Thủy" in response.content.decode()
    assert "hồ tiêu" not in response.content.decode()


def test_item_text_is_escaped(personas):
    load(personas)
    item = Item.objects.get(external_id="2")
    page = personas.client_for(personas.charlie).get(reverse("content:item", args=[item.pk])).content.decode()
    assert "<script>" not in page and "alert(1)" not in page
    assert "&lt;b&gt;đậm&lt;/b&gt;" in page  # the text's literal "<b>" is shown, never interpreted


def test_people_without_an_agency_see_no_items(personas):
    load(personas)
    nobody = get_user_model().objects.create_user("nobody", password="x" * 12)
    client = personas.client_for(nobody)
    assert "Lệ Thủy" not in client.get(reverse("content:feed")).content.decode()
    item = Item.objects.first()
    assert client.get(reverse("content:item", args=[item.pk])).status_code == 404
    assert Client().get(reverse("content:feed")).status_code == 302  # anonymous: to the log-in page
