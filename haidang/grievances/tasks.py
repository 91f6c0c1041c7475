"""Thin Huey tasks: take ids, call idempotent actions."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_task()
def collect_grievances_task(item_ids: list[int]) -> dict:
    """Items just put into stories: those that are grievances become voices of their story's grievance."""
    from .actions import do_collect_grievances

    return do_collect_grievances(item_ids)


@db_periodic_task(crontab(minute="*/15"))
def send_grievance_reminders() -> dict:
    """Every 15 minutes: reminders, overdue notices, escalations. Each is claimed in GrievanceReminder
    first, so N consumers (or a re-run) never send one twice."""
    from .actions import send_due_reminders

    return send_due_reminders()
