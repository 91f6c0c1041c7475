"""Thin Huey tasks: take ids, call actions. All idempotent."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from haidang.core.notifications import retry_failed_emails

from .actions import do_send_digests, process_items
from .webhook import send_alert_webhook

log = logging.getLogger(__name__)


# Retried with backoff (30 s, 1, 2, 4, 8 min): a locked or restarting database must not lose the
# batch. Re-running is harmless (items already in a story are skipped); the catch-up below takes
# whatever is still missing after the last retry.
@db_task(retries=5, retry_delay=30, retry_backoff=2)
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


def catch_up(now: dt.datetime | None = None) -> dict:
    """Items the normal path missed (a task that failed for good, a lost queue): analyse those
    without signals, put those with signals but no story into stories. Oldest first, at most
    HAIDANG_CATCH_UP_BATCH of each per run; items younger than the grace period are left to the
    normal path. Idempotent: what is done is no longer found."""
    from haidang.analysis.tasks import analyse_items
    from haidang.content.models import Item

    now = now or timezone.now()
    cutoff = now - dt.timedelta(minutes=settings.HAIDANG_CATCH_UP_GRACE_MINUTES)
    batch = settings.HAIDANG_CATCH_UP_BATCH
    unanalysed = list(Item.objects.filter(signals__isnull=True, created_at__lt=cutoff)
                      .order_by("created_at", "id").values_list("pk", flat=True)[:batch])
    if unanalysed:
        # Its items_analyzed signal queues the stories task for these, as on the normal path.
        analyse_items(unanalysed)
    storyless = list(Item.objects.filter(story_membership__isnull=True, signals__isnull=False,
                                         signals__analyzed_at__lt=cutoff, created_at__lt=cutoff)
                     .order_by("created_at", "id").values_list("pk", flat=True)[:batch])
    if storyless:
        process_items(storyless)
    if unanalysed or storyless:
        log.warning("catch-up: analysed %d, put into stories %d items the pipeline had missed",
                    len(unanalysed), len(storyless))
    return {"analysed": len(unanalysed), "assigned": len(storyless)}


# The locks: with N consumers each schedules periodic tasks; one run at a time is enough.
@db_periodic_task(crontab(minute="*/10"))
@lock_task("alerts.catch_up")
def catch_up_task() -> dict:
    return catch_up()


# Notifications of every app are e-mailed from core; alerts send most of them, so the retry lives here.
@db_periodic_task(crontab(minute="*/5"))
@lock_task("core.retry_emails")
def retry_emails_task() -> int:
    return retry_failed_emails()
