"""Outgoing webhooks: events an agency may see, signed, delivered with retries, logged.

Every POST carries the JSON body and these headers:

    X-HaiDang-Event:     alert.raised | alert.routed | case.state_changed | ...
    X-HaiDang-Delivery:  the delivery's id (a redelivery has a new one; the body's `id` names the event)
    X-HaiDang-Timestamp: unix seconds when this attempt was signed
    X-HaiDang-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the subscription's secret>

A receiver recomputes the HMAC over the timestamp and the raw body and refuses a timestamp more
than 5 minutes from its clock: a captured request replayed later fails (`check_signature` below is
the check, and docs/api.md shows it for receivers). Events are thin: they name the object and what
happened; the receiver reads the details through the API with its token, under the same access.

Which subscriptions hear an event: those of agencies that may see its object, decided by the same
`restrict()` as the screens, for the subscription's creator acting for the subscription's agency.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import httpx
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.alerts.webhook import sign
from haidang.sources.fetch import FetchError, resolve_checked

from .models import DeliveryStatus, EventType, WebhookDelivery, WebhookSubscription

log = logging.getLogger(__name__)

REPLAY_WINDOW_S = 300
GLOBAL_EVENTS = [EventType.ALERT_RAISED.value, EventType.ALERT_ESCALATED.value]
HEAD_BYTES = 500


class WebhookURLRefused(ValueError):
    pass


def check_signature(secret: str, headers, body: bytes, *, now: float | None = None,
                    tolerance: int = REPLAY_WINDOW_S) -> bool:
    """The receiver's check: a fresh timestamp (within `tolerance` seconds) and a matching HMAC."""
    timestamp = headers.get("X-HaiDang-Timestamp", "")
    signature = headers.get("X-HaiDang-Signature", "")
    try:
        age = abs((time.time() if now is None else now) - int(timestamp))
    except ValueError:
        return False
    if age > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def check_url(url: str) -> str:
    """The fetcher's SSRF guard for a subscription's URL: http(s), and every address the host resolves
    to public (unless the host is in HAIDANG_FETCH_ALLOW). Returns the address to connect to."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise WebhookURLRefused(_("A webhook URL must be http(s)://host/..."))
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        return resolve_checked(parts.hostname, port)
    except (FetchError, ValueError) as exc:
        raise WebhookURLRefused(_("This webhook URL is refused: %(why)s") % {"why": str(exc)[:200]})


# --- the global subscription (HAIDANG_WEBHOOK_URL) ------------------------------------------------


def sync_global_subscription() -> WebhookSubscription | None:
    """The HAIDANG_WEBHOOK_URL setting as one subscription (alert events, no agency). Set by the
    operator in the environment, so trusted like HAIDANG_FETCH_ALLOW: the address guard is not applied."""
    url = getattr(settings, "HAIDANG_WEBHOOK_URL", "") or ""
    secret = getattr(settings, "HAIDANG_WEBHOOK_SECRET", "") or ""
    current = WebhookSubscription.objects.filter(is_global=True).first()
    if not url:
        if current is not None and current.active:
            WebhookSubscription.objects.filter(pk=current.pk).update(active=False)
        return None
    if current is None:
        return WebhookSubscription.objects.create(is_global=True, name="HAIDANG_WEBHOOK_URL", url=url,
                                                  secret=secret, events=GLOBAL_EVENTS)
    if (current.url, current.secret) != (url, secret) or not current.active and current.disabled_at is None:
        current.url, current.secret, current.active = url, secret, True
        current.save(update_fields=["url", "secret", "active"])
    return current


# --- fan-out -------------------------------------------------------------------------------------


def _visible_ids(model_label: str, object_id: str):
    """(model, pk) whose visibility decides who hears about `object_type:object_id`."""
    from haidang.alerts.models import Alert
    from haidang.cases.models import Case
    from haidang.coordination.models import AnswerRevision, Consultation, Meeting
    from haidang.grievances.models import Grievance

    direct = {"alerts.alert": Alert, "cases.case": Case, "coordination.consultation": Consultation,
              "coordination.meeting": Meeting, "grievances.grievance": Grievance}
    if model_label in direct:
        return direct[model_label], object_id
    if model_label == "coordination.answerrevision":
        consultation_id = (AnswerRevision.objects.filter(pk=object_id)
                           .values_list("answer__consultation_id", flat=True).first())
        return Consultation, consultation_id
    return None, None


def may_see(subscription: WebhookSubscription, model, pk) -> bool:
    if subscription.is_global:
        return True
    user = subscription.created_by
    if model is None or pk is None or user is None or not user.is_active or not subscription.agency.active:
        return False
    from .auth import act_for_agency

    act_for_agency(user, subscription.agency)
    return model.objects.restrict(user).filter(pk=pk).exists()


def _payload(event: str, event_id: str, data: dict) -> dict:
    return {"id": event_id, "type": event, "event": event, "sent_at": timezone.now().isoformat(), **data}


def emit(event: str, *, model_label: str, object_id: str, data: dict, event_id: str = "") -> list[int]:
    """Queue one delivery of `event` per active subscription that wants it and may see the object."""
    if event in GLOBAL_EVENTS:
        sync_global_subscription()
    model, pk = _visible_ids(model_label, object_id)
    event_id = event_id or uuid.uuid4().hex
    subscriptions = (WebhookSubscription.objects.filter(active=True).filter(Q(is_global=True) | Q(agency__isnull=False))
                     .select_related("agency", "created_by"))
    created = []
    for subscription in subscriptions:
        if not subscription.wants(event) or not may_see(subscription, model, pk):
            continue
        if WebhookDelivery.objects.filter(subscription=subscription, event_id=event_id,
                                          redelivery_of__isnull=True).exists():
            continue  # a retried fan-out: this one exists (the periodic task sends it if it is stuck)
        delivery = WebhookDelivery.objects.create(subscription=subscription, event=event, event_id=event_id,
                                                  payload=_payload(event, event_id, data))
        created.append(delivery.pk)
    return created


# --- delivery ------------------------------------------------------------------------------------


def _post(subscription: WebhookSubscription, body: bytes, headers: dict, timeout: float) -> httpx.Response:
    url = subscription.url
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        if subscription.is_global:
            return client.post(url, content=body, headers=headers)
        # Connect to the address the guard checked (no second lookup an attacker's DNS could change).
        ip = check_url(url)
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        ip_host = f"[{ip}]" if ":" in ip else ip
        pinned = urlunsplit((parts.scheme, f"{ip_host}:{port}", parts.path or "/", parts.query, ""))
        request = client.build_request("POST", pinned, content=body,
                                       headers={**headers, "Host": parts.netloc.rsplit("@", 1)[-1]},
                                       extensions={"sni_hostname": parts.hostname})
        return client.send(request)


def _claim(delivery_id: int, now: dt.datetime) -> bool:
    """Take the delivery for one attempt; a second worker finds it taken (lease of 10 minutes)."""
    lease = now + dt.timedelta(minutes=10)
    return bool(WebhookDelivery.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        pk=delivery_id, status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING],
    ).update(next_attempt_at=lease))


def attempt(delivery_id: int, *, now: dt.datetime | None = None, timeout: float = 10.0) -> str | None:
    """One attempt; returns the delivery's new status (None when there was nothing to do)."""
    now = now or timezone.now()
    if not _claim(delivery_id, now):
        return None
    delivery = WebhookDelivery.objects.select_related("subscription__agency").get(pk=delivery_id)
    subscription = delivery.subscription
    if not subscription.active:
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            status=DeliveryStatus.FAILED, error=_("The subscription is disabled."), next_attempt_at=None)
        return DeliveryStatus.FAILED
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    timestamp = str(int(time.time()))
    headers = {"Content-Type": "application/json", "User-Agent": settings.HAIDANG_USER_AGENT,
               "X-HaiDang-Event": delivery.event, "X-HaiDang-Delivery": str(delivery.pk),
               "X-HaiDang-Timestamp": timestamp, "X-HaiDang-Signature": sign(subscription.secret, timestamp, body)}
    started = time.monotonic()
    status_code, head, error, retryable = None, "", "", True
    try:
        response = _post(subscription, body, headers, timeout)
        status_code = response.status_code
        head = response.content[:HEAD_BYTES].decode("utf-8", "replace").replace("\x00", "")
        if status_code >= 300:
            error = f"HTTP {status_code}"
            retryable = status_code >= 500 or status_code in (408, 429)
    except WebhookURLRefused as exc:
        error, retryable = str(exc), False
    except httpx.HTTPError as exc:
        error = f"{exc.__class__.__name__}: {exc}"[:300]
    latency = int((time.monotonic() - started) * 1000)
    return _record_outcome(delivery, status_code=status_code, head=head, error=error, retryable=retryable,
                           latency=latency, now=now)


@transaction.atomic
def _record_outcome(delivery, *, status_code, head, error, retryable, latency, now) -> str:
    subscription = WebhookSubscription.objects.select_for_update().get(pk=delivery.subscription_id)
    attempts = delivery.attempts + 1
    fields = {"attempts": attempts, "response_status": status_code, "response_head": head[:HEAD_BYTES],
              "error": error[:300], "latency_ms": latency, "last_attempt_at": now, "next_attempt_at": None}
    if not error:
        fields["status"] = DeliveryStatus.DELIVERED
        subscription.consecutive_failures = 0
        subscription.save(update_fields=["consecutive_failures"])
    else:
        subscription.consecutive_failures += 1
        subscription.save(update_fields=["consecutive_failures"])
        limit = int(settings.HAIDANG_WEBHOOK_DISABLE_AFTER)
        if subscription.active and subscription.consecutive_failures >= limit:
            _disable(subscription, _("%(n)s consecutive failed deliveries; last: %(error)s")
                     % {"n": subscription.consecutive_failures, "error": error[:150]})
        if retryable and subscription.active and attempts < int(settings.HAIDANG_WEBHOOK_ATTEMPTS):
            fields["status"] = DeliveryStatus.RETRYING
            backoff = float(settings.HAIDANG_WEBHOOK_BACKOFF_S) * (2 ** (attempts - 1))
            fields["next_attempt_at"] = now + dt.timedelta(seconds=backoff)
        else:
            fields["status"] = DeliveryStatus.FAILED
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**fields)
    return fields["status"]


def _disable(subscription: WebhookSubscription, reason: str) -> None:
    from haidang.agencies.models import Membership
    from haidang.audit.actions import record
    from haidang.core.notifications import notify

    subscription.active = False
    subscription.disabled_at = timezone.now()
    subscription.disabled_reason = reason[:300]
    subscription.save(update_fields=["active", "disabled_at", "disabled_reason"])
    record("api.webhook_disable", obj=subscription, agency=subscription.agency, changes={"reason": reason})
    if subscription.agency_id is None:
        log.warning("the global webhook (HAIDANG_WEBHOOK_URL) is disabled: %s", reason)
        return
    coordinators = [m.user for m in Membership.objects.filter(
        agency=subscription.agency, role=Membership.Role.COORDINATOR, user__is_active=True).select_related("user")]
    notify(coordinators, verb="api.webhook_disabled", target=subscription, url=reverse("integrations:index"),
           text=_("Webhook “%(name)s” was disabled: %(reason)s") % {"name": subscription.name, "reason": reason})


def due_deliveries(now: dt.datetime | None = None) -> list[int]:
    """Retries whose backoff has passed, and first attempts lost on the way (a queue that lost the task)."""
    now = now or timezone.now()
    retries = Q(status=DeliveryStatus.RETRYING, next_attempt_at__lte=now)
    lost = (Q(status=DeliveryStatus.PENDING, created_at__lte=now - dt.timedelta(minutes=5))
            & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)))
    return list(WebhookDelivery.objects.filter(retries | lost).order_by("created_at", "id")
                .values_list("pk", flat=True)[:500])
