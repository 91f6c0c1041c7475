"""Models of the coordination domain: the regulation's two modes — meetings (họp bàn) and written
consultations (lấy ý kiến bằng văn bản) — (their deadlines run on the working-day calendar of `haidang.workdays`).

Who sees what is decided in one place per model (the `_restrict` methods); writes happen only
in actions.py.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet

from .choices import ConsultationStatus, MeetingStatus, Position, ReminderStage

User = settings.AUTH_USER_MODEL


class ReminderLog(models.Model):
    """One reminder or escalation sent: claimed by inserting this row, so that the unique constraint
    makes every (object, kind, stage) go out once, however many workers run the periodic task."""

    target_type = models.CharField(_("target type"), max_length=80)
    target_id = models.CharField(_("target ID"), max_length=64)
    kind = models.CharField(_("kind"), max_length=40)
    stage = models.CharField(_("stage"), max_length=12, choices=ReminderStage.choices)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [models.UniqueConstraint(fields=["target_type", "target_id", "kind", "stage"],
                                               name="unique_reminder_stage")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.target_type}:{self.target_id} {self.stage}"


# --- Access ----------------------------------------------------------------------------


def _case_visible(user):
    """The row's case is one the user may see, as a correlated EXISTS: probed by primary key for each
    meeting or consultation already narrowed (one case's), where `case_id IN (visible cases)` made the
    database list every visible case first (60 ms a query at 100,000 cases on SQLite)."""
    from haidang.cases.models import Case

    return Exists(Case.objects.restrict(user).filter(pk=OuterRef("case_id")))


class CoordinationQuerySet(RestrictedQuerySet):
    """Meetings and consultations: seen by the lead agency of their case and by invited agencies,
    and never by anyone who may not see the case itself (confidentiality comes first)."""

    def _restrict(self, user, action):
        from haidang.agencies import access

        mine = access.agency_ids(user)
        return self.filter(_case_visible(user)).filter(
            Q(case__lead_agency_id__in=mine) | Q(case__lead_officer=user) | Q(invitations__agency_id__in=mine)
        ).distinct()


# --- Meetings (mode a) -------------------------------------------------------------------


class Meeting(models.Model):
    """Tổ chức họp bàn: a meeting of the agencies concerned to agree verification, appraisal and a plan."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="meetings",
                             verbose_name=_("case"))
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), max_length=1000, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=MeetingStatus.choices,
                              default=MeetingStatus.SCHEDULED, db_index=True)
    # Conclusions are due some working days after the meeting (DeadlinePolicy "meeting_conclusions").
    conclusions_due_at = models.DateTimeField(_("conclusions due"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    concluded_at = models.DateTimeField(_("concluded at"), null=True, blank=True)
    concluded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("concluded by"))
    # The iCalendar UID and SEQUENCE: a changed meeting updates the invitee's calendar entry.
    uid = models.UUIDField(_("UID"), default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("convened by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = CoordinationQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d %H:%M})"

    @property
    def origin(self) -> str:
        return f"meeting:{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == MeetingStatus.SCHEDULED

    @property
    def conclusions_overdue(self) -> bool:
        return bool(self.is_open and self.conclusions_due_at and self.conclusions_due_at < timezone.now())


class MeetingInvitation(models.Model):
    """An agency invited to a meeting, and whether (and by whom) it attended."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("meeting"))
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="meeting_invitations",
                               verbose_name=_("agency"))
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    representatives = models.CharField(_("representatives"), max_length=500, blank=True)

    class Meta:
        ordering = ["agency__name"]
        verbose_name = _("meeting invitation")
        verbose_name_plural = _("meeting invitations")
        constraints = [models.UniqueConstraint(fields=["meeting", "agency"], name="unique_meeting_invitation")]

    def __str__(self) -> str:
        return f"{self.meeting_id} ← {self.agency_id}"


# --- Written consultations (mode b) --------------------------------------------------------


class Consultation(models.Model):
    """Lấy ý kiến bằng văn bản: questions to the agencies concerned, each of which answers once, in writing."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="consultations",
                             verbose_name=_("case"))
    title = models.CharField(_("title"), max_length=300)
    question_verification = models.TextField(_("question on verification"), blank=True)
    question_appraisal = models.TextField(_("question on appraisal"), blank=True)
    question_handling = models.TextField(_("proposed handling"), blank=True)
    deadline = models.DateTimeField(_("deadline for answers"), db_index=True)
    status = models.CharField(_("status"), max_length=8, choices=ConsultationStatus.choices,
                              default=ConsultationStatus.OPEN, db_index=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("closed by"))
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("opened by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = CoordinationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("written consultation")
        verbose_name_plural = _("written consultations")

    def __str__(self) -> str:
        return self.title

    @property
    def origin(self) -> str:
        return f"consultation:{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == ConsultationStatus.OPEN

    @property
    def accepts_answers(self) -> bool:
        return self.is_open and timezone.now() <= self.deadline

    @property
    def is_past_deadline(self) -> bool:
        return timezone.now() > self.deadline


class ConsultationInvitation(models.Model):
    """An agency asked for its written opinion. Flagged overdue when the deadline passes unanswered."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("consultation"))
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT,
                               related_name="consultation_invitations", verbose_name=_("agency"))
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    overdue_at = models.DateTimeField(_("flagged overdue at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)

    class Meta:
        ordering = ["agency__name"]
        verbose_name = _("consultation invitation")
        verbose_name_plural = _("consultation invitations")
        constraints = [models.UniqueConstraint(fields=["consultation", "agency"],
                                               name="unique_consultation_invitation")]

    def __str__(self) -> str:
        return f"{self.consultation_id} ← {self.agency_id}"


class AnswerQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        return self.filter(consultation__in=Consultation.objects.restrict(user, action))


class Answer(models.Model):
    """An agency's one answer to a consultation: its current position, signed by the officer who
    gave it. Revisions until the deadline update it; every revision is kept in AnswerRevision."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answers", verbose_name=_("consultation"))
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="consultation_answers",
                               verbose_name=_("agency"))
    position = models.CharField(_("position"), max_length=10, choices=Position.choices)
    text = models.TextField(_("opinion"))
    signed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("signed by"))
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["agency__name"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["consultation", "agency"], name="one_answer_per_agency")]

    def __str__(self) -> str:
        return f"{self.consultation_id} {self.agency_id}: {self.position}"


class AnswerRevision(models.Model):
    """One signed version of an answer, as given. Never changed or deleted."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("answer"))
    number = models.PositiveIntegerField(_("revision"))
    position = models.CharField(_("position"), max_length=10, choices=Position.choices)
    text = models.TextField(_("opinion"))
    signed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("signed by"))
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta:
        ordering = ["answer_id", "number"]
        verbose_name = _("answer revision")
        verbose_name_plural = _("answer revisions")
        constraints = [models.UniqueConstraint(fields=["answer", "number"], name="unique_answer_revision")]

    def __str__(self) -> str:
        return f"{self.answer_id} r{self.number}"


class AnswerAttachment(models.Model):
    """A document attached to one revision of an answer (e.g. the signed official letter)."""

    revision = models.ForeignKey(AnswerRevision, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("revision"))
    file = models.FileField(_("file"), upload_to="coordination/answers/%Y/%m/")
    name = models.CharField(_("name"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256 hash"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("answer attachment")
        verbose_name_plural = _("answer attachments")

    def __str__(self) -> str:
        return self.name or self.file.name


__all__ = [
    "Answer", "AnswerAttachment", "AnswerRevision", "Consultation", "ConsultationInvitation",
    "Meeting", "MeetingInvitation", "Position", "ReminderLog", "ReminderStage",
]
