"""Reads of content: single objects with access checks, and keyset pagination of item lists.
The monitoring feed's filters, which read analysis tags, are the desk's (`haidang.desk.queries`)."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.dateparse import parse_datetime

from haidang.agencies.access import get_for_user_or_404

from . import search
from .models import Item, Snapshot

PAGE_SIZE = 50


def access_item_for_user(user, item_id) -> Item:
    return get_for_user_or_404(Item.objects.select_related("source", "snapshot", "parent"), user, item_id)


def access_snapshot_for_user(user, snapshot_id) -> Snapshot:
    return get_for_user_or_404(Snapshot.objects.all(), user, snapshot_id)


# --- keyset pagination ------------------------------------------------------------------------------


def encode_cursor(item: Item) -> str:
    raw = f"{item.fetched_at.isoformat()}|{item.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(value: str | None) -> tuple[dt.datetime, int] | None:
    if not value:
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        stamp, pk = raw.split("|")
        when = parse_datetime(stamp)
        return (when, int(pk)) if when is not None else None
    except (ValueError, UnicodeDecodeError):
        return None


@dataclass
class KeysetPage:
    """One page of a feed ordered by (fetched_at, id) descending (an FTS5 search: by id descending). No COUNT(*), no OFFSET: each page
    is a seek on the composite index, as fast on page 1,000 as on page 1."""

    items: list = field(default_factory=list)
    next_cursor: str = ""
    prev_cursor: str = ""
    is_first: bool = True

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def keyset_page(queryset, *, after: str | None = None, before: str | None = None,
                size: int = PAGE_SIZE) -> KeysetPage:
    """`after`: the page following that cursor (older items); `before`: the page preceding it."""
    before_key = decode_cursor(before)
    after_key = decode_cursor(after) if before_key is None else None
    by_fts = search.fts_ordered(queryset)
    if before_key is not None:
        when, pk = before_key
        if by_fts:
            newer = search.seek_fts(queryset, above=pk)
        else:
            newer = queryset.filter(Q(fetched_at__gt=when) | Q(fetched_at=when, id__gt=pk)).order_by("fetched_at", "id")
        rows = list(newer[: size + 1])
        has_newer = len(rows) > size
        rows = list(reversed(rows[:size]))
        page = KeysetPage(items=rows, is_first=not has_newer)
        page.next_cursor = encode_cursor(rows[-1]) if rows else ""
        page.prev_cursor = encode_cursor(rows[0]) if rows and has_newer else ""
        return page
    if after_key is not None:
        when, pk = after_key
        if by_fts:
            queryset = search.seek_fts(queryset, below=pk)
        else:
            queryset = queryset.filter(Q(fetched_at__lt=when) | Q(fetched_at=when, id__lt=pk))
    rows = list(queryset[: size + 1])
    page = KeysetPage(items=rows[:size], is_first=after_key is None)
    if len(rows) > size:
        page.next_cursor = encode_cursor(rows[size - 1])
    if after_key is not None and page.items:
        page.prev_cursor = encode_cursor(page.items[0])
    return page
