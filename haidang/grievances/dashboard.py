"""The grievances card on the dashboard: first on a ward's or department's home (its grievances,
the overdue ones on top); for the lead agency, every agency's figures and its own queue.

The queue is read on every page; its counts (per user: each counts what they may see) and the lead
agency's year-to-date table (the same for every member of the lead agency) may be a minute old, like the
dashboard's other counts: four queries a dashboard otherwise, and the table groups every grievance."""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone

from haidang.agencies import access

from . import queries

# Before the monitoring figures (5) for the agencies that answer; right after them for the lead agency.
ORDER_ANSWERING = 1
ORDER_LEAD = 6
COUNTS_CACHE_SECONDS = 60
FIGURES_CACHE_SECONDS = 60


GENERATION_KEY = "haidang:grievances:generation"


def _generation() -> int:
    return cache.get(GENERATION_KEY, 0)


def changed() -> None:
    """A grievance was created or changed (grievances/actions.py, after commit): the cached counts and figures
    are read again, so an officer who approves an answer sees the figures move. (The cache is per process;
    another web worker's copy may stay up to a minute old.)"""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(GENERATION_KEY, 1, None)


def _tab_counts(user, agency) -> dict[str, int]:
    key = (f"haidang:grievances:tab_counts:{_generation()}:{user.pk}:"
           f"{agency.pk if agency is not None else 'all'}")
    counts = cache.get(key)
    if counts is None:
        counts = queries.tab_counts(user, agency)
        cache.set(key, counts, COUNTS_CACHE_SECONDS)
    return counts


def _figures_by_agency(start, end) -> list[dict]:
    key = f"haidang:grievances:figures_by_agency:{_generation()}:{start.isoformat()}:{end.isoformat()}"
    rows = cache.get(key)
    if rows is None:
        rows = queries.figures_by_agency(start, end)
        cache.set(key, rows, FIGURES_CACHE_SECONDS)
    return rows


def panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not (user.is_superuser or access.agency_ids(user)):
        return []
    lead = user.is_superuser or access.is_lead_member(user)
    context = {"queue": queries.my_agencies_queue(user), "now": timezone.now(), "lead": lead,
               "counts": _tab_counts(user, None if lead else access.primary_agency(user))}
    if lead:
        start, end = queries.year_to_date()
        context.update(rows=_figures_by_agency(start, end), start=start, end=end)
    return [{"template": "grievances/panel.html", "order": ORDER_LEAD if lead else ORDER_ANSWERING,
             "context": context}]
