"""Issue #18: a job whose worker died does not stay "running" forever."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from haidang.core import jobs
from haidang.core.models import Job


def _stale(job, minutes):
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - dt.timedelta(minutes=minutes))


def test_a_job_beats_when_it_starts_and_on_progress(personas):
    job = jobs.start_job("ingest.import", name="x", user=personas.alice)
    assert job.heartbeat_at is not None
    _stale(job, 10)
    jobs.set_progress(job, 5, 10)
    job.refresh_from_db()
    assert timezone.now() - job.heartbeat_at < dt.timedelta(seconds=30)


def test_a_stale_running_job_is_marked_failed_with_a_reason(personas, settings):
    settings.HAIDANG_JOB_STALE_MINUTES = 15
    dead = jobs.start_job("ingest.import", name="dead", user=personas.alice)
    alive = jobs.start_job("ingest.import", name="alive", user=personas.alice)
    finished = jobs.finish_job(jobs.start_job("ingest.import", name="done", user=personas.alice))
    _stale(dead, 16)
    _stale(alive, 14)
    _stale(finished, 60)
    assert jobs.fail_stale_jobs() == 1
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == "failed" and dead.finished_at is not None
    assert "15 minutes" in dead.failure_reason and dead.failure_reason in dead.log
    assert alive.status == "running" and not alive.failure_reason
    assert Job.objects.get(pk=finished.pk).status == "succeeded"
    assert jobs.fail_stale_jobs() == 0


def test_a_running_job_from_before_heartbeats_is_judged_by_its_start(personas, settings):
    settings.HAIDANG_JOB_STALE_MINUTES = 15
    old = jobs.start_job("ingest.fetch", name="old")
    Job.objects.filter(pk=old.pk).update(heartbeat_at=None, started_at=timezone.now() - dt.timedelta(hours=2))
    assert jobs.fail_stale_jobs() == 1


def test_the_stale_job_check_is_a_periodic_task():
    from haidang.content.tasks import fail_stale_jobs_task

    at = dt.datetime(2026, 3, 5, 8, 0)
    assert sum(fail_stale_jobs_task.s().validate_datetime(at.replace(minute=m)) for m in range(60)) >= 4


def test_the_job_page_shows_the_reason(personas, settings):
    settings.HAIDANG_JOB_STALE_MINUTES = 15
    job = jobs.start_job("ingest.import", name="dead", user=personas.alice, agency=personas.lead)
    _stale(job, 30)
    jobs.fail_stale_jobs()
    job.refresh_from_db()
    page = personas.client_for(personas.alice).get(reverse("job_detail", args=[job.pk]))
    assert page.status_code == 200
    assert job.failure_reason in page.content.decode()


def test_a_failed_job_gets_its_first_log_line_as_the_reason(personas):
    job = jobs.start_job("ingest.fetch", name="x")
    jobs.finish_job(job, failed=True, log="HTTP 500 from https://x.example\nmore detail\n")
    assert Job.objects.get(pk=job.pk).failure_reason == "HTTP 500 from https://x.example"
