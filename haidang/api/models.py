"""Models of the api domain: outgoing webhook subscriptions, their delivery log, idempotency keys."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet


class EventType(models.TextChoices):
    ALERT_RAISED = "alert.raised", _("an alert is raised")
    ALERT_ROUTED = "alert.routed", _("an alert is routed to an agency")
    ALERT_ESCALATED = "alert.escalated", _("an alert is escalated")
    CASE_STATE_CHANGED = "case.state_changed", _("a case changes state")
    CONSULTATION_OPENED = "consultation.opened", _("a consultation is opened")
    ANSWER_SUBMITTED = "answer.submitted", _("an answer is submitted")
    GRIEVANCE_ASSIGNED = "grievance.assigned", _("a grievance is assigned")
    ACTION_DUE = "action.due", _("a deadline is near or passed")


class SubscriptionQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        from haidang.agencies import access

        # Webhooks carry the agency's secret: only its coordinators (and leaders) manage them.
        return self.filter(agency_id__in=access.agency_ids(user, ("coordinator", "leader")))


class WebhookSubscription(models.Model):
    """An agency's endpoint that hears of events it may see. `agency` is empty only for the one global
    subscription that mirrors the HAIDANG_WEBHOOK_URL setting."""

    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="webhooks", verbose_name=_("agency"))
    is_global = models.BooleanField(_("global (from the settings)"), default=False)
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=1000)
    # Kept in clear: signing needs it (unlike tokens, which are only compared).
    secret = models.CharField(_("signing secret"), max_length=200)
    events = models.JSONField(_("event types"), default=list, blank=True)
    active = models.BooleanField(_("active"), default=True)
    consecutive_failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True)
    disabled_reason = models.CharField(_("why it was disabled"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["agency_id", "name"]
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        constraints = [models.UniqueConstraint(fields=["is_global"], condition=models.Q(is_global=True),
                                               name="api_one_global_webhook")]

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str) -> bool:
        return self.active and event in (self.events or [])


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    RETRYING = "retrying", _("retrying")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("failed")


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one subscription; the latest attempt's outcome is kept."""

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries",
                                     verbose_name=_("subscription"))
    event = models.CharField(_("event type"), max_length=40, db_index=True)
    event_id = models.CharField(_("event id"), max_length=64, db_index=True)
    payload = models.JSONField(_("payload"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    latency_ms = models.PositiveIntegerField(_("latency (ms)"), null=True, blank=True)
    response_head = models.CharField(_("first bytes of the answer"), max_length=500, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    redelivery_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                      verbose_name=_("redelivery of"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription_id} ({self.status})"


class IdempotencyKey(models.Model):
    """The first answer to a write sent with an `Idempotency-Key` header, replayed for a retry."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("user"))
    key = models.CharField(_("key"), max_length=200)
    fingerprint = models.CharField(_("request fingerprint"), max_length=64)
    response_status = models.PositiveSmallIntegerField(_("HTTP status"))
    response_body = models.JSONField(_("answer"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="api_idempotency_unique")]

    def __str__(self) -> str:
        return self.key
