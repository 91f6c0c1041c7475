"""The claim library's screens (log-in required) and its public pages (no log-in: approved claims only).

Access: `queries.access_*_for_user` (404 for outsiders); writes: `actions.py`, which checks roles
(PermissionDenied → 403). Public pages show the claim, verdict, correction, date and agency, masked
(`mask_personal_data`); they are cached and served under the same CSP as the rest.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_POST

from haidang.agencies import access
from haidang.cases.queries import view_case_for_user
from haidang.text.privacy import mask_personal_data

from . import actions, queries
from .choices import ClaimStatus, MatchStance
from .conf import conf
from .forms import ClaimForm, PublicSearchForm


def _errors(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


@login_required
def claim_list(request):
    access.require_officer_or_404(request.user)
    q = request.GET.get("q", "")[:200]
    status = request.GET.get("status", "")
    status = status if status in ClaimStatus.values else ""
    return render(request, "claims/list.html", {
        "claims": queries.library(request.user, q=q, status=status), "q": q, "status": status,
        "statuses": ClaimStatus.choices})


@login_required
def claim_new(request):
    """By hand, or from a case (`?case=<id>`): the case's current verification fills the form."""
    access.require_officer_or_404(request.user)
    case = None
    initial: dict = {}
    verification = None
    case_id = request.GET.get("case") or request.POST.get("case")
    if case_id:
        case = view_case_for_user(request.user, case_id)
        defaults = actions.claim_defaults_from_case(case)
        verification = defaults.pop("verification", None)
        initial = {**defaults, "statement": case.title}
    form = ClaimForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            claim = actions.do_create_claim(acting_user=request.user, case=case, verification=verification,
                                            **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("Claim recorded. A leader's approval publishes it."))
            return redirect("claims:detail", claim.pk)
    return render(request, "claims/form.html", {"form": form, "case": case}, status=400 if form.errors else 200)


@login_required
def claim_detail(request, claim_id: int):
    claim = queries.access_claim_for_user(request.user, claim_id)
    matches = claim.matches.select_related("item", "item__source", "decided_by").order_by("status", "-score")[:200]
    can_approve = claim.status != ClaimStatus.APPROVED and (
        request.user.is_superuser or access.is_lead_leader(request.user)
        or bool(claim.agency_id and access.has_role(request.user, claim.agency, ("leader",))))
    return render(request, "claims/detail.html", {
        "claim": claim, "matches": matches, "can_approve": can_approve,
        "can_decide": bool(access.agency_ids(request.user, access.WORKING_ROLES)),
        "public_url": reverse("public:claim", args=[claim.claim_id]) if claim.is_public else ""})


@login_required
@require_POST
def claim_approve(request, claim_id: int):
    claim = queries.access_claim_for_user(request.user, claim_id)
    try:
        actions.do_approve_claim(claim, acting_user=request.user, via="claim page")
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("Claim approved."))
    return redirect("claims:detail", claim.pk)


def _back(request, match):
    if request.POST.get("next", "") == "item":
        return redirect("content:item", match.item_id)
    return redirect("claims:detail", match.claim_id)


def _decide(request, match_id: int, confirm: bool):
    match = queries.access_match_for_user(request.user, match_id)
    if confirm:
        match = actions.do_confirm_match(match, acting_user=request.user)
        if match.stance == MatchStance.REFUTES:
            messages.success(request, _("Match confirmed: the item refutes the claim; no alert is raised."))
        else:
            messages.success(request, _("Match confirmed: the item joins the claim's story and alert."))
    else:
        actions.do_reject_match(match, acting_user=request.user)
        messages.success(request, _("Match rejected. It will not be proposed again."))
    return _back(request, match)


@login_required
@require_POST
def match_stance(request, match_id: int):
    match = queries.access_match_for_user(request.user, match_id)
    try:
        match = actions.do_set_match_stance(match, stance=request.POST.get("stance", ""), acting_user=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("Stance recorded: %(stance)s.") % {"stance": match.get_stance_display()})
    return _back(request, match)


@login_required
@require_POST
def match_confirm(request, match_id: int):
    return _decide(request, match_id, True)


@login_required
@require_POST
def match_reject(request, match_id: int):
    return _decide(request, match_id, False)


# --- public pages: no log-in --------------------------------------------------------------------


def _public_cache(view):
    # Anonymous responses are kept for a few minutes (a correction is read by many, changes rarely);
    # signed-in officers get them fresh (the no-store middleware marks their responses private).
    return cache_page(int(conf("PUBLIC_CACHE_SECONDS")), key_prefix="claims-public")(view)


@_public_cache
def public_index(request):
    form = PublicSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    return render(request, "claims/public/index.html", {"form": form, "q": q,
                                                        "claims": queries.public_claims(q)[:100]})


@_public_cache
def public_claim(request, claim_id: str):
    claim = queries.public_claim(claim_id)
    if claim is None:
        raise Http404
    return render(request, "claims/public/claim.html", {"claim": claim})


class CorrectionsFeed(Feed):
    """Atom feed of the published corrections."""

    feed_type = Atom1Feed
    title = gettext_lazy("Official corrections")
    subtitle = gettext_lazy("False and misleading information verified by the province's agencies")

    def link(self):
        return reverse("public:index")

    def items(self):
        return queries.public_claims()[:50]

    def item_title(self, claim):
        return f"{claim.get_verdict_display()}: {mask_personal_data(claim.statement)}"

    def item_description(self, claim):
        return mask_personal_data(claim.correction)

    def item_link(self, claim):
        return reverse("public:claim", args=[claim.claim_id])

    def item_pubdate(self, claim):
        return claim.approved_at

    def item_updateddate(self, claim):
        return claim.updated_at

    def item_author_name(self, claim):
        return claim.agency.name if claim.agency_id else ""


public_feed = _public_cache(CorrectionsFeed())


