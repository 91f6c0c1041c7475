"""Choices of the analysis domain. The harm categories and priorities shared with stories, alerts
and cases live in the ground, in `haidang.core.vocabulary`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from haidang.core.vocabulary import HarmCategory, Priority  # noqa: F401  (used by this app's models)


class MisinformationSubtopic(models.TextChoices):
    """The national taxonomy of false information."""

    POLICY = "policy", _("policy")
    ECONOMY = "economy", _("economy")
    HEALTH = "health", _("health")
    DISASTER_EPIDEMIC = "disaster_epidemic", _("disaster / epidemic")
    SECURITY_ORDER = "security_order", _("security / order")



class VerdictOutcome(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed harmful")
    NOT_HARMFUL = "not_harmful", _("not harmful")


class TermMode(models.TextChoices):
    """Default diacritic handling of a watch-list's terms (a term may override it)."""

    INSENSITIVE = "insensitive", _("ignore diacritics")
    SENSITIVE = "sensitive", _("match diacritics")
