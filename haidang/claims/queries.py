"""Reads of the claim library: single-object access (404 for outsiders), the item page's banner, a case's
claims, and the public reads (approved claims only, nothing of confidential cases)."""

from __future__ import annotations

from django.db.models import Q

from haidang.agencies.access import get_for_user_or_404

from .choices import MatchStatus
from .matching import prepare
from .models import Claim, ClaimMatch


def access_claim_for_user(user, claim_id, action: str = "view") -> Claim:
    return get_for_user_or_404(Claim.objects.select_related("agency", "case", "story", "approved_by"),
                               user, claim_id, action)


def access_match_for_user(user, match_id) -> ClaimMatch:
    return get_for_user_or_404(ClaimMatch.objects.select_related("claim", "item"), user, match_id)


def matches_for_item(user, item) -> list[ClaimMatch]:
    """The claims this item repeats (proposed or confirmed; rejected ones are not shown)."""
    return list(ClaimMatch.objects.restrict(user).filter(item=item).exclude(status=MatchStatus.REJECTED)
                .select_related("claim", "claim__agency").order_by("-score")[:5])


def claims_for_case(user, case, *, evidence=None, reports=None) -> list[Claim]:
    """Claims drawn from the case, and claims its evidence items were matched to.
    `evidence`, `reports`: all the case's evidence and report rows, when the caller has them already
    (the case page): their item ids are read from them instead of two queries."""
    from haidang.cases.choices import EvidenceKind

    if evidence is None:
        refs = case.evidence.filter(kind=EvidenceKind.ITEM).values_list("ref_id", flat=True)
    else:
        refs = [e.ref_id for e in evidence if e.kind == EvidenceKind.ITEM]
    item_ids = [int(r) for r in refs if str(r).isdigit()]
    report_items = [i for i in (case.reports.values_list("item_id", flat=True) if reports is None
                                else (r.item_id for r in reports)) if i]
    matched = ClaimMatch.objects.filter(item_id__in=item_ids + report_items).exclude(
        status=MatchStatus.REJECTED).values_list("claim_id", flat=True)
    return list(Claim.objects.restrict(user).filter(Q(case=case) | Q(pk__in=matched)).select_related("agency")
                .distinct())


def library(user, *, q: str = "", status: str = ""):
    qs = Claim.objects.restrict(user).select_related("agency", "case")
    if status:
        qs = qs.filter(status=status)
    return _search(qs, q)


def _search(qs, q: str):
    """Accent- and teencode-insensitive: every word of the query in the folded statement or correction."""
    words = prepare(q).split()
    if not words:
        return list(qs[:200])
    out = []
    for claim in qs.iterator():
        text = f" {prepare(claim.statement)} {prepare(claim.correction)} "
        if all(f" {w}" in text for w in words):
            out.append(claim)
            if len(out) >= 200:
                break
    return out


def public_claims(q: str = ""):
    return _search(Claim.objects.public().select_related("agency").order_by("-approved_at", "-id"), q)


def public_claim(claim_id: str) -> Claim | None:
    return Claim.objects.public().select_related("agency").filter(claim_id=claim_id).first()
