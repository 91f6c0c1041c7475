"""The figures the dashboard and the feed keep for a while, per user: kept, then counted again once
their time is up (or, for the feed's places, as soon as a newer item is analysed); and the feed's
queries do not grow with its page of items."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haidang.analysis.models import ItemSignals
from haidang.cases import queries as case_queries
from haidang.cases.tests.helpers import accepted_case
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.desk import dashboard
from haidang.desk import queries as desk_queries
from haidang.sources.actions import do_create_source

pytestmark = pytest.mark.usefixtures("english_and_fresh_cache")


def _later(monkeypatch, seconds: int) -> None:
    """Move the cache's clock past `seconds` from now."""
    later = time.time() + seconds + 1
    monkeypatch.setattr(time, "time", lambda: later)


def _items(personas, n: int, *, start: int = 0, place: tuple[int, str] | None = None) -> list[Item]:
    source = do_create_source(name=f"Trang {start}", kind="push", agency=personas.lead, platform="web",
                              acting_user=personas.alice)
    ingest_records(source, [{"id": f"i{k}", "title": f"Tin {k}", "text": f"nội dung {k} ở Quảng Bình"}
                            for k in range(start, start + n)])
    items = list(Item.objects.filter(source=source).order_by("id"))
    for item in items:
        places = [{"code": place[0], "name": place[1], "confidence": 0.9}] if place else []
        ItemSignals.objects.update_or_create(item=item, defaults={
            "top_category": "scam", "priority": "high", "places": places,
            "why": [{"kind": "rule", "category": "scam", "reason": "chuyển khoản"}]})
    return items


def _open_cases(personas, n: int, *, start: int = 0, overdue: bool = False) -> None:
    for k in range(start, start + n):
        case = accepted_case(personas, url=f"https://scam.example.net/post/{k}")
        if overdue:
            type(case).objects.filter(pk=case.pk).update(due_at=timezone.now() - dt.timedelta(days=1))


def test_the_feed_runs_as_many_queries_for_a_full_page_as_for_three_items(personas, django_assert_max_num_queries):
    client = personas.client_for(personas.alice)
    _items(personas, 3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("content:feed"), {"q": "quang binh"}).status_code == 200
    _items(personas, 60, start=3)
    # The columns the rows do not show are left out of the query, and none is read back one by one.
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("content:feed"), {"q": "quang binh"})
    assert len(page.context["page"].items) == 50
    body = page.content.decode()
    assert "Tin 62" in body and "chuyển khoản" in body  # title, and the why chip from the signals


def test_the_feed_places_are_kept_until_a_newer_item_is_analysed(personas):
    _items(personas, 2, place=(19249, "Xã Lệ Thủy"))
    assert desk_queries.recent_places(personas.alice) == [("19249", "Xã Lệ Thủy")]
    with CaptureQueriesContext(connection) as kept:
        assert desk_queries.recent_places(personas.alice) == [("19249", "Xã Lệ Thủy")]
    assert len(kept.captured_queries) == 1  # only the newest analysed item, to know the list is current
    _items(personas, 1, start=2, place=(46, "Huế"))
    assert desk_queries.recent_places(personas.alice) == [("46", "Huế"), ("19249", "Xã Lệ Thủy")]


def test_the_feed_places_expire_after_a_minute(personas, monkeypatch):
    items = _items(personas, 1, place=(19249, "Xã Lệ Thủy"))
    assert desk_queries.recent_places(personas.alice) == [("19249", "Xã Lệ Thủy")]
    # An older item re-tagged does not change the newest one: the list waits for its minute.
    ItemSignals.objects.filter(item=items[0]).update(places=[{"code": 46, "name": "Huế", "confidence": 0.9}])
    assert desk_queries.recent_places(personas.alice) == [("19249", "Xã Lệ Thủy")]
    _later(monkeypatch, desk_queries.PLACES_CACHE_SECONDS)
    assert desk_queries.recent_places(personas.alice) == [("46", "Huế")]


def test_the_dashboard_case_counts_are_a_minute_old_at_most(personas, monkeypatch):
    _open_cases(personas, 2)
    by_state = lambda: dict((s, n) for s, _label, n in case_queries.cases_by_state(personas.alice, cap=10))  # noqa: E731
    assert by_state()["new"] == 2
    _open_cases(personas, 1, start=2)
    assert by_state()["new"] == 2  # kept
    # The exact counts (the case list's) are never kept.
    assert dict((s, n) for s, _label, n in case_queries.cases_by_state(personas.alice))["new"] == 3
    _later(monkeypatch, case_queries.CAPPED_COUNTS_CACHE_SECONDS)
    assert by_state()["new"] == 3


def test_the_overdue_count_is_per_user_and_a_minute_old_at_most(personas, monkeypatch):
    _open_cases(personas, 2, overdue=True)
    assert dashboard.overdue_cases(personas.alice) == 2
    # Kept per user: an officer who may not see these cases never gets alice's figure.
    assert dashboard.overdue_cases(personas.charlie) == 0
    _open_cases(personas, 1, start=2, overdue=True)
    assert dashboard.overdue_cases(personas.alice) == 2
    _later(monkeypatch, dashboard.USER_COUNTS_CACHE_SECONDS)
    assert dashboard.overdue_cases(personas.alice) == 3
    html = personas.client_for(personas.alice).get(reverse("dashboard")).content.decode()
    assert 'Overdue cases</span>\n        <span class="hd-figure-value">3</span>' in html
