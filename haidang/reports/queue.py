"""Start a file's Job and queue its Huey task after commit (actions never import tasks)."""

from __future__ import annotations

from django.db import transaction

from .actions import start_generation
from .tasks import generate_task


def start(kind: str, params: dict, *, acting_user, name: str = "", obj=None):
    job = start_generation(kind, params, acting_user=acting_user, name=name, obj=obj)
    transaction.on_commit(lambda: generate_task(job.pk))
    return job
