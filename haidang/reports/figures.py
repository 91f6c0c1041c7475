"""The periodic report's figures, counted straight from the domain tables for a date range.

Every figure is a plain count over rows whose own date falls in the period (local dates, both
ends included): items by `fetched_at`, alerts by `created_at`, cases opened by `created_at` and
closed by `closed_at`, actions by `created_at`, grievances answered by `answered_at`, and so on.
The figures are counted province-wide (the lead agency reports for the province); they are totals,
so no confidential detail leaves with them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count, F, Q
from django.utils import timezone, translation

from haidang.alerts.choices import AlertStatus
from haidang.alerts.models import Alert
from haidang.analysis.models import ItemSignals
from haidang.cases.choices import (
    ActionKind,
    ActionStatus,
    AppealStatus,
    CaseEventType,
    CaseState,
    CoordinationMode,
    ExpressionType,
)
from haidang.cases.choices import HarmCategory as CaseCategory
from haidang.cases.models import Appeal, Case, CaseEvent, HandlingAction, Report, Reversal
from haidang.content.models import Item
from haidang.core.vocabulary import HarmCategory
from haidang.grievances.choices import GrievanceState
from haidang.grievances.models import Grievance
from haidang.sources.choices import SourceKind

HARM_CATEGORIES = (HarmCategory.SCAM, HarmCategory.IMPERSONATION, HarmCategory.MISINFORMATION,
                   HarmCategory.HATE_HARASSMENT, HarmCategory.INCITEMENT, HarmCategory.PERSONAL_DATA)
REQUEST_KINDS = (ActionKind.REQUEST_REMOVAL, ActionKind.REQUEST_CORRECTION)
PENDING_ACTION_STATUSES = (ActionStatus.PROPOSED, ActionStatus.AWAITING_SECOND_APPROVAL, ActionStatus.READY,
                           ActionStatus.IN_PROGRESS)


def bounds(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start of date_from, start of the day after date_to) in the local time zone."""
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(dt.datetime.combine(date_from, dt.time.min), tz)
    end = timezone.make_aware(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min), tz)
    return start, end


def _labelled(counter: dict, labels: dict, order=None) -> list[list]:
    """[[key, label, count], ...] in the choices' order, then by count; zero rows of known keys kept."""
    keys = list(order) if order is not None else []
    keys += sorted((k for k in counter if k not in keys), key=lambda k: -counter[k])
    return [[str(k), str(labels.get(k, k or "—")), int(counter.get(k, 0))] for k in keys]


def _in(field: str, start, end) -> Q:
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def periodic_figures(date_from: dt.date, date_to: dt.date) -> dict:
    """The figures, labelled in Vietnamese (the report's language whatever the officer's UI language)."""
    with translation.override("vi"):
        return _periodic_figures(date_from, date_to)


def _periodic_figures(date_from: dt.date, date_to: dt.date) -> dict:
    start, end = bounds(date_from, date_to)

    items = Item.objects.filter(_in("fetched_at", start, end))
    by_source = Counter(dict(items.values_list("source__kind").annotate(n=Count("id")).order_by()))
    signals = ItemSignals.objects.filter(item__in=items, top_category__in=HARM_CATEGORIES)
    by_category = Counter(dict(signals.values_list("top_category").annotate(n=Count("id")).order_by()))
    by_place: Counter = Counter()
    for places in signals.values_list("places", flat=True).iterator():
        names = {(p.get("name") or p.get("code")) for p in (places or []) if isinstance(p, dict)}
        by_place.update(n for n in names if n)
    harmful_without_place = signals.count() - signals.exclude(places=[]).count()

    alerts = Alert.objects.filter(_in("created_at", start, end)).exclude(status=AlertStatus.MERGED)
    handled = Alert.objects.filter(_in("handled_at", start, end)).exclude(status=AlertStatus.MERGED)

    opened = Case.objects.filter(_in("created_at", start, end))
    # A closed case has closed_at; a dismissal is dated by its timeline event (dismissal sets no date).
    dismissed_ids = CaseEvent.objects.filter(_in("created_at", start, end), type=CaseEventType.STATE_CHANGED,
                                             parameters__new=CaseState.DISMISSED).values("case_id")
    finished = Case.objects.filter((_in("closed_at", start, end) & Q(state=CaseState.CLOSED))
                                   | (Q(pk__in=dismissed_ids) & Q(state=CaseState.DISMISSED)))
    outcomes: Counter = Counter()
    for case in finished.prefetch_related("appraisals"):
        if case.state == CaseState.DISMISSED:
            outcomes["dismissed"] += 1
            continue
        appraisal = case.current_appraisal()
        outcomes[appraisal.expression_type if appraisal else "not_appraised"] += 1
    modes: Counter = Counter()
    for case_modes in opened.values_list("coordination_modes", flat=True):
        for mode in set(case_modes or []):
            modes[mode] += 1

    actions = HandlingAction.objects.filter(_in("created_at", start, end))
    by_kind = Counter(dict(actions.values_list("kind").annotate(n=Count("id")).order_by()))
    requests = {}
    for kind in REQUEST_KINDS:
        of_kind = actions.filter(kind=kind)
        requests[kind] = {
            "made": of_kind.count(),
            "done": of_kind.filter(status=ActionStatus.DONE).count(),
            "failed": of_kind.filter(status=ActionStatus.FAILED).count(),
            "pending": of_kind.filter(status__in=PENDING_ACTION_STATUSES).count(),
            "cancelled": of_kind.filter(status__in=[ActionStatus.CANCELLED, ActionStatus.REVERSED]).count(),
        }

    answered = Grievance.objects.filter(_in("answered_at", start, end), state=GrievanceState.ANSWERED)
    appeals = Appeal.objects.filter(_in("created_at", start, end))

    # Deadlines falling in the period and already decided: met when finished on or before them.
    actions_due = HandlingAction.objects.filter(deadline__gte=date_from, deadline__lte=date_to)
    actions_met = sum(1 for deadline, done in actions_due.filter(status=ActionStatus.DONE, completed_at__isnull=False)
                      .values_list("deadline", "completed_at") if timezone.localdate(done) <= deadline)
    cases_due = Case.objects.filter(_in("due_at", start, end))
    cases_met = cases_due.filter(closed_at__isnull=False, closed_at__lte=F("due_at")).count()

    return {
        "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
        "items": {"total": items.count(),
                  "by_source_kind": _labelled(by_source, dict(SourceKind.choices), SourceKind.values)},
        "harmful": {"total": sum(by_category.values()),
                    "by_category": _labelled(by_category, dict(HarmCategory.choices), HARM_CATEGORIES),
                    "by_place": _labelled(by_place, {}),
                    "without_place": harmful_without_place},
        "alerts": {"raised": alerts.count(), "handled": handled.count(),
                   "open": alerts.filter(status__in=[AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED]).count()},
        "reports": {"received": Report.objects.filter(_in("created_at", start, end)).count()},
        "cases": {
            "opened": opened.count(),
            "closed": finished.filter(state=CaseState.CLOSED).count(),
            "dismissed": finished.filter(state=CaseState.DISMISSED).count(),
            "by_category": _labelled(Counter(dict(opened.values_list("category").annotate(n=Count("id")).order_by())),
                                     dict(CaseCategory.choices)),
            "by_outcome": _labelled(outcomes, {**dict(ExpressionType.choices), "dismissed": "bác bỏ, không xử lý",
                                               "not_appraised": "đóng không qua thẩm định"}),
            "by_mode": _labelled(modes, dict(CoordinationMode.choices), CoordinationMode.values),
        },
        "actions": {"total": actions.count(),
                    "by_kind": _labelled(by_kind, dict(ActionKind.choices), ActionKind.values)},
        "requests": requests,
        "grievances": {"answered": answered.count(),
                       "on_time": answered.filter(answered_at__lte=F("due_at")).count(),
                       "received": Grievance.objects.filter(_in("received_at", start, end)).count()},
        "appeals": {"received": appeals.count(),
                    "upheld": appeals.filter(status=AppealStatus.UPHELD).count(),
                    "reversed": appeals.filter(status=AppealStatus.REVERSED).count()},
        "reversals": Reversal.objects.filter(_in("created_at", start, end)).count(),
        "deadlines": {"actions_due": actions_due.count(), "actions_met": actions_met,
                      "cases_due": cases_due.count(), "cases_met": cases_met},
    }
