"""Reads of content: single objects with access checks, and the monitoring feed search."""

from __future__ import annotations

from haidang.analysis.normalize import fold
from haidang.core.access import get_for_user_or_404

from .models import Item


def access_item_for_user(user, item_id) -> Item:
    return get_for_user_or_404(Item.objects.select_related("source", "snapshot", "parent"), user, item_id)


def search_items(user, query: str = "", *, source_id=None, press: bool | None = None):
    """Recent items the user may see; `query` matches accent-insensitively (every word must occur)."""
    items = Item.objects.restrict(user).select_related("source")
    for word in fold(query).split()[:10]:
        items = items.filter(text_folded__contains=word)
    if source_id:
        items = items.filter(source_id=source_id)
    if press is not None:
        items = items.filter(is_press=press)
    return items.order_by("-fetched_at", "-id")
