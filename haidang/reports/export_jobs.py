"""Starting the reports' file jobs from outside the screens (the API), with the screens' rules.

Registered with haidang.core.exports in ReportsConfig.ready(). Each starter checks what the screen
that starts the same job checks (404 for what one may not see, 403 for a refused role), then
`queue.start()` records the audit entry and queues the job.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.core.models import Job

from . import actions, queue
from .models import PeriodicReport

JOB_PREFIX = actions.JOB_PREFIX


def _format(params: dict, allowed: tuple[str, ...]) -> str:
    fmt = params.get("format") or allowed[0]
    if fmt not in allowed:
        raise ValidationError({"format": _("One of: %(formats)s.") % {"formats": ", ".join(allowed)}})
    return fmt


def _id(params: dict, key: str) -> int:
    value = params.get(key)
    if isinstance(value, bool) or not str(value).isdigit():
        raise ValidationError({key: _("A number is required.")})
    return int(value)


def _date(params: dict, key: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(params.get(key, "")))
    except ValueError:
        raise ValidationError({key: _("A date (YYYY-MM-DD) is required.")})


def start_periodic(user, params: dict) -> Job:
    """As the periodic report's page: those who may produce it, a report they may see."""
    if not actions.may_produce_periodic(user):
        raise Http404("not found")
    fmt = _format(params, ("docx", "pdf", "xlsx"))
    report = PeriodicReport.objects.restrict(user).filter(pk=_id(params, "report_id")).first()
    if report is None:
        raise Http404("not found")
    return queue.start("periodic", {"report_id": report.pk, "format": fmt}, acting_user=user,
                       name=f"{report} ({fmt})", obj=report)


def start_transparency(user, params: dict) -> Job:
    """As the transparency page: any officer, a period that does not end before it starts."""
    access.require_officer_or_404(user)
    fmt = _format(params, ("html", "pdf", "csv"))
    d_from, d_to = _date(params, "from"), _date(params, "to")
    if d_from > d_to:
        raise ValidationError({"to": _("The period ends before it starts.")})
    return queue.start("transparency", {"from": d_from.isoformat(), "to": d_to.isoformat(), "format": fmt},
                       acting_user=user, name=f"minh bạch {d_from:%d/%m/%Y}–{d_to:%d/%m/%Y} ({fmt})")


def start_dossier(user, params: dict) -> Job:
    """As the case's dossier button: a case one may see, built by its lead agency only."""
    from haidang.cases.queries import view_case_for_user

    _format(params, ("zip",))
    case = view_case_for_user(user, _id(params, "case_id"))
    if not (access.has_role(user, case.lead_agency) or user.is_superuser):
        raise PermissionDenied(_("Only the lead agency builds the case dossier."))
    return queue.start("dossier", {"case_id": case.pk}, acting_user=user, name=f"hồ sơ {case.code}", obj=case)


def file_of(job: Job) -> tuple[Path, str, str] | None:
    path = actions.job_file(job)
    if path is None:
        return None
    content_type = actions.CONTENT_TYPES.get(path.suffix.lstrip("."), "application/octet-stream")
    return path, (job.counts or {}).get("filename", path.name), content_type


# kind -> (starter, formats; the first is the default)
STARTERS = {
    "periodic": (start_periodic, ("docx", "pdf", "xlsx")),
    "transparency": (start_transparency, ("html", "pdf", "csv")),
    "dossier": (start_dossier, ("zip",)),
}
