"""The only place that writes the claim library. Every function: `do_<verb>_<noun>(..., *, acting_user)`,
atomic, writing the audit log.

Who may do what:
- create or edit a claim: working members (coordinator/officer/leader) of its verifying agency; from a
  case, only the case's lead or participating agencies;
- approve (make public) or withdraw: leaders of the verifying agency or of the lead agency; a case's
  "publish official information" action, once the plan is approved, approves the case's claims with the
  approving leader as the actor (`receivers.py`);
- confirm or reject a match, or correct its stance: working members of any agency that can see the claim.

Matching runs as the system (no acting user) after the alerts pipeline has put items into stories, and
backwards over recent items when claims are recorded, edited or approved (`do_match_claims_backward`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haidang.agencies import access
from haidang.alerts.choices import AlertReason
from haidang.audit.actions import record
from haidang.core.notifications import notify
from haidang.text.privacy import mask_personal_data

from .choices import FROM_CASE_VERDICT, ClaimStatus, ClaimVerdict, MatchMethod, MatchStance, MatchStatus
from .conf import conf
from .index import get_index
from .models import Claim, ClaimMatch
from .signals import claims_recorded
from .stance import refutation_cues
from .tuning import threshold_in_force

KNOWN_CLAIM = AlertReason.KNOWN_CLAIM.value  # the alert reason added when an item repeats a known claim


def _require_working(user, agency) -> None:
    if agency is None:
        raise ValidationError(gettext_lazy("Choose the verifying agency."))
    access.require_role(user, agency, access.WORKING_ROLES,
                        _("Only the verifying agency can record or edit this claim."))


def _require_approver(user, claim: Claim) -> None:
    lead = access.lead_agency()
    if user is not None and (user.is_superuser or (claim.agency_id and access.has_role(user, claim.agency, ("leader",)))
                             or (lead is not None and access.has_role(user, lead, ("leader",)))):
        return
    raise PermissionDenied(_("Only a leader of the verifying agency or of the lead agency can approve this."))


def _require_case_worker(user, case) -> None:
    if user.is_superuser or access.has_role(user, case.lead_agency) or user.pk == case.lead_officer_id:
        return
    if access.agency_ids(user, access.WORKING_ROLES) & case.participant_agency_ids():
        return
    raise PermissionDenied(_("Only the lead agency and participating agencies can do this."))


def _clean(statement: str, verdict: str, correction: str) -> None:
    if not (statement or "").strip():
        raise ValidationError(gettext_lazy("Write the claim's statement."))
    if verdict not in ClaimVerdict.values:
        raise ValidationError(gettext_lazy("Choose a verdict."))
    if verdict in (ClaimVerdict.FALSE, ClaimVerdict.MISLEADING) and not (correction or "").strip():
        raise ValidationError(gettext_lazy("A false or misleading claim needs the official correction."))


def _touched(claim: Claim) -> None:
    claim.updated_at = timezone.now()


def _announce(claim_pks: list[int]) -> None:
    """After the commit: these claims are new or changed, match them against recent items too."""
    if claim_pks:
        pks = sorted(set(claim_pks))
        transaction.on_commit(lambda: claims_recorded.send(sender=Claim, claim_pks=pks), robust=True)


@transaction.atomic
def do_create_claim(*, acting_user, statement: str, verdict: str = ClaimVerdict.FALSE, correction: str = "",
                    sources: str = "", agency=None, case=None, verification=None, claim_id: str = "",
                    verified_on: dt.date | None = None) -> Claim:
    """A claim recorded by hand or from a case's verification (then `case` and `verification` are set)."""
    if verification is not None:
        case = verification.case
    if case is not None:
        _require_case_worker(acting_user, case)
    agency = agency or access.primary_agency(acting_user)
    _require_working(acting_user, agency)
    _clean(statement, verdict, correction)
    claim = Claim.objects.create(
        claim_id=(claim_id or "").strip() or f"hd-{uuid.uuid4().hex[:12]}", statement=statement.strip(),
        verdict=verdict, correction=correction.strip(), sources=sources.strip(), agency=agency, case=case,
        verification=verification, verified_on=verified_on or timezone.localdate(), created_by=acting_user)
    record("claim.create", actor=acting_user, obj=claim, agency=agency, changes={
        "claim_id": claim.claim_id, "verdict": verdict, "case": case.code if case is not None else None,
        "verification": verification.pk if verification is not None else None})
    _announce([claim.pk])
    return claim


def claim_defaults_from_case(case) -> dict:
    """What the case's current verification says: the form's starting values."""
    verification = case.current_verification()
    if verification is None:
        return {}
    return {"verdict": FROM_CASE_VERDICT.get(verification.verdict, ClaimVerdict.UNPROVEN),
            "sources": verification.sources, "correction": verification.findings, "verification": verification}


@transaction.atomic
def do_update_claim(claim: Claim, *, acting_user, **fields) -> Claim:
    """Edit the statement, verdict, correction or sources. An approved claim edited goes back to draft:
    what is public was approved as it was."""
    _require_working(acting_user, claim.agency)
    allowed = {"statement", "verdict", "correction", "sources", "verified_on"}
    changes = {k: v for k, v in fields.items() if k in allowed and getattr(claim, k) != v}
    if not changes:
        return claim
    for key, value in changes.items():
        setattr(claim, key, value)
    _clean(claim.statement, claim.verdict, claim.correction)
    if claim.status == ClaimStatus.APPROVED:
        claim.status = ClaimStatus.DRAFT
        changes["status"] = ClaimStatus.DRAFT
    _touched(claim)
    claim.save()
    record("claim.update", actor=acting_user, obj=claim, agency=claim.agency,
           changes={k: str(v) for k, v in changes.items()})
    if "statement" in changes:
        _announce([claim.pk])
    return claim


@transaction.atomic
def do_approve_claim(claim: Claim, *, acting_user, via: str = "") -> Claim:
    """A leader approves the claim: it is published (public page, feed, search), unless its case is
    confidential, in which case it stays internal."""
    _require_approver(acting_user, claim)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status == ClaimStatus.APPROVED:
        return claim
    _clean(claim.statement, claim.verdict, claim.correction)
    claim.status = ClaimStatus.APPROVED
    claim.approved_by = acting_user
    claim.approved_at = timezone.now()
    _touched(claim)
    claim.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    record("claim.approve", actor=acting_user, obj=claim, agency=claim.agency,
           changes={"claim_id": claim.claim_id, "via": via, "public": claim.is_public})
    _announce([claim.pk])
    return claim


@transaction.atomic
def do_withdraw_claim(claim: Claim, *, acting_user, reason: str) -> Claim:
    _require_approver(acting_user, claim)
    if not reason.strip():
        raise ValidationError(gettext_lazy("Give the reason."))
    claim.status = ClaimStatus.WITHDRAWN
    _touched(claim)
    claim.save(update_fields=["status", "updated_at"])
    record("claim.withdraw", actor=acting_user, obj=claim, agency=claim.agency, changes={"reason": reason})
    return claim


def do_publish_case_claims(case, *, acting_user, via: str = "") -> list[Claim]:
    """The case's "publish official information" action was approved: approve its draft claims."""
    published = []
    with transaction.atomic():
        for claim in Claim.objects.filter(case=case, status=ClaimStatus.DRAFT):
            published.append(do_approve_claim(claim, acting_user=acting_user, via=via))
    return published


# --- import --------------------------------------------------------------------------------


class ImportLineError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line


def validate_import_row(row, line: int) -> dict:
    if not isinstance(row, dict):
        raise ImportLineError(line, "not a JSON object")
    missing = [k for k in ("claim_id", "statement", "verdict") if not str(row.get(k) or "").strip()]
    if missing:
        raise ImportLineError(line, f"missing {', '.join(missing)}")
    if row["verdict"] not in ClaimVerdict.values:
        raise ImportLineError(line, f"verdict must be one of {', '.join(ClaimVerdict.values)}")
    if len(str(row["claim_id"])) > 64:
        raise ImportLineError(line, "claim_id longer than 64 characters")
    return {"claim_id": str(row["claim_id"]).strip(), "statement": str(row["statement"]).strip(),
            "verdict": row["verdict"], "correction": str(row.get("correction") or "").strip(),
            "sources": str(row.get("sources") or "").strip()}


@transaction.atomic
def do_import_claims(rows: Iterable[dict], *, acting_user=None, agency=None) -> dict:
    """Load validated rows, idempotent on `claim_id`: new ones are created (as drafts), changed ones
    updated, equal ones left alone."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    touched: list[int] = []
    for row in rows:
        claim = Claim.objects.filter(claim_id=row["claim_id"]).first()
        if claim is None:
            claim = Claim.objects.create(agency=agency, created_by=acting_user, **row)
            counts["created"] += 1
            touched.append(claim.pk)
            continue
        changed = {k: v for k, v in row.items() if getattr(claim, k) != v}
        if not changed:
            counts["unchanged"] += 1
            continue
        for key, value in changed.items():
            setattr(claim, key, value)
        if claim.status == ClaimStatus.APPROVED:
            claim.status = ClaimStatus.DRAFT
        _touched(claim)
        claim.save()
        counts["updated"] += 1
        if "statement" in changed:
            touched.append(claim.pk)
    record("claim.import", actor=acting_user, object_type="claims.claim", changes=counts)
    _announce(touched)  # one backward scan for the whole file, not one per claim
    return counts


# --- matching ------------------------------------------------------------------------------


def match_text(text: str, *, exclude: set | None = None) -> tuple[int | None, float]:
    """(claim pk or None, score) at the threshold in force."""
    found = get_index().match(text, exclude=exclude)
    if found is None:
        return None, 0.0
    if found.score < threshold_in_force():
        return None, found.score
    return int(found.key), found.score


def _item_text(item) -> str:
    return f"{item.title}\n{item.text}" if item.title else item.text


def _propose(item, claim_pk: int, score: float, method: str, statements: dict[int, str], counts: dict,
             auto_link: float) -> None:
    """Record one match (idempotent: a pair matched before is left alone). A post that refutes the claim is
    kept as such and never linked; one scoring AUTO_LINK or more that repeats it joins at once."""
    statement = statements.get(claim_pk)
    if statement is None:
        statement = statements[claim_pk] = Claim.objects.filter(pk=claim_pk).values_list("statement", flat=True)[0]
    cues = refutation_cues(_item_text(item), statement)
    stance = MatchStance.REFUTES if cues else MatchStance.REPEATS
    with transaction.atomic():
        try:
            with transaction.atomic():
                match = ClaimMatch.objects.create(claim_id=claim_pk, item=item, score=score,
                                                  method=MatchMethod(method), stance=stance)
        except IntegrityError:
            return  # matched before (a re-run): idempotent
        record("claim.match", obj=match, changes={"claim": match.claim_id, "item": item.pk, "score": round(score, 4),
                                                 "method": method, "stance": stance, "cues": cues[:5]})
        counts["matched"] += 1
        if stance == MatchStance.REFUTES:
            counts["refuting"] = counts.get("refuting", 0) + 1
        elif score >= auto_link:
            _link(match, actor=None)


def _rejected_pairs(item_ids) -> dict[int, set[int]]:
    rejected: dict[int, set[int]] = {}
    for item_id, claim_id in ClaimMatch.objects.filter(item_id__in=item_ids, status=MatchStatus.REJECTED).values_list(
            "item_id", "claim_id"):
        rejected.setdefault(item_id, set()).add(claim_id)
    return rejected


def do_match_items(item_ids: Iterable[int]) -> dict:
    """Match new items against the claims: a match above the threshold is proposed (the item page
    shows it), and one above AUTO_LINK also joins the claim's story and alert at once."""
    from haidang.content.models import Item

    ids = sorted({int(i) for i in item_ids})
    counts = {"items": len(ids), "matched": 0}
    index = get_index()
    if not index.size or not ids:
        return counts
    threshold = threshold_in_force()
    auto_link = float(conf("AUTO_LINK"))
    rejected = _rejected_pairs(ids)
    statements: dict[int, str] = {}
    for item in Item.objects.filter(pk__in=ids).only("pk", "title", "text"):
        found = index.match(_item_text(item), exclude=rejected.get(item.pk))
        if found is None or found.score < threshold:
            continue
        _propose(item, int(found.key), found.score, found.method, statements, counts, auto_link)
    return counts


def backward_item_ids(*, after_id: int = 0, limit: int | None = None) -> list[int]:
    """The next chunk of recent items (fetched within BACKWARD_DAYS) to match new claims against."""
    from haidang.content.models import Item

    since = timezone.now() - dt.timedelta(days=int(conf("BACKWARD_DAYS")))
    return list(Item.objects.filter(pk__gt=after_id, fetched_at__gte=since).order_by("pk")
                .values_list("pk", flat=True)[:limit or int(conf("BACKWARD_CHUNK"))])


def do_match_claims_backward(claim_pks: Iterable[int], item_ids: Iterable[int]) -> dict:
    """Claims just recorded, edited or approved, against items already seen: an item is matched to one of
    them when that claim is the item's best (as a new item would have been, had the claim existed) and at
    or above the threshold in force. Idempotent (a pair matched or rejected before is left alone), so the
    chunks may be re-run."""
    from haidang.content.models import Item

    ids = sorted({int(i) for i in item_ids})
    index = get_index()
    wanted = set(Claim.objects.matchable().filter(pk__in=list(claim_pks)).values_list("pk", flat=True))
    wanted &= set(index.keys)
    counts = {"claims": len(wanted), "items": len(ids), "matched": 0}
    if not ids or not wanted:
        return counts
    threshold = threshold_in_force()
    auto_link = float(conf("AUTO_LINK"))
    rejected = _rejected_pairs(ids)
    statements = dict(Claim.objects.filter(pk__in=wanted).values_list("pk", "statement"))
    for item in Item.objects.filter(pk__in=ids).only("pk", "title", "text"):
        found = index.match(_item_text(item), exclude=rejected.get(item.pk))
        if found is None or found.key not in wanted or found.score < threshold:
            continue
        _propose(item, int(found.key), found.score, found.method, statements, counts, auto_link)
    if counts["matched"]:
        record("claim.match_backward", object_type="claims.claim",
               changes={"claims": sorted(wanted), "items": len(ids), "matched": counts["matched"],
                        "first_item": ids[0], "last_item": ids[-1]})
    return counts


def _item_story(item_id: int):
    from haidang.alerts.models import StoryItem

    membership = StoryItem.objects.filter(item_id=item_id).select_related("story").first()
    story = membership.story if membership is not None else None
    while story is not None and story.merged_into_id:
        story = story.merged_into
    return story


def _live(story):
    while story is not None and story.merged_into_id:
        story = story.merged_into
    return story


def _link(match: ClaimMatch, *, actor) -> None:
    """The item joins the claim's story: the claim takes the first linked item's story as its own, and a
    later item's story (its near-duplicates, which repeat the claim as much) is merged into it by the alerts
    domain's action (`do_join_story`, with its audit entry). The alert on the claim's story is then extended,
    or raised for the agency that owns the claim."""
    from haidang.agencies.queries import designated_officers
    from haidang.alerts import actions as alerts_actions

    if match.linked or match.stance == MatchStance.REFUTES:
        return  # a debunk quotes the claim; it does not spread it
    claim = Claim.objects.select_for_update().get(pk=match.claim_id)
    story, item_story = _live(claim.story), _item_story(match.item_id)
    if story is None:
        story = item_story
    elif item_story is not None and item_story.pk != story.pk:
        story = alerts_actions.do_join_story(item_story, story, linking_item_id=match.item_id,
                                             reason=KNOWN_CLAIM, actor=actor)
    if story is not None and claim.story_id != story.pk:
        claim.story = story
        claim.save(update_fields=["story"])
    items = ClaimMatch.objects.filter(claim=claim, linked=True).count() + 1
    key = f"story:{story.pk}" if story is not None else f"claim:{claim.pk}"
    detail = {"claim": claim.claim_id, "claim_items": items, "claim_verdict": claim.verdict}
    # The alert itself is written by the alerts domain's action (and its audit entry).
    alert, event = alerts_actions.do_extend_or_raise_known_claim_alert(
        key=key, story=story, title=claim.statement, details=detail, item_count=items, agency=claim.agency,
        routed_by=str(_("verifying agency of the claim")), actor=actor,
        changes={"claim": claim.claim_id, "item": match.item_id})
    if event == "raised" and claim.agency_id:
        notify(designated_officers(claim.agency), verb="claims.repeated", target=alert,
                   url=reverse("claims:detail", args=[claim.pk]),
                   text=_("A known claim is spreading again: %(statement)s")
                   % {"statement": mask_personal_data(claim.statement)[:200]})
    match.linked = True
    match.save(update_fields=["linked"])
    record("claim.link", actor=actor, obj=match, changes={"alert": alert.pk, "event": event,
                                                          "story": story.pk if story is not None else None})


def _require_decider(user, match: ClaimMatch) -> None:
    if not access.agency_ids(user, access.WORKING_ROLES) and not user.is_superuser:
        raise PermissionDenied(_("Only working officers can decide on a match."))
    if not Claim.objects.restrict(user).filter(pk=match.claim_id).exists():
        raise PermissionDenied(_("You cannot see this claim."))


@transaction.atomic
def do_confirm_match(match: ClaimMatch, *, acting_user) -> ClaimMatch:
    """The officer agrees the item is about the claim. One that repeats it joins the claim's story and
    alert; one that refutes it stays a refutation (settled by the claim, no alert)."""
    _require_decider(acting_user, match)
    match = ClaimMatch.objects.select_for_update().get(pk=match.pk)
    match.status = MatchStatus.CONFIRMED
    match.decided_by = acting_user
    match.decided_at = timezone.now()
    match.save(update_fields=["status", "decided_by", "decided_at"])
    record("claim.match_confirm", actor=acting_user, obj=match,
           changes={"claim": match.claim_id, "item": match.item_id, "score": match.score, "stance": match.stance})
    _link(match, actor=acting_user)
    return match


@transaction.atomic
def do_set_match_stance(match: ClaimMatch, *, stance: str, acting_user) -> ClaimMatch:
    """The officer corrects the stance found by `stance.py`. A confirmed match that turns out to repeat the
    claim is linked then; a linked one cannot become a refutation (its alert has been extended already)."""
    _require_decider(acting_user, match)
    if stance not in MatchStance.values:
        raise ValidationError(gettext_lazy("Choose a stance."))
    match = ClaimMatch.objects.select_for_update().get(pk=match.pk)
    if match.stance == stance:
        return match
    if match.linked:
        raise ValidationError(gettext_lazy("This match is already linked to the claim's story and alert."))
    before, match.stance = match.stance, stance
    match.save(update_fields=["stance"])
    record("claim.match_stance", actor=acting_user, obj=match,
           changes={"claim": match.claim_id, "item": match.item_id, "from": before, "to": stance})
    if match.status == MatchStatus.CONFIRMED or (match.status == MatchStatus.PROPOSED
                                                  and match.score >= float(conf("AUTO_LINK"))):
        _link(match, actor=acting_user)
    return match


@transaction.atomic
def do_reject_match(match: ClaimMatch, *, acting_user) -> ClaimMatch:
    """The officer says the item does not repeat the claim. Kept: the pair is never proposed again,
    and the score tunes the threshold in force."""
    _require_decider(acting_user, match)
    match = ClaimMatch.objects.select_for_update().get(pk=match.pk)
    match.status = MatchStatus.REJECTED
    match.decided_by = acting_user
    match.decided_at = timezone.now()
    match.save(update_fields=["status", "decided_by", "decided_at"])
    record("claim.match_reject", actor=acting_user, obj=match,
           changes={"claim": match.claim_id, "item": match.item_id, "score": match.score})
    return match
