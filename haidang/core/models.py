"""Shared base pieces: restricted querysets and Job rows for long-running work."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import JobStatus


class RestrictedQuerySet(models.QuerySet):
    """A queryset that knows how to limit itself to what a user may see.

    Subclasses implement `_restrict(user, action)`; callers use `.restrict(user, action)`.
    Superusers see everything. This is the one place list access is decided.
    """

    def restrict(self, user, action: str = "view"):
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self._restrict(user, action)

    def _restrict(self, user, action: str):  # pragma: no cover - every subclass overrides
        raise NotImplementedError(f"{self.model.__name__} must define _restrict()")


class Job(models.Model):
    """A long-running piece of work (ingest run, import, training) with progress and a log."""

    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("created by"),
    )
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name=_("agency"))
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Touched on start and progress: a running job without one for HAIDANG_JOB_STALE_MINUTES lost its worker.
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    failure_reason = models.CharField(_("reason for failure"), max_length=500, blank=True)
    progress_done = models.PositiveIntegerField(_("steps done"), default=0)
    progress_total = models.PositiveIntegerField(_("steps in all"), null=True, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    log = models.TextField(_("log"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} {self.status}"

    @property
    def duration_s(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def percent(self) -> int | None:
        if not self.progress_total:
            return None
        return min(100, int(100 * self.progress_done / self.progress_total))


class NotificationQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action: str):
        # An inbox is personal: nobody reads another person's notifications, whatever their role.
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def undone(self):
        return self.filter(done_at__isnull=True)


class Notification(models.Model):
    """One message in a person's in-app inbox (also e-mailed). Any app sends them through
    `haidang.core.notifications.notify()`; `target_type`/`target_id` point back at what it is about."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    verb = models.CharField(_("kind"), max_length=60, db_index=True)
    text = models.CharField(_("text"), max_length=500)
    url = models.CharField(_("link"), max_length=500, blank=True)
    target_type = models.CharField(_("object type"), max_length=80, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # Set when the task it announced is done (by whoever did it): the inbox then clears itself.
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    emailed = models.BooleanField(_("e-mailed"), default=False)  # meant to be e-mailed
    email_sent_at = models.DateTimeField(_("e-mail sent at"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_error = models.CharField(_("last e-mail error"), max_length=500, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_inbox_idx"),
                   # Every write asks "open notifications about this object?" (notifications.refresh_done).
                   models.Index(fields=["target_type", "target_id"], name="notification_target_idx")]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.verb}"


class NotificationPreference(models.Model):
    """One person's choice for one kind of notification (`verb`, e.g. "cases.approval_needed"): no row
    means the default, e-mail on. The inbox always gets the row; only the e-mail is switched off."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences",
                             verbose_name=_("user"))
    verb = models.CharField(_("kind"), max_length=60)
    email = models.BooleanField(_("e-mail me"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "verb"], name="notification_preference_once")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.verb} e-mail={'on' if self.email else 'off'}"


class WorkClaim(models.Model):
    """A consumer's claim on one unit of background work (e.g. analysing item 42), so that two
    consumers never do it at once. Taken and released by `haidang.core.claims`; a claim older than
    its lease belongs to a consumer that died and is taken over."""

    kind = models.CharField(_("kind"), max_length=40)
    key = models.BigIntegerField(_("key"))
    owner = models.CharField(_("owner"), max_length=32)
    claimed_at = models.DateTimeField(_("claimed at"))

    class Meta:
        verbose_name = _("work claim")
        verbose_name_plural = _("work claims")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="work_claim_once")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} by {self.owner}"
