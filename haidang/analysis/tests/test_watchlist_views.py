"""The watch-lists editor: create, edit, deactivate through the actions; the live preview shows what
a query would have matched in the last 7 days, or its error at its position. Outsiders are refused."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from haidang.analysis.actions import do_create_watchlist
from haidang.analysis.models import WatchList
from haidang.audit.models import AuditEntry
from haidang.content.ingest import ingest_records
from haidang.sources.actions import do_create_source


def _items(personas):
    source = do_create_source(name="wl test", kind="file", agency=personas.lead)
    ingest_records(source, [
        {"id": "1", "text": "Cảnh giác lừa đảo chiếm đoạt tiền qua Zalo"},
        {"id": "2", "text": "Giá lúa hôm nay tăng nhẹ"},
    ])


def test_live_preview_matches_recent_items(personas):
    _items(personas)
    client = personas.client_for(personas.bob)
    response = client.post(reverse("analysis:watchlist_live_preview"), {"query": "lua dao AND tien"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-match-count="1"' in page and "Zalo" in page and '<mark class="hd-hit">' in page


def test_live_preview_shows_the_error_at_its_position(personas):
    client = personas.client_for(personas.bob)
    page = client.post(reverse("analysis:watchlist_live_preview"), {"query": '(lừa AND'}).content.decode()
    assert 'data-preview-state="error"' in page and "data-caret" in page
    assert 'data-hd-error-position="' in page
    empty = client.post(reverse("analysis:watchlist_live_preview"), {"query": " "}).content.decode()
    assert 'data-preview-state="empty"' in empty


def test_create_edit_and_deactivate(personas):
    client = personas.client_for(personas.bob)
    response = client.post(reverse("analysis:watchlists"), {
        "name": "Lừa đảo y tế", "query": '"thuốc giả" OR "thần dược"', "term_mode": "insensitive",
        "owner": personas.health.pk, "active": "on"})
    assert response.status_code == 302
    watchlist = WatchList.objects.get(name="Lừa đảo y tế")
    assert watchlist.owner == personas.health and watchlist.created_by == personas.bob
    bad = client.post(reverse("analysis:watchlists"), {"name": "x", "query": "(a AND", "term_mode": "insensitive",
                                                       "owner": personas.health.pk})
    assert bad.status_code == 200 and WatchList.objects.count() == 1
    edit = reverse("analysis:watchlist_edit", args=[watchlist.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, {"name": "Thuốc giả", "query": '"thuốc giả"', "term_mode": "insensitive", "active": "on"})
    watchlist.refresh_from_db()
    assert watchlist.name == "Thuốc giả" and watchlist.query == '"thuốc giả"'
    client.post(reverse("analysis:watchlist_toggle", args=[watchlist.pk]))
    watchlist.refresh_from_db()
    assert not watchlist.active
    assert AuditEntry.objects.filter(action="watchlist.update").count() == 2


def test_others_cannot_change_and_outsiders_see_nothing(personas):
    watchlist = do_create_watchlist(name="Y tế", query="thuốc", owner=personas.health)
    # An officer of another (non-lead) agency may read but not change it.
    peter = personas.client_for(personas.peter)
    assert peter.get(reverse("analysis:watchlist_edit", args=[watchlist.pk])).status_code == 404
    assert peter.post(reverse("analysis:watchlist_toggle", args=[watchlist.pk])).status_code == 404
    nobody = get_user_model().objects.create_user("nobody", password="x" * 12)
    outsider = personas.client_for(nobody)
    assert outsider.get(reverse("analysis:watchlists")).status_code == 404
    assert outsider.post(reverse("analysis:watchlist_live_preview"), {"query": "a"}).status_code == 404
    assert Client().get(reverse("analysis:watchlists")).status_code == 302
    watchlist.refresh_from_db()
    assert watchlist.active
