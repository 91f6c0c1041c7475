"""The feed sorts by publication time too, and its date filters read day/month/year."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.desk.forms import FeedFilterForm
from haidang.desk.queries import published_page, search_items
from haidang.sources.actions import do_create_source


def _items(personas):
    source = do_create_source(name="Trang tin", kind="push", agency=personas.lead, platform="web",
                              acting_user=personas.alice)
    now = timezone.now()
    # Collected in order a, b, c, d; published in the order c, a, d (b has no publication time).
    published = {"a": now - dt.timedelta(days=2), "b": None, "c": now - dt.timedelta(days=5), "d": now - dt.timedelta(hours=1)}
    ingest_records(source, [{"id": key, "title": f"Tin {key}", "text": f"nội dung {key}",
                             **({"published_at": when.isoformat()} if when else {})} for key, when in published.items()])
    return {item.title[-1]: item for item in Item.objects.all()}


def test_the_feed_sorts_by_publication_time_on_request(personas):
    _items(personas)
    client = personas.client_for(personas.bob)
    by_publication = client.get(reverse("content:feed"), {"sort": "published"})
    assert [i.title for i in by_publication.context["page"]] == ["Tin d", "Tin a", "Tin c"]
    assert 'id="feed-sort"' in by_publication.content.decode()
    by_collection = client.get(reverse("content:feed"))
    assert len(by_collection.context["page"].items) == 4


def test_pages_by_publication_time_walk_forward_and_back(personas):
    _items(personas)
    items = search_items(personas.bob)
    first = published_page(items, size=2)
    assert [i.title for i in first] == ["Tin d", "Tin a"] and first.next_cursor and first.is_first
    second = published_page(items, after=first.next_cursor, size=2)
    assert [i.title for i in second] == ["Tin c"] and not second.next_cursor
    back = published_page(items, before=second.prev_cursor, size=2)
    assert [i.title for i in back] == ["Tin d", "Tin a"] and back.is_first


def test_the_date_filters_read_day_month_year():
    form = FeedFilterForm({"date_from": "03/04/2026", "date_to": "2026-04-30"})
    assert form.filters() == {"date_from": dt.date(2026, 4, 3), "date_to": dt.date(2026, 4, 30)}
    html = str(form["date_from"])
    assert 'type="text"' in html and "placeholder=" in html and 'type="date"' not in html
