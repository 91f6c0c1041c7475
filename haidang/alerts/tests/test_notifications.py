"""The signed webhook (against a loopback server) and the idempotent daily digest."""

import http.server
import json
import threading

import pytest

from haidang.alerts import webhook
from haidang.alerts.actions import do_send_digests, process_items
from haidang.alerts.models import Alert, DigestSent
from haidang.core.models import Notification

from .helpers import SCAM, item, source


class _Recorder(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), body))
        fail = len(self.server.received) <= self.server.failures
        self.send_response(503 if fail else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_hook():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.received, server.failures = [], 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_webhook_is_signed_and_retried(loopback_hook):
    loopback_hook.failures = 2
    url = f"http://127.0.0.1:{loopback_hook.server_address[1]}/hook"
    attempts = webhook.post_signed(url, "s3cret", {"hello": "thế giới"}, attempts=4, backoff=0.01)
    assert attempts == 3 and len(loopback_hook.received) == 3
    headers, body = loopback_hook.received[-1]
    assert webhook.verify("s3cret", headers["X-HaiDang-Timestamp"], body, headers["X-HaiDang-Signature"])
    assert not webhook.verify("wrong", headers["X-HaiDang-Timestamp"], body, headers["X-HaiDang-Signature"])
    assert json.loads(body) == {"hello": "thế giới"}


def test_webhook_gives_up_after_its_attempts(loopback_hook):
    loopback_hook.failures = 99
    url = f"http://127.0.0.1:{loopback_hook.server_address[1]}/hook"
    with pytest.raises(webhook.WebhookFailed):
        webhook.post_signed(url, "s3cret", {}, attempts=2, backoff=0.01)
    assert len(loopback_hook.received) == 2


def test_raising_an_alert_posts_the_webhook(personas, settings, loopback_hook, django_capture_on_commit_callbacks):
    settings.HAIDANG_WEBHOOK_URL = f"http://127.0.0.1:{loopback_hook.server_address[1]}/hook"
    settings.HAIDANG_WEBHOOK_SECRET = "province-secret"
    with django_capture_on_commit_callbacks(execute=True):
        process_items([item(source(personas), SCAM, category="scam", priority="high").pk])
    headers, body = loopback_hook.received[0]
    payload = json.loads(body)
    assert payload["event"] == "alert.raised" and payload["alert"]["id"] == Alert.objects.get().pk
    assert webhook.verify("province-secret", headers["X-HaiDang-Timestamp"], body, headers["X-HaiDang-Signature"])


def test_daily_digest_is_sent_once(personas, mailoutbox):
    process_items([item(source(personas), SCAM, category="scam", priority="high").pk])
    personas.alice.officer.digest_enabled = True
    personas.alice.officer.save()
    mailoutbox.clear()
    assert do_send_digests() == 1
    assert do_send_digests() == 0  # idempotent: the day is claimed
    assert DigestSent.objects.filter(user=personas.alice).count() == 1
    digest = Notification.objects.get(recipient=personas.alice, verb="alerts.digest")
    assert "1 alerts" in digest.text
    assert not Notification.objects.filter(recipient=personas.charlie, verb="alerts.digest").exists()
