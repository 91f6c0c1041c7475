"""Choices of the cases domain and their translatable labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from haidang.workdays.choices import Step
from haidang.workdays.deadlines import DEFAULT_POLICY


class HarmCategory(models.TextChoices):
    """The harm categories. Same values as the analysis app's categories (defined here because
    `haidang.analysis.choices` did not exist when cases were built; keep the two in step)."""

    SCAM = "scam", _("scam")
    IMPERSONATION = "impersonation", _("impersonation of a state body")
    MISINFORMATION = "misinformation", _("false information")
    HATE_HARASSMENT = "hate_harassment", _("hate or harassment")
    INCITEMENT = "incitement", _("incitement")
    PERSONAL_DATA = "personal_data", _("exposed personal data")
    GRIEVANCE = "grievance", _("grievance (deserves an answer)")
    OTHER = "other", _("other")


class Urgency(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")
    URGENT = "urgent", _("urgent")


# A case's priority uses the same scale as a report's urgency.
Priority = Urgency

# Working days from opening to the case's due date, by priority: the defaults of the working-day
# calendar's "case" step (haidang.workdays.deadlines.DEFAULT_POLICY, which an admin's DeadlinePolicy
# row overrides). Counted on the Vietnamese working-day calendar by `deadlines.case_due_at`.
DUE_DAYS = {Priority(key): days for key, days in DEFAULT_POLICY[Step.CASE].items()}


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("awaiting triage")
    ACCEPTED = "accepted", _("accepted into a new case")
    MERGED = "merged", _("merged into an existing case")
    DISMISSED = "dismissed", _("dismissed")


class DismissReason(models.TextChoices):
    LAWFUL_EXPRESSION = "lawful_expression", _("lawful expression: opinion, criticism, news reporting")
    ANSWERED_GRIEVANCE = "answered_grievance", _("answered as a grievance")
    DUPLICATE = "duplicate", _("duplicate of an earlier report")
    NOT_HARMFUL = "not_harmful", _("not harmful information")
    OUT_OF_SCOPE = "out_of_scope", _("outside the province or the regulation's scope")
    INSUFFICIENT = "insufficient", _("not enough information to act on")
    OTHER = "other", _("other (see the note)")


class SubjectType(models.TextChoices):
    """What a report points at. A generic reference (type + id) because stories and alerts
    arrive later; the item also gets a real foreign key once `content.Item` exists."""

    MANUAL = "manual", _("reported by hand")
    ITEM = "item", _("item")
    STORY = "story", _("story")
    ALERT = "alert", _("alert")


class Confidentiality(models.TextChoices):
    """Who may see a case (see CaseQuerySet._restrict for the exact rule).

    normal: the lead agency, the participating agencies and the agencies that reported it.
    internal: the lead agency and the participating agencies (reporters see only their report's outcome).
    confidential: members of participating agencies, leaders of the lead agency and the lead officer.
    """

    NORMAL = "normal", _("normal")
    INTERNAL = "internal", _("internal")
    CONFIDENTIAL = "confidential", _("confidential")


class CaseState(models.TextChoices):
    NEW = "new", _("new")
    VERIFYING = "verifying", _("verifying")
    COORDINATING = "coordinating", _("coordinating")
    APPRAISED = "appraised", _("appraised")
    PLAN_APPROVED = "plan_approved", _("plan approved")
    HANDLING = "handling", _("handling")
    CLOSED = "closed", _("closed")
    DISMISSED = "dismissed", _("dismissed")


OPEN_STATES = (
    CaseState.NEW, CaseState.VERIFYING, CaseState.COORDINATING, CaseState.APPRAISED,
    CaseState.PLAN_APPROVED, CaseState.HANDLING,
)


class CoordinationMode(models.TextChoices):
    MEETING = "meeting", _("meeting")
    WRITTEN = "written", _("written consultation")


class Verdict(models.TextChoices):
    TRUE = "true", _("true")
    FALSE = "false", _("false")
    PARTLY_FALSE = "partly_false", _("partly false")
    MISLEADING = "misleading", _("misleading")
    UNVERIFIABLE = "unverifiable", _("could not be verified")


class Severity(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")
    CRITICAL = "critical", _("critical")


class ExpressionType(models.TextChoices):
    PROTECTED = "protected", _("protected expression")
    UNLAWFUL = "unlawful", _("unlawful content")
    MIXED = "mixed", _("mixed")


class ProtectedKind(models.TextChoices):
    OPINION = "opinion", _("opinion")
    CRITICISM = "criticism", _("criticism of officials or policy")
    NEWS = "news", _("news reporting")
    COMPLAINT = "complaint", _("complaint")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("awaiting a leader's approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("returned")
    SUPERSEDED = "superseded", _("superseded")


class ActionKind(models.TextChoices):
    PUBLISH_OFFICIAL_INFO = "publish_official_info", _("publish accurate official information")
    ANSWER_GRIEVANCE = "answer_grievance", _("answer the grievance")
    REQUEST_CORRECTION = "request_correction", _("ask the publisher to correct")
    REQUEST_REMOVAL = "request_removal", _("ask a platform to remove unlawful content")
    REFER_PENALTY = "refer_penalty", _("refer for administrative penalty")
    REFER_POLICE = "refer_police", _("refer to the police")
    KEEP_MONITORING = "keep_monitoring", _("keep monitoring")
    NO_ACTION = "no_action", _("no action")
    # Set only by a reversal of a removal already carried out (see actions.do_reverse_decision).
    RESTORE_CONTENT = "restore_content", _("ask the platform to restore the content")


# Actions that act against a speaker: each needs a legal basis, reasons and a second approver,
# and none is allowed on protected expression or on press.
RESTRICTIVE_ACTIONS = (ActionKind.REQUEST_REMOVAL, ActionKind.REFER_PENALTY, ActionKind.REFER_POLICE)
# Actions that need no proof to be completed: there is nothing outside to prove.
PROOFLESS_ACTIONS = (ActionKind.KEEP_MONITORING, ActionKind.NO_ACTION)


class ActionStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    AWAITING_SECOND_APPROVAL = "awaiting_second_approval", _("awaiting a second approver")
    READY = "ready", _("ready to carry out")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")
    REVERSED = "reversed", _("reversed")


FINISHED_ACTION_STATUSES = (ActionStatus.DONE, ActionStatus.FAILED, ActionStatus.CANCELLED, ActionStatus.REVERSED)


class ProofKind(models.TextChoices):
    REFETCH = "refetch", _("re-fetch of the URL")
    TEXT = "text", _("statement")
    URL = "url", _("link")
    FILE = "file", _("attachment")


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    UPHELD = "upheld", _("decision upheld")
    REVERSED = "reversed", _("decision reversed")


class DecisionType(models.TextChoices):
    """Decisions that can be appealed or reversed."""

    REPORT_DISMISSAL = "report_dismissal", _("dismissal of a report")
    CASE_DISMISSAL = "case_dismissal", _("dismissal of a case")
    VERIFICATION = "verification", _("verification")
    APPRAISAL = "appraisal", _("appraisal")
    PLAN_APPROVAL = "plan_approval", _("approval of the handling plan")
    ACTION = "action", _("handling action")
    CLOSURE = "closure", _("closure of a case")


class EvidenceKind(models.TextChoices):
    ITEM = "item", _("item")
    STORY = "story", _("story")
    ALERT = "alert", _("alert")
    SNAPSHOT = "snapshot", _("snapshot")
    URL = "url", _("link")
    FILE = "file", _("file")


class CaseEventType(models.TextChoices):
    CREATED = "created", _("case opened")
    REPORT_LINKED = "report_linked", _("report linked")
    EVIDENCE_ADDED = "evidence_added", _("evidence added")
    STATE_CHANGED = "state_changed", _("state changed")
    PARTICIPANT_ADDED = "participant_added", _("agency invited")
    LEAD_OFFICER_SET = "lead_officer_set", _("lead officer set")
    DETAILS_UPDATED = "details_updated", _("details updated")
    COORDINATION_STARTED = "coordination_started", _("coordination started")
    VERIFICATION_RECORDED = "verification_recorded", _("verification recorded")
    APPRAISAL_RECORDED = "appraisal_recorded", _("appraisal recorded")
    PLAN_ACTION_ADDED = "plan_action_added", _("action added to the plan")
    PLAN_SUBMITTED = "plan_submitted", _("plan submitted for approval")
    PLAN_APPROVED = "plan_approved", _("plan approved")
    PLAN_RETURNED = "plan_returned", _("plan returned")
    PLAN_WITHDRAWN = "plan_withdrawn", _("plan withdrawn for revision")
    ACTION_SECOND_APPROVED = "action_second_approved", _("action approved by a second approver")
    ACTION_STATUS = "action_status", _("action status changed")
    PROOF_RECORDED = "proof_recorded", _("proof recorded")
    APPEAL_FILED = "appeal_filed", _("appeal filed")
    APPEAL_DECIDED = "appeal_decided", _("appeal decided")
    DECISION_REVERSED = "decision_reversed", _("decision reversed")
    OUTCOME_CHANGED = "outcome_changed", _("outcome updated")
    NOTE = "note", _("note")
    # Coordination (haidang.coordination): meetings and written consultations.
    MEETING_SCHEDULED = "meeting_scheduled", _("meeting convened")
    MEETING_ATTENDANCE = "meeting_attendance", _("meeting attendance recorded")
    MEETING_MINUTES = "meeting_minutes", _("meeting minutes recorded")
    MEETING_CONCLUDED = "meeting_concluded", _("meeting conclusions recorded")
    MEETING_CANCELLED = "meeting_cancelled", _("meeting cancelled")
    MEETING_RESCHEDULED = "meeting_rescheduled", _("meeting rescheduled")
    CONSULTATION_OPENED = "consultation_opened", _("written consultation opened")
    CONSULTATION_ANSWERED = "consultation_answered", _("written opinion given")
    CONSULTATION_ANSWER_REVISED = "consultation_answer_revised", _("written opinion revised")
    CONSULTATION_CLOSED = "consultation_closed", _("written consultation closed")
    DEADLINE_OVERDUE = "deadline_overdue", _("deadline missed")
