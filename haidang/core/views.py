from __future__ import annotations

import importlib

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render

from .models import Job

# Each domain may contribute dashboard panels through `<app>/dashboard.py`:
# `panels(request) -> list[dict(template=..., context=..., order=int)]`.
DASHBOARD_MODULES = [f"{app}.dashboard" for app in settings.INSTALLED_APPS if app.startswith("haidang.")]


def _panels(request) -> list[dict]:
    panels: list[dict] = []
    for name in DASHBOARD_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        panels.extend(module.panels(request))
    return sorted(panels, key=lambda p: p.get("order", 100))


@login_required
def dashboard(request):
    return render(request, "core/dashboard.html", {"panels": _panels(request)})


def healthz(request):
    return JsonResponse({"ok": True})


@login_required
def job_detail(request, job_id: int):
    job = Job.objects.filter(pk=job_id).first()
    # Jobs are visible to their creator, to their agency, and to admins.
    from . import access

    if job is None or not (
        request.user.is_superuser
        or job.created_by_id == request.user.pk
        or (job.agency_id and job.agency_id in access.agency_ids(request.user))
    ):
        raise Http404("not found")
    template = "core/job_progress.html" if request.htmx else "core/job_detail.html"
    return render(request, template, {"job": job})
