"""Issue #19: a push of one ingest batch is one transaction (one wait for SQLite's write lock), and keeps
its evidence, its audit rows and dedup; a failure part-way leaves no items, only the evidence and why."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError

from haidang.audit.models import AuditEntry
from haidang.content import actions, ingest
from haidang.content.models import Item, Snapshot
from haidang.sources.actions import do_create_source
from haidang.sources.models import Source

RECORDS = [{"id": f"p{i}", "text": f"Bài đẩy số {i} về giá hồ tiêu"} for i in range(3)]


@pytest.fixture
def push_source(personas):
    return do_create_source(name="collector", kind="push", agency=personas.lead)


def _push(source, records, user):
    return actions.do_push_items(records, source=source, body=json.dumps(records).encode(), acting_user=user)


def test_a_small_push_commits_snapshot_items_audit_and_source_time_together(personas, push_source,
                                                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        stats = _push(push_source, RECORDS, personas.alice)
    assert stats.counts()["new"] == 3
    snapshot = Snapshot.objects.get(kind="push")
    assert set(Item.objects.values_list("snapshot_id", flat=True)) == {snapshot.pk}
    batch = AuditEntry.objects.get(action="ingest.batch")
    assert batch.changes["snapshot"] == snapshot.sha256
    assert Source.objects.get(pk=push_source.pk).last_success_at is not None
    assert callbacks, "analysis is queued once the one transaction has committed"
    again = _push(push_source, RECORDS, personas.alice)  # dedup: the same records again
    assert again.counts()["new"] == 0 and Item.objects.count() == 3


def test_a_failure_inside_the_transaction_keeps_the_evidence_and_the_reason_only(personas, push_source, monkeypatch):
    real = ingest._flush

    def flush_then_fail(*args, **kwargs):
        real(*args, **kwargs)  # the items are written...
        raise OperationalError("disk I/O error")  # ...and the transaction then fails

    monkeypatch.setattr(ingest, "_flush", flush_then_fail)
    with pytest.raises(OperationalError):
        _push(push_source, RECORDS, personas.alice)
    assert not Item.objects.exists()
    assert not AuditEntry.objects.filter(action="ingest.batch").exists()
    snapshot = Snapshot.objects.get(kind="push")
    failed = AuditEntry.objects.get(action="ingest.failed")
    assert failed.changes["snapshot"] == snapshot.sha256 and "disk" in failed.changes["error"]
