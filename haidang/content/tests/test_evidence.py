"""Evidence: WARC snapshots, `haidang snapshot verify`, re-fetching as proof."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from haidang.audit.models import AuditEntry
from haidang.content import evidence
from haidang.content.actions import do_refetch_url
from haidang.content.models import Item, Snapshot

from .helpers import file_source, run_ingest


def test_fetched_responses_are_stored_as_warc_with_headers(personas, loopback, settings):
    loopback.add("/page", headers={"Content-Type": "text/html", "X-Test": "1"}, body="<p>Chứng cứ</p>")
    snapshot = do_refetch_url(loopback.url("/page"), acting_user=personas.alice)
    assert snapshot.status_code == 200 and snapshot.kind == "http"
    path = settings.EVIDENCE_DIR / snapshot.path
    assert path.name == f"{snapshot.sha256}.warc.gz"
    headers, body = evidence.read_payload(snapshot.path)
    assert body == "<p>Chứng cứ</p>".encode() and headers.get("x-test") == "1"
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        types = [r.rec_type for r in ArchiveIterator(fh)]
    assert types == ["request", "response"]


def test_refetch_records_a_removal(personas, loopback):
    source = file_source(personas)
    from haidang.content.ingest import ingest_records

    ingest_records(source, [{"url": loopback.url("/gone"), "text": "bài đã bị gỡ"}])
    item = Item.objects.get()
    snapshot = do_refetch_url(item.url, acting_user=personas.alice, item=item)
    assert snapshot.status_code == 404 and snapshot.item == item
    assert AuditEntry.objects.filter(action="snapshot.refetch", object_id=str(snapshot.pk)).exists()


def test_refetch_of_an_unreachable_address_is_recorded_as_an_error(personas, settings):
    settings.HAIDANG_FETCH_ALLOW = []
    snapshot = do_refetch_url("http://10.0.0.1/post", acting_user=personas.alice)
    assert snapshot.status_code is None and snapshot.kind == "error" and "refused" in snapshot.error


def test_outsiders_cannot_refetch(db):
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied

    nobody = get_user_model().objects.create_user("nobody", password="x" * 12)
    with pytest.raises(PermissionDenied):
        do_refetch_url("http://127.0.0.1/", acting_user=nobody)


def test_imported_files_get_a_snapshot_and_verify_finds_tampering(personas, tmp_path, settings):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "1", "text": "một"}\n', encoding="utf-8")
    run_ingest(str(path))
    snapshot = Snapshot.objects.get()
    assert Item.objects.get().snapshot == snapshot and snapshot.kind == "file"
    out = io.StringIO()
    call_command("snapshot", "verify", stdout=out)
    assert "1 snapshots verified" in out.getvalue()
    stored = settings.EVIDENCE_DIR / snapshot.path
    data = bytearray(stored.read_bytes())
    data[-30] ^= 0xFF
    stored.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="1 of 1 snapshots failed"):
        call_command("snapshot", "verify", stdout=io.StringIO(), stderr=io.StringIO())
    stored.unlink()
    assert evidence.verify_file(snapshot.path, snapshot.sha256, snapshot.payload_sha256).startswith("missing")
