"""Job rows: start, progress, finish. Progress writes are plain updates (no audit: not a domain write).

A running job beats (`heartbeat_at`) when it starts and on every progress step; `fail_stale_jobs()`
(a periodic task) marks running jobs without a beat for HAIDANG_JOB_STALE_MINUTES failed, with a
reason: their worker died, and nothing else would ever finish them.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .choices import JobStatus
from .models import Job


def start_job(kind: str, *, name: str = "", user=None, agency=None, total: int | None = None, obj=None,
              pending: bool = False) -> Job:
    """`pending=True`: the work is queued for a worker, which calls `heartbeat()` when it starts."""
    now = timezone.now()
    return Job.objects.create(
        kind=kind,
        name=name[:200],
        created_by=user if (user is not None and user.is_authenticated) else None,
        agency=agency,
        status=JobStatus.PENDING if pending else JobStatus.RUNNING,
        started_at=None if pending else now,
        heartbeat_at=None if pending else now,
        progress_total=total,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
    )


def heartbeat(job: Job) -> None:
    """The job's worker is alive; a pending job becomes running."""
    now = timezone.now()
    job.heartbeat_at = now
    if job.status == JobStatus.PENDING:
        job.status, job.started_at = JobStatus.RUNNING, now
        Job.objects.filter(pk=job.pk).update(status=job.status, started_at=now, heartbeat_at=now)
    else:
        Job.objects.filter(pk=job.pk).update(heartbeat_at=now)


def set_progress(job: Job, done: int, total: int | None = None) -> None:
    job.progress_done = done
    job.heartbeat_at = timezone.now()
    fields = ["progress_done", "heartbeat_at"]
    if total is not None:
        job.progress_total = total
        fields.append("progress_total")
    Job.objects.filter(pk=job.pk).update(**{f: getattr(job, f) for f in fields})


def finish_job(job: Job, *, counts: dict | None = None, errors: list | None = None, failed: bool = False,
               log: str = "", reason: str = "") -> Job:
    job.finished_at = timezone.now()
    job.status = JobStatus.FAILED if failed else JobStatus.SUCCEEDED
    if counts is not None:
        job.counts = counts
    if errors is not None:
        job.errors = errors[:200]  # keep the row small; the first errors say enough
    if log:
        job.log = (job.log + log)[-20000:]
    # The page shows why at a glance; the log keeps the detail.
    job.failure_reason = (reason or (log.strip().splitlines() or [""])[0] or "failed")[:500] if failed else ""
    job.save(update_fields=["finished_at", "status", "counts", "errors", "log", "failure_reason"])
    return job


def fail_stale_jobs(now: dt.datetime | None = None) -> int:
    """Mark running jobs without a heartbeat for HAIDANG_JOB_STALE_MINUTES failed. Returns how many."""
    now = now or timezone.now()
    minutes = int(settings.HAIDANG_JOB_STALE_MINUTES)
    cutoff = now - dt.timedelta(minutes=minutes)
    reason = (f"no heartbeat for {minutes} minutes: the worker running this job stopped "
              f"(crashed or restarted); run it again")
    stale = (Job.objects.filter(status=JobStatus.RUNNING)
             .alias(last_beat=Coalesce("heartbeat_at", "started_at", "created_at"))
             .filter(last_beat__lt=cutoff))
    failed = 0
    for job in stale.only("pk", "log"):
        # Conditional: a beat that arrives meanwhile keeps the job running.
        failed += Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).filter(
            Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True)).update(
            status=JobStatus.FAILED, finished_at=now, failure_reason=reason[:500],
            log=(job.log + f"{now.isoformat()} {reason}\n")[-20000:])
    return failed


@contextmanager
def job_context(kind: str, **kwargs):
    """Run a block as a Job: marked failed with the error if the block raises."""
    job = start_job(kind, **kwargs)
    try:
        yield job
    except Exception as exc:
        finish_job(job, failed=True, log=f"{exc.__class__.__name__}: {exc}\n")
        raise
    else:
        if job.status == JobStatus.RUNNING:
            finish_job(job, counts=job.counts, errors=job.errors)
