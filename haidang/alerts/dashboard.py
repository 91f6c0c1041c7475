"""The alerts card on the dashboard: open alerts by priority and the day's biggest stories."""

from __future__ import annotations

from haidang.core import access

from . import queries


def panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not (user.is_superuser or access.agency_ids(user)):
        return []
    return [{
        "template": "alerts/panel.html",
        "order": 20,
        "context": {
            "by_priority": queries.open_by_priority(user),
            "stories": list(queries.top_stories(user)),
            "latest": queries.sort_by_priority(queries.alert_queue(user)[:50])[:5],
        },
    }]
