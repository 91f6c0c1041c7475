"""Appending to the audit log. Every `actions.py` of every app calls `record()`."""

from __future__ import annotations

import datetime as dt
import json

from django.db import connection, transaction
from django.utils import timezone

from haidang.core.context import current_request_id

from .models import GENESIS_HASH, AuditEntry

# Any constant works; it only has to be the same in every process.
_PG_AUDIT_LOCK = 727_001


def _jsonable(value):
    """Reduce changes to plain JSON so the hash is stable after a database round-trip."""
    return json.loads(json.dumps(value, default=_default, ensure_ascii=False))


def _default(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return str(value)


# Which agency an officer acts for is the agencies app's rule (`agencies.access.primary_agency`).
# That app sits above the audit log, so it hands the rule down when it loads rather than being
# imported from here.
_actor_agency_rule = None


def set_actor_agency_rule(rule) -> None:
    global _actor_agency_rule
    _actor_agency_rule = rule


def _actor_agency(actor):
    if actor is None or not getattr(actor, "is_authenticated", False) or _actor_agency_rule is None:
        return None
    return _actor_agency_rule(actor)


def record(
    action: str,
    *,
    actor=None,
    obj=None,
    object_type: str = "",
    object_id: str | int = "",
    changes: dict | None = None,
    agency=None,
) -> AuditEntry:
    """Append one entry, chained to the last. Call inside the action's transaction."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    with transaction.atomic():
        # The chain needs a total order: serialise appenders. SQLite's IMMEDIATE
        # transactions already hold the write lock; PostgreSQL needs an explicit one.
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_AUDIT_LOCK])
        last = AuditEntry.objects.order_by("-id").values_list("hash", flat=True).first()
        actor_obj = actor if (actor is not None and getattr(actor, "is_authenticated", False)) else None
        entry = AuditEntry(
            created_at=timezone.now(),
            actor=actor_obj,
            actor_name=actor_obj.get_username() if actor_obj else (str(actor) if actor else "system"),
            agency=agency if agency is not None else _actor_agency(actor_obj),
            action=action,
            object_type=object_type,
            object_id=str(object_id) if object_id != "" else "",
            changes=_jsonable(changes or {}),
            request_id=current_request_id(),
            prev_hash=last or GENESIS_HASH,
        )
        entry.hash = entry.compute_hash()
        entry.save()
    return entry


def record_view(obj, *, actor) -> AuditEntry:
    """Reads of confidential objects are logged too (the regulation's protection of secrets)."""
    return record("view", actor=actor, obj=obj)
