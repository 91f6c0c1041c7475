"""The grievances card's counts are kept a minute per user (each counts only what they may see), and the
lead agency's year-to-date table a minute for everyone who may see it; after that, or once a grievance is
created or changed (grievances/actions.py, after commit), they are counted again.

(Inside these tests' transaction nothing commits, so a write alone does not refresh them; the last test
runs the commit callbacks.)"""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .helpers import by_hand


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _panel(p, user):
    response = p.client_for(user).get("/")
    assert response.status_code == 200
    return next(x["context"] for x in response.context["panels"] if x["template"] == "grievances/panel.html")


def _later(monkeypatch, seconds: int) -> None:
    later = time.time() + seconds + 1
    monkeypatch.setattr(time, "time", lambda: later)


@pytest.mark.django_db
def test_counts_are_per_user_and_a_minute_old_at_most(personas, monkeypatch):
    p = personas
    by_hand(p)  # the ward's
    by_hand(p, agency=p.health)
    assert _panel(p, p.walter)["counts"]["open"] == 1  # the ward's officer: the ward's one only
    assert _panel(p, p.bob)["counts"]["open"] == 1  # the health department's: its own, not the ward's
    assert _panel(p, p.alice)["counts"]["open"] == 2  # the lead agency: every agency's
    by_hand(p)
    # Within the minute each keeps what they were shown, however another user's counts moved.
    assert _panel(p, p.walter)["counts"]["open"] == 1
    assert _panel(p, p.bob)["counts"]["open"] == 1
    assert [g.pk for g in _panel(p, p.walter)["queue"]] != []  # the queue itself is read every time
    assert len(_panel(p, p.walter)["queue"]) == 2
    _later(monkeypatch, 60)
    assert _panel(p, p.walter)["counts"]["open"] == 2
    assert _panel(p, p.bob)["counts"]["open"] == 1
    assert _panel(p, p.alice)["counts"]["open"] == 3


@pytest.mark.django_db
def test_the_year_to_date_table_is_kept_a_minute_and_shown_to_the_lead_agency_only(personas, monkeypatch):
    p = personas
    by_hand(p)
    rows = {r["agency"].short_name: r["open"] for r in _panel(p, p.alice)["rows"]}
    assert rows == {"P-DONGHOI": 1}
    assert "rows" not in _panel(p, p.walter)  # kept for the lead agency, never shown to a ward
    by_hand(p, agency=p.health)
    with CaptureQueriesContext(connection) as kept:
        again = {r["agency"].short_name: r["open"] for r in _panel(p, p.lena)["rows"]}
    assert again == {"P-DONGHOI": 1}
    assert not any("grievances_grievancetransfer" in q["sql"] for q in kept.captured_queries)
    _later(monkeypatch, 60)
    assert {r["agency"].short_name: r["open"] for r in _panel(p, p.alice)["rows"]} == {"P-DONGHOI": 1, "SYT": 1}


@pytest.mark.django_db
def test_a_grievance_written_refreshes_the_counts_and_the_table_at_once(personas, django_capture_on_commit_callbacks):
    p = personas
    by_hand(p)
    assert _panel(p, p.walter)["counts"]["open"] == 1
    assert {r["agency"].short_name: r["open"] for r in _panel(p, p.alice)["rows"]} == {"P-DONGHOI": 1}
    with django_capture_on_commit_callbacks(execute=True):
        by_hand(p, agency=p.health)
        by_hand(p)
    assert _panel(p, p.walter)["counts"]["open"] == 2  # no minute to wait once the write committed
    assert {r["agency"].short_name: r["open"] for r in _panel(p, p.alice)["rows"]} == {"P-DONGHOI": 2, "SYT": 1}
