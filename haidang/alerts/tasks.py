"""Thin Huey tasks: take ids, call actions. All idempotent."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .actions import do_send_digests, process_items
from .webhook import send_alert_webhook


@db_task()
def process_items_task(item_ids: list[int]) -> dict:
    """Stories, counters, spikes and alerts for freshly analysed items."""
    return process_items(item_ids)


@db_task(retries=2, retry_delay=300)
def webhook_task(alert_id: int, event: str) -> bool:
    """POST the alert to HAIDANG_WEBHOOK_URL (signed; retried inside, then by Huey)."""
    return send_alert_webhook(alert_id, event)


# 00:00 UTC is 07:00 in Vietnam: the digest is in the inbox when the working day starts.
@db_periodic_task(crontab(hour="0", minute="0"))
def daily_digest_task() -> int:
    return do_send_digests()
