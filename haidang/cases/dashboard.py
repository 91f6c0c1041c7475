"""The cases card on the dashboard: cases by state and "my tasks"."""

from __future__ import annotations

from haidang.core.notifications import unread_count

from . import queries


def request_tasks(request) -> dict:
    """`queries.my_tasks` for the request's user, read once a dashboard: the home card (approvals, owned
    actions) and this card both show them, and nothing is written in between."""
    tasks = getattr(request, "_hd_my_tasks", None)
    if tasks is None:
        tasks = request._hd_my_tasks = queries.my_tasks(request.user)
    return tasks


def panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    tasks = request_tasks(request)
    # The navbar's badge counts the same unread notifications (`{% unread_notifications %}` keeps its
    # count on the request): one COUNT a dashboard, not two.
    unread = getattr(request, "_hd_unread", None)
    if unread is None:
        unread = request._hd_unread = unread_count(user)
    return [{
        "template": "cases/panel.html",
        "order": 30,
        "context": {
            "by_state": [row for row in queries.cases_by_state(user, cap=queries.COUNT_CAP) if row[2]],
            "count_cap": queries.COUNT_CAP,
            "tasks": tasks,
            "task_count": sum(len(v) for v in tasks.values()),
            "unread": unread,
        },
    }]
