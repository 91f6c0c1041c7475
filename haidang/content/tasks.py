"""Thin Huey tasks for collecting: they take ids and call actions."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from haidang.sources.models import Source


@db_periodic_task(crontab(minute="*"))
def schedule_due_sources():
    """Every minute: claim the due sources (atomically, so N consumers never fetch one twice)
    and queue one fetch each."""
    from haidang.sources.actions import claim_due_sources

    for source_id in claim_due_sources():
        fetch_source(source_id)


@db_periodic_task(crontab(minute="*/5"))
def fail_stale_jobs_task() -> int:
    """Every 5 minutes: running jobs whose worker died (no heartbeat) are marked failed with a reason."""
    from haidang.core.jobs import fail_stale_jobs

    return fail_stale_jobs()


@db_task()
def fetch_source(source_id: int):
    from .actions import do_fetch_source

    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return None
    return do_fetch_source(source).pk


@db_task()
def import_file(job_id: int, source_id: int, path: str, fmt: str = "auto", user_id: int | None = None):
    """A file uploaded through the web page, imported by a worker; progress goes to the Job row.
    The stored upload is removed afterwards (the evidence snapshot keeps the bytes)."""
    from pathlib import Path

    from django.contrib.auth import get_user_model

    from haidang.core.jobs import finish_job
    from haidang.core.models import Job
    from haidang.sources.parsers import Unreadable

    from .actions import do_import

    job = Job.objects.filter(pk=job_id).first()
    source = Source.objects.filter(pk=source_id).first()
    if job is None or job.finished_at is not None:
        return None  # already done (a retried task): imports are not repeated
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        if source is None:
            finish_job(job, failed=True, log="the source no longer exists\n")
            return None
        do_import(path, source=source, fmt=fmt, acting_user=user, job=job)
    except Unreadable:
        pass  # do_import marked the job failed with the reason
    finally:
        Path(path).unlink(missing_ok=True)
    return job.pk
