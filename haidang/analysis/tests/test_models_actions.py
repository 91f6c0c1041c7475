"""Watch-list, verdict and signals writes go through actions; items are analysed after ingest."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from haidang.analysis.actions import do_create_watchlist, do_record_verdict, do_update_watchlist
from haidang.analysis.models import ItemSignals, Verdict, WatchList
from haidang.analysis.signals import items_analyzed
from haidang.analysis.watchlists import active_index
from haidang.audit.models import AuditEntry


def _item(agency, text="Chúc mừng trúng thưởng, chuyển khoản gấp phí nhận thưởng ở Đồng Hới"):
    from haidang.content.models import Item
    from haidang.sources.models import Source

    source = Source.objects.create(name="test feed", url="https://example.test/feed", agency=agency)
    return Item.objects.create(source=source, external_id="1", text=text, content_hash="x")


def test_watchlist_actions_audit_and_cache(personas):
    w = do_create_watchlist(name="Lừa đảo", query='"lừa đảo" OR "chiếm đoạt"', owner=personas.lead,
                            acting_user=personas.alice, urgent=True)
    assert AuditEntry.objects.filter(action="watchlist.create", object_id=str(w.pk)).exists()
    index = active_index()
    assert [m["id"] for m in index.match("cảnh báo LỪA ĐẢO")] == [w.pk]
    do_update_watchlist(w, query="bão", acting_user=personas.alice)
    assert [m["id"] for m in active_index().match("bão số 3")] == [w.pk]
    with pytest.raises(ValidationError):
        do_update_watchlist(w, query="(bão", acting_user=personas.alice)
    with pytest.raises(PermissionDenied):
        do_update_watchlist(w, name="x", acting_user=personas.charlie)
    assert WatchList.objects.restrict(personas.charlie, "view").count() == 1
    assert WatchList.objects.restrict(None, "view").count() == 0


def test_watchlist_view(personas):
    client = personas.client_for(personas.alice)
    assert client.get("/analysis/watchlists/").status_code == 200
    r = client.post("/analysis/watchlists/preview/", {"query": "(a OR", "text": "a"})
    assert r.status_code == 400 and r.json()["position"] is not None
    r = client.post("/analysis/watchlists/preview/", {"query": "lừa", "text": "lua dao"})
    assert r.json()["hits"][0]["start"] == 0


def test_ingest_signal_analyses_items_and_sends_items_analyzed(personas):
    from haidang.content.signals import items_ingested

    item = _item(personas.lead)
    seen = []

    def receiver(sender, item_ids, **kwargs):
        seen.extend(item_ids)

    items_analyzed.connect(receiver)
    try:
        items_ingested.send(sender=None, item_ids=[item.pk])
    finally:
        items_analyzed.disconnect(receiver)
    signals = ItemSignals.objects.get(item=item)
    assert seen == [item.pk]
    assert signals.top_category == "scam"
    assert signals.places and signals.model_versions
    assert AuditEntry.objects.filter(action="signals.store").exists()


def test_verdicts(personas):
    item = _item(personas.lead)
    v = do_record_verdict(item, outcome="confirmed", category="scam", acting_user=personas.bob)
    assert Verdict.objects.get() == v and v.agency == personas.health
    with pytest.raises(ValidationError):
        do_record_verdict(item, outcome="confirmed", acting_user=personas.bob)
    from haidang.analysis.training import feedback_rows

    assert feedback_rows("scam") == ([item.text], ["SCAM"])
