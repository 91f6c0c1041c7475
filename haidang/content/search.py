"""Accent-insensitive full-text search over `Item.text_folded`, one code path per database.

- SQLite: an external-content FTS5 table `content_item_fts` over `content_item.text_folded`, kept in
  step by triggers (created by migration 0002 and re-checked after every `migrate`, because SQLite
  table rebuilds during later schema changes drop triggers). Every word must occur, as a word prefix.
- PostgreSQL: `LIKE '%word%'` on `text_folded` for every word, served by the `pg_trgm` GIN index
  (migration 0002).
- Anything else, or SQLite built without FTS5: the same substring filters, without an index.

`text_folded` is already lower-case and accent-free (`analysis.normalize.fold`), so queries are folded
the same way and `quang binh` finds `Quảng Bình`.
"""

from __future__ import annotations

import re

from django.db import connections, router

FTS_TABLE = "content_item_fts"
# Every query word is a prefix (`"lua"*`). Without a prefix index FTS5 merges the doclists of every
# term with that prefix in memory before it can return the newest match: 100-300 ms for a common word
# at a million items. With one for these lengths (in characters) a prefix is read like a single term,
# newest first, and the page costs under a millisecond; longer words (rare in Vietnamese syllables)
# take the slower path. The index is about four times the size of the plain one.
FTS_PREFIXES = "1 2 3 4 5 6"
MAX_WORDS = 10
_WORD = re.compile(r"\w+")

# Literal SQL (the table name is a constant): an external-content FTS5 table and its three triggers.
SQLITE_SETUP = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS content_item_fts USING fts5(text_folded, content='content_item', "
    f"content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='{FTS_PREFIXES}')",
    "CREATE TRIGGER IF NOT EXISTS content_item_fts_ai AFTER INSERT ON content_item BEGIN "
    "INSERT INTO content_item_fts(rowid, text_folded) VALUES (new.id, new.text_folded); END",
    "CREATE TRIGGER IF NOT EXISTS content_item_fts_ad AFTER DELETE ON content_item BEGIN "
    "INSERT INTO content_item_fts(content_item_fts, rowid, text_folded) "
    "VALUES ('delete', old.id, old.text_folded); END",
    "CREATE TRIGGER IF NOT EXISTS content_item_fts_au AFTER UPDATE OF text_folded ON content_item BEGIN "
    "INSERT INTO content_item_fts(content_item_fts, rowid, text_folded) "
    "VALUES ('delete', old.id, old.text_folded); "
    "INSERT INTO content_item_fts(rowid, text_folded) VALUES (new.id, new.text_folded); END",
]
SQLITE_REBUILD = "INSERT INTO content_item_fts(content_item_fts) VALUES ('rebuild')"
SQLITE_MATCH = "SELECT rowid FROM content_item_fts WHERE content_item_fts MATCH %s"
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS content_item_fts_ai", "DROP TRIGGER IF EXISTS content_item_fts_ad",
    "DROP TRIGGER IF EXISTS content_item_fts_au", "DROP TABLE IF EXISTS content_item_fts",
]
PG_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS content_item_text_folded_trgm ON content_item USING gin (text_folded gin_trgm_ops)",
]
PG_TEARDOWN = ["DROP INDEX IF EXISTS content_item_text_folded_trgm"]

_available: dict[str, bool] = {}


def install(connection) -> None:
    """Create the search index for this database (idempotent). Called by migration 0002 and after
    every migrate. On SQLite, missing triggers mean the table may be stale, so it is rebuilt."""
    from django.db import transaction

    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            if _fts_table_lacks_prefix_index(cursor):
                # Built before the prefix index: dropped here, recreated and rebuilt below.
                for statement in SQLITE_TEARDOWN:
                    cursor.execute(statement)
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'content_item_fts_%'")
            triggers_before = cursor.fetchone()[0]
            try:
                for statement in SQLITE_SETUP:
                    cursor.execute(statement)
            except Exception:  # SQLite compiled without FTS5: search falls back to substring filters
                _available[connection.alias] = False
                return
            if triggers_before < 3:
                cursor.execute(SQLITE_REBUILD)
        elif vendor == "postgresql":
            for statement in PG_SETUP:
                try:
                    with transaction.atomic(using=connection.alias):
                        cursor.execute(statement)
                except Exception:  # no right to create the extension: LIKE still works, only slower
                    break
    _available.pop(connection.alias, None)


def _fts_table_lacks_prefix_index(cursor) -> bool:
    cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
    row = cursor.fetchone()
    return row is not None and f"prefix='{FTS_PREFIXES}'" not in (row[0] or "")


def uninstall(connection) -> None:
    statements = {"sqlite": SQLITE_TEARDOWN, "postgresql": PG_TEARDOWN}.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    _available.pop(connection.alias, None)


def fts5_available(connection) -> bool:
    if connection.vendor != "sqlite":
        return False
    if connection.alias not in _available:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = %s", [FTS_TABLE])
            _available[connection.alias] = bool(cursor.fetchone()[0])
    return _available[connection.alias]


def query_words(query: str) -> list[str]:
    from haidang.text.normalize import fold

    return _WORD.findall(fold(query or ""))[:MAX_WORDS]


def fts5_match(words: list[str]) -> str:
    """Each word as a quoted prefix: `"quang"* "binh"*` (implicit AND); quotes make any input literal."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def apply_search(queryset, query: str):
    """`queryset` (of Items) narrowed to those whose folded text holds every word of `query`."""
    words = query_words(query)
    if not words:
        return queryset
    connection = connections[router.db_for_read(queryset.model)]
    if fts5_available(connection):
        # Let FTS5 drive the query, newest rowid first: it then stops after one page of matches.
        # `id IN (SELECT rowid ... MATCH)` instead materialises every match (300k rows for a common
        # word at a million items: ~0.7 s a page, against ~0.04 s this way). Search results are
        # therefore ordered by id (collection order), and `fts_ordered()` tells the paginator so.
        return queryset.extra(
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE}.rowid = content_item.id", f"{FTS_TABLE} MATCH %s"],
            params=[fts5_match(words)],
            order_by=[f"-{FTS_TABLE}.rowid"],
        )
    # PostgreSQL (trigram GIN index) and the fallback: LIKE '%word%' on the folded text.
    for word in words:
        queryset = queryset.filter(text_folded__contains=word)
    return queryset


def fts_ordered(queryset) -> bool:
    """Is this queryset an FTS5 search, ordered by the FTS rowid (see `apply_search`)?"""
    return FTS_TABLE in queryset.query.extra_tables


def seek_fts(queryset, *, below: int | None = None, above: int | None = None):
    """Keyset step for an FTS5-ordered search: rows older (`below`) or newer (`above`) than an id,
    constrained on the FTS rowid so that FTS5 itself seeks there."""
    if below is not None:
        return queryset.extra(where=[f"{FTS_TABLE}.rowid < %s"], params=[below])
    return queryset.extra(where=[f"{FTS_TABLE}.rowid > %s"], params=[above], order_by=[f"{FTS_TABLE}.rowid"])


def search_backend(queryset=None) -> str:
    """"fts5", "trigram" or "like": which path `apply_search` takes (shown in tests and the bench)."""
    from .models import Item

    connection = connections[router.db_for_read(queryset.model if queryset is not None else Item)]
    if fts5_available(connection):
        return "fts5"
    return "trigram" if connection.vendor == "postgresql" else "like"
