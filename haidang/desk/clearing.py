"""Notifications that clear themselves, and the press told of corrections about its own articles.

Both listen to the audit log (every write of every app leaves one `AuditEntry`), so no domain app
needs to know about them:

- each task-announcing notification verb has a check "is it still to do?" registered with
  `core.notifications`; after a write, the open notifications about the written object (and its
  case) are asked again, and those whose task is done are marked done;
- when a correction request becomes ready to carry out and its target URL is on a registered
  press outlet, that outlet's agency is notified (the press law's channel: it corrects, nobody removes).
"""

from __future__ import annotations

from django.db.models.signals import post_save
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.agencies.queries import designated_officers
from haidang.alerts.choices import AlertStatus
from haidang.alerts.models import Alert
from haidang.audit.models import AuditEntry
from haidang.cases.choices import ActionKind, ActionStatus, AppealStatus, PlanStatus, ReportStatus
from haidang.cases.models import Appeal, Case, HandlingAction, HandlingPlan, PressOutlet, Report, url_host
from haidang.coordination.choices import ConsultationStatus, MeetingStatus
from haidang.coordination.models import Answer, AnswerRevision, Consultation, Meeting
from haidang.core import notifications
from haidang.core.models import Notification
from haidang.grievances.choices import OPEN_STATES as GRIEVANCE_OPEN
from haidang.grievances.choices import GrievanceState
from haidang.grievances.models import Grievance

CORRECTION_VERB = "cases.correction_requested"


# --- "still to do?" per verb ---------------------------------------------------------------------

def _report_pending(n, report: Report) -> bool:
    return report.status == ReportStatus.PENDING


def _plan_awaits_approval(n, case: Case) -> bool:
    return HandlingPlan.objects.filter(case=case, status=PlanStatus.SUBMITTED).exists()


def _second_approval_pending(n, case: Case) -> bool:
    return (HandlingAction.objects.filter(case=case, status=ActionStatus.AWAITING_SECOND_APPROVAL)
            .exclude(proposed_by_id=n.recipient_id).exclude(plan__approved_by_id=n.recipient_id).exists())


def _owned_action_open(n, case: Case) -> bool:
    return HandlingAction.objects.filter(case=case, status__in=[ActionStatus.READY, ActionStatus.IN_PROGRESS],
                                         owner_agency_id__in=access.agency_ids(n.recipient)).exists()


def _returned_plan_not_resubmitted(n, case: Case) -> bool:
    return not HandlingPlan.objects.filter(case=case, submitted_at__gt=n.created_at).exists() and \
        not HandlingPlan.objects.filter(case=case, status=PlanStatus.APPROVED, approved_at__gt=n.created_at).exists()


def _appeal_pending(n, appeal: Appeal) -> bool:
    return appeal.status == AppealStatus.PENDING


def _correction_open(n, action: HandlingAction) -> bool:
    return action.status in (ActionStatus.READY, ActionStatus.IN_PROGRESS)


def _grievance_to_answer(n, g: Grievance) -> bool:
    return g.state in (GrievanceState.NEW, GrievanceState.IN_PROGRESS)


def _grievance_answer_to_approve(n, g: Grievance) -> bool:
    return g.state == GrievanceState.ANSWER_SUBMITTED


def _grievance_open(n, g: Grievance) -> bool:
    return g.state in GRIEVANCE_OPEN


def _alert_open(n, alert: Alert) -> bool:
    return alert.status == AlertStatus.OPEN


def _meeting_ahead(n, meeting: Meeting) -> bool:
    return meeting.status == MeetingStatus.SCHEDULED


def _consultation_unanswered(n, consultation: Consultation) -> bool:
    if consultation.status != ConsultationStatus.OPEN:
        return False
    return not Answer.objects.filter(consultation=consultation,
                                     agency_id__in=access.agency_ids(n.recipient)).exists()


PENDING_CHECKS = {
    "cases.report_received": _report_pending,
    "cases.approval_needed": _plan_awaits_approval,
    "cases.second_approval_needed": _second_approval_pending,
    "cases.action_assigned": _owned_action_open,
    "cases.plan_returned": _returned_plan_not_resubmitted,
    "cases.appeal_filed": _appeal_pending,
    CORRECTION_VERB: _correction_open,
    "grievances.received": _grievance_to_answer,
    "grievances.assigned": _grievance_to_answer,
    "grievances.reassigned": _grievance_to_answer,
    "grievances.answer_returned": _grievance_to_answer,
    "grievances.answer_submitted": _grievance_answer_to_approve,
    "grievances.reminder_": _grievance_open,  # reminder_due_soon, reminder_overdue, ...
    "alerts.": _alert_open,  # raised, escalated: done once acknowledged, dismissed or reported
    "coordination.meeting_invitation": _meeting_ahead,
    "coordination.meeting_rescheduled": _meeting_ahead,
    "coordination.consultation_question": _consultation_unanswered,
}


# --- which notifications an audit entry may have settled -----------------------------------------

# The objects whose writes may settle a notification (an ingest batch or a verdict never does).
SETTLING_TYPES = {"cases.case", "cases.report", "cases.handlingplan", "cases.handlingaction", "cases.appeal",
                  "grievances.grievance", "alerts.alert", "coordination.meeting", "coordination.consultation",
                  "coordination.answer", "coordination.answerrevision"}


def _targets(entry: AuditEntry) -> list[tuple[str, str]]:
    """(target_type, target_id) of the notifications this write may have settled: the object itself
    and, for the parts of a case, the case (case notifications point at the case)."""
    kind, pk = entry.object_type, entry.object_id
    if not kind or not pk or kind not in SETTLING_TYPES:
        return []
    targets = [(kind, pk)]
    parent = None
    if kind in ("cases.handlingplan", "cases.handlingaction", "cases.appeal"):
        model = {"cases.handlingplan": HandlingPlan, "cases.handlingaction": HandlingAction,
                 "cases.appeal": Appeal}[kind]
        case_id = model.objects.filter(pk=pk).values_list("case_id", flat=True).first()
        parent = ("cases.case", case_id)
    elif kind == "cases.report":
        case_id = Report.objects.filter(pk=pk).values_list("case_id", flat=True).first()
        parent = ("cases.case", case_id)
    elif kind == "coordination.answerrevision":
        parent = ("coordination.consultation",
                  AnswerRevision.objects.filter(pk=pk).values_list("answer__consultation_id", flat=True).first())
    elif kind == "coordination.answer":
        parent = ("coordination.consultation",
                  Answer.objects.filter(pk=pk).values_list("consultation_id", flat=True).first())
    if parent and parent[1]:
        targets.append((parent[0], str(parent[1])))
    return list(dict.fromkeys(targets))


def settle_notifications(entry: AuditEntry) -> int:
    done = 0
    for target_type, target_id in _targets(entry):
        done += notifications.refresh_done(target_type=target_type, target_id=target_id)
    return done


# --- the press is told about corrections of its own articles ---------------------------------------

def press_agency_of(url: str):
    host = url_host(url)
    if not host:
        return None
    for outlet in PressOutlet.objects.filter(active=True, agency__isnull=False).select_related("agency"):
        if host == outlet.domain or host.endswith("." + outlet.domain):
            return outlet.agency
    return None


def tell_press_of_correction(action: HandlingAction) -> int:
    """Once per action: the press agency whose outlet published the target is notified."""
    if action.kind != ActionKind.REQUEST_CORRECTION or action.status != ActionStatus.READY or not action.target_url:
        return 0
    agency = press_agency_of(action.target_url)
    if agency is None or agency.pk == action.owner_agency_id:  # the owner was told already
        return 0
    if Notification.objects.filter(verb=CORRECTION_VERB, target_type="cases.handlingaction",
                                   target_id=str(action.pk)).exists():
        return 0
    from django.urls import reverse

    text = _("A correction is requested about your article %(url)s (case %(case)s)%(by)s.") % {
        "url": action.target_url[:200], "case": action.case.code,
        "by": (_(" by %(date)s") % {"date": action.deadline.strftime("%d/%m/%Y")}) if action.deadline else ""}
    rows = notifications.notify(designated_officers(agency), verb=CORRECTION_VERB, text=text, target=action,
                                url=reverse("dashboard") + "#press-corrections")
    return len(rows)


def _on_audit_entry(sender, instance: AuditEntry, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    if instance.action == "case.action_status" and instance.object_id:
        action = HandlingAction.objects.select_related("case").filter(pk=instance.object_id).first()
        if action is not None:
            tell_press_of_correction(action)
    settle_notifications(instance)


def connect() -> None:
    for verb, check in PENDING_CHECKS.items():
        notifications.register_pending_check(verb, check)
    post_save.connect(_on_audit_entry, sender=AuditEntry, dispatch_uid="desk.clearing")
