"""Signing and the alert payload of outgoing webhooks.

Delivery lives in haidang.api.webhooks: the HAIDANG_WEBHOOK_URL setting is one subscription there
(alert.raised, alert.escalated), next to each agency's own. `send_alert_webhook` below is the old
direct sender, kept for the `webhook_task` of queues filled before the change.

Each POST carries the JSON body and two headers:

    X-HaiDang-Timestamp: <unix seconds>
    X-HaiDang-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with HAIDANG_WEBHOOK_SECRET>

Receivers recompute the HMAC over the timestamp and the raw body and reject old timestamps
(replays). The payload names the alert, never the items' text or authors.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time

import httpx
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from haidang.text.privacy import mask_personal_data

from .conf import conf

log = logging.getLogger(__name__)


class WebhookFailed(RuntimeError):
    pass


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, timestamp, body), signature or "")


def post_signed(url: str, secret: str, payload: dict, *, attempts: int | None = None,
                backoff: float | None = None, timeout: float | None = None) -> int:
    """POST with retries (exponential backoff) on connection errors and 5xx/429 answers.
    Returns the number of attempts made; raises WebhookFailed when all fail."""
    attempts = int(attempts if attempts is not None else conf("WEBHOOK_ATTEMPTS"))
    backoff = float(backoff if backoff is not None else conf("WEBHOOK_BACKOFF_S"))
    timeout = float(timeout if timeout is not None else conf("WEBHOOK_TIMEOUT_S"))
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    last = ""
    with httpx.Client(timeout=timeout, follow_redirects=False) as client:
        for attempt in range(1, attempts + 1):
            timestamp = str(int(time.time()))
            headers = {"Content-Type": "application/json", "User-Agent": settings.HAIDANG_USER_AGENT,
                       "X-HaiDang-Timestamp": timestamp, "X-HaiDang-Signature": sign(secret, timestamp, body)}
            try:
                response = client.post(url, content=body, headers=headers)
                if response.status_code < 300:
                    return attempt
                last = f"HTTP {response.status_code}"
                if response.status_code < 500 and response.status_code != 429:
                    break  # the receiver refuses it: retrying will not help
            except httpx.HTTPError as exc:
                last = exc.__class__.__name__
            if attempt < attempts:
                time.sleep(backoff * (2 ** (attempt - 1)))
    raise WebhookFailed(f"webhook failed after {attempt} attempts: {last}")


def alert_payload(alert, event: str) -> dict:
    path = reverse("alerts:story", args=[alert.story_id]) if alert.story_id else reverse("alerts:queue")
    return {
        "event": f"alert.{event}",
        "sent_at": timezone.now().isoformat(),
        "alert": {
            "id": alert.pk, "kind": alert.kind, "title": mask_personal_data(alert.title), "priority": alert.priority,
            "category": alert.category, "reasons": alert.reasons, "status": alert.status,
            "agency": alert.agency.short_name if alert.agency_id else None, "items": alert.item_count,
            "story": alert.story_id, "url": settings.SITE_URL.rstrip("/") + path,
        },
    }


def send_alert_webhook(alert_id: int, event: str) -> bool:
    from .models import Alert

    url = getattr(settings, "HAIDANG_WEBHOOK_URL", "")
    if not url:
        return False
    alert = Alert.objects.select_related("agency").filter(pk=alert_id).first()
    if alert is None:
        return False
    post_signed(url, getattr(settings, "HAIDANG_WEBHOOK_SECRET", "") or "", alert_payload(alert, event))
    return True
