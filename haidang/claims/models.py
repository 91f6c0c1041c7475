"""The claim library: statements verified once (false, misleading, true, unproven) with their official
correction, and the items matched to them.

Who sees what: `ClaimQuerySet._restrict` (officers; a claim from a case follows the case's visibility)
and `ClaimQuerySet.public()` (what anyone may read without logging in). Writes: `actions.py` only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet

from .choices import ClaimStatus, ClaimVerdict, MatchMethod, MatchStance, MatchStatus

User = settings.AUTH_USER_MODEL


class ClaimQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        from haidang.agencies import access
        from haidang.cases.models import Case

        if not access.agency_ids(user):
            return self.none()
        # A claim drawn from a case is as need-to-know as the case it came from.
        # EXISTS, probed per claim by primary key, not `case_id IN (every visible case)` (see ClaimMatch).
        return self.filter(Q(case__isnull=True) | Exists(Case.objects.restrict(user, action).filter(pk=OuterRef("case_id"))))

    def public(self):
        """Approved claims, never one from a confidential case (nothing of such a case goes out)."""
        from haidang.cases.choices import Confidentiality

        return self.filter(status=ClaimStatus.APPROVED).exclude(case__confidentiality=Confidentiality.CONFIDENTIAL)

    def matchable(self):
        return self.exclude(status=ClaimStatus.WITHDRAWN)


class Claim(models.Model):
    """One verified statement ("Uống nước lá đu đủ chữa khỏi sốt xuất huyết"), its verdict and the
    official correction. Made from a case's verification or by hand; public once a leader approves it."""

    claim_id = models.CharField(_("claim ID"), max_length=64, unique=True,
                                help_text=_("stable identifier, e.g. from an imported file"))
    statement = models.TextField(_("statement"))
    verdict = models.CharField(_("verdict"), max_length=12, choices=ClaimVerdict.choices, default=ClaimVerdict.FALSE)
    correction = models.TextField(_("official correction"), blank=True)
    sources = models.TextField(_("sources"), blank=True, help_text=_("one per line; never shown publicly"))
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="claims", verbose_name=_("verifying agency"))
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="claims",
                             verbose_name=_("originating case"))
    verification = models.ForeignKey("cases.Verification", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("verification"))
    story = models.ForeignKey("alerts.Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="claims",
                              verbose_name=_("story"))
    status = models.CharField(_("status"), max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT,
                              db_index=True)
    verified_on = models.DateField(_("verified on"), default=timezone.localdate)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, db_index=True)
    approved_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.statement[:60]}"

    @property
    def is_public(self) -> bool:
        return self.status == ClaimStatus.APPROVED and not (self.case_id and self.case.is_confidential)


class ClaimMatchQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        # A correlated EXISTS: an item's few matches are each checked by their claim's primary key, where
        # `claim_id IN (visible claims)` listed every visible case first (57 ms an item page at 100,000 cases).
        return self.filter(Exists(Claim.objects.restrict(user, action).filter(pk=OuterRef("claim_id"))))


class ClaimMatch(models.Model):
    """An item found to repeat a known claim, with the score that found it and the officer's decision.
    Rejected matches stay: they are never proposed again and they raise the threshold (`tuning.py`)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches", verbose_name=_("claim"))
    item = models.ForeignKey("content.Item", on_delete=models.CASCADE, related_name="claim_matches",
                             verbose_name=_("item"))
    score = models.FloatField(_("score"))
    method = models.CharField(_("method"), max_length=8, choices=MatchMethod.choices, default=MatchMethod.TFIDF)
    status = models.CharField(_("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED,
                              db_index=True)
    stance = models.CharField(_("stance"), max_length=8, choices=MatchStance.choices, default=MatchStance.REPEATS,
                              help_text=_("a post refuting the claim is kept but never joins its story or alert"))
    linked = models.BooleanField(_("linked to the claim's story and alert"), default=False)
    created_at = models.DateTimeField(_("matched at"), default=timezone.now)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = ClaimMatchQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "-id"]
        verbose_name = _("claim match")
        verbose_name_plural = _("claim matches")
        constraints = [models.UniqueConstraint(fields=["claim", "item"], name="claimmatch_once_per_item")]

    def __str__(self) -> str:
        return f"{self.item_id} ~ {self.claim_id} ({self.score:.2f}, {self.status})"
