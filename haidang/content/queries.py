"""Reads of content: single objects with access checks, and the monitoring feed (filters, search,
keyset pagination)."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from haidang.core.access import get_for_user_or_404

from . import search
from .models import Item, Snapshot
from .search import apply_search

PAGE_SIZE = 50


def access_item_for_user(user, item_id) -> Item:
    return get_for_user_or_404(Item.objects.select_related("source", "snapshot", "parent"), user, item_id)


def access_snapshot_for_user(user, snapshot_id) -> Snapshot:
    return get_for_user_or_404(Snapshot.objects.all(), user, snapshot_id)


def _tagged(queryset, kind: str, key):
    """Items carrying the tag (kind, key): a semi-join on ItemTag's (kind, key, item) index, so a rare
    place or watch-list costs an index range, not a scan of the JSON signals (see `analysis/tags.py`)."""
    from haidang.analysis.models import ItemTag

    return queryset.filter(id__in=ItemTag.objects.filter(kind=kind, key=str(key)).values("item_id"))


def search_items(user, query: str = "", *, source_id=None, press: bool | None = None, platform: str = "",
                 category: str = "", priority: str = "", place: str = "", watchlist_id=None,
                 date_from: dt.date | None = None, date_to: dt.date | None = None):
    """Items the user may see, newest fetched first; `query` matches accent-insensitively (every word)."""
    items = Item.objects.restrict(user).select_related("source", "signals")
    items = apply_search(items, query)
    if source_id:
        items = items.filter(source_id=source_id)
    if press is not None:
        items = items.filter(is_press=press)
    if platform:
        items = items.filter(platform=platform)
    if category:
        items = items.filter(signals__top_category=category)
    if priority:
        items = items.filter(signals__priority=priority)
    if place:
        items = _tagged(items, "place", int(place)) if str(place).isdigit() else items.none()
    if watchlist_id:
        items = _tagged(items, "watchlist", int(watchlist_id))
    tz = timezone.get_current_timezone()
    if date_from:
        items = items.filter(published_at__gte=dt.datetime.combine(date_from, dt.time.min, tzinfo=tz))
    if date_to:
        items = items.filter(published_at__lt=dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min,
                                                                   tzinfo=tz))
    if search.fts_ordered(items):
        return items  # already ordered by the FTS rowid, newest first
    return items.order_by("-fetched_at", "-id")


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


def recent_places(user, limit_items: int = 2000) -> list[tuple[str, str]]:
    """(code, name) of the places named in the latest analysed items, for the feed's place filter.

    Bounded to the newest `limit_items` signals so the filter stays cheap at a million items."""
    from haidang.analysis.models import ItemSignals

    seen: dict[str, str] = {}
    rows = (ItemSignals.objects.restrict(user).exclude(places=[]).order_by("-item_id")
            .values_list("places", flat=True)[:limit_items])
    for places in rows:
        for place in places or ():
            code = str(place.get("code", ""))
            if code and code not in seen and place.get("confidence", 0) >= 0.5:
                seen[code] = str(place.get("name", code))
    return sorted(seen.items(), key=lambda kv: kv[1])
