"""The reports pages: what each person may produce, the periodic report, exports, the transparency
report, the case documents and the dossier. Access: the owning apps' `access_*` queries and
`restrict()` (404 for outsiders); long work runs as a Job whose page shows progress, then the file."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haidang.agencies import access
from haidang.cases.choices import ActionKind
from haidang.cases.models import Case
from haidang.cases.queries import access_action_for_user, view_case_for_user
from haidang.coordination.queries import view_consultation_for_user, view_meeting_for_user, visible_for_case
from haidang.core.models import Job

from . import actions, casedocs, exports, queue, transparency
from .docx import render_docx
from .forms import PeriodForm, PeriodicReportForm, default_month
from .models import PeriodicReport
from .pdf import render_pdf

FORMATS = ("docx", "pdf", "xlsx")


def _attachment(data: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(data, content_type=actions.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def index(request):
    access.require_officer_or_404(request.user)
    user = request.user
    d_from, d_to = default_month()
    can_periodic = actions.may_produce_periodic(user)
    return render(request, "reports/index.html", {
        "can_periodic": can_periodic,
        "periodic_reports": PeriodicReport.objects.restrict(user)[:12] if can_periodic else [],
        "datasets": list(exports.DATASET_NAMES.items()),
        "period_form": PeriodForm(initial={"date_from": d_from, "date_to": d_to}),
        "cases": Case.objects.restrict(user).select_related("lead_agency").order_by("-created_at")[:15],
        "jobs": Job.objects.filter(created_by=user, kind__startswith=actions.JOB_PREFIX).order_by("-created_at")[:10],
    })


@login_required
def periodic_edit(request, report_id: int | None = None):
    if not actions.may_produce_periodic(request.user):
        raise Http404("not found")
    report = get_object_or_404(PeriodicReport.objects.restrict(request.user), pk=report_id) if report_id else None
    if request.method == "POST":
        form = PeriodicReportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = actions.do_save_periodic_report(
                    acting_user=request.user, report=report, date_from=data["date_from"], date_to=data["date_to"],
                    period_kind=data["period_kind"], assessment=data["assessment"], number=data["number"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                fmt = request.POST.get("produce", "")
                if fmt in FORMATS:
                    job = queue.start("periodic", {"report_id": report.pk, "format": fmt},
                                                   acting_user=request.user, name=f"{report} ({fmt})", obj=report)
                    return redirect("reports:job", job.pk)
                messages.success(request, _("The report was saved."))
                return redirect("reports:periodic_edit", report.pk)
    elif report is not None:
        form = PeriodicReportForm(initial={"period_kind": report.period_kind, "date_from": report.date_from,
                                           "date_to": report.date_to, "number": report.number,
                                           "assessment": report.assessment})
    else:
        d_from, d_to = default_month()
        form = PeriodicReportForm(initial={"date_from": d_from, "date_to": d_to})
    return render(request, "reports/periodic_form.html", {"form": form, "report": report, "formats": FORMATS})


@login_required
def job_page(request, job_id: int):
    job = Job.objects.filter(pk=job_id, kind__startswith=actions.JOB_PREFIX).first()
    if job is None or not actions.may_see_job(request.user, job):
        raise Http404("not found")
    template = "reports/_job.html" if getattr(request, "htmx", False) else "reports/job.html"
    return render(request, template, {"job": job, "has_file": actions.job_file(job) is not None})


@login_required
def job_download(request, job_id: int):
    job = Job.objects.filter(pk=job_id, kind__startswith=actions.JOB_PREFIX).first()
    if job is None or not actions.may_see_job(request.user, job):
        raise Http404("not found")
    path = actions.job_file(job)
    if path is None:
        raise Http404("not found")
    fmt = path.suffix.lstrip(".")
    return FileResponse(path.open("rb"), as_attachment=True, filename=job.counts.get("filename", path.name),
                        content_type=actions.CONTENT_TYPES.get(fmt, "application/octet-stream"))


@login_required
def export(request, dataset: str, fmt: str):
    access.require_officer_or_404(request.user)
    if dataset not in exports.DATASETS or fmt not in ("xlsx", "csv"):
        raise Http404("not found")
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "category", "status", "state")}
    accepted = exports.DATASETS[dataset].__code__.co_varnames
    filters = {k: v for k, v in filters.items() if v and k in accepted}
    sheet = exports.build_sheet(dataset, request.user, **filters)
    actions.record_export(acting_user=request.user, dataset=dataset, fmt=fmt, rows=len(sheet.rows),
                          confidential_rows=sheet.confidential_rows, filters=filters)
    data = exports.to_xlsx(sheet) if fmt == "xlsx" else exports.to_csv(sheet)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return _attachment(data, f"{dataset}-{stamp}.{fmt}", fmt)


def _period(request) -> tuple[dt.date, dt.date, PeriodForm]:
    form = PeriodForm(request.POST or request.GET or None)
    if form.is_bound and form.is_valid():
        return form.cleaned_data["date_from"], form.cleaned_data["date_to"], form
    d_from, d_to = default_month()
    return d_from, d_to, PeriodForm(initial={"date_from": d_from, "date_to": d_to})


@login_required
def transparency_page(request):
    access.require_officer_or_404(request.user)
    d_from, d_to, form = _period(request)
    if request.method == "POST":
        fmt = request.POST.get("format", "")
        if fmt not in ("html", "pdf", "csv") or not form.is_valid():
            raise Http404("not found")
        job = queue.start("transparency", {"from": d_from.isoformat(), "to": d_to.isoformat(),
                                                         "format": fmt}, acting_user=request.user,
                                       name=f"minh bạch {d_from:%d/%m/%Y}–{d_to:%d/%m/%Y} ({fmt})")
        return redirect("reports:job", job.pk)
    figures = transparency.transparency_figures(d_from, d_to)
    return render(request, "reports/transparency.html", {
        "form": form, "date_from": d_from, "date_to": d_to, "body": transparency.to_html(figures, standalone=False)})


# --- Case documents ------------------------------------------------------------------------


@login_required
def case_documents(request, case_id: int):
    case = view_case_for_user(request.user, case_id)
    meetings, consultations = visible_for_case(request.user, case)
    requests = case.actions.filter(kind__in=[ActionKind.REQUEST_CORRECTION, ActionKind.REQUEST_REMOVAL])
    return render(request, "reports/case_documents.html", {
        "case": case, "meetings": meetings, "consultations": consultations, "requests": requests})


def _case_document(request, case_id: int, doc: str, obj_id: int | None):
    case = view_case_for_user(request.user, case_id)
    if doc == "conclusion":
        return casedocs.case_conclusion(case), f"ket-luan-{case.code}"
    if doc == "minutes":
        meeting = view_meeting_for_user(request.user, obj_id)
        if meeting.case_id != case.pk:
            raise Http404("not found")
        return casedocs.meeting_minutes(meeting), f"bien-ban-hop-{case.code}-{meeting.pk}"
    if doc in ("request", "answers"):
        consultation = view_consultation_for_user(request.user, obj_id)
        if consultation.case_id != case.pk:
            raise Http404("not found")
        if doc == "request":
            return casedocs.request_for_opinions(consultation), f"lay-y-kien-{case.code}-{consultation.pk}"
        return casedocs.summary_of_answers(consultation), f"tong-hop-y-kien-{case.code}-{consultation.pk}"
    if doc == "action":
        action = access_action_for_user(request.user, obj_id)
        if action.case_id != case.pk or action.kind not in (ActionKind.REQUEST_CORRECTION, ActionKind.REQUEST_REMOVAL):
            raise Http404("not found")
        return casedocs.correction_or_removal_request(action), f"de-nghi-{case.code}-{action.pk}"
    raise Http404("not found")


@login_required
def case_document(request, case_id: int, doc: str, fmt: str, obj_id: int | None = None):
    if fmt not in ("docx", "pdf"):
        raise Http404("not found")
    document, stem = _case_document(request, case_id, doc, obj_id)
    actions.record_export(acting_user=request.user, dataset=f"case-document:{doc}", fmt=fmt, rows=1,
                          confidential_rows=int(document.confidential), filters={"case": case_id, "object": obj_id})
    data = render_pdf(document) if fmt == "pdf" else render_docx(document)
    return _attachment(data, f"{stem}.{fmt}", fmt)


@login_required
@require_POST
def dossier(request, case_id: int):
    case = view_case_for_user(request.user, case_id)
    if not (access.has_role(request.user, case.lead_agency) or request.user.is_superuser):
        raise PermissionDenied(_("Only the lead agency builds the case dossier."))
    job = queue.start("dossier", {"case_id": case.pk}, acting_user=request.user,
                                   name=f"hồ sơ {case.code}", obj=case)
    return redirect("reports:job", job.pk)
