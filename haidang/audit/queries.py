"""Reading and checking the audit chain."""

from __future__ import annotations

from dataclasses import dataclass

from .models import GENESIS_HASH, AuditEntry


@dataclass
class VerifyResult:
    ok: bool
    count: int
    bad_entry_id: int | None = None
    reason: str = ""


def verify_chain(batch_size: int = 5000) -> VerifyResult:
    """Recompute every hash in id order; stop at the first entry that does not match."""
    prev = GENESIS_HASH
    count = 0
    last_id = 0
    while True:
        batch = list(AuditEntry.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not batch:
            return VerifyResult(ok=True, count=count)
        for entry in batch:
            if entry.prev_hash != prev:
                return VerifyResult(False, count, entry.pk, "prev_hash does not match the entry before it")
            if entry.compute_hash() != entry.hash:
                return VerifyResult(False, count, entry.pk, "hash does not match the entry's contents")
            prev = entry.hash
            count += 1
            last_id = entry.pk


def head() -> dict:
    """The chain's head: how many entries, the last one's id and hash (for checkpoints and reports)."""
    last = AuditEntry.objects.order_by("-id").values_list("id", "hash").first()
    if last is None:
        return {"count": 0, "last_id": None, "last_hash": ""}
    return {"count": AuditEntry.objects.filter(id__lte=last[0]).count(), "last_id": last[0], "last_hash": last[1]}


def entries_for(obj):
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by("id")
