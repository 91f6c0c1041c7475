"""Thin Huey tasks: they call idempotent actions."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="*/15"))
def send_reminders():
    """Every 15 minutes: reminders before deadlines, overdue notices, escalations. Each one is claimed
    in ReminderLog first, so N consumers (or a re-run) never send one twice."""
    from .actions import send_due_reminders

    return send_due_reminders()
