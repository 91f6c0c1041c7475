"""Home screens by role: the first card on the dashboard is the person's first task.

- a leader: "Awaiting your approval" (plans, second approvals, appeals, grievance answers);
- a coordinator of the lead agency: triage (reports waiting);
- a ward, commune or department: the actions its agency owns (its grievances come first already,
  from `grievances/dashboard.py`);
- a press agency: correction requests about its own articles.

The cards are built from the domains' own queries; nothing here writes."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from haidang.agencies import access
from haidang.agencies.choices import AgencyKind
from haidang.agencies.models import Agency
from haidang.cases import dashboard as cases_dashboard
from haidang.cases import queries as case_queries
from haidang.cases.choices import ActionKind, ActionStatus
from haidang.cases.models import HandlingAction, PressOutlet, url_host
from haidang.grievances.choices import GrievanceState
from haidang.grievances.models import Grievance

# Before everything a domain contributes (the grievances card of an answering agency is 1).
ORDER_APPROVALS = -20
ORDER_TRIAGE = -10
ORDER_PRESS = -5
ORDER_OWNED_ACTIONS = 2
CORRECTION_STATUSES = (ActionStatus.READY, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.FAILED)
LIST_LIMIT = 10


def approvals_for(user, tasks: dict) -> dict:
    """What waits for this leader's decision (`tasks`: `cases.queries.my_tasks(user)`)."""
    led = access.agency_ids(user, ("leader",))
    answers = list(Grievance.objects.restrict(user).filter(state=GrievanceState.ANSWER_SUBMITTED, agency_id__in=led)
                   .order_by("due_at")[:LIST_LIMIT])
    count = len(tasks["plans"]) + len(tasks["second_approvals"]) + len(tasks["appeals"]) + len(answers)
    return {"plans": tasks["plans"], "second_approvals": tasks["second_approvals"], "appeals": tasks["appeals"],
            "grievance_answers": answers, "count": count}


def owned_actions(tasks: dict) -> list:
    return tasks["actions"][:LIST_LIMIT]


def press_agencies(user) -> list:
    return list(Agency.objects.filter(pk__in=access.agency_ids(user), kind=AgencyKind.PRESS))


def correction_requests_for(agencies) -> list[HandlingAction]:
    """Approved correction requests whose target is an article of one of these press agencies'
    registered outlets (by the target URL's host, subdomains included)."""
    domains = list(PressOutlet.objects.filter(agency__in=agencies, active=True).values_list("domain", flat=True))
    if not domains:
        return []
    near = Q()
    for domain in domains:
        near |= Q(target_url__icontains=domain)
    candidates = (HandlingAction.objects.filter(near, kind=ActionKind.REQUEST_CORRECTION, status__in=CORRECTION_STATUSES)
                  .select_related("case").order_by("-created_at")[:200])
    return [a for a in candidates
            if any(url_host(a.target_url) == d or url_host(a.target_url).endswith("." + d) for d in domains)]


def panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not (user.is_superuser or access.agency_ids(user)):
        return []
    out: list[dict] = []
    if user.is_superuser or access.agency_ids(user, ("leader",)):
        out.append({"template": "desk/panels/approvals.html", "order": ORDER_APPROVALS,
                    "context": approvals_for(user, cases_dashboard.request_tasks(request))})
    lead = access.lead_agency_for(user)  # the request's: the layout and the alert panel asked already
    if user.is_superuser or (lead is not None and access.has_role(user, lead, ("coordinator",))):
        reports = case_queries.triage_queue(user)
        out.append({"template": "desk/panels/triage.html", "order": ORDER_TRIAGE,
                    "context": {"reports": reports[:LIST_LIMIT], "count": len(reports)}})
    mine = press_agencies(user)
    if mine:
        requests = correction_requests_for(mine)
        out.append({"template": "desk/panels/press_corrections.html", "order": ORDER_PRESS,
                    "context": {"requests": requests[:LIST_LIMIT], "count": len(requests),
                                "open": sum(1 for a in requests if a.status in (ActionStatus.READY, ActionStatus.IN_PROGRESS))}})
    elif not access.is_lead_member(user) and access.agency_ids(user, access.WORKING_ROLES):
        actions = owned_actions(cases_dashboard.request_tasks(request))
        out.append({"template": "desk/panels/owned_actions.html", "order": ORDER_OWNED_ACTIONS,
                    "context": {"actions": actions, "count": len(actions), "today": timezone.localdate()}})
    return out
