"""The alert queue, the stories list and the story page; acknowledge / dismiss / report.

Access: queries.access_*_for_user (404 for outsiders); roles: actions.py (PermissionDenied → 403).
Every write is a POST form that works without JavaScript (the CSP forbids inline scripts anyway).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from haidang.agencies import access
from haidang.text.privacy import mask_personal_data

from . import actions, forms, queries
from .choices import AlertReason, AlertStatus, HarmCategory, Priority
from .models import Alert, Story

PAGE_SIZE = 50

# The queue's tabs. "active" (the default) is what still needs someone: open and acknowledged.
STATUS_TABS = [
    ("active", gettext_lazy("To handle")),
    (AlertStatus.OPEN.value, gettext_lazy("New")),
    (AlertStatus.ACKNOWLEDGED.value, gettext_lazy("Acknowledged")),
    (AlertStatus.REPORTED.value, gettext_lazy("Reported")),
    (AlertStatus.DISMISSED.value, gettext_lazy("Dismissed")),
    ("all", gettext_lazy("All")),
]
ACTIVE = (AlertStatus.OPEN.value, AlertStatus.ACKNOWLEDGED.value)

REASON_ICONS = {AlertReason.PRIORITY: "exclamation-diamond", AlertReason.URGENT_TOPIC: "lightning-charge",
                AlertReason.SPIKE: "bar-chart-line", AlertReason.GROWTH: "graph-up-arrow"}


def _choice(value: str, allowed) -> str:
    return value if value in allowed else ""


def _reasons(alert: Alert) -> list[dict]:
    """Each condition that raised the alert, labelled, with the figure behind it when known."""
    out = []
    for value in alert.reasons or ():
        try:
            reason = AlertReason(value)
        except ValueError:
            out.append({"value": value, "label": value, "icon": "info-circle", "detail": ""})
            continue
        detail = ""
        if reason == AlertReason.PRIORITY:
            detail = str(Priority(alert.priority).label) if alert.priority in Priority.values else ""
        elif reason == AlertReason.SPIKE and alert.details.get("expected") is not None:
            detail = _("%(count)s items in an hour, about %(expected)s expected") % {
                "count": alert.details.get("count", alert.item_count),
                "expected": f"{float(alert.details['expected']):.1f}".replace(".", ",")}
        elif reason == AlertReason.GROWTH and alert.story_id:
            detail = _("%(rate)s items/hour in the last hour") % {
                "rate": f"{alert.story.growth_1h:.1f}".replace(".", ",")}
        out.append({"value": reason.value, "label": str(reason.label), "icon": REASON_ICONS[reason], "detail": detail})
    return out


# A stand-in id no real alert or story has: the pattern of a URL is reversed once with it, then each
# card's URL is that pattern with the real id substituted (see `_paths`).
_STAND_IN_ID = 987654321987


def _paths(*names: str) -> dict:
    """{name: id -> path} for URL names taking one id. The queue's 50 cards each had four `{% url %}`
    (the three action forms and the story link): 200 reverse() calls, a fifth of the cards' rendering."""
    patterns = {name: reverse(name, args=[_STAND_IN_ID]) for name in names}
    return {name.split(":")[-1]: (lambda pk, pattern=pattern: pattern.replace(str(_STAND_IN_ID), str(int(pk))))
            for name, pattern in patterns.items()}


def _decorate(alerts, user) -> list[Alert]:
    """Attach what the templates show: reason labels, places, story size, the action and story URLs,
    and whether this officer may act."""
    alerts = list(alerts)
    handleable = set(Alert.objects.restrict(user, "change").filter(pk__in=[a.pk for a in alerts])
                     .values_list("pk", flat=True))
    paths = _paths("alerts:acknowledge", "alerts:report", "alerts:dismiss", "alerts:story")
    for alert in alerts:
        # The card shows its id ten times and its status label once: made here as strings, as `{{ alert.pk }}`
        # went through number localisation (13 µs each) and get_status_display() through the lazy choices (57 µs).
        alert.ref = str(alert.pk)
        alert.status_label = str(AlertStatus(alert.status).label) if alert.status in AlertStatus.values else alert.status
        alert.shown_title = Truncator(mask_personal_data(alert.title)).chars(160)  # what |mask_pd|truncatechars:160 gave
        alert.reason_list = _reasons(alert)
        alert.places = alert.story.top_places(3) if alert.story_id else []
        alert.can_handle = alert.pk in handleable
        alert.urls = {name: path(alert.pk) for name, path in paths.items() if name != "story"}
        if alert.story_id:
            alert.urls["story"] = paths["story"](alert.story_id)
            # The msgids of `{% blocktranslate count %}`, once in Python rather than two template blocks a card.
            items, sources = alert.story.item_count, alert.story.source_count
            alert.story_size = (ngettext("%(n)s item", "%(n)s items", items) % {"n": items} + " · "
                                + ngettext("%(n)s source", "%(n)s sources", sources) % {"n": sources})
    return alerts


@login_required
def queue(request):
    access.require_officer_or_404(request.user)
    user = request.user
    status = request.GET.get("status") or "active"
    if status not in dict(STATUS_TABS):
        status = "active"
    priority = _choice(request.GET.get("priority", ""), Priority.values)
    reason = _choice(request.GET.get("reason", ""), AlertReason.values)
    visible = Alert.objects.restrict(user).exclude(status=AlertStatus.MERGED)
    # One grouped scan of the visible alerts by (agency, status, priority) gives the agency choices, the
    # tabs' counts, the priority counts and the page count: four scans of the alerts before (~20 ms at
    # 10,000 alerts on PostgreSQL). A few dozen rows at most (agencies × statuses × priorities).
    groups = list(visible.values_list("agency_id", "status", "priority").annotate(n=Count("id")).order_by())

    # The agencies whose alerts this officer can see (their own, and others' high alerts for the lead agency).
    agency_choices = sorted({(a.pk, a.short_name, a.name) for a in _agencies_of(groups)}, key=lambda r: r[1])
    agency = request.GET.get("agency", "")
    if agency == "mine":
        agency_ids = access.agency_ids(user)
    elif agency.isdigit() and int(agency) in {pk for pk, _s, _n in agency_choices}:
        agency_ids = {int(agency)}
    else:
        agency, agency_ids = "", None
    if agency_ids is not None:
        visible = visible.filter(agency_id__in=agency_ids)
        groups = [g for g in groups if g[0] in agency_ids]

    status_counts = Counter()
    for _agency_id, value, _priority, n in groups:
        status_counts[value] += n
    tabs = []
    for value, label in STATUS_TABS:
        if value == "active":
            n = sum(status_counts.get(s, 0) for s in ACTIVE)
        elif value == "all":
            n = sum(status_counts.values())
        else:
            n = status_counts.get(value, 0)
        tabs.append({"value": value, "label": label, "count": n, "current": value == status})

    alerts = visible
    if status == "active":
        alerts = alerts.filter(status__in=ACTIVE)
    elif status != "all":
        alerts = alerts.filter(status=status)
    if reason:
        # reasons is a JSON list of choice values; a quoted value matches only the whole value.
        alerts = alerts.filter(reasons__icontains=f'"{reason}"')
        # The groups do not know the reasons: counted by the database.
        priority_counts = dict(alerts.values_list("priority").annotate(n=Count("id")).order_by())
    else:
        in_tab = ACTIVE if status == "active" else None if status == "all" else (status,)
        priority_counts = Counter()
        for _agency_id, value, level, n in groups:
            if in_tab is None or value in in_tab:
                priority_counts[level] += n
    if priority:
        alerts = alerts.filter(priority=priority)
    count = priority_counts.get(priority, 0) if priority else sum(priority_counts.values())
    page = queries.queue_page(alerts, request.GET.get("page"), PAGE_SIZE, count=count)
    page.object_list = _decorate(page.object_list, user)
    return render(request, "alerts/queue.html", {
        "page": page, "status": status, "tabs": tabs, "priority": priority, "reason": reason, "agency": agency,
        "priorities": [(value, label, priority_counts.get(value, 0))
                       for value, label in reversed(Priority.choices)],
        "reasons": AlertReason.choices, "agency_choices": agency_choices,
        "filtered": bool(priority or reason or agency),
        "dismiss_form": forms.DismissForm(), "report_form": forms.ReportForm(),
        # Where the cards' forms come back to: once here, not three get_full_path() a card.
        "next_url": request.get_full_path(),
    })


def _agencies_of(groups):
    """The agencies of the queue's grouped rows (agency_id first)."""
    from haidang.agencies.models import Agency

    return Agency.objects.filter(pk__in={g[0] for g in groups if g[0] is not None})


def _back(request):
    """Where the form came from (a local path only), else the queue."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts=None) and target.startswith("/"):
        return redirect(target)
    return redirect("alerts:queue")


def _handle(request, alert_id: int, perform, done: str):
    alert = queries.access_alert_for_user(request.user, alert_id)
    try:
        perform(alert)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PermissionDenied:
        raise
    else:
        messages.success(request, done)
    return _back(request)


@login_required
@require_POST
def acknowledge(request, alert_id: int):
    return _handle(request, alert_id, lambda a: actions.do_acknowledge_alert(a, acting_user=request.user),
                   _("Alert acknowledged."))


@login_required
@require_POST
def dismiss(request, alert_id: int):
    form = forms.DismissForm(request.POST)
    # An empty reason still reaches the action, which refuses it with its own message (one rule, one place).
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _handle(request, alert_id,
                   lambda a: actions.do_dismiss_alert(a, reason=reason, acting_user=request.user),
                   _("Alert dismissed."))


@login_required
@require_POST
def report(request, alert_id: int):
    form = forms.ReportForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _handle(request, alert_id,
                   lambda a: actions.do_report_alert(a, reason=reason, acting_user=request.user),
                   _("Reported to the lead agency."))


STORY_SORTS = {
    "recent": ("-last_seen", "-id"),
    "items": ("-item_count", "-last_seen"),
    "growth": ("-growth_1h", "-growth_24h", "-last_seen"),
    "engagement": ("-total_engagement", "-last_seen"),
}
STORY_PERIODS = {"1": 1, "7": 7, "30": 30}
SPREAD_MIN_POINTS = 12


@login_required
def story_list(request):
    access.require_officer_or_404(request.user)
    category = _choice(request.GET.get("category", ""), HarmCategory.values)
    priority = _choice(request.GET.get("priority", ""), Priority.values)
    period = _choice(request.GET.get("days", ""), STORY_PERIODS)
    sort = request.GET.get("sort", "recent")
    if sort not in STORY_SORTS:
        sort = "recent"
    stories = Story.objects.restrict(request.user).live().filter(item_count__gt=1)
    if category:
        stories = stories.filter(dominant_category=category)
    if priority:
        stories = stories.filter(max_priority=priority)
    if period:
        stories = stories.filter(last_seen__gte=timezone.now() - dt.timedelta(days=STORY_PERIODS[period]))
    page = Paginator(stories.order_by(*STORY_SORTS[sort]), PAGE_SIZE).get_page(request.GET.get("page"))
    alerts = {a.story_id: a for a in Alert.objects.restrict(request.user)
              .filter(story_id__in=[s.pk for s in page.object_list]).only("id", "story_id", "status", "priority")}
    for story in page.object_list:
        story.alert = alerts.get(story.pk)
        story.places = story.top_places(2)
    return render(request, "alerts/stories.html", {
        "page": page, "category": category, "priority": priority, "days": period, "sort": sort,
        "categories": [(v, label) for v, label in HarmCategory.choices if v != "other"],
        "priorities": list(reversed(Priority.choices)),
        "periods": [("1", _("last 24 hours")), ("7", _("last 7 days")), ("30", _("last 30 days"))],
        "sorts": [("recent", _("most recent")), ("items", _("most items")), ("growth", _("fastest growing")),
                  ("engagement", _("most engagement"))],
        "filtered": bool(category or priority or period),
    })


def _spread(story: Story) -> dict:
    """The spread chart's data: items per hour over the story's recent life, or per day when it is
    older than three days (a long hourly axis would be unreadable). Both series are zero-filled.
    The axis gets short labels (19h); the table beside it, full ones (19h 28/11)."""
    span = story.last_seen - story.first_seen if story.first_seen and story.last_seen else dt.timedelta(0)
    if span <= dt.timedelta(hours=72):
        rows, step, unit = queries.story_timeline(story), dt.timedelta(hours=1), _("Items per hour")

        def labels_for(h):
            h = timezone.localtime(h)
            return h.strftime("%Hh"), h.strftime("%Hh %d/%m")
    else:
        rows, step, unit = queries.story_timeline_daily(story), dt.timedelta(days=1), _("Items per day")

        def labels_for(d):
            return d.strftime("%d/%m"), d.strftime("%d/%m/%Y")
    if rows and len(rows) < SPREAD_MIN_POINTS:
        # A young story is one or two points: lead in with the quiet hours (days) before it, so the
        # chart shows a burst rather than a lone dot.
        first = rows[0][0]
        rows = [(first - step * k, 0) for k in range(SPREAD_MIN_POINTS - len(rows), 0, -1)] + list(rows)
    labels = [labels_for(when) for when, _n in rows]
    values = [n for _when, n in rows]
    return {"labels": [short for short, _full in labels],
            "series": [{"label": unit, "values": values}] if values else [],
            "rows": [(full, n) for (_short, full), n in zip(labels, values, strict=True)], "unit": unit,
            "range": f"{labels[0][1]} – {labels[-1][1]}" if labels else ""}


@login_required
def story_detail(request, story_id: int):
    story = queries.access_story_for_user(request.user, story_id)
    if story.merged_into_id:
        return redirect("alerts:story", story.merged_into_id)
    alert = (Alert.objects.restrict(request.user).filter(story=story)
             .select_related("agency", "story", "handled_by").first())
    if alert is not None:
        alert = _decorate([alert], request.user)[0]
    categories = sorted(((HarmCategory(c).label if c in HarmCategory.values else c, n)
                         for c, n in (story.category_counts or {}).items() if c != "other" and n),
                        key=lambda r: -r[1])
    return render(request, "alerts/story.html", {
        "story": story, "alert": alert, "items": queries.story_items(story),
        "sources": queries.story_sources(story), "places": story.top_places(8),
        "categories": [(str(label), n) for label, n in categories[:6]],
        "spread": _spread(story),
        "merges": story.merges_in.all()[:20],
        "dismiss_form": forms.DismissForm(), "report_form": forms.ReportForm(),
        # Where the cards' forms come back to: once here, not three get_full_path() a card.
        "next_url": request.get_full_path(),
    })
