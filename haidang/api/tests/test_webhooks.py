"""Outgoing webhooks against a loopback receiver that runs the check docs/api.md documents."""

import datetime as dt
import http.server
import json
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haidang.api import actions, webhooks
from haidang.api.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from haidang.cases import actions as case_actions
from haidang.core.models import Notification

SECRET_OF = {}


class _Receiver(http.server.BaseHTTPRequestHandler):
    """Answers 500 for the first `failures` requests; otherwise 200 if the signature check passes,
    401 if not (the receiver's side of the contract)."""

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        headers = {k: v for k, v in self.headers.items()}
        server = self.server
        server.received.append((headers, body))
        if len(server.received) <= server.failures:
            code = 500
        else:
            ok = webhooks.check_signature(server.secret, headers, body, now=time.time() + server.clock_skew)
            server.verdicts.append(ok)
            code = 200 if ok else 401
        self.send_response(code)
        answer = b'{"ok": true}' if code == 200 else b"refused"
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    server.received, server.verdicts, server.failures, server.secret, server.clock_skew = [], [], 0, "", 0
    server.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    # Loopback is refused like any private address unless the operator allows the host.
    settings.HAIDANG_FETCH_ALLOW = ["127.0.0.1"]
    settings.HAIDANG_WEBHOOK_BACKOFF_S = 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def subscribe(personas, receiver, events=("case.state_changed",)):
    subscription, secret = actions.do_create_subscription(agency=personas.lead, name="ticketing", url=receiver.url,
                                                          events=list(events), acting_user=personas.alice)
    receiver.secret = secret
    return subscription


def transition(personas, case, capture):
    with capture(execute=True):
        case_actions.do_dismiss_case(case, acting_user=personas.alice, reason="duplicate")


def test_a_delivery_reaches_the_receiver_and_its_signature_check_passes(
        personas, world, receiver, django_capture_on_commit_callbacks):
    subscription = subscribe(personas, receiver)
    transition(personas, world.normal, django_capture_on_commit_callbacks)
    assert receiver.verdicts == [True]
    headers, body = receiver.received[0]
    payload = json.loads(body)
    assert headers["X-HaiDang-Event"] == "case.state_changed" and payload["type"] == "case.state_changed"
    assert payload["object"] == {"type": "cases.case", "id": str(world.normal.pk),
                                 "api_url": f"http://127.0.0.1:8000/api/v1/cases/{world.normal.pk}/"}
    assert payload["changes"]["to"] == "dismissed"
    assert "duplicate" not in body.decode()  # free text stays behind the API's access check
    delivery = WebhookDelivery.objects.get(subscription=subscription)
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.response_status == 200
    assert delivery.latency_ms is not None and delivery.response_head == '{"ok": true}'


def test_only_agencies_that_may_see_the_object_hear_of_it(personas, world, receiver, django_capture_on_commit_callbacks):
    # The "other" agency (charlie's) takes no part in the case: its subscription hears nothing.
    WebhookSubscription.objects.create(agency=personas.other, name="other", url=receiver.url, secret="s",
                                       events=["case.state_changed"], created_by=personas.charlie)
    transition(personas, world.confidential, django_capture_on_commit_callbacks)
    assert not WebhookDelivery.objects.exists() and not receiver.received


def test_a_500_is_retried_with_backoff_and_then_delivered(personas, world, receiver, django_capture_on_commit_callbacks):
    receiver.failures = 1
    subscribe(personas, receiver)
    transition(personas, world.normal, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING and delivery.response_status == 500
    assert delivery.next_attempt_at > timezone.now()
    assert webhooks.due_deliveries() == []  # not before its backoff
    later = timezone.now() + dt.timedelta(seconds=2)
    assert webhooks.due_deliveries(later) == [delivery.pk]
    assert webhooks.attempt(delivery.pk, now=later) == DeliveryStatus.DELIVERED
    delivery.refresh_from_db()
    assert delivery.attempts == 2 and len(receiver.received) == 2 and receiver.verdicts == [True]
    assert delivery.subscription.consecutive_failures == 0


def test_a_replayed_delivery_is_refused_by_the_documented_check(
        personas, world, receiver, django_capture_on_commit_callbacks):
    subscribe(personas, receiver)
    transition(personas, world.normal, django_capture_on_commit_callbacks)
    headers, body = receiver.received[0]
    # The same bytes sent again six minutes later (the receiver's clock has moved on).
    receiver.clock_skew = 6 * 60
    import httpx

    replay = httpx.post(receiver.url, content=body, headers={k: v for k, v in headers.items()
                                                             if k.lower().startswith(("x-haidang", "content-type"))})
    assert replay.status_code == 401 and receiver.verdicts == [True, False]
    stamp = int(headers["X-HaiDang-Timestamp"])
    assert webhooks.check_signature(receiver.secret, headers, body, now=stamp + 299)
    assert not webhooks.check_signature(receiver.secret, headers, body, now=stamp + 301)
    assert not webhooks.check_signature("wrong", headers, body, now=stamp)
    assert not webhooks.check_signature(receiver.secret, headers, body + b" ", now=stamp)


def test_a_subscription_is_disabled_after_n_failures_and_the_coordinator_told(
        personas, world, receiver, settings, django_capture_on_commit_callbacks):
    settings.HAIDANG_WEBHOOK_DISABLE_AFTER = 3
    settings.HAIDANG_WEBHOOK_ATTEMPTS = 1
    receiver.failures = 99
    subscription = subscribe(personas, receiver)
    for case in (world.normal, world.internal, world.confidential):
        transition(personas, case, django_capture_on_commit_callbacks)
    subscription.refresh_from_db()
    assert not subscription.active and subscription.consecutive_failures == 3
    assert "HTTP 500" in subscription.disabled_reason
    assert list(WebhookDelivery.objects.values_list("status", flat=True)) == [DeliveryStatus.FAILED] * 3
    notice = Notification.objects.get(verb="api.webhook_disabled")
    assert notice.recipient == personas.alice and "ticketing" in notice.text
    # A disabled subscription hears nothing more until a coordinator enables it again.
    receiver.failures = 0
    with django_capture_on_commit_callbacks(execute=True):
        case_actions.do_reopen_case(world.normal, acting_user=personas.lena, reason="new facts")
    assert WebhookDelivery.objects.count() == 3
    actions.do_set_subscription_active(subscription, True, acting_user=personas.alice)
    subscription.refresh_from_db()
    assert subscription.active and subscription.consecutive_failures == 0


@pytest.mark.parametrize("url", ["http://10.0.0.5/hook", "http://127.0.0.1:9/hook", "http://[::1]/hook",
                                 "http://169.254.169.254/latest/meta-data", "ftp://example.com/hook"])
def test_a_webhook_url_at_a_private_address_is_refused(personas, url):
    with pytest.raises(ValidationError):
        actions.do_create_subscription(agency=personas.lead, name="x", url=url, events=["alert.raised"],
                                       acting_user=personas.alice)
    assert not WebhookSubscription.objects.exists()


def test_the_guard_runs_again_at_delivery(personas, world, receiver, settings, django_capture_on_commit_callbacks):
    subscribe(personas, receiver)
    settings.HAIDANG_FETCH_ALLOW = []  # e.g. the name now resolves to a private address
    transition(personas, world.normal, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED and "refused" in delivery.error and not receiver.received


def test_the_screen_adds_a_webhook_shows_its_log_and_redelivers(
        personas, world, receiver, django_capture_on_commit_callbacks):
    screen = personas.client_for(personas.alice)
    prefix = f"w{personas.lead.pk}"
    refused = screen.post(f"/integrations/agencies/{personas.lead.pk}/webhooks/",
                          {f"{prefix}-name": "bad", f"{prefix}-url": "http://10.1.2.3/x",
                           f"{prefix}-events": ["case.state_changed"]}, follow=True)
    assert "refused" in refused.content.decode() and not WebhookSubscription.objects.exists()
    page = screen.post(f"/integrations/agencies/{personas.lead.pk}/webhooks/",
                       {f"{prefix}-name": "ticketing", f"{prefix}-url": receiver.url,
                        f"{prefix}-events": ["case.state_changed"]})
    receiver.secret = page.context["shown"]["value"]
    subscription = WebhookSubscription.objects.get()
    assert subscription.secret == receiver.secret
    transition(personas, world.normal, django_capture_on_commit_callbacks)
    log = screen.get(f"/integrations/webhooks/{subscription.pk}/")
    assert log.status_code == 200 and log.content.decode().count('data-testid="delivery"') == 1
    first = WebhookDelivery.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        screen.post(f"/integrations/deliveries/{first.pk}/redeliver/")
    again = WebhookDelivery.objects.exclude(pk=first.pk).get()
    assert again.redelivery_of == first and again.status == DeliveryStatus.DELIVERED
    assert receiver.verdicts == [True, True]
    # Other agencies' coordinators do not see it.
    assert personas.client_for(personas.bob).get(f"/integrations/webhooks/{subscription.pk}/").status_code == 404


def test_the_global_webhook_setting_is_one_subscription(personas, settings):
    settings.HAIDANG_WEBHOOK_URL = "http://127.0.0.1:9/hook"
    settings.HAIDANG_WEBHOOK_SECRET = "province"
    subscription = webhooks.sync_global_subscription()
    assert subscription.is_global and subscription.events == ["alert.raised", "alert.escalated"]
    assert webhooks.sync_global_subscription().pk == subscription.pk
    settings.HAIDANG_WEBHOOK_URL = ""
    webhooks.sync_global_subscription()
    assert not WebhookSubscription.objects.get(pk=subscription.pk).active


def test_a_raised_alert_reaches_the_agencies_that_see_it(personas, receiver, django_capture_on_commit_callbacks):
    from haidang.alerts.actions import process_items
    from haidang.alerts.models import Alert
    from haidang.alerts.tests.helpers import SCAM, item, source

    lead = subscribe(personas, receiver, events=["alert.raised", "alert.routed"])
    other = WebhookSubscription.objects.create(agency=personas.other, name="other", url=receiver.url, secret="s",
                                               events=["alert.raised"], created_by=personas.charlie)
    with django_capture_on_commit_callbacks(execute=True):
        process_items([item(source(personas), SCAM, category="scam", priority="high").pk])
    alert = Alert.objects.get()
    events = sorted(WebhookDelivery.objects.filter(subscription=lead).values_list("event", flat=True))
    assert events == (["alert.raised", "alert.routed"] if alert.agency_id else ["alert.raised"])
    assert not WebhookDelivery.objects.filter(subscription=other).exists()
    body = json.loads(receiver.received[0][1])
    assert body["alert"]["id"] == alert.pk and body["id"].endswith(body["type"])
    assert all(receiver.verdicts)


def test_a_repeated_fan_out_makes_no_second_delivery_and_lost_ones_are_caught_up(
        personas, world, receiver, django_capture_on_commit_callbacks, monkeypatch):
    from haidang.api import tasks
    from haidang.audit.models import AuditEntry

    subscribe(personas, receiver)
    monkeypatch.setattr(tasks, "deliver_webhook_task", lambda delivery_id: None)  # the queue loses the task
    transition(personas, world.normal, django_capture_on_commit_callbacks)
    entry = AuditEntry.objects.filter(action="case.transition").latest("id")
    assert tasks.fan_out(entry.pk) == []  # a retried fan-out: already there
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING and not receiver.received
    later = timezone.now() + dt.timedelta(minutes=6)
    assert webhooks.due_deliveries(later) == [delivery.pk]
    assert webhooks.attempt(delivery.pk, now=later) == DeliveryStatus.DELIVERED and receiver.verdicts == [True]
