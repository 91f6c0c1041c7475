"""Choices of the claim library and their translatable labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ClaimVerdict(models.TextChoices):
    # A context of their own: "false" is "sai sự thật" here, whatever other rooms make of the word.
    FALSE = "false", pgettext_lazy("claim verdict", "false")
    MISLEADING = "misleading", pgettext_lazy("claim verdict", "misleading")
    TRUE = "true", pgettext_lazy("claim verdict", "true")
    UNPROVEN = "unproven", pgettext_lazy("claim verdict", "unproven")


# A case's verification verdict (haidang.cases.choices.Verdict) → the claim's verdict.
FROM_CASE_VERDICT = {
    "false": ClaimVerdict.FALSE,
    "partly_false": ClaimVerdict.MISLEADING,
    "misleading": ClaimVerdict.MISLEADING,
    "true": ClaimVerdict.TRUE,
    "unverifiable": ClaimVerdict.UNPROVEN,
}


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", _("awaiting a leader's approval")
    APPROVED = "approved", _("approved and public")
    WITHDRAWN = "withdrawn", _("withdrawn")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


class MatchStance(models.TextChoices):
    """A matched post spreads the claim, or quotes it to refute it (`stance.py`): a debunk is not a repeat."""

    REPEATS = "repeats", _("repeats the claim")
    REFUTES = "refutes", _("refutes the claim")


class MatchMethod(models.TextChoices):
    TFIDF = "tfidf", _("paraphrase (TF-IDF)")
    MINHASH = "minhash", _("near-duplicate text (MinHash)")
