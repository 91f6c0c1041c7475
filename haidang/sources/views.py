"""Sources: the list with health, add, edit, fetch now (queued to the worker), and importing a file
with a progress bar (a Job row, polled by the core job page). Writes: sources.actions only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.agencies.access import get_for_user_or_404

from . import actions
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
