"""A minimal, generic inbox + e-mail for every app.

    from haidang.core.notifications import notify
    notify(users, verb="case.plan_submitted", text=..., url=reverse(...), target=case)

Rows are written inside the caller's transaction; e-mails leave only after it commits
(transaction.on_commit), so a rolled-back action never mails anyone. Each row records its delivery
(`email_sent_at`, `email_attempts`, `email_error`); a failed send is logged and retried by
`retry_failed_emails()` (a periodic task) up to EMAIL_MAX_ATTEMPTS, then given up loudly.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Notification

log = logging.getLogger(__name__)

SUBJECT_PREFIX = "[Hải Đăng] "
SUBJECT_MAX = 120
EMAIL_MAX_ATTEMPTS = 5
# The first attempt runs right after commit; a retry waits so that it never races it.
EMAIL_RETRY_AFTER = dt.timedelta(minutes=2)
_WHITESPACE = re.compile(r"\s+")

# Loading demo data or bulk imports should fill inboxes without mailing anyone.
_email_enabled: contextvars.ContextVar[bool] = contextvars.ContextVar("haidang_notify_email", default=True)


@contextlib.contextmanager
def no_email():
    """Within this block notify() writes inbox rows only."""
    token = _email_enabled.set(False)
    try:
        yield
    finally:
        _email_enabled.reset(token)


def _unique_users(recipients) -> list:
    seen: set[int] = set()
    users = []
    for user in recipients or ():
        if user is None or not getattr(user, "is_active", False) or user.pk in seen:
            continue
        seen.add(user.pk)
        users.append(user)
    return users


def notify(
    recipients: Iterable,
    *,
    verb: str,
    text: str,
    url: str = "",
    target=None,
    email: bool = True,
    exclude=None,
) -> list[Notification]:
    """Put `text` in each recipient's inbox and (after commit) e-mail it to those with an address.

    `exclude` (a user or None) is left out: people are not told about what they just did themselves.
    """
    users = [u for u in _unique_users(recipients) if exclude is None or u.pk != getattr(exclude, "pk", None)]
    if not users:
        return []
    email = email and _email_enabled.get()
    target_type = target._meta.label_lower if target is not None else ""
    target_id = str(target.pk) if target is not None else ""
    rows = Notification.objects.bulk_create([
        # NUL is stripped: PostgreSQL text cannot hold it, and no reader needs it.
        Notification(recipient=u, verb=verb, text=str(text).replace("\x00", "")[:500], url=url, target_type=target_type,
                     target_id=target_id, emailed=bool(email and u.email))
        for u in users
    ])
    if email:
        deliveries = [(row.pk, u.email) for row, u in zip(rows, users, strict=True) if u.email]
        if deliveries:
            body = _body(text, url)
            subject = clean_subject(text)
            transaction.on_commit(lambda: _send(subject, body, deliveries))
    return rows


def clean_subject(text) -> str:
    """One line for a mail header: no line breaks (BadHeaderError), no control or bidi characters,
    bounded. Item titles are hostile input."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in str(text))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cs"))
    text = _WHITESPACE.sub(" ", text).strip()
    if len(text) > SUBJECT_MAX:
        text = text[:SUBJECT_MAX - 1].rstrip() + "…"
    return SUBJECT_PREFIX + text


def _body(text, url: str) -> str:
    return str(text) + (f"\n\n{settings.SITE_URL.rstrip('/')}{url}" if url else "")


def _send(subject: str, body: str, deliveries: list[tuple[int, str]]) -> int:
    # One message per person: recipients never see each other's addresses.
    return sum(_deliver(pk, subject, body, address) for pk, address in deliveries)


def _deliver(pk: int, subject: str, body: str, address: str, *, counted: bool = False) -> bool:
    """`counted`: the attempt was already counted (claimed) by the caller."""
    attempts = {} if counted else {"email_attempts": F("email_attempts") + 1}
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except Exception as exc:  # noqa: BLE001 - a mail outage must not undo work already committed
        log.exception("notification e-mail %s to %s failed (will be retried)", pk, address)
        Notification.objects.filter(pk=pk).update(email_error=f"{exc.__class__.__name__}: {exc}"[:500], **attempts)
        return False
    Notification.objects.filter(pk=pk).update(email_sent_at=timezone.now(), email_error="", **attempts)
    return True


def retry_failed_emails(limit: int = 500) -> int:
    """Send again the e-mails that failed (or whose process died before sending). Returns how many
    went out now. After EMAIL_MAX_ATTEMPTS a message is given up, with an error in the log."""
    cutoff = timezone.now() - EMAIL_RETRY_AFTER
    rows = list(Notification.objects.filter(emailed=True, email_sent_at__isnull=True, created_at__lt=cutoff,
                                            email_attempts__lt=EMAIL_MAX_ATTEMPTS)
                .select_related("recipient").order_by("created_at", "id")[:limit])
    sent = 0
    for row in rows:
        address = row.recipient.email
        if not address or not row.recipient.is_active:
            continue
        # Claim the attempt first: another consumer retrying at the same time skips this row.
        claimed = Notification.objects.filter(pk=row.pk, email_sent_at__isnull=True,
                                              email_attempts=row.email_attempts).update(
            email_attempts=F("email_attempts") + 1)
        if not claimed:
            continue
        if _deliver(row.pk, clean_subject(row.text), _body(row.text, row.url), address, counted=True):
            sent += 1
        elif row.email_attempts + 1 >= EMAIL_MAX_ATTEMPTS:
            log.error("notification e-mail %s to %s: giving up after %d attempts", row.pk, address,
                      EMAIL_MAX_ATTEMPTS)
    return sent


def mark_read(user, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all of them when no ids are given)."""
    qs = Notification.objects.restrict(user).unread()
    if notification_ids is not None:
        qs = qs.filter(pk__in=list(notification_ids))
    return qs.update(read_at=timezone.now())


def unread_count(user) -> int:
    return Notification.objects.restrict(user).unread().count()
