"""SQLite's search table carries FTS5 prefix indexes (every query word is a word prefix); a table built
before them is replaced, and rebuilt, by `search.install`, and finds the same items."""

from __future__ import annotations

import pytest
from django.db import connection

from haidang.content import search
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.content.tests.helpers import file_source

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table is SQLite's")


def _table_sql() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [search.FTS_TABLE])
        row = cursor.fetchone()
    return row[0] if row else ""


def _found(query: str) -> set[str]:
    return set(search.apply_search(Item.objects.all(), query).values_list("external_id", flat=True))


def test_the_search_table_has_the_prefix_indexes(db):
    if not search.fts5_available(connection):
        pytest.skip("SQLite built without FTS5")
    assert f"prefix='{search.FTS_PREFIXES}'" in _table_sql()


def test_a_table_built_without_them_is_replaced_and_finds_the_same(personas):
    if not search.fts5_available(connection):
        pytest.skip("SQLite built without FTS5")
    ingest_records(file_source(personas), [
        {"id": "qb", "title": "Mưa lớn ở Quảng Bình", "text": "Nước lên nhanh tại Lệ Thủy."},
        {"id": "hue", "title": "Tin Huế", "text": "Thời tiết Thừa Thiên Huế hôm nay nắng nhẹ."},
        {"id": "long", "text": "Nghiêng ngả vì lừa đảo chuyển khoản"},
    ])
    expected = {q: _found(q) for q in ("quang binh", "qua", "hu", "thua thien", "nghieng", "lua dao chuyen")}
    assert expected["quang binh"] == {"qb"} and expected["qua"] == {"qb"} and expected["nghieng"] == {"long"}
    # The table as it was first made: no prefix option.
    search.uninstall(connection)
    with connection.cursor() as cursor:
        old = search.SQLITE_SETUP[0].replace(f", prefix='{search.FTS_PREFIXES}'", "")
        for statement in [old, *search.SQLITE_SETUP[1:], search.SQLITE_REBUILD]:
            cursor.execute(statement)
    assert "prefix=" not in _table_sql()
    search.install(connection)
    assert f"prefix='{search.FTS_PREFIXES}'" in _table_sql()
    assert {q: _found(q) for q in expected} == expected
    # Its triggers are back: a new item is found at once.
    ingest_records(file_source(personas, name="second"), [{"id": "new", "text": "Quảng Bình mưa to"}])
    assert _found("quang binh") == {"qb", "new"}
