"""Export jobs, handed down: the app that produces a file (reports) registers how to start one and
where its file is; the API, which may not import that app (both sit on the same layer), starts and
serves them through here.

A starter checks the same access rules as the screen that starts the job (raising Http404,
PermissionDenied or ValidationError), records its audit entry and returns the pending Job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .models import Job

Starter = Callable[..., Job]  # (user, params: dict) -> Job
FileOf = Callable[[Job], "tuple[Path, str, str] | None"]  # job -> (path, filename, content type)


@dataclass(frozen=True)
class ExportKind:
    kind: str
    starter: Starter
    job_kind: str  # Job.kind of the jobs it starts
    file_of: FileOf
    formats: tuple[str, ...] = ()


_EXPORTS: dict[str, ExportKind] = {}


def register_export(kind: str, starter: Starter, *, job_kind: str, file_of: FileOf,
                    formats: tuple[str, ...] = ()) -> None:
    """Called from the producing app's AppConfig.ready(); registering a kind again replaces it."""
    _EXPORTS[kind] = ExportKind(kind, starter, job_kind, file_of, tuple(formats))


def export_kinds() -> dict[str, ExportKind]:
    return dict(_EXPORTS)


def start_export(kind: str, user, params: dict) -> Job:
    """Start an export job of a registered kind for `user`; KeyError for an unknown kind."""
    return _EXPORTS[kind].starter(user, params)


def _kind_of(job: Job) -> ExportKind | None:
    return next((e for e in _EXPORTS.values() if e.job_kind == job.kind), None)


def is_export_job(job: Job) -> bool:
    return _kind_of(job) is not None


def export_file(job: Job) -> tuple[Path, str, str] | None:
    """(path, filename, content type) of a finished export job's file, or None (not done, or no file)."""
    export = _kind_of(job)
    return export.file_of(job) if export is not None else None
