"""The grievances card on the dashboard: first on a ward's or department's home (its grievances,
the overdue ones on top); for the lead agency, every agency's figures and its own queue."""

from __future__ import annotations

from django.utils import timezone

from haidang.agencies import access

from . import queries

# Before the monitoring figures (5) for the agencies that answer; right after them for the lead agency.
ORDER_ANSWERING = 1
ORDER_LEAD = 6


def panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not (user.is_superuser or access.agency_ids(user)):
        return []
    lead = user.is_superuser or access.is_lead_member(user)
    context = {"queue": queries.my_agencies_queue(user), "now": timezone.now(), "lead": lead,
               "counts": queries.tab_counts(user, None if lead else access.primary_agency(user))}
    if lead:
        start, end = queries.year_to_date()
        context.update(rows=queries.figures_by_agency(start, end), start=start, end=end)
    return [{"template": "grievances/panel.html", "order": ORDER_LEAD if lead else ORDER_ANSWERING,
             "context": context}]
