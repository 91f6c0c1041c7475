"""Receivers: stories assigned by the alerts pipeline are read for grievances, through a task."""

from __future__ import annotations

from django.dispatch import receiver

from haidang.alerts.signals import stories_assigned

from .tasks import collect_grievances_task


@receiver(stories_assigned, dispatch_uid="grievances.stories_assigned")
def enqueue_grievances(sender, item_ids=None, **kwargs):
    # alerts sends this after its commit: the stories are there for the task to read.
    if item_ids:
        collect_grievances_task([int(i) for i in item_ids])
