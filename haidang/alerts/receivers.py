"""Receivers: analysed items go to stories and alerts through a task (never inline).

Raised or escalated alerts reach webhooks through the api app, which turns audit entries into events;
the HAIDANG_WEBHOOK_URL setting is one subscription there (haidang.api.webhooks)."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import receiver

from haidang.analysis.signals import items_analyzed

from .tasks import process_items_task


@receiver(items_analyzed, dispatch_uid="alerts.items_analyzed")
def enqueue_stories(sender, item_ids=None, **kwargs):
    if not item_ids:
        return
    ids = [int(i) for i in item_ids]

    def enqueue():
        process_items_task(ids)

    # The signals were stored in the analyser's transaction: the task must see them.
    transaction.on_commit(enqueue)
