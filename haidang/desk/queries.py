"""Reads of the monitoring feed: items filtered by source, category, priority, place, watch-list and
dates, and searched accent-insensitively. They compose content with the analysis tags, so they live
at the top, with the feed screen."""

from __future__ import annotations

import base64
import datetime as dt

from django.core.cache import cache
from django.db import connections, router
from django.db.models import BooleanField, F, Func, Q
from django.db.models.lookups import Exact
from django.utils import timezone

from haidang.analysis.models import ItemSignals, ItemTag
from haidang.content import search
from haidang.content.models import Item
from haidang.content.queries import PAGE_SIZE, KeysetPage, decode_cursor
from haidang.content.search import apply_search


def _tagged(queryset, kind: str, key):
    """Items carrying the tag (kind, key): a semi-join on ItemTag's (kind, key, item) index, so a rare
    place or watch-list costs an index range, not a scan of the JSON signals (see `analysis/tags.py`)."""
    return queryset.filter(id__in=ItemTag.objects.filter(kind=kind, key=str(key)).values("item_id"))


# A category or priority with at least this many analysed items is "common": the feed then walks its
# (fetched_at, id) index and checks each item's signals, a few hundred look-ups for a page.
COMMON_SIGNAL_MATCHES = 5000


def _by_signals(items, conditions: dict):
    """`items` whose signals match `conditions` (top_category / priority), planned for a page.

    SQLite's planner otherwise starts from the signals column index and sorts every match to find
    the newest 50: 0.2 s at 100,000 items for `priority=urgent`, growing with the table. For a common
    value, `likely()` (an SQLite planner hint, no change to the result) makes it walk the feed's time
    index instead; a rare value (a capped count of its matches, itself an index range) keeps the
    column index, where sorting a few thousand matches is cheap. PostgreSQL's planner weighs the
    LIMIT itself."""
    if not conditions:
        return items
    connection = connections[router.db_for_read(Item)]
    if connection.vendor != "sqlite" or search.fts_ordered(items):
        return items.filter(**{f"signals__{field}": value for field, value in conditions.items()})
    matches = ItemSignals.objects.filter(**conditions).values("id")[:COMMON_SIGNAL_MATCHES].count()
    if matches < COMMON_SIGNAL_MATCHES:
        return items.filter(**{f"signals__{field}": value for field, value in conditions.items()})
    for field, value in conditions.items():
        items = items.filter(Func(Exact(F(f"signals__{field}"), value), function="likely",
                                  output_field=BooleanField()))
    return items


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
    items = _by_signals(items, {k: v for k, v in (("top_category", category), ("priority", priority)) if v})
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


# The feed's place filter is built from the newest signals; a minute-old list is as good a filter.
PLACES_CACHE_SECONDS = 60


def recent_places(user, limit_items: int = 2000) -> list[tuple[str, str]]:
    """(code, name) of the places named in the latest analysed items, for the feed's place filter.

    Bounded to the newest `limit_items` signals so the filter stays cheap at a million items, and
    kept per user for a minute or until an item newer than the list is analysed (decoding 2,000
    JSON rows was a tenth of every feed page)."""
    newest = (ItemSignals.objects.restrict(user).order_by("-item_id").values_list("item_id", "analyzed_at")
              .first())
    stamp = f"{newest[0]}:{newest[1].timestamp()}" if newest else "none"
    key = f"haidang:feed:places:{user.pk}:{limit_items}:{stamp}"
    places = cache.get(key)
    if places is None:
        places = _recent_places(user, limit_items)
        cache.set(key, places, PLACES_CACHE_SECONDS)
    return places


def _recent_places(user, limit_items: int) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    rows = (ItemSignals.objects.restrict(user).exclude(places=[]).order_by("-item_id")
            .values_list("places", flat=True)[:limit_items])
    for places in rows:
        for place in places or ():
            code = str(place.get("code", ""))
            if code and code not in seen and place.get("confidence", 0) >= 0.5:
                seen[code] = str(place.get("name", code))
    return sorted(seen.items(), key=lambda kv: kv[1])


def published_page(items, *, after: str | None = None, before: str | None = None, size: int = PAGE_SIZE) -> KeysetPage:
    """One page of `items` newest *published* first: a keyset on (published_at, id), the same cursors
    as the collection-time pages. Items with no publication time cannot be placed in this order and
    are left out (the page says so)."""
    items = items.filter(published_at__isnull=False).order_by("-published_at", "-id")
    before_key, after_key = _published_key(before), _published_key(after)
    if before_key is not None:
        when, pk = before_key
        rows = list(items.filter(Q(published_at__gt=when) | Q(published_at=when, id__gt=pk))
                    .order_by("published_at", "id")[: size + 1])
        has_newer = len(rows) > size
        rows = list(reversed(rows[:size]))
        page = KeysetPage(items=rows, is_first=not has_newer)
        page.next_cursor = _published_cursor(rows[-1]) if rows else ""
        page.prev_cursor = _published_cursor(rows[0]) if rows and has_newer else ""
        return page
    if after_key is not None:
        when, pk = after_key
        items = items.filter(Q(published_at__lt=when) | Q(published_at=when, id__lt=pk))
    rows = list(items[: size + 1])
    page = KeysetPage(items=rows[:size], is_first=after_key is None)
    if len(rows) > size:
        page.next_cursor = _published_cursor(rows[size - 1])
    if after_key is not None and page.items:
        page.prev_cursor = _published_cursor(page.items[0])
    return page


def _published_cursor(item) -> str:
    raw = f"{item.published_at.isoformat()}|{item.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _published_key(value: str | None):
    return decode_cursor(value)  # the same "<datetime>|<id>" format, only the datetime differs
