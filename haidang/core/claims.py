"""Exclusive claims on units of background work, shared by every consumer through the database.

    owner, mine = claim("analysis", item_ids, lease_seconds=600)
    ...do the work for `mine`; in the transaction that stores a part of it: release("analysis", part, owner)

A claim is one `WorkClaim` row per key (unique on kind + key): a second consumer asking for the same
key gets nothing back and leaves it alone. A consumer that dies keeps its rows until the lease
runs out; then the next `claim` takes them over (the catch-up or a retry does the work). Releasing
in the same transaction as the stored result means a key is either done and free, or not done and
still (or again) claimable: no gap and, with the caller checking what is already done after it has
claimed, no duplicate.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone

from .models import WorkClaim

_SQL_CHUNK = 500  # keys per statement (under SQLite's bound-parameter limit)


def _chunks(values: list[int]):
    for start in range(0, len(values), _SQL_CHUNK):
        yield values[start:start + _SQL_CHUNK]


def claim(kind: str, keys, *, lease_seconds: float, now: dt.datetime | None = None) -> tuple[str, list[int]]:
    """Claim `keys` of `kind` for a new owner. Returns (owner, the keys it got, sorted). One short
    transaction: stale claims of these keys are dropped, the free keys are inserted for this owner."""
    now = now or timezone.now()
    owner = uuid.uuid4().hex
    wanted = sorted({int(k) for k in keys})
    mine: list[int] = []
    if not wanted:
        return owner, mine
    with transaction.atomic():
        for part in _chunks(wanted):
            WorkClaim.objects.filter(kind=kind, key__in=part,
                                     claimed_at__lt=now - dt.timedelta(seconds=lease_seconds)).delete()
            # ON CONFLICT DO NOTHING: a key another owner holds stays theirs (on PostgreSQL a concurrent
            # insert of the same key waits for the other transaction, then does nothing).
            WorkClaim.objects.bulk_create(
                [WorkClaim(kind=kind, key=k, owner=owner, claimed_at=now) for k in part], ignore_conflicts=True)
            mine.extend(WorkClaim.objects.filter(kind=kind, key__in=part, owner=owner).values_list("key", flat=True))
    return owner, sorted(mine)


def release(kind: str, keys, owner: str) -> int:
    """Drop `owner`'s claims on `keys` (call it in the transaction that stores their result)."""
    done = 0
    for part in _chunks(sorted({int(k) for k in keys})):
        done += WorkClaim.objects.filter(kind=kind, key__in=part, owner=owner).delete()[0]
    return done


def holders(kind: str, keys) -> dict[int, str]:
    """Who holds which of `keys` now (tests, diagnostics)."""
    out: dict[int, str] = {}
    for part in _chunks(sorted({int(k) for k in keys})):
        out.update(WorkClaim.objects.filter(kind=kind, key__in=part).values_list("key", "owner"))
    return out
