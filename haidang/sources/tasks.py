"""Thin Huey tasks: they take ids and call actions."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .models import Source


@db_periodic_task(crontab(minute="*"))
def schedule_due_sources():
    """Every minute: claim the due sources (atomically, so N consumers never fetch one twice)
    and queue one fetch each."""
    from .actions import claim_due_sources

    for source_id in claim_due_sources():
        fetch_source(source_id)


@db_task()
def fetch_source(source_id: int):
    from .actions import do_fetch_source

    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return None
    return do_fetch_source(source).pk
