"""The feed's item tags: written with the signals, replaced when the signals change, backfilled for old rows."""

from django.db.models import Count

from haidang.analysis.actions import do_store_item_signals
from haidang.analysis.models import ItemSignals, ItemTag
from haidang.analysis.tags import backfill_tags
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.content.tests.helpers import file_source
from haidang.desk.queries import search_items


def _result(places=(), hits=()):
    return {"categories": {}, "top_category": "", "priority": "low", "risk": 0.1, "entities": {}, "why": [],
            "places": [{"code": code, "name": f"P{code}", "confidence": conf} for code, conf in places],
            "watchlists": [{"id": wid, "name": f"W{wid}", "urgent": False, "hits": []} for wid in hits]}


def _tags(item) -> set[tuple[str, str]]:
    return set(ItemTag.objects.filter(item=item).values_list("kind", "key"))


def _items(personas, n=2):
    ingest_records(file_source(personas), [{"id": f"i{k}", "text": f"tin số {k}"} for k in range(n)])
    return list(Item.objects.order_by("id"))


def test_tags_follow_an_update_of_the_signals(personas):
    a, b = _items(personas)
    do_store_item_signals({a.pk: _result(places=[(19249, 0.9), (46, 0.2)], hits=[7]),
                           b.pk: _result(places=[(46, 0.9)])}, model_versions={})
    # Every place code counts, whatever its confidence (as the JSON filter did), and every watch-list id.
    assert _tags(a) == {("place", "19249"), ("place", "46"), ("watchlist", "7")}
    assert _tags(b) == {("place", "46")}
    assert {i.pk for i in search_items(personas.bob, place="46")} == {a.pk, b.pk}
    assert {i.pk for i in search_items(personas.bob, watchlist_id=7)} == {a.pk}

    do_store_item_signals({a.pk: _result(places=[(1, 0.9)], hits=[8, 8])}, model_versions={})
    assert _tags(a) == {("place", "1"), ("watchlist", "8")}
    assert _tags(b) == {("place", "46")}  # untouched
    assert {i.pk for i in search_items(personas.bob, place="46")} == {b.pk}
    assert not search_items(personas.bob, watchlist_id=7).exists()
    assert {i.pk for i in search_items(personas.bob, watchlist_id=8)} == {a.pk}

    do_store_item_signals({a.pk: _result()}, model_versions={})
    assert _tags(a) == set()
    Item.objects.filter(pk=b.pk).delete()
    assert not ItemTag.objects.exists()


def test_backfill_writes_tags_for_existing_signals(personas):
    items = _items(personas, 5)
    for k, item in enumerate(items):  # written directly, as before the tag table existed
        ItemSignals.objects.create(item=item, places=[{"code": 100 + k, "confidence": 0.1}, {"name": "no code"}],
                                   watchlist_hits=[{"id": k}] if k % 2 else [])
    ItemTag.objects.create(item=items[0], kind="place", key="stale")
    assert backfill_tags(ItemSignals, ItemTag, batch_size=2) == 5 + 2
    for k, item in enumerate(items):
        assert _tags(item) == {("place", str(100 + k))} | ({("watchlist", str(k))} if k % 2 else set())
    assert backfill_tags(ItemSignals, ItemTag, batch_size=2) == 7  # idempotent
    assert not ItemTag.objects.values("item", "kind", "key").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert {i.pk for i in search_items(personas.bob, place="103")} == {items[3].pk}
