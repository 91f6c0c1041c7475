"""Reads and single-object access for stories and alerts."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Count, IntegerField, Value, When
from django.db.models.functions import TruncDate, TruncHour
from django.utils import timezone

from haidang.agencies.access import get_for_user_or_404

from .choices import PRIORITY_RANK, AlertStatus
from .models import Alert, Story


def access_alert_for_user(user, alert_id, action: str = "view") -> Alert:
    return get_for_user_or_404(Alert.objects.select_related("story", "agency", "evidence"), user, alert_id, action)


def access_story_for_user(user, story_id) -> Story:
    return get_for_user_or_404(Story.objects.select_related("representative", "merged_into"), user, story_id)


def alert_queue(user, *, status: str = "open", agency_id=None):
    qs = Alert.objects.restrict(user).select_related("agency", "story")
    if status == "open":
        qs = qs.open()
    elif status and status in AlertStatus.values:
        qs = qs.filter(status=status)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    return qs.order_by("-updated_at", "-id")


def priority_rank():
    """Priority as a number the database can sort by (urgent = 3 first when ordered descending)."""
    return Case(*[When(priority=value, then=Value(rank)) for value, rank in PRIORITY_RANK.items() if value],
                default=Value(-1), output_field=IntegerField())


def by_priority(alerts):
    """Most serious first, then the most recently updated."""
    return alerts.annotate(rank=priority_rank()).order_by("-rank", "-updated_at", "-id")


def queue_page(alerts, number, size: int, count: int | None = None):
    """One page of `alerts` (most serious first), its rows loaded with their agency, story and handler.
    `count`: how many `alerts` match, when the caller knows it already (saves the COUNT query).

    The thousands of matching alerts are sorted as bare ids, and only the page's rows are joined:
    sorting the joined rows (each with its story's JSON) cost ~40 ms at 10,000 alerts on PostgreSQL."""
    from django.core.paginator import Paginator

    paginator = Paginator(by_priority(alerts).values_list("pk", flat=True), size)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not asked of the database
    page = paginator.get_page(number)
    ids = list(page.object_list)
    rows = Alert.objects.select_related("agency", "story", "handled_by").in_bulk(ids)
    page.object_list = [rows[pk] for pk in ids if pk in rows]
    return page


def most_serious(alerts, n: int) -> list[Alert]:
    """The first `n` of `alerts` most serious first, with their agency: the ids are sorted, then
    only those rows loaded (as in `queue_page`; sorting every joined row cost ~10 ms on the dashboard)."""
    ids = list(by_priority(alerts).values_list("pk", flat=True)[:n])
    rows = Alert.objects.select_related("agency").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def sort_by_priority(alerts) -> list[Alert]:
    return sorted(alerts, key=lambda a: (-PRIORITY_RANK.get(a.priority, -1), -a.updated_at.timestamp()))


def open_by_priority(user) -> list[tuple[str, int]]:
    rows = Alert.objects.restrict(user).open().values("priority").annotate(n=Count("id"))
    return sorted(((r["priority"], r["n"]) for r in rows), key=lambda r: -PRIORITY_RANK.get(r[0], -1))


def top_stories(user, n: int = 5, hours: int = 24):
    since = timezone.now() - dt.timedelta(hours=hours)
    return (Story.objects.restrict(user).live().filter(last_seen__gte=since)
            .order_by("-item_count", "-last_seen")[:n])


def story_items(story: Story, limit: int = 200):
    from haidang.content.models import Item

    return (Item.objects.filter(story_membership__story=story)
            .select_related("source", "story_membership", "signals")
            .order_by("-published_at", "-id")[:limit])


def story_sources(story: Story) -> list[tuple]:
    """(source, items of this story from it), most items first."""
    from haidang.sources.models import Source

    counts = dict(story.memberships.values_list("source_id").annotate(n=Count("id")))
    sources = Source.objects.in_bulk(list(counts))
    return sorted(((sources[sid], n) for sid, n in counts.items() if sid in sources), key=lambda r: -r[1])


def story_timeline(story: Story, max_hours: int = 72) -> list[tuple[dt.datetime, int]]:
    """Items per hour over the story's (recent) life, zero-filled: the spread chart's data."""
    rows = (story.memberships.annotate(h=TruncHour("seen_at", tzinfo=dt.UTC)).values("h")
            .annotate(n=Count("id")).order_by("h"))
    counts = {r["h"]: r["n"] for r in rows if r["h"] is not None}
    if not counts:
        return []
    last = max(counts)
    first = max(min(counts), last - dt.timedelta(hours=max_hours - 1))
    out = []
    hour = first
    while hour <= last:
        out.append((hour, counts.get(hour, 0)))
        hour += dt.timedelta(hours=1)
    return out


def story_timeline_daily(story: Story, max_days: int = 60) -> list[tuple[dt.date, int]]:
    """Items per local day, zero-filled: the spread chart of a story older than a few days."""
    rows = (story.memberships.annotate(d=TruncDate("seen_at", tzinfo=timezone.get_current_timezone()))
            .values("d").annotate(n=Count("id")).order_by("d"))
    counts = {r["d"]: r["n"] for r in rows if r["d"] is not None}
    if not counts:
        return []
    last = max(counts)
    day = max(min(counts), last - dt.timedelta(days=max_days - 1))
    out = []
    while day <= last:
        out.append((day, counts.get(day, 0)))
        day += dt.timedelta(days=1)
    return out
