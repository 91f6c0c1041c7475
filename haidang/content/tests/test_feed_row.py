"""`{% feed_row %}` writes the HTML the feed's row template wrote (`reference/feed_row.html`, the row as it
was before the tag), for rows with and without a title, signals, author, engagement, press, removal,
personal data and markup in the text, searched or not, with and without the batch check-box."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone, translation

from haidang.analysis.models import ItemSignals
from haidang.content.models import Item

from .helpers import file_source

REFERENCE = (Path(__file__).parent / "reference" / "feed_row.html").read_text()
ROW = "{% load monitoring_tags %}{% feed_row item query can_work %}"
_n = itertools.count(1)


def _item(src, *, title="", text="", signals=None, **fields) -> Item:
    n = next(_n)
    item = Item.objects.create(source=src, external_id=f"r{n}", title=title, text=text, content_hash=f"{n:064x}",
                               **fields)
    if signals is not None:
        ItemSignals.objects.create(item=item, **signals)
    return item


@pytest.mark.parametrize("language", ["en", "vi"])
def test_row_is_the_template_it_replaced(personas, language):
    src = file_source(personas)
    long_text = "Lừa đảo chuyển khoản, gọi 0983 123 789 hoặc số tài khoản 0123456789012. " * 8
    _item(src, title="Mạo danh <b>công an</b> & lừa đảo", text=long_text, likes=3, shares=1000,
          author_name="Nguyễn <Văn> A", platform="facebook",
          signals={"top_category": "scam", "priority": "urgent",
                   "why": [{"kind": "rule", "category": "scam", "reason": "Có \"chuyển khoản\" <gấp>"},
                           {"kind": "watchlist", "name": "Lừa đảo", "urgent": True, "matches": [{"term": "lua dao"}]}]})
    _item(src, text="Không tiêu đề: nhà số 12 ngõ 34, email an@example.vn " + "x" * 200, is_press=True,
          deleted_at=timezone.now(), signals={"top_category": "other", "priority": "low"})
    _item(src, title="Chỉ tiêu đề", text="", published_at=timezone.now())
    _item(src, title="", text="")
    items = list(Item.objects.select_related("source", "signals").order_by("id"))
    engine = engines["django"]
    reference, row = engine.from_string(REFERENCE), engine.from_string(ROW)
    request = RequestFactory().get("/content/")
    request.user = personas.alice
    checked = 0
    with translation.override(language):
        for query in ("", "lua dao", "cong an 0983", "khong"):
            for can_work in (True, False):
                for item in items:
                    context = {"item": item, "query": query, "can_work": can_work}
                    assert row.render(context, request) == reference.render(context, request), (item.pk, query)
                    checked += 1
    assert checked == 4 * 2 * len(items) and any("hd-hit" in row.render({"item": i, "query": "lua dao"}, request)
                                                for i in items)


def _feed_queries(client) -> tuple[int, str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client.get(reverse("content:feed"))  # the place filter's cache, as on any later page
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(reverse("content:feed")).content.decode()
    return len(ctx.captured_queries), body


def test_the_feed_runs_as_many_queries_for_fifty_rows_as_for_two(personas):
    """Every row's source, signals and URL come with the page: no query a row (a row reading something
    not loaded with it would add 48 here)."""
    src = file_source(personas)
    client = personas.client_for(personas.alice)
    for n in range(2):
        _item(src, title=f"Tin {n}", text="Gọi 0983 123 789", signals={"top_category": "scam", "priority": "high"})
    few, body = _feed_queries(client)
    assert body.count('class="hd-feed-item') == 2
    for n in range(60):
        _item(src, title=f"Tin {n}", text="Gọi 0983 123 789", author_name="A",
              signals={"top_category": "scam", "priority": "high"} if n % 2 else None)
    many, body = _feed_queries(client)
    assert body.count('class="hd-feed-item') == 50
    assert many == few
