"""Collecting on request (fetch a source now, import an uploaded file) and the evidence download.
The monitoring feed and the item page, which show analysis, stories and reports beside the items,
are the desk's screens (`haidang.desk.views`)."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haidang.agencies import access
from haidang.agencies.access import get_for_user_or_404
from haidang.core.jobs import start_job
from haidang.sources.forms import ImportForm
from haidang.sources.models import Source

from . import tasks
from .queries import access_snapshot_for_user


@login_required
def snapshot_download(request, snapshot_id: int):
    """The evidence WARC file as stored (gzip members, not decoded), for officers who may see it."""
    snapshot = access_snapshot_for_user(request.user, snapshot_id)
    root = Path(settings.EVIDENCE_DIR).resolve()
    path = (root / snapshot.path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise Http404("not found")
    name = f"{snapshot.sha256}.warc" + (".gz" if path.name.endswith(".gz") else "")
    # An explicit content type keeps FileResponse from adding Content-Encoding: gzip (the browser must
    # save the archive byte for byte, so the hashes still match).
    response = FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type="application/warc")
    response["X-Content-Type-Options"] = "nosniff"
    return response


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
    job = start_job("ingest.import", name=upload.name[:200], user=request.user, agency=source.agency, obj=source,
                    pending=True)
    tasks.import_file(job.pk, source.pk, str(target), form.cleaned_data["format"], request.user.pk)
    messages.success(request, _("Import started: %(name)s") % {"name": upload.name})
    return redirect("job_detail", job.pk)
