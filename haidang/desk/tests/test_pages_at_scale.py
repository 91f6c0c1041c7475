"""What keeps the pages fast at a million items (bench/web.py) changes plans and counts, never
results: a filter planned either way gives the same page, capped counts say "N+" past the cap."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haidang.analysis.models import ItemSignals
from haidang.cases.queries import capped_count, cases_by_state
from haidang.cases.tests.helpers import accepted_case
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.desk import dashboard
from haidang.desk import queries as desk_queries
from haidang.sources.actions import do_create_source

pytestmark = pytest.mark.usefixtures("english_and_fresh_cache")


def _tagged_items(personas) -> list[Item]:
    source = do_create_source(name="Trang tin", kind="push", agency=personas.lead, platform="web",
                              acting_user=personas.alice)
    ingest_records(source, [{"id": f"i{n}", "title": f"Tin {n}", "text": f"nội dung {n}"} for n in range(9)])
    items = list(Item.objects.order_by("id"))
    for n, item in enumerate(items):
        ItemSignals.objects.update_or_create(item=item, defaults={
            "top_category": "scam" if n % 3 else "other", "priority": "urgent" if n % 2 else "low"})
    return items


@pytest.mark.parametrize("common", [True, False], ids=["walk-the-time-index", "use-the-column-index"])
def test_a_category_and_priority_filter_gives_the_same_page_however_it_is_planned(personas, monkeypatch, common):
    items = _tagged_items(personas)
    # 1: every value counts as common (the likely() hint on SQLite); a huge number: none does.
    monkeypatch.setattr(desk_queries, "COMMON_SIGNAL_MATCHES", 1 if common else 10**9)
    expected = sorted((i for n, i in enumerate(items) if n % 3 and n % 2), key=lambda i: (i.fetched_at, i.pk),
                      reverse=True)
    found = list(desk_queries.search_items(personas.bob, category="scam", priority="urgent"))
    assert [i.pk for i in found] == [i.pk for i in expected] and found
    page = personas.client_for(personas.bob).get(reverse("content:feed"), {"category": "scam"})
    assert {i.pk for i in page.context["page"]} == {i.pk for n, i in enumerate(items) if n % 3}


def test_capped_count_stops_at_the_cap(personas):
    _tagged_items(personas)
    assert capped_count(Item.objects.all(), cap=4) == 4
    assert capped_count(Item.objects.all(), cap=100) == Item.objects.count() == 9


def test_the_dashboard_counts_cases_up_to_the_cap_then_says_plus(personas, monkeypatch):
    for n in range(3):
        accepted_case(personas, url=f"https://scam.example.net/post/{n}")
    assert dict((s, n) for s, _label, n in cases_by_state(personas.alice))["new"] == 3
    assert dict((s, n) for s, _label, n in cases_by_state(personas.alice, cap=2))["new"] == 2
    from haidang.cases import queries as case_queries

    monkeypatch.setattr(case_queries, "COUNT_CAP", 2)
    html = personas.client_for(personas.alice).get(reverse("dashboard")).content.decode()
    assert ">2+</span>" in html


def test_overdue_cases_past_the_cap_read_plus(personas, monkeypatch):
    for n in range(3):
        case = accepted_case(personas, url=f"https://scam.example.net/post/{n}")
        type(case).objects.filter(pk=case.pk).update(due_at=timezone.now() - dt.timedelta(days=1))
    assert dashboard.overdue_cases(personas.alice) == 3
    monkeypatch.setattr(dashboard, "COUNT_CAP", 2)
    html = personas.client_for(personas.alice).get(reverse("dashboard")).content.decode()
    assert "2+</span>" in html
