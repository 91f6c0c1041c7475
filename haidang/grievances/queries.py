"""Reads for the grievances domain: single-object access (404 for outsiders), the queues, and the
figures that the periodic and transparency reports count."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q
from django.utils import timezone

from haidang.agencies import access
from haidang.agencies.access import get_for_user_or_404
from haidang.agencies.models import Agency

from .choices import OPEN_STATES, GrievanceState
from .models import Grievance, GrievanceTransfer

TABS = ("open", "overdue", "answered", "all")


def access_grievance_for_user(user, grievance_id, action: str = "view") -> Grievance:
    """The grievance, if the user's agency answers it (or the user is of the lead agency); 404 otherwise."""
    return get_for_user_or_404(
        Grievance.objects.select_related("agency", "assignee", "story", "report__case", "case", "created_by"),
        user, grievance_id, action)


def queue_agency(user, requested: str | None = None):
    """Whose queue the list shows: the officer's own agency; the lead agency may look at any agency's
    queue (`requested` = an agency id) or at all of them (`requested` = "all" → None)."""
    own = access.primary_agency(user)
    if not (user.is_superuser or access.is_lead_member(user)):
        return own
    if requested == "all":
        return None
    if requested:
        try:
            return Agency.objects.get(pk=int(requested))
        except (Agency.DoesNotExist, ValueError, TypeError):
            return own
    return own


def queue(user, *, tab: str = "open", agency=None, q: str = ""):
    """One agency's grievances (every agency's when `agency` is None and the user may see them).
    Open and overdue tabs: the earliest deadline first, so the overdue ones are on top."""
    qs = Grievance.objects.restrict(user).select_related("agency", "assignee")
    if agency is not None:
        qs = qs.filter(agency=agency)
    if q:
        qs = qs.filter(Q(code__icontains=q) | Q(title__icontains=q) | Q(text__icontains=q))
    if tab == "overdue":
        return qs.overdue().order_by("due_at", "id")
    if tab == "answered":
        return qs.filter(state=GrievanceState.ANSWERED).order_by("-answered_at", "-id")
    if tab == "all":
        return qs.order_by("-created_at", "-id")
    return qs.open().order_by("due_at", "id")


def tab_counts(user, agency=None) -> dict[str, int]:
    qs = Grievance.objects.restrict(user)
    if agency is not None:
        qs = qs.filter(agency=agency)
    now = timezone.now()
    return qs.order_by().aggregate(
        open=Count("id", filter=Q(state__in=OPEN_STATES)),
        overdue=Count("id", filter=Q(state__in=OPEN_STATES, due_at__lt=now)),
        answered=Count("id", filter=Q(state=GrievanceState.ANSWERED)),
        all=Count("id"),
    )


def my_agencies_queue(user, limit: int = 10) -> list[Grievance]:
    """For the home screen: the open grievances of the user's own agencies, the overdue ones on top."""
    mine = access.agency_ids(user)
    return list(Grievance.objects.restrict(user).open().filter(agency_id__in=mine)
                .select_related("agency", "assignee").order_by("due_at", "id")[:limit])


def officers_of(agency):
    """Who can be given a grievance of `agency`: its active working members."""
    User = get_user_model()
    return (User.objects.filter(is_active=True, memberships__agency=agency,
                                memberships__role__in=access.WORKING_ROLES)
            .distinct().order_by("last_name", "first_name", "username"))


def _moment(value, *, end: bool = False) -> dt.datetime:
    """A datetime as is; a date as local midnight (the end date counts in full)."""
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    day = value + dt.timedelta(days=1) if end else value
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _figure_counts(start: dt.datetime, end: dt.datetime, now: dt.datetime) -> dict:
    answered = Q(state=GrievanceState.ANSWERED, answered_at__gte=start, answered_at__lt=end)
    return {
        "received": Count("id", filter=Q(created_at__gte=start, created_at__lt=end)),
        "answered": Count("id", filter=answered),
        "answered_on_time": Count("id", filter=answered & Q(answered_at__lte=F("due_at"))),
        "answered_late": Count("id", filter=answered & Q(answered_at__gt=F("due_at"))),
        "escalated_to_case": Count("id", filter=Q(escalated_at__gte=start, escalated_at__lt=end)),
        "open": Count("id", filter=Q(state__in=OPEN_STATES, created_at__lt=end)),
        "overdue": Count("id", filter=Q(state__in=OPEN_STATES, created_at__lt=end, due_at__lt=min(now, end))),
    }


FIGURES = ("received", "answered", "answered_on_time", "answered_late", "reassigned", "escalated_to_case",
           "open", "overdue")


def figures(start, end, agency=None) -> dict[str, int]:
    """The counts for the periodic and transparency reports, over [start, end) (dates: whole days).

    - received: grievances that reached the system in the period (detected or raised by hand);
    - answered, answered_on_time, answered_late: answers approved in the period, against the deadline
      in force when approved;
    - reassigned: reassignments made in the period (with `agency`: those away from it);
    - escalated_to_case: grievances sent on as a case in the period;
    - open, overdue: grievances received before the end and not yet answered, and those of them past
      their deadline (as of now, or of the end when it is past).

    With `agency`, the grievances that agency answers (received and answered count for the agency
    that holds them now)."""
    start, end, now = _moment(start), _moment(end, end=True), timezone.now()
    qs = Grievance.objects.order_by()
    transfers = GrievanceTransfer.objects.filter(moved_at__gte=start, moved_at__lt=end)
    if agency is not None:
        qs = qs.filter(agency=agency)
        transfers = transfers.filter(from_agency=agency)
    counts = qs.aggregate(**_figure_counts(start, end, now))
    counts["reassigned"] = transfers.count()
    return {key: int(counts.get(key) or 0) for key in FIGURES}


def figures_by_agency(start, end) -> list[dict]:
    """`figures()` for every agency that has had a grievance, in one pass: the lead agency's overview."""
    start, end, now = _moment(start), _moment(end, end=True), timezone.now()
    rows = {row["agency_id"]: row for row in
            Grievance.objects.order_by().values("agency_id").annotate(**_figure_counts(start, end, now))}
    moved = dict(GrievanceTransfer.objects.filter(moved_at__gte=start, moved_at__lt=end).order_by()
                 .values("from_agency_id").annotate(n=Count("id")).values_list("from_agency_id", "n"))
    agencies = Agency.objects.filter(pk__in=set(rows) | set(moved)).order_by("kind", "name")
    out = []
    for agency in agencies:
        row = rows.get(agency.pk, {})
        counts = {key: int(row.get(key) or 0) for key in FIGURES}
        counts["reassigned"] = int(moved.get(agency.pk, 0))
        out.append({"agency": agency, **counts})
    return out


def year_to_date() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return today.replace(month=1, day=1), today
