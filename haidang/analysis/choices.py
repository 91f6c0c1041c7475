"""Choices of the analysis domain. Other apps (stories, alerts, cases) import `HarmCategory` and `Priority`.

There is deliberately no category for political opinion or criticism: opinions and criticism of
officials or policies are answered, never treated as harm.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HarmCategory(models.TextChoices):
    SCAM = "scam", _("scam / fraud")
    IMPERSONATION = "impersonation", _("impersonation of an agency or official")
    MISINFORMATION = "misinformation", _("false or misleading information")
    HATE_HARASSMENT = "hate_harassment", _("hate / harassment")
    INCITEMENT = "incitement", _("incitement to violence")
    PERSONAL_DATA = "personal_data", _("personal-data exposure")
    GRIEVANCE = "grievance", _("grievance (to be answered)")
    OTHER = "other", _("other")


class MisinformationSubtopic(models.TextChoices):
    """The national taxonomy of false information."""

    POLICY = "policy", _("policy")
    ECONOMY = "economy", _("economy")
    HEALTH = "health", _("health")
    DISASTER_EPIDEMIC = "disaster_epidemic", _("disaster / epidemic")
    SECURITY_ORDER = "security_order", _("security / order")


class Priority(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")
    URGENT = "urgent", _("urgent")


class VerdictOutcome(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed harmful")
    NOT_HARMFUL = "not_harmful", _("not harmful")


class TermMode(models.TextChoices):
    """Default diacritic handling of a watch-list's terms (a term may override it)."""

    INSENSITIVE = "insensitive", _("ignore diacritics")
    SENSITIVE = "sensitive", _("match diacritics")
