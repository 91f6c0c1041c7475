"""Receivers: analysed items go to stories and alerts through a task (never inline), and raised or
escalated alerts go to the webhook through a task."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from haidang.analysis.signals import items_analyzed

from .signals import alert_event
from .tasks import process_items_task, webhook_task


@receiver(items_analyzed, dispatch_uid="alerts.items_analyzed")
def enqueue_stories(sender, item_ids=None, **kwargs):
    if not item_ids:
        return
    ids = [int(i) for i in item_ids]

    def enqueue():
        process_items_task(ids)

    # The signals were stored in the analyser's transaction: the task must see them.
    transaction.on_commit(enqueue)


@receiver(alert_event, dispatch_uid="alerts.webhook")
def enqueue_webhook(sender, alert_id=None, event="", **kwargs):
    if alert_id and getattr(settings, "HAIDANG_WEBHOOK_URL", ""):
        webhook_task(alert_id, event)
