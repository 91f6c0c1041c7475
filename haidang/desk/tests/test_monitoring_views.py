"""The monitoring feed (filters, full-text search, keyset pages, batch actions), the item page's
verdict, and the WARC download: each refused to outsiders."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haidang.analysis.actions import do_store_item_signals
from haidang.analysis.models import ItemSignals, Verdict
from haidang.content import search
from haidang.content.actions import do_record_data_snapshot
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.content.queries import keyset_page
from haidang.content.tests.helpers import file_source
from haidang.desk.queries import search_items


def _signals(item, **fields):
    """Store signals through the analyser's write path, which also writes the feed's item tags."""
    defaults = {"categories": {}, "top_category": "", "priority": "low", "risk": 0.1, "watchlist_hits": [],
                "places": [], "entities": {}, "why": []}
    result = {**defaults, **fields}
    result["watchlists"] = result.pop("watchlist_hits")
    do_store_item_signals({item.pk: result}, model_versions={})
    return ItemSignals.objects.get(item=item)


@pytest.fixture
def loaded(personas):
    source = file_source(personas)
    ingest_records(source, [
        {"id": "qb", "title": "Mưa lớn ở Quảng Bình", "text": "Nước lên nhanh tại Lệ Thủy.", "platform": "facebook"},
        {"id": "hue", "title": "Tin Huế", "text": "Thời tiết Thừa Thiên Huế hôm nay nắng nhẹ.", "platform": "news"},
        {"id": "scam", "text": "Chuyển khoản ngay để nhận quà, lừa đảo trắng trợn ở Quảng Bình", "platform": "zalo"},
    ])
    items = {i.external_id: i for i in Item.objects.all()}
    start = items["scam"].text.index("lừa đảo")
    _signals(items["scam"], top_category="scam", priority="high", risk=0.8,
             places=[{"code": 19249, "name": "Xã Lệ Thủy", "confidence": 0.9, "start": 0, "end": 3}],
             watchlist_hits=[{"id": 7, "name": "Lừa đảo", "urgent": False, "hits": [{"term": "lua dao", "start": start, "end": start + 7}]}],
             why=[{"kind": "watchlist", "id": 7, "name": "Lừa đảo", "urgent": False,
                   "matches": [{"term": "lua dao", "start": start, "end": start + 7}]}])
    _signals(items["hue"], places=[{"code": 46, "name": "Huế", "confidence": 0.9, "start": 0, "end": 3}])
    return items


def _ids(response) -> set[str]:
    return {i.external_id for i in response.context["page"].items}


def test_search_uses_the_database_index_and_ignores_accents(personas, loaded):
    backend = search.search_backend()
    assert backend == {"sqlite": "fts5", "postgresql": "trigram"}.get(connection.vendor, "like")
    found = {i.external_id for i in search_items(personas.bob, "quang binh")}
    assert found == {"qb", "scam"}
    assert {i.external_id for i in search_items(personas.bob, "QUẢNG   bình thời tiết")} == set()
    assert {i.external_id for i in search_items(personas.bob, 'lua "dao')} == {"scam"}  # quotes are literal
    assert {i.external_id for i in search_items(personas.bob, "!!!")} == {"qb", "hue", "scam"}


def test_search_index_follows_edits_and_deletes(personas, loaded):
    item = loaded["hue"]
    Item.objects.filter(pk=item.pk).update(text_folded="mot tin khac hoan toan")
    assert not search_items(personas.bob, "thua thien").exists()
    assert search_items(personas.bob, "hoan toan").get().pk == item.pk
    Item.objects.filter(pk=item.pk).delete()
    assert not search_items(personas.bob, "hoan toan").exists()


def test_fallback_without_fts(personas, loaded, monkeypatch):
    monkeypatch.setitem(search._available, connection.alias, False)
    assert {i.external_id for i in search_items(personas.bob, "quang binh")} == {"qb", "scam"}


def test_feed_filters(personas, loaded):
    client = personas.client_for(personas.bob)
    url = reverse("content:feed")
    assert _ids(client.get(url)) == {"qb", "hue", "scam"}
    assert _ids(client.get(url, {"platform": "zalo"})) == {"scam"}
    assert _ids(client.get(url, {"category": "scam"})) == {"scam"}
    assert _ids(client.get(url, {"priority": "high"})) == {"scam"}
    assert _ids(client.get(url, {"place": "19249"})) == {"scam"}
    assert _ids(client.get(url, {"place": "46"})) == {"hue"}
    assert _ids(client.get(url, {"source": loaded["qb"].source_id, "q": "hue"})) == {"hue"}
    today = timezone.localdate()
    assert _ids(client.get(url, {"date_from": today.isoformat()})) == set()  # no published dates given
    assert _ids(client.get(url, {"priority": "bogus"})) == {"qb", "hue", "scam"}  # stale values are ignored


def test_feed_watchlist_filter(personas, loaded):
    from haidang.analysis.actions import do_create_watchlist

    wl = do_create_watchlist(name="Lừa đảo", query="lừa đảo", owner=personas.lead)
    scam = ItemSignals.objects.get(item=loaded["scam"])
    _signals(loaded["scam"], top_category=scam.top_category, priority=scam.priority, risk=scam.risk,
             places=scam.places, why=scam.why,
             watchlist_hits=[{"id": wl.pk, "name": wl.name, "urgent": False, "hits": []}])
    client = personas.client_for(personas.bob)
    assert _ids(client.get(reverse("content:feed"), {"watchlist": wl.pk})) == {"scam"}


def test_feed_highlights_and_explains(personas, loaded):
    page = personas.client_for(personas.bob).get(reverse("content:feed"), {"q": "quang binh"}).content.decode()
    assert '<mark class="hd-hit">Quảng</mark> <mark class="hd-hit">Bình</mark>' in page
    assert "data-why" in page and "Lừa đảo" in page


def test_keyset_pages_cover_everything_once_without_count(personas):
    source = file_source(personas)
    ingest_records(source, [{"id": str(n), "text": f"tin số {n}"} for n in range(23)])
    base = timezone.now()
    for n, item in enumerate(Item.objects.order_by("pk")):
        # Several share a timestamp: the id breaks ties.
        Item.objects.filter(pk=item.pk).update(fetched_at=base - dt.timedelta(minutes=n // 3))
    qs = search_items(personas.bob)
    seen, cursor, pages = [], None, 0
    with CaptureQueriesContext(connection) as queries:
        while True:
            page = keyset_page(qs, after=cursor, size=5)
            seen += [i.pk for i in page]
            pages += 1
            if not page.next_cursor:
                break
            cursor = page.next_cursor
    assert pages == 5 and len(seen) == 23 == len(set(seen))
    assert seen == list(qs.values_list("pk", flat=True))
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    back = keyset_page(qs, before=keyset_page(qs, after=cursor, size=5).prev_cursor, size=5)
    assert [i.pk for i in back] == seen[15:20]
    assert keyset_page(qs, after="garbage", size=5).is_first  # a broken cursor is the first page


def test_search_results_page_through_every_match_once(personas):
    source = file_source(personas)
    ingest_records(source, [{"id": str(n), "text": f"tin số {n} ở Quảng Bình" if n % 2 else f"tin số {n} ở Huế"}
                            for n in range(22)])
    qs = search_items(personas.bob, "quang binh")
    expected = sorted(Item.objects.filter(text__contains="Quảng Bình").values_list("pk", flat=True), reverse=True)
    seen, cursor = [], None
    while True:
        page = keyset_page(qs, after=cursor, size=4)
        seen += [i.pk for i in page]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert seen == expected and len(seen) == 11  # newest first, no duplicates, no gaps
    back = keyset_page(qs, before=keyset_page(qs, after=cursor, size=4).prev_cursor, size=4)
    assert [i.pk for i in back] == seen[4:8]


def test_batch_not_harmful_and_report(personas, loaded):
    client = personas.client_for(personas.bob)
    ids = [loaded["qb"].pk, loaded["scam"].pk]
    response = client.post(reverse("content:batch"), {"action": "not_harmful", "items": ids,
                                                      "next": "/content/?q=x"})
    assert response.status_code == 302
    assert set(Verdict.objects.values_list("item_id", "outcome")) == {(i, "not_harmful") for i in ids}
    client.post(reverse("content:batch"), {"action": "report", "items": [loaded["scam"].pk]})
    from haidang.cases.models import Report

    assert Report.objects.filter(subject_id=str(loaded["scam"].pk)).count() == 1


def test_batch_refused_to_viewers_and_outsiders(personas, loaded):
    response = personas.client_for(personas.vera).post(
        reverse("content:batch"), {"action": "not_harmful", "items": [loaded["qb"].pk]})
    assert response.status_code == 403 and not Verdict.objects.exists()
    nobody = get_user_model().objects.create_user("nobody", password="x" * 12)
    assert personas.client_for(nobody).post(
        reverse("content:batch"), {"action": "not_harmful", "items": [loaded["qb"].pk]}).status_code == 404
    assert personas.client_for(nobody).get(reverse("content:feed")).status_code == 404


def test_item_page_verdict(personas, loaded):
    item = loaded["scam"]
    client = personas.client_for(personas.bob)
    page = client.get(reverse("content:item", args=[item.pk]))
    assert page.status_code == 200 and 'id="item-verdict"' in page.content.decode()
    assert '<mark class="hd-hit">lừa đảo</mark>' in page.content.decode()  # the watch-list hit's offsets
    bad = client.post(reverse("content:verdict", args=[item.pk]), {"outcome": "confirmed"})
    assert bad.status_code == 400 and not Verdict.objects.exists()
    ok = client.post(reverse("content:verdict", args=[item.pk]), {"outcome": "confirmed", "category": "scam"})
    assert ok.status_code == 302
    assert Verdict.objects.get().category == "scam"
    nobody = get_user_model().objects.create_user("nobody", password="x" * 12)
    assert personas.client_for(nobody).post(reverse("content:verdict", args=[item.pk]),
                                            {"outcome": "not_harmful"}).status_code == 404
    assert Client().post(reverse("content:verdict", args=[item.pk]), {"outcome": "not_harmful"}).status_code == 302
    assert Verdict.objects.count() == 1


def test_warc_download(personas, loaded):
    snapshot = do_record_data_snapshot(b'{"id": "qb"}', kind="push", content_type="application/json")
    Item.objects.filter(pk=loaded["qb"].pk).update(snapshot=snapshot)
    url = reverse("content:snapshot_download", args=[snapshot.pk])
    response = personas.client_for(personas.bob).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/warc"
    assert "attachment" in response["Content-Disposition"] and snapshot.sha256 in response["Content-Disposition"]
    assert "Content-Encoding" not in response
    import hashlib

    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == snapshot.sha256
    item_page = personas.client_for(personas.bob).get(reverse("content:item", args=[loaded["qb"].pk]))
    assert url in item_page.content.decode()
    nobody = get_user_model().objects.create_user("nobody", password="x" * 12)
    assert personas.client_for(nobody).get(url).status_code == 404
    assert Client().get(url).status_code == 302
