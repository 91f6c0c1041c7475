"""Reads for the cases domain: single-object access (404 for outsiders), queues, tasks, exports."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.agencies.access import get_for_user_or_404
from haidang.audit.actions import record_view

from . import visibility
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


def view_report_for_user(user, report_id) -> Report:
    """access_report_for_user + the audit entry every read of a confidential case's report leaves."""
    report = access_report_for_user(user, report_id)
    if report.case is not None and report.case.is_confidential:
        record_view(report, actor=user)
    return report


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


def search_cases(user, *, q: str = "", state: str = "", category: str = "", mine: bool = False,
                 priority: str = "", confidentiality: str = ""):
    """The cases a user may see, filtered. Search covers code, title and summary; confidential cases
    the user may not see never match (the restriction is applied first)."""
    qs = Case.objects.restrict(user).select_related("lead_agency", "lead_officer")
    if q:
        qs = qs.filter(Q(code__icontains=q) | Q(title__icontains=q) | Q(summary__icontains=q))
    if state == "open":
        qs = qs.filter(state__in=OPEN_STATES)
    elif state:
        qs = qs.filter(state=state)
    if category:
        qs = qs.filter(category=category)
    if priority:
        qs = qs.filter(priority=priority)
    if confidentiality:
        qs = qs.filter(confidentiality=confidentiality)
    if mine:
        qs = qs.filter(Q(lead_officer=user) | Q(actions__owner_agency_id__in=access.agency_ids(user))).distinct()
    return qs.order_by("-created_at")


# The dashboard counts cases up to this many, then shows "1000+": a capped count reads at most this
# many index entries, where an exact one reads every visible case (100,000 of them) on each page.
COUNT_CAP = 1000


def capped_count(queryset, cap: int = COUNT_CAP) -> int:
    """`queryset.count()`, but never more than `cap`: `SELECT COUNT(*) FROM (… LIMIT cap)`."""
    return queryset.order_by().values("pk")[:cap].count()


# The dashboard's capped counts by state are kept this long per user: nine capped counts of the
# visible cases on every dashboard, for figures that may be a minute old.
CAPPED_COUNTS_CACHE_SECONDS = 60


def cases_by_state(user, cap: int | None = None) -> list[tuple[str, str, int]]:
    """(state, label, count) for every state; with `cap` (the dashboard), each count stops at `cap`
    (see COUNT_CAP) and the counts are at most CAPPED_COUNTS_CACHE_SECONDS old."""
    if cap is not None:
        key = f"haidang:cases:by_state:{user.pk}:{cap}"
        counts = cache.get(key)
        if counts is None:
            # The rule is built on a miss only (a millisecond of Python on every dashboard otherwise).
            visible = Case.objects.restrict(user)
            counts = {state.value: capped_count(visible.filter(state=state.value), cap) for state in CaseState}
            cache.set(key, counts, CAPPED_COUNTS_CACHE_SECONDS)
    else:
        counts = dict(Case.objects.restrict(user).values_list("state").annotate(n=Count("id"))
                      .values_list("state", "n"))
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


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


def _names(users) -> str:
    return ", ".join(_person(u) for u in users)


def _due(by) -> bool:
    """Whether a datetime (or a date, for action deadlines) is already past."""
    if by is None:
        return False
    if hasattr(by, "hour"):
        return by < timezone.now()
    return by < timezone.localdate()


def second_approvers(action: HandlingAction, leaders=None) -> list:
    """The leaders of the lead agency who may give this action its second approval: anyone but the
    proposer and the plan's approver (the same rule as actions.do_second_approve_action)."""
    from haidang.agencies.queries import leaders_of

    if leaders is None:
        leaders = list(leaders_of(action.case.lead_agency))
    excluded = {action.proposed_by_id, action.plan.approved_by_id}
    return [u for u in leaders if u.pk not in excluded]


def next_step(case: Case, user=None) -> dict:
    """What happens next on a case, who must do it and by when (shown on the case page).

    `what`, `who` and `by` (a datetime, a date or None); `overdue`; `tab`: the case page's tab where
    the step is done. Meetings and consultations `user` may not see are not named.
    """
    from haidang.agencies.queries import leaders_of

    lead = case.lead_agency
    if case.lead_officer:
        lead_who = _("%(officer)s (%(agency)s)") % {"officer": _person(case.lead_officer), "agency": lead.short_name}
    else:
        lead_who = lead.name
    due = case.due_at
    plan = case.current_plan()
    s = case.state

    def step(what, who="", by=None, tab="overview"):
        return {"what": what, "who": who, "by": by, "overdue": _due(by), "tab": tab}

    if s == CaseState.NEW:
        return step(_("Start verifying the report, or coordinate with the agencies concerned "
                      "(a meeting or written opinions)."), lead_who, due)
    if s in (CaseState.VERIFYING, CaseState.COORDINATING):
        seen = visibility.coordination_for(user, case)
        meeting = consultation = None
        if seen.meetings is not None:
            if seen.meeting_rows is not None:  # loaded once by the case page: the same choice, without two queries
                meeting = min((m for m in seen.meeting_rows if m.status == "scheduled"),
                              key=lambda m: m.starts_at, default=None)
                consultation = min((c for c in seen.consultation_rows if c.status == "open"),
                                   key=lambda c: c.deadline, default=None)
            else:
                meeting = seen.meetings.filter(status="scheduled").order_by("starts_at").first()
                consultation = seen.consultations.filter(status="open").order_by("deadline").first()
            if meeting is None and consultation is None and (
                    case.meetings.filter(status="scheduled").exists() or case.consultations.filter(status="open").exists()):
                return step(_("The lead agency is coordinating with the agencies concerned."), lead_who, due)
        if meeting is not None:
            return step(_("Hold the meeting \"%(title)s\" (%(when)s) and record its conclusions.")
                        % {"title": meeting.title, "when": timezone.localtime(meeting.starts_at).strftime("%H:%M %d/%m/%Y")},
                        lead_who, meeting.conclusions_due_at or meeting.ends_at, "meetings")
        if consultation is not None:
            answered = set(consultation.answers.values_list("agency_id", flat=True))
            missing = [inv.agency for inv in consultation.invitations.select_related("agency")
                       if inv.agency_id not in answered]
            if missing and timezone.now() < consultation.deadline:
                return step(_("Written opinions are awaited; then close the consultation with its conclusion."),
                            _("%(agencies)s (not answered yet)") % {"agencies": ", ".join(a.name for a in missing)},
                            consultation.deadline, "consultations")
            return step(_("Close the written consultation and record its conclusion."), lead_who,
                        consultation.deadline, "consultations")
        if case.current_verification() is None:
            return step(_("Record the verification: findings, verdict, evidence."),
                        _("%(officer)s or a participating agency") % {"officer": lead_who}, due, "verification")
        return step(_("Record the appraisal: legal basis, severity, type of expression."), lead_who, due, "appraisal")
    if s == CaseState.APPRAISED:
        if plan is not None and plan.status == PlanStatus.SUBMITTED:
            leaders = _names(leaders_of(lead))
            return step(_("Approve or return the handling plan."),
                        _("a leader of %(agency)s: %(names)s") % {"agency": lead.short_name, "names": leaders}
                        if leaders else _("a leader of %(agency)s") % {"agency": lead.short_name}, due, "plan")
        return step(_("Build the handling plan and submit it for a leader's approval."), lead_who, due, "plan")
    if s in (CaseState.PLAN_APPROVED, CaseState.HANDLING) and plan is not None:
        waiting = (plan.actions.filter(status=ActionStatus.AWAITING_SECOND_APPROVAL)
                   .select_related("case__lead_agency", "plan").first())
        if waiting is not None:
            names = _names(second_approvers(waiting))
            return step(_("Second approval of \"%(kind)s\" (four eyes).") % {"kind": ActionKind(waiting.kind).label},
                        _("another leader of %(agency)s, not the proposer or the plan's approver: %(names)s")
                        % {"agency": lead.short_name, "names": names or "—"}, due, "plan")
        open_action = (plan.actions.filter(status__in=[ActionStatus.READY, ActionStatus.IN_PROGRESS])
                       .select_related("owner_agency").order_by("deadline", "id").first())
        if open_action is not None:
            if open_action.status == ActionStatus.READY:
                what = _("Start \"%(kind)s\", carry it out and record proof.")
            else:
                what = _("Carry out \"%(kind)s\", record proof and the result.")
            return step(what % {"kind": ActionKind(open_action.kind).label}, open_action.owner_agency.name,
                        open_action.deadline or due, "actions")
        return step(_("Every action is finished: close the case with its outcome."), lead_who, due, "actions")
    if s == CaseState.CLOSED:
        return step(_("Closed. A leader may reopen it, or a decision may be appealed."))
    return step(_("Dismissed. A leader may reopen it, or the dismissal may be appealed."))


def case_as_dict(case: Case, *, full: bool = False, user=None) -> dict:
    """A case for export. Confidential cases are marked in every export. The full export's timeline
    leaves out the meetings and consultations `user` may not see."""
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
                     for e in visibility.visible_events(user, case)],
        "exported_at": timezone.now().isoformat(),
    })
    return data


def _snapshot_ids(values) -> set[int]:
    return {int(v) for v in values if str(v).isdigit()}


def hidden_snapshot_ids(user) -> set[int]:
    """Snapshots this user may not download: the proofs and evidence of confidential cases they may not
    see. A snapshot that also backs a collected item, or a case they do see, stays visible (snapshots
    are content-addressed and shared). The rule cases hands to content's Snapshot restrict."""
    from haidang.content.models import Item, ItemRevision

    from .choices import Confidentiality, EvidenceKind
    from .models import ActionProof, CaseEvidence

    def referenced(cases) -> set[int]:
        proofs = ActionProof.objects.filter(action__case__in=cases).exclude(snapshot_id="")
        evidence = CaseEvidence.objects.filter(case__in=cases, kind=EvidenceKind.SNAPSHOT)
        return (_snapshot_ids(proofs.values_list("snapshot_id", flat=True))
                | _snapshot_ids(evidence.values_list("ref_id", flat=True)))

    if getattr(user, "is_superuser", False):
        return set()
    visible = Case.objects.restrict(user).values("pk")
    hidden = referenced(Case.objects.filter(confidentiality=Confidentiality.CONFIDENTIAL).exclude(pk__in=visible))
    if not hidden:
        return hidden
    hidden -= referenced(visible)
    hidden -= set(Item.objects.filter(snapshot_id__in=hidden).values_list("snapshot_id", flat=True))
    hidden -= set(ItemRevision.objects.filter(snapshot_id__in=hidden).values_list("snapshot_id", flat=True))
    return hidden


def open_case_choices(user):
    """Open cases the lead agency can merge a report into."""
    return Case.objects.restrict(user).filter(state__in=OPEN_STATES).order_by("-created_at")
