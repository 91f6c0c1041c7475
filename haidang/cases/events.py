"""The case timeline: one small `event_*()` function per kind of event (after Saleor's order events).

Actions call these inside their transaction; users read the result on the case page.
Parameters hold plain JSON (ids, codes, short texts), never objects.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from haidang.agencies.access import primary_agency

from .choices import CaseEventType as T
from .models import Case, CaseEvent


def _event(case: Case, type_: str, actor, **parameters) -> CaseEvent:
    actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return CaseEvent.objects.create(case=case, type=type_, actor=actor,
                                    agency=primary_agency(actor) if actor else None, parameters=parameters)


def event_created(case, *, actor, report_id=None):
    return _event(case, T.CREATED, actor, code=case.code, report_id=report_id)


def event_report_linked(case, *, actor, report_id, merged=False):
    return _event(case, T.REPORT_LINKED, actor, report_id=report_id, merged=merged)


def event_evidence_added(case, *, actor, evidence_id, kind, label=""):
    return _event(case, T.EVIDENCE_ADDED, actor, evidence_id=evidence_id, kind=kind, label=label[:300])


def event_state_changed(case, *, actor, old, new, reason=""):
    return _event(case, T.STATE_CHANGED, actor, old=old, new=new, reason=reason[:1000])


def event_participant_added(case, *, actor, agency):
    return _event(case, T.PARTICIPANT_ADDED, actor, agency_id=agency.pk, agency=agency.short_name)


def event_lead_officer_set(case, *, actor, officer):
    return _event(case, T.LEAD_OFFICER_SET, actor, user_id=officer.pk if officer else None,
                  user=officer.get_username() if officer else "")


def event_details_updated(case, *, actor, fields):
    return _event(case, T.DETAILS_UPDATED, actor, fields=sorted(fields))


def event_coordination_started(case, *, actor, mode):
    return _event(case, T.COORDINATION_STARTED, actor, mode=mode)


def event_verification_recorded(case, *, actor, verification):
    return _event(case, T.VERIFICATION_RECORDED, actor, verification_id=verification.pk,
                  verdict=verification.verdict, origin=verification.origin)


def event_appraisal_recorded(case, *, actor, appraisal):
    return _event(case, T.APPRAISAL_RECORDED, actor, appraisal_id=appraisal.pk,
                  expression_type=appraisal.expression_type, severity=appraisal.severity,
                  origin=appraisal.origin)


def event_plan_action_added(case, *, actor, action):
    return _event(case, T.PLAN_ACTION_ADDED, actor, action_id=action.pk, kind=action.kind,
                  owner=action.owner_agency.short_name)


def event_plan_submitted(case, *, actor, plan):
    return _event(case, T.PLAN_SUBMITTED, actor, plan_id=plan.pk)


def event_plan_approved(case, *, actor, plan):
    return _event(case, T.PLAN_APPROVED, actor, plan_id=plan.pk)


def event_plan_returned(case, *, actor, plan, note):
    return _event(case, T.PLAN_RETURNED, actor, plan_id=plan.pk, note=note[:1000])


def event_plan_withdrawn(case, *, actor, plan, note=""):
    return _event(case, T.PLAN_WITHDRAWN, actor, plan_id=plan.pk, note=note[:1000])


def event_action_second_approved(case, *, actor, action):
    return _event(case, T.ACTION_SECOND_APPROVED, actor, action_id=action.pk, kind=action.kind)


def event_action_status(case, *, actor, action, old, new, note=""):
    return _event(case, T.ACTION_STATUS, actor, action_id=action.pk, kind=action.kind, old=old, new=new,
                  note=note[:1000])


def event_proof_recorded(case, *, actor, proof):
    return _event(case, T.PROOF_RECORDED, actor, action_id=proof.action_id, proof_id=proof.pk,
                  kind=proof.kind, http_status=proof.http_status)


def event_appeal_filed(case, *, actor, appeal):
    return _event(case, T.APPEAL_FILED, actor, appeal_id=appeal.pk, decision_type=appeal.decision_type,
                  target_id=appeal.target_id)


def event_appeal_decided(case, *, actor, appeal):
    return _event(case, T.APPEAL_DECIDED, actor, appeal_id=appeal.pk, status=appeal.status,
                  reason=appeal.decision_reason[:1000])


def event_decision_reversed(case, *, actor, reversal):
    return _event(case, T.DECISION_REVERSED, actor, reversal_id=reversal.pk,
                  decision_type=reversal.decision_type, target_id=reversal.target_id,
                  reason=reversal.reason[:1000], appeal_id=reversal.appeal_id)


def event_outcome_changed(case, *, actor, outcome):
    return _event(case, T.OUTCOME_CHANGED, actor, note=outcome[:1000])


def event_note(case, *, actor, text):
    return _event(case, T.NOTE, actor, text=text[:2000])


def _position(p: dict) -> str:
    from haidang.core.vocabulary import Position

    return str(Position(p["position"]).label)


def _when(iso: str) -> str:
    import datetime as dt

    from django.utils import timezone

    try:
        return timezone.localtime(dt.datetime.fromisoformat(iso)).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return ""


def describe(event: CaseEvent) -> str:
    """One line for the timeline, translated at read time (parameters are stored untranslated)."""
    from .choices import ActionKind, ActionStatus, CaseState, DecisionType, ExpressionType, Verdict

    p = event.parameters or {}
    label = {
        T.STATE_CHANGED: lambda: _("%(old)s → %(new)s") % {
            "old": CaseState(p["old"]).label, "new": CaseState(p["new"]).label},
        T.VERIFICATION_RECORDED: lambda: _("verdict: %(v)s") % {"v": Verdict(p["verdict"]).label},
        T.APPRAISAL_RECORDED: lambda: _("expression: %(e)s") % {"e": ExpressionType(p["expression_type"]).label},
        T.PLAN_ACTION_ADDED: lambda: _("%(kind)s, owner %(owner)s") % {
            "kind": ActionKind(p["kind"]).label, "owner": p.get("owner", "")},
        T.ACTION_SECOND_APPROVED: lambda: str(ActionKind(p["kind"]).label),
        T.ACTION_STATUS: lambda: _("%(kind)s: %(new)s") % {
            "kind": ActionKind(p["kind"]).label, "new": ActionStatus(p["new"]).label},
        T.PARTICIPANT_ADDED: lambda: p.get("agency", ""),
        T.LEAD_OFFICER_SET: lambda: p.get("user", ""),
        T.COORDINATION_STARTED: lambda: p.get("mode", ""),
        T.DECISION_REVERSED: lambda: str(DecisionType(p["decision_type"]).label),
        T.APPEAL_FILED: lambda: str(DecisionType(p["decision_type"]).label),
        T.EVIDENCE_ADDED: lambda: p.get("label", ""),
        T.NOTE: lambda: p.get("text", ""),
        T.MEETING_SCHEDULED: lambda: p.get("title", ""),
        T.MEETING_RESCHEDULED: lambda: _when(p.get("starts_at", "")),
        T.MEETING_ATTENDANCE: lambda: ", ".join(p.get("present", [])),
        T.CONSULTATION_OPENED: lambda: p.get("title", ""),
        T.CONSULTATION_ANSWERED: lambda: _("%(agency)s: %(position)s") % {
            "agency": p.get("agency_code", ""), "position": _position(p)},
        T.CONSULTATION_ANSWER_REVISED: lambda: _("%(agency)s: %(position)s (revision %(n)s)") % {
            "agency": p.get("agency_code", ""), "position": _position(p), "n": p.get("revision", "")},
        T.CONSULTATION_CLOSED: lambda: _("agree %(agree)s, disagree %(disagree)s, other %(other)s, "
                                         "no answer %(missing)s") % {
            k: (p.get("tally") or {}).get(k, 0) for k in ("agree", "disagree", "other", "missing")},
        T.DEADLINE_OVERDUE: lambda: " ".join(part for part in [p.get("agency_code", ""), p.get("what", "")] if part),
    }.get(event.type)
    try:
        detail = label() if label else ""
    except (KeyError, ValueError):
        detail = ""
    reason = p.get("reason") or p.get("note") or ""
    return " — ".join(part for part in [str(detail), reason] if part)


# --- coordination (haidang.coordination): meetings and written consultations --------------


def event_meeting_scheduled(case, *, actor, meeting, agencies):
    return _event(case, T.MEETING_SCHEDULED, actor, meeting_id=meeting.pk, title=meeting.title[:300],
                  starts_at=meeting.starts_at.isoformat(), agencies=sorted(agencies))


def event_meeting_attendance(case, *, actor, meeting, present, absent):
    return _event(case, T.MEETING_ATTENDANCE, actor, meeting_id=meeting.pk, present=sorted(present),
                  absent=sorted(absent))


def event_meeting_minutes(case, *, actor, meeting):
    return _event(case, T.MEETING_MINUTES, actor, meeting_id=meeting.pk)


def event_meeting_concluded(case, *, actor, meeting, summary=""):
    return _event(case, T.MEETING_CONCLUDED, actor, meeting_id=meeting.pk, note=summary[:1000])


def event_meeting_cancelled(case, *, actor, meeting, reason=""):
    return _event(case, T.MEETING_CANCELLED, actor, meeting_id=meeting.pk, reason=reason[:1000])


def event_meeting_rescheduled(case, *, actor, meeting, reason=""):
    return _event(case, T.MEETING_RESCHEDULED, actor, meeting_id=meeting.pk,
                  starts_at=meeting.starts_at.isoformat(), reason=reason[:1000])


def event_consultation_opened(case, *, actor, consultation, agencies):
    return _event(case, T.CONSULTATION_OPENED, actor, consultation_id=consultation.pk,
                  title=consultation.title[:300], deadline=consultation.deadline.isoformat(),
                  agencies=sorted(agencies))


def event_consultation_answered(case, *, actor, consultation, answer, revision, revised=False):
    return _event(case, T.CONSULTATION_ANSWER_REVISED if revised else T.CONSULTATION_ANSWERED, actor,
                  consultation_id=consultation.pk, answer_id=answer.pk, revision_id=revision.pk,
                  revision=revision.number, position=revision.position, agency_code=answer.agency.short_name)


def event_consultation_closed(case, *, actor, consultation, tally):
    return _event(case, T.CONSULTATION_CLOSED, actor, consultation_id=consultation.pk, tally=tally,
                  note=consultation.conclusion[:1000])


def event_deadline_overdue(case, *, step, what, agency_code="", meeting_id=None, consultation_id=None):
    # The meeting's or consultation's id lets the timeline hide it from those not invited to it.
    ids = {k: v for k, v in (("meeting_id", meeting_id), ("consultation_id", consultation_id)) if v is not None}
    return _event(case, T.DEADLINE_OVERDUE, None, step=step, what=what[:300], agency_code=agency_code, **ids)
