"""The writes of the reports domain: saving periodic reports, starting and running generation jobs,
and the audit entries every export and every produced file leaves."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.audit.actions import record
from haidang.core.choices import JobStatus
from haidang.core.jobs import finish_job, heartbeat, set_progress, start_job
from haidang.core.models import Job

from .choices import DocFormat, PeriodKind
from .models import PeriodicReport

JOB_PREFIX = "reports."
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "zip": "application/zip",
}


def reports_dir() -> Path:
    """Where produced files live: HAIDANG_REPORTS_DIR, by default VAR_DIR/reports."""
    return Path(getattr(settings, "HAIDANG_REPORTS_DIR", None) or Path(settings.VAR_DIR) / "reports")


def may_produce_periodic(user) -> bool:
    """The periodic report goes upward from the lead agency: its coordinators, officers and leaders."""
    return access.is_lead_member(user, access.WORKING_ROLES) or bool(getattr(user, "is_superuser", False))


def validate_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_from > date_to:
        raise ValidationError(_("The period ends before it starts."))
    if (date_to - date_from).days > 366 * 2:
        raise ValidationError(_("A report covers at most two years."))


@transaction.atomic
def do_save_periodic_report(*, acting_user, date_from: dt.date, date_to: dt.date, period_kind: str = PeriodKind.MONTH,
                            assessment: str = "", number: str = "", report: PeriodicReport | None = None
                            ) -> PeriodicReport:
    """Create or update a periodic report with the officer's assessment and proposals."""
    if not may_produce_periodic(acting_user):
        raise PermissionDenied(_("Only the lead agency produces the periodic report."))
    validate_period(date_from, date_to)
    agency = access.lead_agency()
    if report is None:
        report = PeriodicReport(agency=agency, created_by=acting_user)
    elif report.agency_id not in access.agency_ids(acting_user) and not acting_user.is_superuser:
        raise PermissionDenied(_("This report belongs to another agency."))
    before = {"from": str(report.date_from or ""), "to": str(report.date_to or ""), "assessment": report.assessment}
    report.period_kind, report.date_from, report.date_to = period_kind, date_from, date_to
    report.assessment, report.number, report.updated_at = assessment.strip(), number.strip(), timezone.now()
    created = report.pk is None
    report.save()
    record("report.periodic.save", actor=acting_user, obj=report, agency=agency, changes={
        "created": created, "from": str(date_from), "to": str(date_to), "period": period_kind,
        "assessment_changed": before["assessment"] != report.assessment})
    return report


def record_export(*, acting_user, dataset: str, fmt: str, rows: int, confidential_rows: int = 0,
                  filters: dict | None = None) -> None:
    """Every export is on record: who took which rows, in which format, with how many confidential."""
    record("report.export", actor=acting_user, object_type="reports.export", object_id=dataset, changes={
        "format": fmt, "rows": rows, "confidential_rows": confidential_rows, "filters": filters or {}})


# --- Generation jobs --------------------------------------------------------------------------


def start_generation(kind: str, params: dict, *, acting_user, name: str = "", obj=None) -> Job:
    """A pending Job for a file; `queue.start()` hands it to the Huey task that produces it."""
    if kind not in PRODUCERS:
        raise ValueError(f"unknown report kind {kind!r}")
    job = start_job(JOB_PREFIX + kind, name=name or kind, user=acting_user, agency=access.primary_agency(acting_user),
                    total=None, obj=obj, pending=True)
    job.counts = {"params": params}
    Job.objects.filter(pk=job.pk).update(counts=job.counts)
    record("report.generate", actor=acting_user, obj=job, changes={"kind": kind, "params": params})
    return job


def run_generation(job_id: int) -> Job:
    """Produce the file of a pending job: progress on the job, the file under VAR_DIR/reports/<job>/."""
    from django.contrib.auth import get_user_model

    job = Job.objects.get(pk=job_id)
    if job.status not in (JobStatus.PENDING, JobStatus.RUNNING):
        return job
    heartbeat(job)
    kind = job.kind.removeprefix(JOB_PREFIX)
    params = dict(job.counts.get("params", {}))
    user = get_user_model().objects.filter(pk=job.created_by_id).first()
    target_dir = reports_dir() / str(job.pk)
    try:
        filename, data = PRODUCERS[kind](params, user, lambda done, total: set_progress(job, done, total))
        target_dir.mkdir(parents=True, exist_ok=True)
        path = target_dir / filename
        if isinstance(data, Path):
            shutil.move(str(data), path)
        else:
            path.write_bytes(data)
    except Exception as exc:  # the job page says why; the log keeps the detail
        finish_job(job, failed=True, log=f"{exc.__class__.__name__}: {exc}\n")
        raise
    set_progress(job, job.progress_total or 1, job.progress_total or 1)
    return finish_job(job, counts={"params": params, "file": f"{job.pk}/{filename}", "filename": filename,
                                   "size": path.stat().st_size})


def job_file(job: Job) -> Path | None:
    name = (job.counts or {}).get("file")
    if job.status != JobStatus.SUCCEEDED or not name:
        return None
    path = (reports_dir() / name).resolve()
    return path if path.is_file() and reports_dir().resolve() in path.parents else None


def may_see_job(user, job: Job) -> bool:
    """A produced file is its producer's: confidential content must not travel to colleagues by a link."""
    return bool(user.is_superuser or job.created_by_id == user.pk)


# --- Producers: (params, user, progress) -> (filename, bytes | Path) ------------------------


def render_periodic(report: PeriodicReport, fmt: str, progress=None) -> tuple[str, bytes]:
    """(filename, bytes) of a periodic report in `fmt`, its figures counted now (and kept on a saved report)."""
    from .docx import render_docx
    from .exports import Sheet, to_xlsx
    from .figures import periodic_figures
    from .pdf import render_pdf
    from .periodic import build_periodic

    progress = progress or (lambda done, total: None)
    progress(0, 3)
    figures = periodic_figures(report.date_from, report.date_to)
    if report.pk:
        PeriodicReport.objects.filter(pk=report.pk).update(figures=figures)
    progress(1, 3)
    stem = f"bao-cao-{report.date_from:%Y%m%d}-{report.date_to:%Y%m%d}"
    if fmt == DocFormat.XLSX:
        sheet = Sheet("Số liệu", ["Mục", "Chỉ tiêu", "Số lượng"])
        for section, values in figures.items():
            if section != "period":
                _flatten(sheet.rows, section, values)
        data = to_xlsx(sheet)
    elif fmt in (DocFormat.PDF, DocFormat.DOCX):
        doc = build_periodic(report, figures)
        progress(2, 3)
        data = render_pdf(doc) if fmt == DocFormat.PDF else render_docx(doc)
    else:
        raise ValueError(f"format {fmt!r}: docx, pdf or xlsx")
    return f"{stem}.{fmt}", data


def _periodic(params, user, progress):
    report = PeriodicReport.objects.restrict(user).get(pk=params["report_id"])
    fmt = params.get("format", DocFormat.DOCX)
    filename, data = render_periodic(report, fmt, progress)
    record("report.periodic.produce", actor=user, obj=report, changes={"format": fmt})
    return filename, data


def _flatten(rows, section: str, values, prefix: str = "") -> None:
    if isinstance(values, dict):
        for key, value in values.items():
            _flatten(rows, section, value, f"{prefix}{key}.")
    elif isinstance(values, list):
        for row in values:
            if isinstance(row, list) and len(row) == 3:
                rows.append([section, f"{prefix}{row[1]}", row[2]])
    else:
        rows.append([section, prefix.rstrip("."), values])


def render_transparency(date_from: dt.date, date_to: dt.date, fmt: str, progress=None) -> tuple[str, bytes]:
    from . import transparency

    writers = {"html": lambda f: transparency.to_html(f).encode(), "csv": transparency.to_csv,
               "pdf": transparency.to_pdf}
    if fmt not in writers:
        raise ValueError(f"format {fmt!r}: html, pdf or csv")
    progress = progress or (lambda done, total: None)
    progress(0, 2)
    figures = transparency.transparency_figures(date_from, date_to)
    progress(1, 2)
    return f"minh-bach-{date_from:%Y%m%d}-{date_to:%Y%m%d}.{fmt}", writers[fmt](figures)


def _transparency(params, user, progress):
    return render_transparency(dt.date.fromisoformat(params["from"]), dt.date.fromisoformat(params["to"]),
                               params.get("format", DocFormat.HTML), progress)


def _dossier(params, user, progress):
    from haidang.cases.queries import view_case_for_user

    from .dossier import build_dossier

    case = view_case_for_user(user, params["case_id"])
    tmp = reports_dir() / "tmp" / f"{case.pk}-{timezone.now():%Y%m%d%H%M%S%f}.zip"
    manifest = build_dossier(case, tmp, progress=progress)
    record("report.dossier", actor=user, obj=case, changes={"files": len(manifest["files"])})
    return f"ho-so-{case.code}.zip", tmp


PRODUCERS = {"periodic": _periodic, "transparency": _transparency, "dossier": _dossier}
