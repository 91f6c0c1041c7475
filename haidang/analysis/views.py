"""The watch-lists editor: list, create, edit, (de)activate, and a live preview of a query against
what was collected in the last 7 days. Writes: actions.do_create_watchlist / do_update_watchlist."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from haidang.agencies import access
from haidang.agencies.access import get_for_user_or_404
from haidang.agencies.models import Agency

from . import actions
from .forms import WatchListForm
from .models import WatchList
from .watchlists import QueryError, compile_query

PREVIEW_DAYS = 7
PREVIEW_SCAN = 3000  # newest items checked by the preview; enough for a feel, bounded for speed
PREVIEW_SHOW = 20



def _owners(user):
    """Agencies the user may create a watch-list for: their agencies where they hold a working role
    (the lead agency's working members may create for any agency)."""
    agencies = Agency.objects.filter(active=True).order_by("name")
    if user.is_superuser or access.is_lead_member(user, access.WORKING_ROLES):
        return agencies
    return agencies.filter(pk__in=access.agency_ids(user, access.WORKING_ROLES))


def _fields(form) -> dict:
    return {k: form.cleaned_data[k] for k in actions.WATCHLIST_FIELDS if k in form.cleaned_data}


@login_required
def watchlists(request):
    access.require_officer_or_404(request.user)
    rows = WatchList.objects.restrict(request.user, "view").select_related("owner").order_by("-active", "name")
    editable = set(WatchList.objects.restrict(request.user, "change").values_list("pk", flat=True))
    owners = _owners(request.user)
    form = None
    if owners.exists():
        form = WatchListForm(request.POST or None, owners=owners)
        if request.method == "POST" and form.is_valid():
            try:
                watchlist = actions.do_create_watchlist(owner=form.cleaned_data["owner"], acting_user=request.user,
                                                        **_fields(form))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Watch-list created: %(name)s") % {"name": watchlist.name})
                return redirect("analysis:watchlists")
    elif request.method == "POST":
        raise Http404("not found")
    return render(request, "analysis/watchlists.html", {
        "watchlists": rows, "editable": editable, "form": form, "preview_days": PREVIEW_DAYS,
    })


@login_required
def watchlist_edit(request, watchlist_id: int):
    watchlist = get_for_user_or_404(WatchList.objects.select_related("owner"), request.user, watchlist_id, "change")
    form = WatchListForm(request.POST or None, instance=watchlist)
    if request.method == "POST" and form.is_valid():
        watchlist.refresh_from_db()  # the form wrote into the instance; the action compares before/after
        try:
            actions.do_update_watchlist(watchlist, acting_user=request.user, **_fields(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Watch-list saved: %(name)s") % {"name": watchlist.name})
            return redirect("analysis:watchlists")
    return render(request, "analysis/watchlist_form.html", {"form": form, "watchlist": watchlist,
                                                            "preview_days": PREVIEW_DAYS})


@login_required
@require_POST
def watchlist_toggle(request, watchlist_id: int):
    watchlist = get_for_user_or_404(WatchList.objects.select_related("owner"), request.user, watchlist_id, "change")
    actions.do_update_watchlist(watchlist, acting_user=request.user, active=not watchlist.active)
    messages.success(request, (_("Watch-list activated: %(name)s") if watchlist.active
                               else _("Watch-list deactivated: %(name)s")) % {"name": watchlist.name})
    return redirect("analysis:watchlists")


def _caret_line(query: str, position: int | None) -> tuple[str, str, str]:
    """The query line holding the error, split around the error position (for the caret)."""
    if position is None:
        return "", "", ""
    position = max(0, min(position, len(query)))
    line_start = query.rfind("\n", 0, position) + 1
    line_end = query.find("\n", position)
    line = query[line_start: line_end if line_end != -1 else len(query)]
    column = position - line_start
    return line, " " * column, line[column: column + 1]


@login_required
@require_http_methods(["GET", "POST"])
def live_preview(request):
    """HTML fragment for htmx: what `query` would have matched in the last 7 days, or its error shown
    at its position with a caret under the query."""
    access.require_officer_or_404(request.user)
    data = request.POST if request.method == "POST" else request.GET
    query = data.get("query", "")[:4000]
    sensitive = data.get("term_mode") == "sensitive"
    context = {"query": query, "preview_days": PREVIEW_DAYS}
    if not query.strip():
        return render(request, "analysis/_preview.html", {**context, "empty": True})
    try:
        compiled = compile_query(query, sensitive=sensitive)
    except QueryError as exc:
        line, pad, at = _caret_line(query, exc.position)
        return render(request, "analysis/_preview.html", {
            **context, "error": exc.message, "position": exc.position, "line": line, "pad": pad, "at": at})
    from haidang.content.models import Item

    since = timezone.now() - dt.timedelta(days=PREVIEW_DAYS)
    rows = (Item.objects.restrict(request.user).filter(fetched_at__gte=since).select_related("source")
            .order_by("-fetched_at", "-id").only("id", "title", "text", "fetched_at", "published_at", "source__name")
            [:PREVIEW_SCAN])
    matched, scanned = [], 0
    for item in rows:
        scanned += 1
        if compiled.test((item.title + "\n" + item.text).strip()):
            matched.append(item)
    return render(request, "analysis/_preview.html", {
        **context, "terms": compiled.terms, "matched": matched[:PREVIEW_SHOW], "match_count": len(matched),
        "scanned": scanned, "capped": scanned >= PREVIEW_SCAN})


@login_required
@require_http_methods(["POST"])
def preview(request):
    """JSON: the hits of `query` in `text`, or the parse error with its position."""
    access.require_officer_or_404(request.user)
    query, text = request.POST.get("query", ""), request.POST.get("text", "")[:100_000]
    try:
        compiled = compile_query(query, sensitive=request.POST.get("term_mode") == "sensitive")
    except QueryError as exc:
        return JsonResponse({"ok": False, "error": exc.message, "position": exc.position}, status=400)
    return JsonResponse({"ok": True, "terms": compiled.terms, "hits": compiled.matches(text)})
