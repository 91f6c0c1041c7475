"""The shared vocabulary: choices that several domains store and show.

They sit in the ground so that stories, alerts, cases, coordination and the screens can all name
them without importing one another.

There is deliberately no harm category for political opinion or criticism: opinions and criticism
of officials or policies are answered, never treated as harm.
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
    # Evidence below a category's threshold: an officer takes a look; never a harm category.
    NEEDS_REVIEW = "needs_review", _("needs a look")
    OTHER = "other", _("other")


class Priority(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")
    URGENT = "urgent", _("urgent")


class Position(models.TextChoices):
    """An agency's answer to a written consultation."""

    AGREE = "agree", _("agree")
    DISAGREE = "disagree", _("disagree")
    OTHER = "other", _("other opinion")
