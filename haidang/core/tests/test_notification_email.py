"""Issue #18: an alert e-mail is never lost: subjects are cleaned, failed sends are retried and logged."""

import datetime as dt
import logging

import pytest
from django.core import mail
from django.utils import timezone

from haidang.core import notifications
from haidang.core.models import Notification


@pytest.fixture
def _locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.mark.usefixtures("_locmem")
def test_a_title_with_newlines_and_controls_still_sends_with_a_clean_subject(personas,
                                                                           django_capture_on_commit_callbacks):
    text = "Cảnh báo:\r\nBcc: evil@example.test\n\x00\x1b[31m\u202eđỏ\t" + "dài " * 100
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify([personas.alice], verb="alert.raised", text=text, url="/alerts/1/")
    assert len(mail.outbox) == 1
    subject = mail.outbox[0].subject
    assert "\n" not in subject and "\r" not in subject
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E for c in subject)
    assert subject.startswith("[Hải Đăng] Cảnh báo: Bcc: evil@example.test") and len(subject) <= 140
    assert mail.outbox[0].to == ["alice@example.test"]
    row = Notification.objects.get()
    assert row.email_sent_at is not None and not row.email_error


@pytest.mark.usefixtures("_locmem")
def test_a_failed_send_is_logged_recorded_and_retried(personas, monkeypatch, caplog,
                                                      django_capture_on_commit_callbacks):
    real = notifications.send_mail

    def down(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(notifications, "send_mail", down)
    with caplog.at_level(logging.ERROR, logger="haidang.core.notifications"):
        with django_capture_on_commit_callbacks(execute=True):
            notifications.notify([personas.alice, personas.bob], verb="alert.raised", text="Tin khẩn")
    assert "smtp down" in caplog.text
    rows = list(Notification.objects.order_by("pk"))
    assert all(r.email_sent_at is None and "smtp down" in r.email_error and r.email_attempts == 1 for r in rows)
    assert not mail.outbox

    monkeypatch.setattr(notifications, "send_mail", real)
    assert notifications.retry_failed_emails() == 0  # too soon: the first attempt is still recent
    Notification.objects.update(created_at=timezone.now() - dt.timedelta(minutes=10))
    assert notifications.retry_failed_emails() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.test", "bob@example.test"]
    assert all(r.email_sent_at is not None for r in Notification.objects.all())
    assert notifications.retry_failed_emails() == 0


@pytest.mark.usefixtures("_locmem")
def test_a_send_that_keeps_failing_is_given_up_loudly(personas, monkeypatch, caplog):
    def down(*args, **kwargs):
        raise OSError("no route")

    monkeypatch.setattr(notifications, "send_mail", down)
    notifications.notify([personas.alice], verb="x", text="Tin", email=True)
    Notification.objects.update(created_at=timezone.now() - dt.timedelta(hours=1))
    with caplog.at_level(logging.ERROR, logger="haidang.core.notifications"):
        for _ in range(notifications.EMAIL_MAX_ATTEMPTS + 2):
            notifications.retry_failed_emails()
    row = Notification.objects.get()
    assert row.email_attempts == notifications.EMAIL_MAX_ATTEMPTS and row.email_sent_at is None
    assert "giving up" in caplog.text


def test_the_email_retry_is_a_periodic_task():
    from haidang.alerts.tasks import retry_emails_task

    at = dt.datetime(2026, 3, 5, 8, 0)
    assert sum(retry_emails_task.s().validate_datetime(at.replace(minute=m)) for m in range(60)) >= 4
