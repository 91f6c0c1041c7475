"""Writes for sources: create/update, claiming due sources, and the health columns a fetch leaves.
Collecting from a source (fetch, import, push, re-fetch) is content's: `haidang.content.actions`.

Health columns (last success/error, failures, next due, ETag) are operational state written with
plain UPDATEs and not audited, like Job progress; what was collected is audited per batch.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.audit.actions import record

from . import parsers
from .canonical import canonical_url
from .choices import SourceKind
from .models import Source

EDITABLE_FIELDS = {"name", "kind", "url", "platform", "interval_minutes", "active", "is_press", "credibility",
                   "place_hint", "link_filter"}
MAX_BACKOFF = dt.timedelta(hours=24)
CLAIM_TIMEOUT = dt.timedelta(minutes=30)  # a claim older than this belongs to a dead worker


def require_manager(acting_user, agency) -> None:
    """The owner agency's working roles, or the lead agency's, manage a source. None is the system."""
    if acting_user is None:
        return
    if access.is_lead_member(acting_user, access.WORKING_ROLES):
        return
    access.require_role(acting_user, agency, access.WORKING_ROLES,
                        _("Only the owner agency or the lead agency can manage this source."))


def _validate(source: Source) -> None:
    if source.kind in (SourceKind.FEED, SourceKind.PAGE) and not canonical_url(source.url):
        raise ValidationError({"url": _("Feeds and pages need an http(s) URL.")})
    source.full_clean()


@transaction.atomic
def do_create_source(*, name: str, kind: str, agency, acting_user=None, url: str = "", **fields) -> Source:
    require_manager(acting_user, agency)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown source fields: {sorted(unknown)}")
    source = Source(name=name, kind=kind, agency=agency, url=url, created_by=_person(acting_user), **fields)
    _validate(source)
    source.save()
    record("source.create", actor=acting_user, obj=source, agency=agency,
           changes={"name": name, "kind": kind, "url": url, **{k: str(v) for k, v in fields.items()}})
    return source


@transaction.atomic
def do_update_source(source: Source, *, acting_user=None, **fields) -> Source:
    require_manager(acting_user, source.agency)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown source fields: {sorted(unknown)}")
    before = {k: str(getattr(source, k)) for k in fields}
    for key, value in fields.items():
        setattr(source, key, value)
    if "interval_minutes" in fields or "active" in fields:
        source.next_due_at = timezone.now()
    _validate(source)
    source.save()
    if "is_press" in fields:
        # "Items from a press source are press everywhere": keep the copy on items in step.
        source.items.update(is_press=source.is_press)  # the reverse relation: no import of content
    record("source.update", actor=acting_user, obj=source, agency=source.agency,
           changes={"before": before, "after": {k: str(v) for k, v in fields.items()}})
    return source


# --- scheduling ---------------------------------------------------------------------
def claim_due_sources(now: dt.datetime | None = None, limit: int = 50) -> list[int]:
    """Claim due feed/page sources for this worker. Two consumers never claim the same source."""
    now = now or timezone.now()
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    claimed = []
    for pk in Source.objects.due(now).filter(free).order_by("next_due_at").values_list("pk", flat=True)[:limit]:
        if Source.objects.due(now).filter(free, pk=pk).update(claimed_at=now) != 1:
            continue  # Nothing got updated: another worker got there first.
        claimed.append(pk)
    return claimed


def backoff_delay(source: Source, failures: int) -> dt.timedelta:
    base = dt.timedelta(minutes=source.interval_minutes)
    return min(base * (2 ** min(failures, 10)), max(MAX_BACKOFF, base))


def mark_fetch_success(source: Source, *, etag: str = "", last_modified: str = "", job=None) -> None:
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        last_fetch_at=now, last_success_at=now, consecutive_failures=0, claimed_at=None,
        next_due_at=now + dt.timedelta(minutes=source.interval_minutes),
        etag=etag[:500], last_modified=last_modified[:100], last_job=job,
    )


def mark_fetch_failure(source: Source, error: str, *, job=None) -> None:
    now = timezone.now()
    failures = source.consecutive_failures + 1
    Source.objects.filter(pk=source.pk).update(
        last_fetch_at=now, last_error_at=now, last_error=error[:2000], consecutive_failures=failures,
        claimed_at=None, next_due_at=now + backoff_delay(source, failures), last_job=job,
    )


# --- imports (CLI), push (API) --------------------------------------------------------
def resolve_source(name: str | None, *, target: str, acting_user=None) -> Source:
    """The named source, or one created for this file/URL, owned by the lead agency."""
    is_url = target.startswith(("http://", "https://"))
    if not name:
        name = (f"import: {target}" if is_url else f"import: {Path(target).name}")[:200]
    source = Source.objects.filter(name=name).first()
    if source is not None:
        return source
    from haidang.agencies.models import Agency

    agency = access.lead_agency() or Agency.objects.filter(active=True).order_by("pk").first()
    if agency is None:
        raise parsers.Unreadable("no agency exists yet: run `haidang demo` or create an agency first")
    return do_create_source(name=name, kind=SourceKind.FEED if is_url else SourceKind.FILE, agency=agency,
                            url=target if is_url else "", active=False, acting_user=acting_user)


def push_source_for(token) -> Source:
    """The default push source of an API token: one per token, owned by the token's agency."""
    name = f"push: {token.agency.short_name} / {token.name}"[:200]
    source = Source.objects.filter(name=name).first()
    if source is not None:
        return source
    try:
        # A savepoint: two first pushes of one token may race to create it; the loser reads the winner's.
        with transaction.atomic():
            return do_create_source(name=name, kind=SourceKind.PUSH, agency=token.agency, platform="other",
                                    acting_user=None)
    except (IntegrityError, ValidationError):
        source = Source.objects.filter(name=name).first()
        if source is None:
            raise
        return source


def _person(user):
    return user if (user is not None and getattr(user, "is_authenticated", False)) else None
