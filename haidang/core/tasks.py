"""Core's periodic work: the daily digest of open tasks (`notifications.send_task_digests`)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from .notifications import send_task_digests


# 00:05 UTC is 07:05 in Vietnam, just after the alerts digest.
@db_periodic_task(crontab(hour="0", minute="5"))
@lock_task("core-tasks-digest")
def tasks_digest_task() -> int:
    return send_task_digests()
