"""Reads of the monitoring feed: items filtered by source, category, priority, place, watch-list and
dates, and searched accent-insensitively. They compose content with the analysis tags, so they live
at the top, with the feed screen."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from haidang.analysis.models import ItemSignals, ItemTag
from haidang.content import search
from haidang.content.models import Item
from haidang.content.search import apply_search


def _tagged(queryset, kind: str, key):
    """Items carrying the tag (kind, key): a semi-join on ItemTag's (kind, key, item) index, so a rare
    place or watch-list costs an index range, not a scan of the JSON signals (see `analysis/tags.py`)."""
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


def recent_places(user, limit_items: int = 2000) -> list[tuple[str, str]]:
    """(code, name) of the places named in the latest analysed items, for the feed's place filter.

    Bounded to the newest `limit_items` signals so the filter stays cheap at a million items."""
    seen: dict[str, str] = {}
    rows = (ItemSignals.objects.restrict(user).exclude(places=[]).order_by("-item_id")
            .values_list("places", flat=True)[:limit_items])
    for places in rows:
        for place in places or ():
            code = str(place.get("code", ""))
            if code and code not in seen and place.get("confidence", 0) >= 0.5:
                seen[code] = str(place.get("name", code))
    return sorted(seen.items(), key=lambda kv: kv[1])
