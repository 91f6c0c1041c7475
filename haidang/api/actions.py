"""The api domain's writes: agency tokens with scopes and expiry, webhook subscriptions, redelivery.
Only an agency's coordinator (or an admin) does these; each leaves an audit entry."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.agencies.actions import do_revoke_api_token
from haidang.agencies.models import ApiToken
from haidang.audit.actions import record

from .models import EventType, WebhookDelivery, WebhookSubscription
from .webhooks import WebhookURLRefused, check_url

SCOPES = [key for key, _label in ApiToken.SCOPES]
MAX_TOKEN_DAYS = 366


def require_coordinator(user, agency) -> None:
    access.require_role(user, agency, ("coordinator",),
                        _("Only the agency's coordinator manages its API tokens and webhooks."))


@transaction.atomic
def do_issue_token(*, name: str, agency, scopes: list[str], days: int, acting_user) -> tuple[ApiToken, str]:
    """A token for `agency`, acting as the coordinator who issues it (with that person's role there).
    Returns the row and the raw key, shown once and never stored (only its SHA-256)."""
    require_coordinator(acting_user, agency)
    scopes = sorted(set(scopes))
    if not scopes or set(scopes) - set(SCOPES):
        raise ValidationError(_("Choose at least one scope among read, push and act."))
    if not 1 <= int(days) <= MAX_TOKEN_DAYS:
        raise ValidationError(_("A token lives between 1 and %(n)s days.") % {"n": MAX_TOKEN_DAYS})
    raw = ApiToken.generate_key()
    token = ApiToken.objects.create(name=name.strip()[:100] or "token", agency=agency, user=acting_user,
                                    key_hash=ApiToken.hash_key(raw), prefix=raw[3:9], scopes=scopes,
                                    expires_at=timezone.now() + dt.timedelta(days=int(days)))
    record("api_token.issue", actor=acting_user, obj=token, agency=agency,
           changes={"name": token.name, "scopes": scopes, "expires_at": token.expires_at})
    return token, raw


def do_revoke_token(token: ApiToken, *, acting_user) -> None:
    do_revoke_api_token(token, acting_user=acting_user)


def _clean_events(events) -> list[str]:
    known = set(EventType.values)
    events = sorted(set(events or []))
    if not events or set(events) - known:
        raise ValidationError(_("Choose at least one event type."))
    return events


@transaction.atomic
def do_create_subscription(*, agency, name: str, url: str, events, acting_user) -> tuple[WebhookSubscription, str]:
    """Returns the subscription and its signing secret (shown once on the screen; kept for signing)."""
    require_coordinator(acting_user, agency)
    try:
        check_url(url)
    except WebhookURLRefused as exc:
        raise ValidationError(str(exc))
    secret = "whsec_" + secrets.token_urlsafe(32)
    subscription = WebhookSubscription.objects.create(
        agency=agency, name=name.strip()[:100] or url[:100], url=url, secret=secret, events=_clean_events(events),
        created_by=acting_user)
    record("api.webhook_create", actor=acting_user, obj=subscription, agency=agency,
           changes={"url": url, "events": subscription.events})
    return subscription, secret


@transaction.atomic
def do_set_subscription_active(subscription: WebhookSubscription, active: bool, *, acting_user) -> None:
    if subscription.is_global:
        raise PermissionDenied(_("The global webhook is set in the server's settings."))
    require_coordinator(acting_user, subscription.agency)
    subscription.active = active
    fields = ["active"]
    if active:
        # Enabled again by a person: the failures before no longer count.
        subscription.consecutive_failures, subscription.disabled_at, subscription.disabled_reason = 0, None, ""
        fields += ["consecutive_failures", "disabled_at", "disabled_reason"]
    subscription.save(update_fields=fields)
    record("api.webhook_enable" if active else "api.webhook_pause", actor=acting_user, obj=subscription,
           agency=subscription.agency)


@transaction.atomic
def do_delete_subscription(subscription: WebhookSubscription, *, acting_user) -> None:
    if subscription.is_global:
        raise PermissionDenied(_("The global webhook is set in the server's settings."))
    require_coordinator(acting_user, subscription.agency)
    record("api.webhook_delete", actor=acting_user, obj=subscription, agency=subscription.agency,
           changes={"url": subscription.url})
    subscription.delete()


def do_redeliver(delivery: WebhookDelivery, *, acting_user) -> WebhookDelivery:
    """Send the same event again, as a new delivery (a fresh timestamp and signature)."""
    subscription = delivery.subscription
    require_coordinator(acting_user, subscription.agency)
    if not subscription.active:
        raise ValidationError(_("Enable the webhook first."))
    with transaction.atomic():
        again = WebhookDelivery.objects.create(subscription=subscription, event=delivery.event,
                                               event_id=delivery.event_id, payload=delivery.payload,
                                               redelivery_of=delivery)
        record("api.webhook_redeliver", actor=acting_user, obj=again, agency=subscription.agency,
               changes={"of": delivery.pk})
    from .tasks import deliver_webhook_task

    transaction.on_commit(lambda: deliver_webhook_task(again.pk))
    return again
