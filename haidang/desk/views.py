"""The screens that compose several domains: the dashboard, the monitoring feed with its item page
and verdict form, and the job page.

Access: `queries.access_*_for_user` (404 for outsiders) and `restrict()`; writes: the actions of
analysis (verdicts) and cases (reports), which check roles (PermissionDenied → 403)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from haidang.agencies import access
from haidang.alerts import dashboard as alerts_dashboard
from haidang.alerts.models import Alert, Story
from haidang.analysis.actions import do_record_verdict
from haidang.analysis.models import Verdict, WatchList
from haidang.audit.actions import record
from haidang.cases import dashboard as cases_dashboard
from haidang.cases.actions import do_create_report
from haidang.claims import queries as claims_queries
from haidang.content.models import Item
from haidang.content.queries import access_item_for_user, keyset_page
from haidang.content.search import search_backend
from haidang.coordination import dashboard as coordination_dashboard
from haidang.core.models import Job
from haidang.grievances import dashboard as grievances_dashboard
from haidang.sources.models import Source
from haidang.text.privacy import mask_personal_data

from . import dashboard, home
from .forms import BatchForm, FeedFilterForm, VerdictForm
from .queries import published_page, recent_places, search_items

# The dashboard's cards, each domain contributing its own: `panels(request) -> list[dict(template=...,
# context=..., order=int)]`. The ground knows none of them; this top room collects them.
DASHBOARD_PANELS = [home.panels, dashboard.panels, alerts_dashboard.panels, cases_dashboard.panels, coordination_dashboard.panels,
                    grievances_dashboard.panels]


def _panels(request) -> list[dict]:
    panels: list[dict] = []
    for contribute in DASHBOARD_PANELS:
        panels.extend(contribute(request))
    return sorted(panels, key=lambda p: p.get("order", 100))


@login_required
def dashboard_view(request):
    # Viewers read, never write: buttons they cannot use are not shown (no dead ends).
    return render(request, "core/dashboard.html", {"panels": _panels(request), "can_work": _can_work(request.user)})




def _can_work(user) -> bool:
    return access.is_officer(user, access.WORKING_ROLES)


# What the feed's rows never show: the folded copy of the text (as long as the text), the raw extra
# data and the analysis JSON besides `why` (the chips), not read, decoded and thrown away 50 times a page.
FEED_UNUSED_COLUMNS = ("text_folded", "extra", "signals__categories", "signals__watchlist_hits", "signals__places",
                       "signals__entities", "signals__model_versions")


def _filter_form(request) -> FeedFilterForm:
    sources = Source.objects.restrict(request.user).order_by("name").values_list("pk", "name")
    watchlists = WatchList.objects.restrict(request.user).order_by("name").values_list("pk", "name")
    return FeedFilterForm(request.GET, sources=list(sources), watchlists=list(watchlists),
                          places=recent_places(request.user))


@login_required
def feed(request):
    access.require_officer_or_404(request.user)
    form = _filter_form(request)
    filters = form.filters()
    query = filters.pop("q", "")
    kwargs = {("source_id" if k == "source" else "watchlist_id" if k == "watchlist" else k): v
              for k, v in filters.items()}
    items = search_items(request.user, query, **kwargs).defer(*FEED_UNUSED_COLUMNS)
    sort = form.sort_order()
    pager = published_page if sort == "published" else keyset_page
    page = pager(items, after=request.GET.get("after"), before=request.GET.get("before"))
    context = {"page": page, "query": query, "form": form, "can_work": _can_work(request.user), "sort": sort,
               "active_filters": len(filters), "search_backend": search_backend(items)}
    return render(request, "content/feed.html", context)


def _back(request, default: str):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(default)


@login_required
@require_POST
def batch(request):
    """Batch actions on selected feed items: mark not harmful, or report each to the lead agency."""
    access.require_officer_or_404(request.user)
    form = BatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Select at least one item and an action."))
        return _back(request, reverse("content:feed"))
    items = list(Item.objects.restrict(request.user).filter(pk__in=form.cleaned_data["items"]))
    action = form.cleaned_data["action"]
    try:
        with transaction.atomic():
            if action == "not_harmful":
                for item in items:
                    do_record_verdict(item, outcome="not_harmful", acting_user=request.user)
                messages.success(request, ngettext("%(n)d item marked not harmful.",
                                                   "%(n)d items marked not harmful.", len(items)) % {"n": len(items)})
            else:
                for item in items:
                    do_create_report(item=item, acting_user=request.user)
                messages.success(request, ngettext("%(n)d item reported to the lead agency.",
                                                   "%(n)d items reported to the lead agency.",
                                                   len(items)) % {"n": len(items)})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back(request, reverse("content:feed"))


def _signals(item):
    try:
        return item.signals
    except ObjectDoesNotExist:
        return None


def _story(item, user):
    try:
        membership = item.story_membership
    except ObjectDoesNotExist:
        return None
    story = Story.objects.restrict(user).filter(pk=membership.story_id).first()
    while story is not None and story.merged_into_id:
        story = Story.objects.restrict(user).filter(pk=story.merged_into_id).first()
    return story


def _spans(signals, title: str) -> tuple[list, list]:
    """Hit offsets (watch-lists, rules, places) split into the title's and the text's.

    The analyser read `title + "\\n" + text` (stripped); offsets found only in its normalised copy
    cannot be placed in the original and are left out."""
    if signals is None:
        return [], []
    raw = []
    for hit in signals.watchlist_hits or ():
        raw += [h for h in hit.get("hits", ()) if h.get("in", "text") == "text"]
    for why in signals.why or ():
        if why.get("kind") in ("rule", "span") and why.get("in", "text") == "text":
            raw += list(why.get("matches", ()))
    title_len = len(title.strip()) if title.strip() else -1
    offset = title_len + 1 if title_len >= 0 else 0
    in_title, in_text = [], []
    for span in raw:
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if title_len >= 0 and end <= title_len:
            in_title.append((start, end))
        elif start >= offset:
            in_text.append((start - offset, end - offset))
    return in_title, in_text


def may_reveal_personal_data(user, item) -> bool:
    """Who may see the personal data in an item unmasked: the working roles of the lead agency and of
    the agencies an alert on the item's story is routed to (Decree 13/2023/NĐ-CP: those handling it)."""
    if user.is_superuser or access.is_lead_member(user, access.WORKING_ROLES):
        return True
    story = _story(item, user)
    return story is not None and Alert.objects.filter(
        story=story, agency_id__in=access.agency_ids(user, access.WORKING_ROLES)).exists()


def _item_context(request, item, verdict_form=None) -> dict:
    signals = _signals(item)
    title_spans, text_spans = _spans(signals, item.title)
    snapshots = {}
    for snap in [item.snapshot, *item.proof_snapshots.all()[:20],
                 *[r.snapshot for r in item.revisions.select_related("snapshot") if r.snapshot_id]]:
        if snap is not None:
            snapshots[snap.pk] = snap
    return {
        "item": item, "signals": signals, "title_spans": title_spans, "text_spans": text_spans,
        "revisions": item.revisions.order_by("-recorded_at"),
        "replies": item.replies.order_by("published_at")[:50],
        "story": _story(item, request.user), "snapshots": sorted(snapshots.values(), key=lambda s: s.fetched_at),
        "verdicts": Verdict.objects.restrict(request.user).filter(item=item).select_related("agency", "created_by")[:20],
        "verdict_form": verdict_form or VerdictForm(), "can_work": _can_work(request.user),
        "reveal": bool(getattr(request, "_haidang_reveal", False)),
        "may_reveal": (mask_personal_data(item.text) != item.text or mask_personal_data(item.title) != item.title)
        and may_reveal_personal_data(request.user, item),
        # Known claims this item repeats: the "verified: false" banner (haidang/claims).
        "claim_matches": claims_queries.matches_for_item(request.user, item),
    }


@login_required
def item_detail(request, item_id: int):
    item = access_item_for_user(request.user, item_id)
    if request.GET.get("reveal") == "1":
        if not may_reveal_personal_data(request.user, item):
            raise PermissionDenied(_("Only the agencies handling this item may see its personal data."))
        request._haidang_reveal = True
        # Every reveal is on record: who saw which item's personal data, and when.
        record("personal_data.reveal", actor=request.user, obj=item)
    response = render(request, "content/item.html", _item_context(request, item))
    return response


@login_required
@require_POST
def verdict(request, item_id: int):
    """The officer's verdict (confirmed with a category, or not harmful): a label for retraining."""
    item = access_item_for_user(request.user, item_id)
    form = VerdictForm(request.POST)
    if form.is_valid():
        try:
            do_record_verdict(item, outcome=form.cleaned_data["outcome"], category=form.cleaned_data["category"],
                              note=form.cleaned_data["note"], acting_user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Verdict recorded. Thank you: it helps the model learn."))
            return redirect("content:item", item.pk)
    return render(request, "content/item.html", _item_context(request, item, form), status=400)


@login_required
def job_detail(request, job_id: int):
    job = Job.objects.filter(pk=job_id).first()
    # Jobs are visible to their creator, to their agency, and to admins.
    if job is None or not (
        request.user.is_superuser
        or job.created_by_id == request.user.pk
        or (job.agency_id and job.agency_id in access.agency_ids(request.user))
    ):
        raise Http404("not found")
    template = "core/job_progress.html" if request.htmx else "core/job_detail.html"
    return render(request, template, {"job": job})
