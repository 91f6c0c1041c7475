"""After an action's transaction commits, the webhook events of its audit entry are fanned out by a
task (events.py maps the verbs; tasks.py queues one delivery per subscription)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from haidang.audit.models import AuditEntry

from .events import events_for

log = logging.getLogger(__name__)


@receiver(post_save, sender=AuditEntry, dispatch_uid="api.webhooks_from_audit")
def audit_entry_written(sender, instance: AuditEntry, created: bool, **kwargs):
    if not (created and events_for(instance.action)):
        return
    entry_id = instance.pk

    def enqueue():
        from .tasks import fan_out_task

        try:
            fan_out_task(entry_id)
        except Exception:  # noqa: BLE001 - the officer's action is committed; a webhook must not fail it
            log.exception("webhooks: could not queue the events of audit entry %s", entry_id)

    transaction.on_commit(enqueue)
