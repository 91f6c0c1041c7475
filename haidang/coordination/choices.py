"""Choices of the coordination domain and their translatable labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from haidang.core.vocabulary import Position  # noqa: F401  (re-exported for this app)
from haidang.workdays.choices import Step  # noqa: F401  (re-exported for this app)


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CONCLUDED = "concluded", _("concluded")
    CANCELLED = "cancelled", _("cancelled")


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")



class ReminderStage(models.TextChoices):
    """How far a piece of work has gone past (or toward) its deadline."""

    BEFORE = "before", _("reminder before the deadline")
    OVERDUE = "overdue", _("overdue: the agency's leaders told")
    ESCALATED = "escalated", _("escalated to the lead agency")
