"""Signed checkpoints of the audit chain's head: evidence against truncating its tail.

The hash chain shows any change or removal *inside* the log, but not the removal of its last entries,
nor a log rewritten and re-chained from the first changed entry on. A checkpoint records the head
(count, last id, last hash) signed with HMAC-SHA256 under a key kept outside the database
(`HAIDANG_AUDIT_KEY`, else a file generated once, `HAIDANG_AUDIT_KEY_FILE`). Copies kept elsewhere
(e-mailed, on another machine) prove later that the entries up to that point existed, unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .actions import record
from .models import AuditEntry, canonical_json
from .queries import VerifyResult, head, verify_chain

VERSION = 1


def checkpoint_key() -> bytes:
    """The signing key: the setting (from the environment), else the key file, made once (0600)."""
    given = getattr(settings, "HAIDANG_AUDIT_KEY", "")
    if given:
        return given.encode()
    key_file = Path(settings.HAIDANG_AUDIT_KEY_FILE)
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting together must not write two keys.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
        except FileExistsError:
            pass
    return key_file.read_text().strip().encode()


def _mac(body: dict) -> str:
    return hmac.new(checkpoint_key(), canonical_json(body).encode(), hashlib.sha256).hexdigest()


def make_checkpoint() -> dict:
    """The signed head of the chain now."""
    body = {"version": VERSION, **head(), "created_at": timezone.now().isoformat(timespec="seconds")}
    return {**body, "mac": _mac(body)}


def write_checkpoint(path: Path | str | None = None, *, actor=None, scheduled: bool = False) -> Path:
    """Write a checkpoint file (by default into HAIDANG_AUDIT_CHECKPOINT_DIR) and put it on record."""
    data = make_checkpoint()
    if path is None:
        folder = Path(settings.HAIDANG_AUDIT_CHECKPOINT_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%S%fZ")
        path = folder / f"audit-checkpoint-{stamp}-{data['count']}.json"
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    os.replace(tmp, path)  # a reader never sees half a file
    # After the entries it covers, so the log itself says when checkpoints were taken.
    record("audit.checkpoint", actor=actor, object_type="audit.checkpoint", object_id=data["last_id"] or "",
           changes={"count": data["count"], "last_hash": data["last_hash"], "file": path.name,
                    "scheduled": scheduled})
    return path


def scheduled_checkpoint(now=None) -> Path | None:
    """The daily checkpoint, once a day however many consumers schedule it (a second one is harmless)."""
    now = now or timezone.now()
    recent = AuditEntry.objects.filter(action="audit.checkpoint", changes__scheduled=True,
                                       created_at__gte=now - dt.timedelta(hours=12))
    if recent.exists():
        return None
    return write_checkpoint(scheduled=True)


def verify_checkpoint(data: dict) -> VerifyResult:
    """The chain is intact and still holds, unchanged, every entry the checkpoint covers."""
    body = {k: v for k, v in data.items() if k != "mac"}
    if not hmac.compare_digest(str(data.get("mac", "")), _mac(body)):
        return VerifyResult(False, 0, None, "the checkpoint's signature does not match (forged, or another key)")
    chain = verify_chain()
    if not chain.ok:
        return chain
    count, last_id, last_hash = data.get("count", 0), data.get("last_id"), data.get("last_hash", "")
    if not count:
        return VerifyResult(True, chain.count)
    entry = AuditEntry.objects.filter(pk=last_id).values_list("hash", flat=True).first()
    if entry is None:
        return VerifyResult(False, chain.count, last_id,
                            f"entry #{last_id}, the checkpoint's last, is missing: the log was truncated")
    if entry != last_hash:
        return VerifyResult(False, chain.count, last_id,
                            f"entry #{last_id} has another hash than at the checkpoint: the log was rewritten")
    held = AuditEntry.objects.filter(pk__lte=last_id).count()
    if held != count:
        return VerifyResult(False, chain.count, last_id,
                            f"{held} entries up to #{last_id}, the checkpoint counted {count}")
    return VerifyResult(True, chain.count)
