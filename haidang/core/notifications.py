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
from collections.abc import Callable, Iterable

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Notification, NotificationPreference

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
    # Each person may switch off the e-mail of a kind (core.NotificationPreference); the inbox row stays.
    muted = email_muted(users, verb) if email else set()
    target_type = target._meta.label_lower if target is not None else ""
    target_id = str(target.pk) if target is not None else ""
    rows = Notification.objects.bulk_create([
        # NUL is stripped: PostgreSQL text cannot hold it, and no reader needs it.
        Notification(recipient=u, verb=verb, text=str(text).replace("\x00", "")[:500], url=url, target_type=target_type,
                     target_id=target_id, emailed=bool(email and u.email and u.pk not in muted))
        for u in users
    ])
    if email:
        deliveries = [(row.pk, u.email) for row, u in zip(rows, users, strict=True) if row.emailed]
        if deliveries:
            body = _body(text, url)
            subject = clean_subject(text)
            transaction.on_commit(lambda: _send(subject, body, deliveries))
    return rows


def email_muted(users, verb: str) -> set[int]:
    """The ids of those among `users` who switched off e-mail for this kind of notification."""
    return set(NotificationPreference.objects.filter(user_id__in=[u.pk for u in users], verb=verb, email=False)
               .values_list("user_id", flat=True))


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


# --- Notifications that clear themselves ------------------------------------------------------------
# A notification that asks for work ("approve the plan of case X") is done when that work is done, by
# whoever did it. The app that knows the work registers, per verb, a check "is this still to do?";
# after a write touches an object, `refresh_done(obj)` asks the checks of the open notifications
# about it. Informational notifications (no check registered) stay until read.

PendingCheck = Callable[[Notification, object], bool]
_pending_checks: dict[str, PendingCheck] = {}


def register_pending_check(verb: str, check: PendingCheck) -> None:
    """`check(notification, target) -> bool`: True while the task it announced is still to do.
    `verb` is exact ("cases.approval_needed") or a prefix ending in a dot ("grievances.reminder_")."""
    _pending_checks[verb] = check


def pending_check_for(verb: str) -> PendingCheck | None:
    if verb in _pending_checks:
        return _pending_checks[verb]
    for key, check in _pending_checks.items():
        if key.endswith((".", "_")) and verb.startswith(key):
            return check
    return None


def mark_done(rows) -> int:
    """Mark these notifications done (and read: nothing is left to do about them)."""
    now = timezone.now()
    ids = [r.pk for r in rows]
    if not ids:
        return 0
    Notification.objects.filter(pk__in=ids, read_at__isnull=True).update(read_at=now)
    return Notification.objects.filter(pk__in=ids, done_at__isnull=True).update(done_at=now)


def refresh_done(target=None, *, target_type: str = "", target_id: str | int = "") -> int:
    """Re-ask the registered checks of the open notifications about `target`; returns how many were
    marked done. A target that no longer exists leaves nothing to do."""
    if target is not None:
        target_type, target_id = target._meta.label_lower, target.pk
    if not target_type or target_id in ("", None):
        return 0
    rows = [r for r in Notification.objects.filter(target_type=target_type, target_id=str(target_id),
                                                   done_at__isnull=True).select_related("recipient")
            if pending_check_for(r.verb) is not None]
    if not rows:
        return 0
    if target is None:
        model = apps.get_model(target_type)
        target = model._default_manager.filter(pk=target_id).first()
    done = [r for r in rows if target is None or not pending_check_for(r.verb)(r, target)]
    return mark_done(done)


# --- The daily digest of what is still to do ------------------------------------------------------

TASKS_DIGEST_VERB = "core.tasks_digest"
TASKS_DIGEST_LIMIT = 30


def open_tasks(user, limit: int = TASKS_DIGEST_LIMIT) -> list[Notification]:
    """The person's notifications that still announce work to do, checked again now (a task done
    without a write that touched its object is caught here), oldest first."""
    rows = [r for r in Notification.objects.restrict(user).undone().exclude(target_id="").order_by("created_at", "id")
            if pending_check_for(r.verb) is not None][:500]
    by_target: dict[tuple[str, str], object] = {}
    still, done = [], []
    for row in rows:
        key = (row.target_type, row.target_id)
        if key not in by_target:
            try:
                model = apps.get_model(row.target_type)
            except (LookupError, ValueError):
                model = None
            by_target[key] = model._default_manager.filter(pk=row.target_id).first() if model else None
        target = by_target[key]
        (still if target is not None and pending_check_for(row.verb)(row, target) else done).append(row)
    mark_done(done)
    return still[:limit]


def send_task_digests(now: dt.datetime | None = None) -> int:
    """Once a day, to each officer who chose the daily digest: one message listing what still waits
    for them. Nothing is sent to a person with nothing to do. Returns how many were sent."""
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    sent = 0
    for user in get_user_model().objects.filter(is_active=True, officer__digest_enabled=True).order_by("pk"):
        with transaction.atomic():
            # The day's digest row is the claim: a rerun, or a second consumer, finds it and skips.
            if Notification.objects.filter(recipient=user, verb=TASKS_DIGEST_VERB, created_at__gte=start_of_day).exists():
                continue
            tasks = open_tasks(user)
            if not tasks:
                continue
            lines = "\n".join(f"- {t.text}" for t in tasks)
            text = _("Still to do (%(n)s):") % {"n": len(tasks)} + "\n" + lines
            notify([user], verb=TASKS_DIGEST_VERB, text=text, url="/")
            sent += 1
    return sent
