from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from .queries import access_item_for_user, search_items


@login_required
def feed(request):
    query = request.GET.get("q", "").strip()[:200]
    items = search_items(request.user, query, source_id=request.GET.get("source") or None)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "content/feed.html", {"page": page, "query": query})


@login_required
def item_detail(request, item_id: int):
    item = access_item_for_user(request.user, item_id)
    revisions = item.revisions.order_by("-recorded_at")
    return render(request, "content/item.html", {"item": item, "revisions": revisions,
                                                 "replies": item.replies.order_by("published_at")[:50]})
