"""What of a case's coordination (meetings, written consultations) a user may see on the case page, in
its timeline and in its export.

Meetings and consultations belong to `coordination`, a layer above; it hands its rule down when it loads
(`CoordinationConfig.ready` → `set_coordination_rule`), so that the case page applies the same rule as the
meeting and consultation pages. Without a rule nothing of them is shown (fail closed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .choices import CaseEventType

_rule = None


def set_coordination_rule(rule) -> None:
    """`rule(user, case)` → (meetings, consultations): querysets of what the user may see of the case."""
    global _rule
    _rule = rule


@dataclass
class Coordination:
    meetings: object = None  # a queryset, or None when no rule is registered
    consultations: object = None
    meeting_ids: set = field(default_factory=set)
    consultation_ids: set = field(default_factory=set)
    meeting_rows: list | None = None  # the rows themselves, when loaded once by read_coordination_once()
    consultation_rows: list | None = None


def coordination_for(user, case) -> Coordination:
    if _rule is None or user is None:
        return Coordination()
    kept = kept_coordination(user, case)
    if kept is not None:
        return kept
    meetings, consultations = _rule(user, case)
    return Coordination(meetings, consultations, set(meetings.values_list("pk", flat=True)),
                        set(consultations.values_list("pk", flat=True)))


def kept_coordination(user, case) -> Coordination | None:
    """What read_coordination_once() kept on this case instance for this user, else None (no query)."""
    kept = getattr(case, "_coordination_read_once", None)
    return kept[1] if kept is not None and user is not None and kept[0] == user.pk else None


def read_coordination_once(user, case) -> Coordination:
    """For a read-only page (the case page): what the user may see of the case's coordination, loaded
    once as rows (the same rule) and kept on this case instance. The timeline, the next step and the
    Meetings and Consultations tabs all asked for it: four queries, each with the case rule inside."""
    if _rule is None or user is None:
        return Coordination()
    meetings, consultations = _rule(user, case)
    meeting_rows, consultation_rows = list(meetings), list(consultations)
    seen = Coordination(meetings, consultations, {m.pk for m in meeting_rows}, {c.pk for c in consultation_rows},
                        meeting_rows, consultation_rows)
    case._coordination_read_once = (user.pk, seen)
    return seen


# Overdue notices written before they carried the object's id name only the step.
_STEP_KIND = {"consultation": "consultation_ids", "meeting_conclusions": "meeting_ids"}


def event_visible(event, seen: Coordination) -> bool:
    p = event.parameters or {}
    if "meeting_id" in p:
        return p["meeting_id"] in seen.meeting_ids
    if "consultation_id" in p:
        return p["consultation_id"] in seen.consultation_ids
    if event.type == CaseEventType.DEADLINE_OVERDUE and p.get("step") in _STEP_KIND:
        return bool(getattr(seen, _STEP_KIND[p["step"]]))
    return True


def visible_events(user, case, events=None) -> list:
    """The case's timeline events this user may see (all of them but coordination hidden from them)."""
    seen = coordination_for(user, case)
    events = case.events.all() if events is None else events
    return [e for e in events if event_visible(e, seen)]
