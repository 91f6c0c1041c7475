"""Thin Huey tasks: take ids, call actions."""

from __future__ import annotations

import logging

from huey.contrib.djhuey import db_task

log = logging.getLogger(__name__)


@db_task()
def generate_task(job_id: int) -> None:
    from .actions import run_generation

    try:
        run_generation(job_id)
    except Exception:  # already marked failed on the job, with the reason; the page shows it
        log.exception("report job %s failed", job_id)
