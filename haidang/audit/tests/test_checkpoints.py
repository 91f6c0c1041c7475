"""Issue #18 item 15: signed checkpoints of the chain head make tail truncation (and a re-chained rewrite)
detectable; the key lives outside the database."""

import json
import os
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from haidang.audit import checkpoints
from haidang.audit.actions import record
from haidang.audit.models import AuditEntry, compute_entry_hash
from haidang.audit.queries import head, verify_chain


@pytest.fixture(autouse=True)
def _key_and_folder(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("HAIDANG_AUDIT_KEY", raising=False)
    settings.HAIDANG_AUDIT_KEY = ""
    settings.HAIDANG_AUDIT_KEY_FILE = tmp_path / "audit_key"
    settings.HAIDANG_AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"


def _log(n=5):
    for i in range(n):
        record("test.event", changes={"i": i})


@pytest.mark.django_db
def test_head_gives_count_and_last_hash():
    assert head() == {"count": 0, "last_id": None, "last_hash": ""}
    _log(3)
    last = AuditEntry.objects.order_by("-id").first()
    assert head() == {"count": 3, "last_id": last.pk, "last_hash": last.hash}


@pytest.mark.django_db
def test_checkpoint_command_writes_a_signed_file_and_verify_accepts_it(settings, capsys):
    _log()
    call_command("audit", "checkpoint")
    path = capsys.readouterr().out.split()[-1]
    data = json.loads(open(path).read())
    assert data["count"] == 5 and data["last_hash"] == AuditEntry.objects.get(pk=data["last_id"]).hash
    assert data["mac"] and os.path.dirname(path) == str(settings.HAIDANG_AUDIT_CHECKPOINT_DIR)
    # Writing the checkpoint is itself on record, after the entries it covers.
    assert AuditEntry.objects.order_by("-id").first().action == "audit.checkpoint"
    _log(2)  # later entries are fine
    call_command("audit", "verify", "--checkpoint", path)
    assert "checkpoint ok" in capsys.readouterr().out


@pytest.mark.django_db
def test_tail_truncation_is_caught_by_the_checkpoint_only(tmp_path):
    _log()
    path = checkpoints.write_checkpoint(tmp_path / "cp.json")
    last_two = list(AuditEntry.objects.order_by("-id").values_list("pk", flat=True)[:3])
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM audit_auditentry WHERE id IN ({','.join(map(str, last_two))})")
    assert verify_chain().ok  # the chain alone cannot see a shortened tail
    with pytest.raises(CommandError, match="checkpoint"):
        call_command("audit", "verify", "--checkpoint", str(path))


@pytest.mark.django_db
def test_a_rewritten_and_rechained_log_is_caught(tmp_path):
    _log()
    path = checkpoints.write_checkpoint(tmp_path / "cp.json")
    prev = None
    with connection.cursor() as cur:
        for entry in AuditEntry.objects.order_by("id"):
            if entry.action == "test.event" and entry.changes == {"i": 1}:
                entry.changes = {"i": 99}
            if prev is not None:
                entry.prev_hash = prev
            new_hash = compute_entry_hash(entry.canonical_payload(), entry.prev_hash)
            cur.execute("UPDATE audit_auditentry SET changes = %s, prev_hash = %s, hash = %s WHERE id = %s",
                        [json.dumps(entry.changes), entry.prev_hash, new_hash, entry.pk])
            prev = new_hash
    assert verify_chain().ok
    result = checkpoints.verify_checkpoint(json.loads(path.read_text()))
    assert not result.ok and "hash" in result.reason


@pytest.mark.django_db
def test_a_forged_checkpoint_is_refused(tmp_path):
    _log()
    path = checkpoints.write_checkpoint(tmp_path / "cp.json")
    data = json.loads(path.read_text())
    data["count"] = 2
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="signature"):
        call_command("audit", "verify", "--checkpoint", str(path))


@pytest.mark.django_db
def test_the_key_is_generated_once_outside_the_database_or_taken_from_the_environment(settings, monkeypatch):
    key = checkpoints.checkpoint_key()
    key_file = settings.HAIDANG_AUDIT_KEY_FILE
    assert key_file.exists() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert checkpoints.checkpoint_key() == key
    settings.HAIDANG_AUDIT_KEY = "from-the-environment"
    assert checkpoints.checkpoint_key() == b"from-the-environment"


@pytest.mark.django_db
def test_the_daily_task_writes_a_checkpoint(settings):
    from haidang.audit import tasks

    _log()
    path = tasks.daily_audit_checkpoint.call_local()
    assert checkpoints.verify_checkpoint(json.loads(open(path).read())).ok
    assert list(settings.HAIDANG_AUDIT_CHECKPOINT_DIR.iterdir())
