"""The coordination card on the dashboard: consultations to answer and meetings, for "my tasks"."""

from __future__ import annotations

from django.utils import timezone

from . import queries


def panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    work = queries.my_work(user)
    to_answer = [c for c in work["to_answer"] if not c.answered]
    meetings = work["meetings"][:10]
    running = work["running_consultations"][:10]
    return [{
        "template": "coordination/panel.html",
        "order": 31,
        "context": {"to_answer": to_answer[:10], "meetings": meetings, "running": running, "now": timezone.now(),
                    "count": len(to_answer) + len(meetings) + len(running)},
    }]
