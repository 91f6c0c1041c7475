"""The grievance timeline: one small `event_*()` function per kind of event, like the case timeline.

Actions call these inside their transaction. Parameters hold plain JSON (ids, codes, short texts).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from haidang.agencies.access import primary_agency

from .choices import EventType as T
from .choices import Origin, ReminderStage, RoutedBy
from .models import Grievance, GrievanceEvent


def _event(grievance: Grievance, type_: str, actor, **parameters) -> GrievanceEvent:
    actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return GrievanceEvent.objects.create(grievance=grievance, type=type_, actor=actor,
                                         agency=primary_agency(actor) if actor else None, parameters=parameters)


def event_created(g, *, actor):
    return _event(g, T.CREATED, actor, origin=g.origin, agency=g.agency.short_name, routed_by=g.routed_by,
                  rule=g.route_name, voices=g.voice_count, due_at=g.due_at.isoformat())


def event_voices_added(g, *, added):
    return _event(g, T.VOICES_ADDED, None, added=added, voices=g.voice_count)


def event_taken(g, *, actor):
    return _event(g, T.TAKEN, actor, user=actor.get_username())


def event_assigned(g, *, actor, officer):
    return _event(g, T.ASSIGNED, actor, user_id=officer.pk, user=officer.get_full_name() or officer.get_username())


def event_answer_submitted(g, *, actor, answer):
    return _event(g, T.ANSWER_SUBMITTED, actor, answer_id=answer.pk, url=answer.published_url)


def event_answer_approved(g, *, actor, answer, on_time):
    return _event(g, T.ANSWER_APPROVED, actor, answer_id=answer.pk, url=answer.published_url, on_time=on_time)


def event_answer_rejected(g, *, actor, answer, note):
    return _event(g, T.ANSWER_REJECTED, actor, answer_id=answer.pk, note=note[:1000])


def event_reassigned(g, *, actor, transfer):
    return _event(g, T.REASSIGNED, actor, transfer_id=transfer.pk, from_agency=transfer.from_agency.short_name,
                  to_agency=transfer.to_agency.short_name, reason=transfer.reason[:1000])


def event_deadline_changed(g, *, actor, old, working_days, reason):
    return _event(g, T.DEADLINE_CHANGED, actor, old=old.isoformat(), new=g.due_at.isoformat(),
                  working_days=working_days, reason=reason[:1000])


def event_escalated_to_case(g, *, actor, report_id, case_code=""):
    return _event(g, T.ESCALATED_TO_CASE, actor, report_id=report_id, case=case_code)


def event_resumed(g, *, actor, report_id):
    return _event(g, T.RESUMED, actor, report_id=report_id)


def event_reminder(g, *, stage, recipients):
    return _event(g, T.REMINDER, None, stage=stage, recipients=recipients)


def describe(event: GrievanceEvent) -> str:
    """One line for the timeline, translated at read time (parameters are stored untranslated)."""
    p = event.parameters or {}
    label = {
        T.CREATED: lambda: _("%(origin)s; to %(agency)s (%(why)s)") % {
            "origin": Origin(p["origin"]).label, "agency": p.get("agency", ""),
            "why": p.get("rule") or RoutedBy(p["routed_by"]).label},
        T.VOICES_ADDED: lambda: _("%(added)s more, %(voices)s voices in all") % {
            "added": p.get("added", 0), "voices": p.get("voices", 0)},
        T.TAKEN: lambda: p.get("user", ""),
        T.ASSIGNED: lambda: p.get("user", ""),
        T.ANSWER_SUBMITTED: lambda: p.get("url", ""),
        T.ANSWER_APPROVED: lambda: (_("on time") if p.get("on_time") else _("late")) + " · " + p.get("url", ""),
        T.REASSIGNED: lambda: _("%(from)s → %(to)s") % {"from": p.get("from_agency", ""), "to": p.get("to_agency", "")},
        T.DEADLINE_CHANGED: lambda: _("%(n)s working days") % {"n": p.get("working_days", "")},
        T.ESCALATED_TO_CASE: lambda: p.get("case") or _("report #%(id)s to the lead agency") % {
            "id": p.get("report_id", "")},
        T.REMINDER: lambda: str(ReminderStage(p["stage"]).label),
    }.get(event.type)
    try:
        detail = label() if label else ""
    except (KeyError, ValueError):
        detail = ""
    reason = p.get("reason") or p.get("note") or ""
    return " — ".join(part for part in [str(detail), reason] if part)


def history_text(g: Grievance) -> str:
    """The timeline as plain text, carried into the case it becomes."""
    from django.utils import timezone

    lines = []
    for event in g.events.select_related("actor").order_by("created_at", "id"):
        who = (event.actor.get_full_name() or event.actor.get_username()) if event.actor else _("system")
        when = timezone.localtime(event.created_at).strftime("%d/%m/%Y %H:%M")
        detail = describe(event)
        lines.append(f"{when} · {event.get_type_display()} · {who}" + (f" · {detail}" if detail else ""))
    return "\n".join(lines)
