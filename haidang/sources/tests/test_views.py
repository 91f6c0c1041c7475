"""The sources page: health, add, fetch now; outsiders refused."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.urls import reverse

from haidang.content.models import Item
from haidang.sources.actions import do_create_source
from haidang.sources.models import Source

FEED = (Path(__file__).parent / "fixtures" / "feed.rss").read_bytes()


def test_officers_see_sources_with_their_health(personas):
    source = do_create_source(name="Cổng tỉnh", kind="feed", agency=personas.lead, url="https://qt.example.vn/rss")
    Source.objects.filter(pk=source.pk).update(consecutive_failures=3, last_error="HTTP 500 from qt.example.vn")
    page = personas.client_for(personas.bob).get(reverse("sources:list")).content.decode()
    assert "Cổng tỉnh" in page and "HTTP 500 from qt.example.vn" in page


def test_an_officer_adds_a_source_for_their_agency(personas):
    client = personas.client_for(personas.bob)
    response = client.post(reverse("sources:list"), {
        "name": "Báo Sức khỏe", "kind": "feed", "url": "https://suckhoe.example.vn/rss", "platform": "news",
        "interval_minutes": 15, "credibility": 0.8, "is_press": "on", "active": "on"})
    assert response.status_code == 302
    source = Source.objects.get(name="Báo Sức khỏe")
    assert source.agency == personas.health and source.is_press


def test_a_feed_without_url_is_refused(personas):
    client = personas.client_for(personas.bob)
    response = client.post(reverse("sources:list"), {"name": "x", "kind": "feed", "url": "", "platform": "web",
                                                     "interval_minutes": 15, "credibility": 0.5})
    assert response.status_code == 200 and not Source.objects.exists()


def test_fetch_now(personas, loopback):
    loopback.add("/rss", headers={"Content-Type": "application/rss+xml"}, body=FEED)
    source = do_create_source(name="f", kind="feed", agency=personas.health, url=loopback.url("/rss"))
    response = personas.client_for(personas.bob).post(reverse("sources:fetch", args=[source.pk]))
    assert response.status_code == 302 and Item.objects.count() == 3


def test_another_agency_cannot_fetch_or_manage(personas):
    source = do_create_source(name="f", kind="feed", agency=personas.health, url="https://h.example.vn/rss")
    assert personas.client_for(personas.charlie).post(reverse("sources:fetch", args=[source.pk])).status_code == 404
    nobody = get_user_model().objects.create_user("nobody", password="x" * 12)
    assert personas.client_for(nobody).get(reverse("sources:list")).status_code == 404
