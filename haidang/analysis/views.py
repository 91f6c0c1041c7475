"""A minimal watch-list page: the list, and a live preview of a query against a sample text."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from haidang.core import access

from .models import WatchList
from .watchlists import QueryError, compile_query


@login_required
def watchlists(request):
    if not access.agency_ids(request.user) and not request.user.is_superuser:
        raise Http404("not found")
    rows = WatchList.objects.restrict(request.user, "view").select_related("owner")
    return render(request, "analysis/watchlists.html", {"watchlists": rows})


@login_required
@require_http_methods(["POST"])
def preview(request):
    """JSON: the hits of `query` in `text`, or the parse error with its position."""
    if not access.agency_ids(request.user) and not request.user.is_superuser:
        raise Http404("not found")
    query, text = request.POST.get("query", ""), request.POST.get("text", "")[:100_000]
    try:
        compiled = compile_query(query, sensitive=request.POST.get("term_mode") == "sensitive")
    except QueryError as exc:
        return JsonResponse({"ok": False, "error": exc.message, "position": exc.position}, status=400)
    return JsonResponse({"ok": True, "terms": compiled.terms, "hits": compiled.matches(text)})
