"""Job rows: start, progress, finish. Progress writes are plain updates (no audit: not a domain write)."""

from __future__ import annotations

from contextlib import contextmanager

from django.utils import timezone

from .choices import JobStatus
from .models import Job


def start_job(kind: str, *, name: str = "", user=None, agency=None, total: int | None = None, obj=None) -> Job:
    return Job.objects.create(
        kind=kind,
        name=name[:200],
        created_by=user if (user is not None and user.is_authenticated) else None,
        agency=agency,
        status=JobStatus.RUNNING,
        started_at=timezone.now(),
        progress_total=total,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
    )


def set_progress(job: Job, done: int, total: int | None = None) -> None:
    job.progress_done = done
    fields = ["progress_done"]
    if total is not None:
        job.progress_total = total
        fields.append("progress_total")
    Job.objects.filter(pk=job.pk).update(**{f: getattr(job, f) for f in fields})


def finish_job(job: Job, *, counts: dict | None = None, errors: list | None = None, failed: bool = False, log: str = "") -> Job:
    job.finished_at = timezone.now()
    job.status = JobStatus.FAILED if failed else JobStatus.SUCCEEDED
    if counts is not None:
        job.counts = counts
    if errors is not None:
        job.errors = errors[:200]  # keep the row small; the first errors say enough
    if log:
        job.log = (job.log + log)[-20000:]
    job.save(update_fields=["finished_at", "status", "counts", "errors", "log"])
    return job


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
