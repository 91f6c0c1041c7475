"""Webhook events from the audit log: every action writes one entry, so the domain apps need not
know about webhooks. An entry's verb maps to an event type (receivers.py listens; tasks.py fans out)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from haidang.audit.models import AuditEntry

from .models import EventType

# audit verb -> event types. Reminder verbs end in their stage (before, due, overdue...): prefixes.
VERB_EVENTS: dict[str, list[str]] = {
    "alert.raise": [EventType.ALERT_RAISED],
    "alert.escalate": [EventType.ALERT_ESCALATED],
    "case.transition": [EventType.CASE_STATE_CHANGED],
    "coordination.consultation_open": [EventType.CONSULTATION_OPENED],
    "coordination.answer": [EventType.ANSWER_SUBMITTED],
    "coordination.answer_revise": [EventType.ANSWER_SUBMITTED],
    "grievance.answer_submit": [EventType.ANSWER_SUBMITTED],
    "grievance.assign": [EventType.GRIEVANCE_ASSIGNED],
    "grievance.take": [EventType.GRIEVANCE_ASSIGNED],
    "grievance.reassign": [EventType.GRIEVANCE_ASSIGNED],
}
PREFIX_EVENTS = {"coordination.reminder_": [EventType.ACTION_DUE], "grievance.reminder_": [EventType.ACTION_DUE]}

# What of an entry's `changes` an event carries: states and ids, never free text or names.
SAFE_CHANGES = {"from", "to", "priority", "stage", "kind", "due_at", "agency", "answer", "case", "items"}


def events_for(action: str) -> list[str]:
    if action in VERB_EVENTS:
        return VERB_EVENTS[action]
    for prefix, events in PREFIX_EVENTS.items():
        if action.startswith(prefix):
            return events
    return []


def _object_url(model_label: str, object_id: str) -> str:
    names = {"alerts.alert": "api:alert-detail", "cases.case": "api:case-detail",
             "coordination.consultation": "api:consultation-detail", "coordination.meeting": "api:meeting-detail",
             "grievances.grievance": "api:grievance-detail"}
    try:
        return reverse(names[model_label], args=[object_id]) if model_label in names else ""
    except NoReverseMatch:
        return ""


def _data_for(entry: AuditEntry, event: str) -> dict:
    from django.conf import settings

    if entry.object_type == "alerts.alert":
        from haidang.alerts.models import Alert
        from haidang.alerts.webhook import alert_payload

        alert = Alert.objects.select_related("agency").filter(pk=entry.object_id).first()
        if alert is not None:
            # The global webhook's body as it always was; agencies get the same.
            return {"alert": alert_payload(alert, event.split(".", 1)[1])["alert"]}
    changes = {k: v for k, v in (entry.changes or {}).items() if k in SAFE_CHANGES}
    if entry.action.startswith(("coordination.reminder_", "grievance.reminder_")):
        changes["stage"] = entry.action.rsplit("_", 1)[1]
    path = _object_url(entry.object_type, entry.object_id)
    return {"object": {"type": entry.object_type, "id": entry.object_id,
                       "api_url": settings.SITE_URL.rstrip("/") + path if path else ""},
            "action": entry.action, "changes": changes, "occurred_at": entry.created_at.isoformat()}


def deliveries_for(entry_id: int) -> list[int]:
    """The deliveries of one entry's events: one per subscription that wants it and may see the object."""
    from .webhooks import emit

    entry = AuditEntry.objects.filter(pk=entry_id).first()
    if entry is None:
        return []
    created = []
    for event in events_for(entry.action):
        created += emit(event, model_label=entry.object_type, object_id=entry.object_id,
                        data=_data_for(entry, event), event_id=f"{entry.pk}-{event}")
        if event == EventType.ALERT_RAISED and (entry.changes or {}).get("agency"):
            created += emit(EventType.ALERT_ROUTED, model_label=entry.object_type, object_id=entry.object_id,
                            data=_data_for(entry, EventType.ALERT_ROUTED), event_id=f"{entry.pk}-alert.routed")
    return created
