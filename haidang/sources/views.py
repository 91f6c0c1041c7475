from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haidang.core import access
from haidang.core.access import get_for_user_or_404

from . import actions
from .forms import SourceForm
from .models import Source


@login_required
def source_list(request):
    sources = Source.objects.restrict(request.user).select_related("agency", "last_job")
    if not request.user.is_superuser and not access.agency_ids(request.user):
        raise Http404("not found")
    agency = access.primary_agency(request.user)
    form = SourceForm(request.POST or None)
    if request.method == "POST":
        if agency is None:
            raise PermissionDenied(_("You act for no agency."))
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("name", "kind", "url")}
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
    return render(request, "sources/list.html", {"sources": sources, "form": form, "manageable": manageable,
                                                 "can_add": agency is not None and access.has_role(request.user, agency)})


@login_required
@require_POST
def fetch_now(request, source_id: int):
    source = get_for_user_or_404(Source.objects, request.user, source_id, "change")
    job = actions.do_fetch_source(source, acting_user=request.user)
    if job.status == "succeeded":
        messages.success(request, _("Fetched %(name)s: %(new)s new, %(updated)s updated.") % {
            "name": source.name, "new": job.counts.get("new", 0), "updated": job.counts.get("updated", 0)})
    else:
        messages.error(request, _("Fetching %(name)s failed: %(error)s") % {
            "name": source.name, "error": source.__class__.objects.get(pk=source.pk).last_error})
    return redirect("sources:list")
