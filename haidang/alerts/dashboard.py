"""The alerts cards on the dashboard: open alerts by priority (with the most serious ones) and the
day's biggest stories. Two half-width cards, like the core panels: section + card + hd-panel-title."""

from __future__ import annotations

from django.core.cache import cache

from haidang.agencies import access

from . import queries
from .choices import Priority

TOP_STORIES_HOURS = 24
# The four tiles of open alerts by priority may be a minute old; per user (each sees their own alerts).
COUNTS_CACHE_SECONDS = 60


def _open_by_priority(user) -> dict[str, int]:
    key = f"haidang:alerts:open_by_priority:{user.pk}"
    counts = cache.get(key)
    if counts is None:
        counts = dict(queries.open_by_priority(user))
        cache.set(key, counts, COUNTS_CACHE_SECONDS)
    return counts


def panels(request) -> list[dict]:
    user = request.user
    if not access.is_officer(user):
        return []
    counts = _open_by_priority(user)
    stories = list(queries.top_stories(user, n=5, hours=TOP_STORIES_HOURS))
    return [
        {
            "template": "alerts/panel.html",
            "order": 20,
            "context": {
                # Every priority, zeros included, so the four tiles never move about.
                "by_priority": [(value, label, counts.get(value, 0)) for value, label in reversed(Priority.choices)],
                "latest": queries.most_serious(queries.alert_queue(user), 5),
            },
        },
        {
            "template": "alerts/panel_stories.html",
            "order": 21,
            "context": {"stories": stories, "hours": TOP_STORIES_HOURS},
        },
    ]
