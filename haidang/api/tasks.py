"""Thin Huey tasks for webhook deliveries: take ids, call webhooks.py."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from . import events, webhooks


def fan_out(entry_id: int) -> list[int]:
    created = events.deliveries_for(entry_id)
    for delivery_id in created:
        deliver_webhook_task(delivery_id)
    return created


@db_task(retries=3, retry_delay=30)
def fan_out_task(entry_id: int) -> list[int]:
    """The deliveries of one audit entry's events (one per subscription that may see the object)."""
    return fan_out(entry_id)


@db_task()
def deliver_webhook_task(delivery_id: int) -> str | None:
    """The first attempt, right after the event; failures are retried by the periodic task below."""
    return webhooks.attempt(delivery_id)


@db_periodic_task(crontab(minute="*"))
@lock_task("api-webhook-retries")
def retry_webhooks_task() -> int:
    """Every minute: the deliveries whose backoff has passed (each claimed, so two consumers never
    send the same attempt twice)."""
    done = 0
    for delivery_id in webhooks.due_deliveries():
        if webhooks.attempt(delivery_id) is not None:
            done += 1
    return done


@db_periodic_task(crontab(hour="3", minute="17"))
def forget_idempotency_keys_task() -> int:
    """Keys are for retries of a request, not for ever: a day is plenty."""
    import datetime as dt

    from django.utils import timezone

    from .models import IdempotencyKey

    return IdempotencyKey.objects.filter(created_at__lt=timezone.now() - dt.timedelta(days=1)).delete()[0]
