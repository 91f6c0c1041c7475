"""Reads for the cases domain: single-object access (404 for outsiders), queues, tasks, exports."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.audit.actions import record_view
from haidang.core import access
from haidang.core.access import get_for_user_or_404

from .choices import (
    OPEN_STATES,
    ActionKind,
    ActionStatus,
    AppealStatus,
    CaseState,
    PlanStatus,
    ReportStatus,
)
from .models import Appeal, Case, HandlingAction, HandlingPlan, Report


def access_case_for_user(user, case_id) -> Case:
    """The case, if the user may see it; 404 otherwise (never 403: confidential cases stay unknown)."""
    return get_for_user_or_404(
        Case.objects.select_related("lead_agency", "lead_officer", "created_by"), user, case_id)


def view_case_for_user(user, case_id) -> Case:
    """access_case_for_user + the audit entry every read of a confidential case leaves."""
    case = access_case_for_user(user, case_id)
    if case.is_confidential:
        record_view(case, actor=user)
    return case


def access_report_for_user(user, report_id) -> Report:
    return get_for_user_or_404(Report.objects.select_related("reporting_agency", "reported_by", "case"),
                               user, report_id)


def access_action_for_user(user, action_id) -> HandlingAction:
    action = HandlingAction.objects.select_related("case", "plan", "owner_agency").filter(pk=action_id).first()
    if action is None or not Case.objects.restrict(user).filter(pk=action.case_id).exists():
        raise Http404("not found")
    return action


def access_appeal_for_user(user, appeal_id) -> Appeal:
    appeal = Appeal.objects.select_related("case", "report").filter(pk=appeal_id).first()
    if appeal is None:
        raise Http404("not found")
    if appeal.case_id:
        access_case_for_user(user, appeal.case_id)
    else:
        access_report_for_user(user, appeal.report_id)
    return appeal


def triage_queue(user):
    """Pending reports, most urgent first; only the lead agency triages."""
    if not (getattr(user, "is_superuser", False) or access.is_lead_member(user)):
        return Report.objects.none()
    order = {"urgent": 0, "high": 1, "medium": 2, "low": 3}
    reports = list(Report.objects.restrict(user).filter(status=ReportStatus.PENDING)
                   .select_related("reporting_agency", "reported_by").prefetch_related("attachments"))
    return sorted(reports, key=lambda r: (order.get(r.urgency, 9), r.created_at))


def search_cases(user, *, q: str = "", state: str = "", category: str = "", mine: bool = False):
    """The cases a user may see, filtered. Search covers code, title and summary; confidential cases
    the user may not see never match (the restriction is applied first)."""
    qs = Case.objects.restrict(user).select_related("lead_agency", "lead_officer")
    if q:
        qs = qs.filter(Q(code__icontains=q) | Q(title__icontains=q) | Q(summary__icontains=q))
    if state:
        qs = qs.filter(state=state)
    if category:
        qs = qs.filter(category=category)
    if mine:
        qs = qs.filter(Q(lead_officer=user) | Q(actions__owner_agency_id__in=access.agency_ids(user))).distinct()
    return qs.order_by("-created_at")


def cases_by_state(user) -> list[tuple[str, str, int]]:
    counts = dict(Case.objects.restrict(user).values_list("state").annotate(n=Count("id")).values_list("state", "n"))
    return [(state.value, state.label, counts.get(state.value, 0)) for state in CaseState]


def my_tasks(user) -> dict:
    """What awaits this person: approvals (plans, second approvals, appeals) and actions due."""
    visible = Case.objects.restrict(user)
    leads = access.agency_ids(user, ("leader",))
    plans = HandlingPlan.objects.none()
    second = HandlingAction.objects.none()
    appeals = Appeal.objects.none()
    if leads:
        plans = HandlingPlan.objects.filter(status=PlanStatus.SUBMITTED, case__lead_agency_id__in=leads,
                                            case__in=visible).select_related("case")
        second = (HandlingAction.objects.filter(status=ActionStatus.AWAITING_SECOND_APPROVAL,
                                                case__lead_agency_id__in=leads, case__in=visible)
                  .exclude(proposed_by=user).exclude(plan__approved_by=user).select_related("case", "owner_agency"))
        appeals = (Appeal.objects.filter(status=AppealStatus.PENDING).exclude(filed_by=user)
                   .filter(Q(case__lead_agency_id__in=leads, case__in=visible) | Q(case__isnull=True))
                   .select_related("case", "report"))
        if not access.is_lead_leader(user):
            appeals = appeals.exclude(case__isnull=True)
    actions = (HandlingAction.objects.filter(status__in=[ActionStatus.READY, ActionStatus.IN_PROGRESS],
                                             owner_agency_id__in=access.agency_ids(user, access.WORKING_ROLES),
                                             case__in=visible)
               .select_related("case", "owner_agency").order_by("deadline", "id"))
    return {"plans": list(plans), "second_approvals": list(second), "appeals": list(appeals),
            "actions": list(actions[:50])}


def next_step(case: Case) -> dict:
    """What happens next on a case, who must do it and by when (shown on the case page)."""
    lead = case.lead_agency.short_name
    lead_officer = case.lead_officer.get_full_name() or case.lead_officer.get_username() if case.lead_officer else lead
    due = case.due_at
    plan = case.current_plan()
    s = case.state
    if s == CaseState.NEW:
        return {"what": _("Start verifying the report (or choose a coordination mode)."), "who": lead_officer, "by": due}
    if s in (CaseState.VERIFYING, CaseState.COORDINATING):
        if case.current_verification() is None:
            return {"what": _("Record the verification: findings, verdict, evidence."),
                    "who": _("%(officer)s or a participating agency") % {"officer": lead_officer}, "by": due}
        return {"what": _("Record the appraisal: legal basis, severity, type of expression."),
                "who": lead_officer, "by": due}
    if s == CaseState.APPRAISED:
        if plan is not None and plan.status == PlanStatus.SUBMITTED:
            return {"what": _("Approve or return the handling plan."),
                    "who": _("a leader of %(agency)s") % {"agency": lead}, "by": due}
        return {"what": _("Build the handling plan and submit it for approval."), "who": lead_officer, "by": due}
    if s in (CaseState.PLAN_APPROVED, CaseState.HANDLING) and plan is not None:
        waiting = plan.actions.filter(status=ActionStatus.AWAITING_SECOND_APPROVAL).first()
        if waiting is not None:
            return {"what": _("Second approval of \"%(kind)s\".") % {"kind": ActionKind(waiting.kind).label},
                    "who": _("another leader of %(agency)s (not the proposer or the plan's approver)")
                    % {"agency": lead}, "by": due}
        open_action = (plan.actions.filter(status__in=[ActionStatus.READY, ActionStatus.IN_PROGRESS])
                       .select_related("owner_agency").order_by("deadline", "id").first())
        if open_action is not None:
            return {"what": _("Carry out \"%(kind)s\" and record proof.") % {"kind": ActionKind(open_action.kind).label},
                    "who": open_action.owner_agency.name, "by": open_action.deadline or due}
        return {"what": _("Every action is finished: close the case with its outcome."), "who": lead_officer,
                "by": due}
    if s == CaseState.CLOSED:
        return {"what": _("Closed. A leader may reopen it, or a decision may be appealed."), "who": "", "by": None}
    return {"what": _("Dismissed. A leader may reopen it, or the dismissal may be appealed."), "who": "", "by": None}


def case_as_dict(case: Case, *, full: bool = False) -> dict:
    """A case for export. Confidential cases are marked in every export."""
    data = {
        "code": case.code, "title": case.title, "state": case.state, "category": case.category,
        "priority": case.priority, "confidentiality": case.confidentiality,
        "confidential_marking": _("CONFIDENTIAL — need to know only") if case.is_confidential else "",
        "lead_agency": case.lead_agency.short_name,
        "lead_officer": case.lead_officer.get_username() if case.lead_officer else "",
        "opened_at": case.created_at.isoformat(), "due_at": case.due_at.isoformat() if case.due_at else "",
        "closed_at": case.closed_at.isoformat() if case.closed_at else "",
    }
    if not full:
        return data
    verification, appraisal, plan = case.current_verification(), case.current_appraisal(), case.current_plan()
    data.update({
        "summary": case.summary, "outcome": case.outcome,
        "participants": sorted(case.participants.values_list("agency__short_name", flat=True)),
        "reports": [{"id": r.pk, "agency": r.reporting_agency.short_name, "url": r.url, "press": r.is_press}
                    for r in case.reports.select_related("reporting_agency")],
        "evidence": [{"kind": e.kind, "ref": e.ref_id, "url": e.url, "sha256": e.sha256} for e in case.evidence.all()],
        "verification": {"verdict": verification.verdict, "findings": verification.findings,
                         "sources": verification.sources} if verification else None,
        "appraisal": {"severity": appraisal.severity, "expression_type": appraisal.expression_type,
                      "protected_kinds": appraisal.protected_kinds,
                      "legal_basis": [str(p) for p in appraisal.legal_basis.all()],
                      "reasoning": appraisal.reasoning} if appraisal else None,
        "plan": {"status": plan.status, "approved_by": plan.approved_by.get_username() if plan.approved_by else "",
                 "actions": [{"kind": a.kind, "owner": a.owner_agency.short_name, "status": a.status,
                              "deadline": a.deadline.isoformat() if a.deadline else "",
                              "second_approver": a.second_approved_by.get_username() if a.second_approved_by else "",
                              "result": a.result, "proofs": a.proofs.count()}
                             for a in plan.actions.select_related("owner_agency", "second_approved_by")]}
        if plan else None,
        "timeline": [{"at": e.created_at.isoformat(), "type": e.type, "parameters": e.parameters}
                     for e in case.events.all()],
        "exported_at": timezone.now().isoformat(),
    })
    return data


def open_case_choices(user):
    """Open cases the lead agency can merge a report into."""
    return Case.objects.restrict(user).filter(state__in=OPEN_STATES).order_by("-created_at")
