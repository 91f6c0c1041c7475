"""The dashboard's monitoring panels: what was monitored today and this week, volume over time by category,
and the places most talked about.

They read other apps' models defensively: each app is being built on its own schedule, so a model
that does not exist yet (or a database without its tables) hides a panel instead of breaking the
dashboard. The figures are the same for every officer (collected items are visible to all members),
so they are cached for a short while; the dashboard of a million items must stay fast.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter

from django.apps import apps
from django.core.cache import cache
from django.db import DatabaseError, connections, router
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.cases.choices import OPEN_STATES
from haidang.cases.queries import COUNT_CAP, capped_count
from haidang.core.vocabulary import HarmCategory

log = logging.getLogger(__name__)

CACHE_SECONDS = 120
# A count that depends on who asks (overdue cases) is kept per user, and for a shorter while.
USER_COUNTS_CACHE_SECONDS = 60
VOLUME_DAYS = 14
PLACES_DAYS = 7
PLACES_SAMPLE = 5000  # the most recent analysed items looked at for top places
TOP_CATEGORIES = 6


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _can_monitor(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or access.agency_ids(user)))


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _cached(key: str, compute):
    # The language is part of the key: labels inside are translated.
    full_key = f"haidang:dashboard:{key}:{get_language()}:{timezone.localdate().isoformat()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, CACHE_SECONDS)
    return value


def monitoring_figures() -> dict:
    """Items collected today and this week (since Monday), and how many the analyser rated high or urgent."""
    Item = _model("content.Item")
    if Item is None:
        return {}
    today = timezone.localdate()
    start_today = _local_midnight(today)
    start_week = _local_midnight(today - dt.timedelta(days=today.weekday()))
    figures = {
        "today": Item.objects.filter(fetched_at__gte=start_today).count(),
        "week": Item.objects.filter(fetched_at__gte=start_week).count(),
    }
    Signals = _model("analysis.ItemSignals")
    if Signals is not None:
        figures["serious_week"] = Signals.objects.filter(
            item__fetched_at__gte=start_week, priority__in=["high", "urgent"]).count()
    return figures


def overdue_cases(user) -> int | None:
    """Overdue cases the user may see, counted up to `cases.queries.COUNT_CAP` (then shown as "1000+"),
    at most USER_COUNTS_CACHE_SECONDS old (per user: each sees their own cases)."""
    Case = _model("cases.Case")
    if Case is None or not hasattr(Case.objects, "restrict"):
        return None
    key = f"haidang:dashboard:overdue:{user.pk}:{COUNT_CAP}"
    overdue = cache.get(key)
    if overdue is None:
        overdue = capped_count(Case.objects.restrict(user).filter(state__in=OPEN_STATES, due_at__lt=timezone.now()),
                               cap=COUNT_CAP)
        cache.set(key, overdue, USER_COUNTS_CACHE_SECONDS)
    return overdue


def volume_by_category(days: int = VOLUME_DAYS) -> dict:
    """Analysed items per day of publication and per harm category, for the chart.

    "other" (nothing harmful found) is left out: the chart shows where harm is rising.
    """
    Signals = _model("analysis.ItemSignals")
    if Signals is None:
        return {}
    names = dict(HarmCategory.choices)
    today = timezone.localdate()
    day_list = [today - dt.timedelta(days=offset) for offset in range(days - 1, -1, -1)]
    per_day: list[Counter] = []
    # Publication day, not collection day: the chart shows when things were said.
    if connections[router.db_for_read(Signals)].vendor == "postgresql":
        # One grouped query for the whole window: PostgreSQL hash-joins the signals to the items of
        # the window, a scan of the signals table it would otherwise repeat for each day (5 s in all
        # at a million items, against 0.5 s).
        tz = timezone.get_current_timezone()
        rows = (Signals.objects.filter(item__published_at__gte=_local_midnight(day_list[0]),
                                       item__published_at__lt=_local_midnight(today + dt.timedelta(days=1)))
                .exclude(top_category__in=["", "other"])
                .annotate(day=TruncDate("item__published_at", tzinfo=tz))
                .values_list("day", "top_category").annotate(n=Count("id")).order_by())
        by_day: dict[dt.date, Counter] = {day: Counter() for day in day_list}
        for day, category, n in rows:
            if day in by_day:
                by_day[day][category] += n
        per_day = [by_day[day] for day in day_list]
    else:
        # SQLite: one small grouped query per day, each an index range of that day's items joined to
        # their signals, rather than pushing every row through a Python time-zone conversion.
        for day in day_list:
            rows = (Signals.objects.filter(item__published_at__gte=_local_midnight(day),
                                           item__published_at__lt=_local_midnight(day + dt.timedelta(days=1)))
                    .exclude(top_category__in=["", "other"]).values_list("top_category").annotate(n=Count("id"))
                    .order_by())
            per_day.append(Counter(dict(rows)))
    totals: Counter = Counter()
    for counter in per_day:
        totals.update(counter)
    if not totals:
        return {"labels": [d.strftime("%d/%m") for d in day_list], "series": [], "total": 0}
    keep = [cat for cat, _n in totals.most_common(TOP_CATEGORIES)]
    series = [{"key": cat, "label": str(names.get(cat, cat)), "values": [c.get(cat, 0) for c in per_day],
               "total": totals[cat]} for cat in keep]
    rest = [sum(n for cat, n in c.items() if cat not in keep) for c in per_day]
    if any(rest):
        series.append({"key": "rest", "label": _("other harm"), "values": rest, "total": sum(rest)})
    return {
        "labels": [d.strftime("%d/%m") for d in day_list],
        "series": series,
        "total": sum(totals.values()),
        "rows": [{"day": d.strftime("%d/%m/%Y"), "values": [s["values"][i] for s in series]}
                 for i, d in enumerate(day_list)],
    }


def top_places(days: int = PLACES_DAYS, limit: int = 8) -> list[tuple[str, int]]:
    """The places named most often in analysed items collected over the last `days` days."""
    Signals = _model("analysis.ItemSignals")
    if Signals is None:
        return []
    since = timezone.now() - dt.timedelta(days=days)
    counts: Counter = Counter()
    rows = (Signals.objects.filter(item__fetched_at__gte=since).exclude(places=[])
            .order_by("-item_id").values_list("places", flat=True)[:PLACES_SAMPLE])
    for places in rows:
        seen = set()
        for place in places or ():
            name = place.get("name") if isinstance(place, dict) else None
            if name and name not in seen:  # one vote per item, however often it repeats a name
                seen.add(name)
                counts[name] += 1
    return counts.most_common(limit)


def panels(request) -> list[dict]:
    user = request.user
    if not _can_monitor(user):
        return []
    out: list[dict] = []
    try:
        figures = _cached("figures", monitoring_figures)
        overdue = overdue_cases(user)
    except DatabaseError:  # a table that another app has not migrated yet
        log.warning("dashboard figures unavailable", exc_info=True)
        figures, overdue = {}, None
    if figures or overdue is not None:
        out.append({"template": "core/panels/figures.html", "order": 5,
                    "context": {**figures, "overdue": overdue,
                                "overdue_capped": overdue is not None and overdue >= COUNT_CAP}})
    try:
        volume = _cached("volume", volume_by_category)
        places = _cached("places", top_places)
    except DatabaseError:
        log.warning("dashboard charts unavailable", exc_info=True)
        volume, places = {}, []
    if volume:
        out.append({"template": "core/panels/volume.html", "order": 18, "context": volume})
    if volume or places:
        out.append({"template": "core/panels/places.html", "order": 19,
                    "context": {"places": places, "days": PLACES_DAYS}})
    return out
