"""Choices of the coordination domain and their translatable labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Step(models.TextChoices):
    """A step of the regulation's workflow that has a deadline (see deadlines.py)."""

    TRIAGE = "triage", _("triage of a report")
    VERIFICATION = "verification", _("verification")
    CONSULTATION = "consultation", _("answers to a written consultation")
    MEETING_CONCLUSIONS = "meeting_conclusions", _("conclusions of a meeting")
    HANDLING = "handling", _("carrying out a handling action")
    CASE = "case", _("the whole case")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CONCLUDED = "concluded", _("concluded")
    CANCELLED = "cancelled", _("cancelled")


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class Position(models.TextChoices):
    """An agency's answer to a written consultation."""

    AGREE = "agree", _("agree")
    DISAGREE = "disagree", _("disagree")
    OTHER = "other", _("other opinion")


class ReminderStage(models.TextChoices):
    """How far a piece of work has gone past (or toward) its deadline."""

    BEFORE = "before", _("reminder before the deadline")
    OVERDUE = "overdue", _("overdue: the agency's leaders told")
    ESCALATED = "escalated", _("escalated to the lead agency")
