"""Choices of the grievances domain and their translatable labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from haidang.core.vocabulary import HarmCategory, Priority  # noqa: F401  (re-exported for this app)
from haidang.workdays.choices import Step  # noqa: F401  (re-exported for this app)


class GrievanceState(models.TextChoices):
    NEW = "new", _("new, not yet taken")
    IN_PROGRESS = "in_progress", _("being answered")
    ANSWER_SUBMITTED = "answer_submitted", _("answer awaiting the leader's approval")
    ANSWERED = "answered", _("answered")
    ESCALATED_TO_CASE = "escalated_to_case", _("became a case")


OPEN_STATES = (GrievanceState.NEW, GrievanceState.IN_PROGRESS, GrievanceState.ANSWER_SUBMITTED)
# Taking, assigning, reassigning and opening a case: not once an answer waits for approval.
WORKABLE_STATES = (GrievanceState.NEW, GrievanceState.IN_PROGRESS)


class Origin(models.TextChoices):
    """How the grievance reached the system."""

    DETECTED = "detected", _("detected online")
    LETTER = "letter", _("citizen's letter")
    PHONE = "phone", _("phone call")
    IN_PERSON = "in_person", _("in person")
    OTHER = "other", _("other channel")


MANUAL_ORIGINS = [(o.value, o.label) for o in Origin if o != Origin.DETECTED]


class RoutedBy(models.TextChoices):
    """Why the grievance is in this agency's queue."""

    PLACE = "place", _("the ward or commune it names")
    SUBJECT = "subject", _("its subject (routing table)")
    DEFAULT = "default", _("nothing matched: the lead agency assigns it")
    HAND = "hand", _("chosen by the officer who raised it")
    REASSIGNED = "reassigned", _("reassigned")


class AnswerStatus(models.TextChoices):
    SUBMITTED = "submitted", _("awaiting approval")
    APPROVED = "approved", _("approved and published")
    REJECTED = "rejected", _("returned by the leader")
    WITHDRAWN = "withdrawn", _("withdrawn (grievance reassigned)")


class ReminderStage(models.TextChoices):
    """How far a grievance has gone past (or toward) its deadline."""

    BEFORE = "before", _("reminder before the deadline")
    OVERDUE = "overdue", _("overdue: the agency's leaders told")
    ESCALATED = "escalated", _("escalated to the lead agency")


class EventType(models.TextChoices):
    CREATED = "created", _("grievance received")
    VOICES_ADDED = "voices_added", _("more voices")
    TAKEN = "taken", _("taken")
    ASSIGNED = "assigned", _("assigned")
    ANSWER_SUBMITTED = "answer_submitted", _("answer submitted for approval")
    ANSWER_APPROVED = "answer_approved", _("answer approved and published")
    ANSWER_REJECTED = "answer_rejected", _("answer returned")
    REASSIGNED = "reassigned", _("reassigned to another agency")
    DEADLINE_CHANGED = "deadline_changed", _("deadline changed")
    ESCALATED_TO_CASE = "escalated_to_case", _("sent on as a case")
    RESUMED = "resumed", _("back in the queue after triage")
    REMINDER = "reminder", _("reminder sent")
