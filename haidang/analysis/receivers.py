"""Receivers: new or changed items are analysed by a task (never inline in the ingesting process)."""

from __future__ import annotations

from django.dispatch import receiver

from haidang.content.signals import items_ingested


@receiver(items_ingested, dispatch_uid="analysis.items_ingested")
def enqueue_analysis(sender, item_ids=None, **kwargs):
    if item_ids:
        from .tasks import analyse_items_task

        analyse_items_task(list(item_ids))
