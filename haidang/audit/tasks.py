"""Thin Huey tasks for the audit log."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


# 16:55 UTC is 23:55 in Vietnam: the day's last checkpoint.
@db_periodic_task(crontab(hour="16", minute="55"))
def daily_audit_checkpoint() -> str:
    from .checkpoints import scheduled_checkpoint

    path = scheduled_checkpoint()
    return str(path) if path else ""
