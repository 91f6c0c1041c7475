"""Item tags: the place codes and watch-list ids of an item's signals, kept in an indexed side table
(`ItemTag`) so the monitoring feed can filter on them without reading JSON.

Same semantics as the JSON filter they replace: every place `code` in `places` (whatever its
confidence) and every `id` in `watchlist_hits`. Keys are stored as text (`str(value)`).
"""

from __future__ import annotations

from collections.abc import Iterable

PLACE = "place"
WATCHLIST = "watchlist"
KEY_MAX = 40


def tag_keys(places, watchlist_hits) -> set[tuple[str, str]]:
    """(kind, key) pairs for one item's signals."""
    out: set[tuple[str, str]] = set()
    for kind, entries, field in ((PLACE, places, "code"), (WATCHLIST, watchlist_hits, "id")):
        for entry in entries or ():
            value = entry.get(field) if isinstance(entry, dict) else None
            if value is None or value == "" or isinstance(value, (bool, dict, list)):
                continue
            key = str(value)
            if len(key) <= KEY_MAX:
                out.add((kind, key))
    return out


def replace_tags(tag_model, rows: Iterable[tuple[int, object, object]], *, batch_size: int = 500) -> int:
    """Replace the tags of the items in `rows` (item_id, places, watchlist_hits); returns tags written.

    `tag_model` is passed in so the data migration can use its historical model. Call inside a transaction.
    """
    rows = list(rows)
    if not rows:
        return 0
    ids = [item_id for item_id, _p, _w in rows]
    for start in range(0, len(ids), batch_size):
        tag_model.objects.filter(item_id__in=ids[start:start + batch_size]).delete()
    tags = [tag_model(item_id=item_id, kind=kind, key=key)
            for item_id, places, hits in rows for kind, key in sorted(tag_keys(places, hits))]
    tag_model.objects.bulk_create(tags, batch_size=batch_size)
    return len(tags)


def backfill_tags(signals_model, tag_model, *, batch_size: int = 1000) -> int:
    """Write the tags of every existing ItemSignals row, in item-id batches (any database)."""
    written, last = 0, 0
    while True:
        batch = list(signals_model.objects.filter(item_id__gt=last).order_by("item_id")
                     .values_list("item_id", "places", "watchlist_hits")[:batch_size])
        if not batch:
            return written
        written += replace_tags(tag_model, batch, batch_size=batch_size)
        last = batch[-1][0]
