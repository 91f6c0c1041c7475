"""Models of the grievances domain (phản ánh, kiến nghị): complaints that deserve an official answer.

One grievance per story (the near-duplicate posts of one complaint), or one raised by hand from a
letter or a call. It sits in one agency's queue, with a working-day deadline, until that agency's
answer is approved by its leader and published. Who sees what is decided in `GrievanceQuerySet`;
writes happen only in actions.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet

from .choices import (
    OPEN_STATES,
    AnswerStatus,
    EventType,
    GrievanceState,
    Origin,
    Priority,
    ReminderStage,
    RoutedBy,
)

User = settings.AUTH_USER_MODEL


class GrievanceRoute(models.Model):
    """One row of the admin-editable routing table: a grievance whose text has one of `keywords`
    goes to `agency`. Rules are tried by ascending `order`; the first match wins.

    A ward or commune the grievance names comes first (its committee answers), unless the rule says
    `before_place` (e.g. the provincial hospital, whichever ward it stands in)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    order = models.PositiveIntegerField(_("order"), default=100, db_index=True)
    keywords = models.TextField(_("keywords"), help_text=_("Comma-separated; any of them (diacritics ignored) matches."))
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency"))
    before_place = models.BooleanField(
        _("even when a ward or commune is named"), default=False,
        help_text=_("Use this rule before routing to the committee of the place the grievance names."))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("grievance routing rule")
        verbose_name_plural = _("grievance routing table")

    def __str__(self) -> str:
        return self.name

    def keyword_list(self) -> list[str]:
        return [w.strip() for w in self.keywords.split(",") if w.strip()]


class GrievanceCounter(models.Model):
    """The last grievance number issued in a year; codes (PA-2026-0001) are never issued twice."""

    year = models.PositiveIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number issued"), default=0)

    class Meta:
        verbose_name = _("grievance counter")
        verbose_name_plural = _("grievance counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class GrievanceQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        """Members of the agency that must answer see it; the lead agency sees every grievance.
        Writing needs a working role (viewers read, never write)."""
        from haidang.agencies import access

        roles = access.ALL_ROLES if action == "view" else access.WORKING_ROLES
        mine = access.agency_ids(user, roles)
        if not mine:
            return self.none()
        lead = access.lead_agency()
        if lead is not None and lead.pk in mine:
            return self
        return self.filter(agency_id__in=mine)

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def overdue(self, now=None):
        return self.open().filter(due_at__lt=now or timezone.now())


class Grievance(models.Model):
    """A public grievance the agency must answer on record: many voices, one grievance."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    year = models.PositiveIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("what citizens ask"), blank=True)
    origin = models.CharField(_("received by"), max_length=12, choices=Origin.choices, default=Origin.DETECTED)
    reference = models.CharField(_("reference"), max_length=200, blank=True,
                                 help_text=_("e.g. the letter's number or the call log entry"))
    story = models.ForeignKey("alerts.Story", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="grievances", verbose_name=_("story"))
    priority = models.CharField(_("priority"), max_length=8, choices=Priority.choices, default=Priority.LOW)
    place_code = models.CharField(_("place code"), max_length=20, blank=True)
    place_name = models.CharField(_("place"), max_length=120, blank=True)

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="grievances",
                               verbose_name=_("agency that answers"))
    routed_by = models.CharField(_("routed by"), max_length=12, choices=RoutedBy.choices, default=RoutedBy.DEFAULT)
    route_name = models.CharField(_("routing rule"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=GrievanceState.choices, default=GrievanceState.NEW,
                             db_index=True)
    assignee = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="grievances",
                                 verbose_name=_("officer answering"))
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    # The clock starts when the grievance reaches the agency (again, after a reassignment).
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    working_days = models.PositiveSmallIntegerField(_("working days allowed"), default=5)
    due_at = models.DateTimeField(_("answer due"), db_index=True)

    voice_count = models.PositiveIntegerField(_("voices"), default=1)
    source_count = models.PositiveIntegerField(_("sources"), default=0)
    first_seen_at = models.DateTimeField(_("first raised"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("latest"), null=True, blank=True)

    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, db_index=True)
    published_url = models.URLField(_("answer published at"), max_length=2000, blank=True)
    transfer_count = models.PositiveSmallIntegerField(_("times reassigned"), default=0)
    report = models.ForeignKey("cases.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name=_("report to the lead agency"))
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("case"))
    escalated_at = models.DateTimeField(_("became a case at"), null=True, blank=True)

    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("raised by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = GrievanceQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("grievance")
        verbose_name_plural = _("grievances")
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="unique_grievance_year_number"),
            # Many voices, one grievance: never two for one story, whichever worker comes first.
            models.UniqueConstraint(fields=["story"], condition=models.Q(story__isnull=False),
                                    name="grievance_one_per_story"),
        ]
        indexes = [models.Index(fields=["agency", "state", "due_at"], name="grievance_queue_idx")]

    def __str__(self) -> str:
        return f"{self.code} {self.title[:60]}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_overdue(self) -> bool:
        return bool(self.is_open and self.due_at and self.due_at < timezone.now())

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        return self.answered_at <= self.due_at

    @property
    def linked_case(self):
        """The case it became: opened at once by the lead agency, or later from the report's triage."""
        if self.case_id:
            return self.case
        return self.report.case if self.report_id and self.report.case_id else None

    def current_answer(self):
        return self.answers.exclude(status=AnswerStatus.WITHDRAWN).order_by("-written_at", "-id").first()


class GrievancePost(models.Model):
    """One voice: a collected post that raised the grievance. Posts stay linked after the answer."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="posts",
                                  verbose_name=_("grievance"))
    item = models.OneToOneField("content.Item", on_delete=models.CASCADE, related_name="grievance_post",
                                verbose_name=_("item"))
    source_id = models.BigIntegerField(_("source ID"), db_index=True)
    seen_at = models.DateTimeField(_("seen at"))
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        ordering = ["seen_at", "id"]
        verbose_name = _("grievance post")
        verbose_name_plural = _("grievance posts")

    def __str__(self) -> str:
        return f"item {self.item_id} in {self.grievance_id}"


class GrievanceAnswer(models.Model):
    """The official answer as written by the officer; published once the agency's leader approves it.
    A returned answer stays on record beside the one that replaced it."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="answers",
                                  verbose_name=_("grievance"))
    text = models.TextField(_("official answer"))
    published_url = models.URLField(_("link to where it is published"), max_length=2000)
    attachment = models.FileField(_("attachment"), upload_to="grievances/answers/%Y/%m/", blank=True)
    attachment_name = models.CharField(_("attachment name"), max_length=255, blank=True)
    attachment_sha256 = models.CharField(_("SHA-256 hash"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=AnswerStatus.choices,
                              default=AnswerStatus.SUBMITTED)
    written_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("written by"))
    written_at = models.DateTimeField(_("written at"), default=timezone.now)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("leader's note"), blank=True)

    class Meta:
        ordering = ["written_at", "id"]
        verbose_name = _("grievance answer")
        verbose_name_plural = _("grievance answers")

    def __str__(self) -> str:
        return f"{self.grievance_id}: {self.status}"


class GrievanceTransfer(models.Model):
    """A reassignment from one agency to another, with its reason (counted for the reports)."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="transfers",
                                  verbose_name=_("grievance"))
    from_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("from"))
    to_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("to"))
    reason = models.TextField(_("reason"))
    moved_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("moved by"))
    moved_at = models.DateTimeField(_("moved at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["moved_at", "id"]
        verbose_name = _("grievance reassignment")
        verbose_name_plural = _("grievance reassignments")

    def __str__(self) -> str:
        return f"{self.grievance_id}: {self.from_agency_id} → {self.to_agency_id}"


class GrievanceEvent(models.Model):
    """The grievance's timeline, which officers read (the hash-chained audit log is for inspectors)."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="events",
                                  verbose_name=_("grievance"))
    type = models.CharField(_("event"), max_length=20, choices=EventType.choices)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("by"))
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("agency"))
    parameters = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("grievance event")
        verbose_name_plural = _("grievance events")

    def __str__(self) -> str:
        return f"{self.grievance_id} {self.type}"


class GrievanceReminder(models.Model):
    """One reminder or escalation sent: claimed by inserting this row, so that the unique constraint
    makes each (grievance, stage, deadline) go out once, however many workers run the periodic task."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="reminders",
                                  verbose_name=_("grievance"))
    stage = models.CharField(_("stage"), max_length=12, choices=ReminderStage.choices)
    due_at = models.DateTimeField(_("deadline"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("grievance reminder sent")
        verbose_name_plural = _("grievance reminders sent")
        constraints = [models.UniqueConstraint(fields=["grievance", "stage", "due_at"],
                                               name="grievance_reminder_once")]

    def __str__(self) -> str:
        return f"{self.grievance_id} {self.stage} @ {self.due_at:%Y-%m-%d %H:%M}"
