"""A minimal, generic inbox + e-mail for every app.

    from haidang.core.notifications import notify
    notify(users, verb="case.plan_submitted", text=..., url=reverse(...), target=case)

Rows are written inside the caller's transaction; e-mails leave only after it commits
(transaction.on_commit), so a rolled-back action never mails anyone.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification

log = logging.getLogger(__name__)

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
        Notification(recipient=u, verb=verb, text=str(text)[:500], url=url, target_type=target_type,
                     target_id=target_id, emailed=bool(email and u.email))
        for u in users
    ])
    if email:
        addresses = [u.email for u in users if u.email]
        if addresses:
            body = str(text) + (f"\n\n{settings.SITE_URL.rstrip('/')}{url}" if url else "")
            subject = "[Hải Đăng] " + str(text)[:120]
            transaction.on_commit(lambda: _send(subject, body, addresses))
    return rows


def _send(subject: str, body: str, addresses: list[str]) -> None:
    # One message per person: recipients never see each other's addresses.
    for address in addresses:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        except Exception:  # noqa: BLE001 - a mail outage must not undo work already committed
            log.exception("notification e-mail to %s failed", address)


def mark_read(user, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all of them when no ids are given)."""
    qs = Notification.objects.restrict(user).unread()
    if notification_ids is not None:
        qs = qs.filter(pk__in=list(notification_ids))
    return qs.update(read_at=timezone.now())


def unread_count(user) -> int:
    return Notification.objects.restrict(user).unread().count()
