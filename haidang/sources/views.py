"""Sources: the list with health, add, edit, fetch now (queued to the worker), and importing a file
with a progress bar (a Job row, polled by the core job page). Writes: sources.actions only."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haidang.core import access
from haidang.core.access import get_for_user_or_404
from haidang.core.jobs import start_job

from . import actions, tasks
from .forms import ImportForm, SourceForm
from .models import Source


def _editable(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k in actions.EDITABLE_FIELDS}


@login_required
def source_list(request):
    access.require_officer_or_404(request.user)
    sources = Source.objects.restrict(request.user).select_related("agency", "last_job").order_by("name")
    agency = access.primary_agency(request.user)
    form = SourceForm(request.POST or None)
    if request.method == "POST":
        if agency is None:
            raise PermissionDenied(_("You act for no agency."))
        if form.is_valid():
            data = {k: v for k, v in _editable(form).items() if k not in ("name", "kind", "url")}
            try:
                source = actions.do_create_source(name=form.cleaned_data["name"], kind=form.cleaned_data["kind"],
                                                  url=form.cleaned_data["url"], agency=agency,
                                                  acting_user=request.user, **data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Source added: %(name)s") % {"name": source.name})
                return redirect("sources:list")
    manageable = set(Source.objects.restrict(request.user, "change").values_list("pk", flat=True))
    can_add = agency is not None and access.has_role(request.user, agency)
    return render(request, "sources/list.html", {
        "sources": sources, "form": form, "manageable": manageable, "can_add": can_add,
        "import_form": ImportForm(sources=Source.objects.restrict(request.user, "change")) if manageable else None,
        "failing": sum(1 for s in sources if s.consecutive_failures),
    })


@login_required
def source_edit(request, source_id: int):
    source = get_for_user_or_404(Source.objects.select_related("agency"), request.user, source_id, "change")
    form = SourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        changed = {k: v for k, v in _editable(form).items() if k in form.changed_data}
        source.refresh_from_db()  # the form wrote into the instance; the action records before/after
        try:
            if changed:
                actions.do_update_source(source, acting_user=request.user, **changed)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Source saved: %(name)s") % {"name": source.name})
            return redirect("sources:list")
    return render(request, "sources/edit.html", {"form": form, "source": source})


@login_required
@require_POST
def fetch_now(request, source_id: int):
    """Queue a fetch on the worker; the page does not wait for the remote site."""
    source = get_for_user_or_404(Source.objects, request.user, source_id, "change")
    if source.kind not in ("feed", "page"):
        messages.error(request, _("Only feeds and web pages are fetched."))
        return redirect("sources:list")
    # Requests are not wrapped in a transaction (no ATOMIC_REQUESTS): the task can be queued at once.
    tasks.fetch_source(source.pk)
    messages.success(request, _("Fetching %(name)s: the result will appear in its health column.") % {
        "name": source.name})
    return redirect("sources:list")


@login_required
@require_POST
def import_file(request):
    """Store the upload, start a Job, queue the import; the job page shows a progress bar."""
    access.require_officer_or_404(request.user)
    form = ImportForm(request.POST, request.FILES, sources=Source.objects.restrict(request.user, "change"))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("sources:list")
    source = form.cleaned_data["source"]
    upload = form.cleaned_data["file"]
    folder = Path(settings.MEDIA_ROOT) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    suffix = Path(upload.name).suffix.lower()[:10]
    target = folder / f"{uuid.uuid4().hex}{suffix}"
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    job = start_job("ingest.import", name=upload.name[:200], user=request.user, agency=source.agency, obj=source)
    tasks.import_file(job.pk, source.pk, str(target), form.cleaned_data["format"], request.user.pk)
    messages.success(request, _("Import started: %(name)s") % {"name": upload.name})
    return redirect("job_detail", job.pk)
