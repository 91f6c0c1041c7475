"""The pipeline: updates keep revisions, deletions are evidence, crash safety, the signal, press flag."""

import json

import pytest
from django.db import connection

from haidang.audit.models import AuditEntry
from haidang.content import ingest
from haidang.content.models import Item, ItemRevision
from haidang.content.signals import items_ingested
from haidang.sources.actions import do_update_source

from .helpers import file_source, run_ingest


def records(n, start=0, text="bài"):
    return [{"id": f"r{i}", "text": f"{text} số {i}", "likes": i} for i in range(start, start + n)]


def test_an_edit_keeps_the_previous_version(personas):
    source = file_source(personas)
    ingest.ingest_records(source, [{"id": "1", "text": "Bản gốc", "likes": 1}])
    stats = ingest.ingest_records(source, [{"id": "1", "text": "Bản đã sửa", "likes": 9}])
    assert (stats.new, stats.updated) == (0, 1)
    item = Item.objects.get()
    assert item.text == "Bản đã sửa" and item.likes == 9
    revision = ItemRevision.objects.get()
    assert revision.kind == "edit" and revision.text == "Bản gốc" and revision.data["likes"] == 1


def test_a_deletion_is_recorded_and_the_text_kept(personas):
    source = file_source(personas)
    ingest.ingest_records(source, [{"id": "1", "text": "Sẽ bị xoá"}])
    stats = ingest.ingest_records(source, [{"id": "1", "deleted": True}, {"id": "zz", "deleted": True}])
    assert stats.updated == 1 and stats.rejected == 1
    item = Item.objects.get()
    assert item.deleted_at is not None and item.text == "Sẽ bị xoá"
    assert ItemRevision.objects.get().kind == "delete"


def test_engagement_changes_update_without_a_revision(personas):
    source = file_source(personas)
    ingest.ingest_records(source, [{"id": "1", "text": "x", "shares": 1}])
    assert ingest.ingest_records(source, [{"id": "1", "text": "x", "shares": 50}]).updated == 1
    assert Item.objects.get().shares == 50 and not ItemRevision.objects.exists()


def test_replies_are_linked_to_their_parent(personas):
    source = file_source(personas)
    ingest.ingest_records(source, [{"id": "c1", "text": "trả lời", "parent_id": "p1"},
                                   {"id": "p1", "text": "bài gốc"}])
    assert Item.objects.get(external_id="c1").parent == Item.objects.get(external_id="p1")


def test_press_sources_mark_their_items_as_press(personas):
    source = file_source(personas, is_press=True)
    ingest.ingest_records(source, [{"id": "1", "text": "tin báo chí"}])
    assert Item.objects.get().is_press
    do_update_source(source, is_press=False, acting_user=personas.alice)
    assert not Item.objects.get().is_press


def test_text_folded_allows_accent_insensitive_search(personas):
    source = file_source(personas)
    ingest.ingest_records(source, [{"id": "1", "title": "Đập Lệ Thủy", "text": "Nước sông Kiến Giang"}])
    assert Item.objects.get().text_folded == "dap le thuy nuoc song kien giang"


def test_one_audit_row_per_batch_not_per_item(personas):
    source = file_source(personas)
    before = AuditEntry.objects.count()
    ingest.ingest_records(source, records(25), batch_size=10)
    entries = AuditEntry.objects.filter(action="ingest.batch")
    assert AuditEntry.objects.count() - before == 3 == entries.count()
    assert sum(e.changes["new"] for e in entries) == 25


def test_items_ingested_is_sent_after_each_committed_batch(personas, django_capture_on_commit_callbacks):
    source = file_source(personas)
    received = []

    def receiver(sender, item_ids, **kwargs):
        received.append(sorted(item_ids))

    items_ingested.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            ingest.ingest_records(source, records(5), batch_size=3)
        with django_capture_on_commit_callbacks(execute=True):
            ingest.ingest_records(source, records(5))  # nothing new: no signal
    finally:
        items_ingested.disconnect(receiver)
    assert len(received) == 2
    assert sorted(sum(received, [])) == sorted(Item.objects.values_list("pk", flat=True))


class Crash(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_a_crash_between_batches_then_a_rerun_gives_the_clean_result(personas, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "BATCH_SIZE", 100)
    path = tmp_path / "run.jsonl"
    data = records(250, text="nội dung") + [{"id": "r5", "text": "lặp lại"}, {"text": "thiếu id"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in data), encoding="utf-8")
    real_flush = ingest._flush
    calls = {"n": 0}

    def crashing_flush(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            real_flush(*args, **kwargs)
            raise Crash("killed after the second batch's writes, before its commit")
        return real_flush(*args, **kwargs)

    monkeypatch.setattr(ingest, "_flush", crashing_flush)
    with pytest.raises(Crash):
        run_ingest(str(path), "--source", "crashy")
    assert Item.objects.count() == 100  # the first batch committed, the second rolled back
    monkeypatch.setattr(ingest, "_flush", real_flush)
    code, result, _ = run_ingest(str(path), "--source", "crashy")
    assert code == 0 and result["new"] == 150 and result["rejected"] == 1
    assert Item.objects.count() == 250
    assert sorted(Item.objects.values_list("external_id", flat=True)) == sorted(f"r{i}" for i in range(250))
    assert Item.objects.get(external_id="r5").text == "nội dung số 5"


@pytest.mark.django_db(transaction=True)
def test_a_killed_subprocess_then_a_rerun_gives_the_clean_result(tmp_path):
    """The real thing: SIGKILL a `haidang ingest` mid-run, run it again, compare with a clean run."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    if connection.vendor != "sqlite":
        pytest.skip("the subprocess uses its own SQLite database")
    var = tmp_path / "var"
    env = {**os.environ, "HAIDANG_VAR": str(var), "HAIDANG_TESTING": ""}
    env.pop("DATABASE_URL", None)
    haidang = [sys.executable, "-m", "haidang.cli"]
    subprocess.run([*haidang, "migrate", "-v0"], env=env, check=True, timeout=120)
    subprocess.run([*haidang, "shell", "-c",
                    "from haidang.agencies.actions import do_create_agency;"
                    "do_create_agency(name='Lead', short_name='STTTT', kind='lead')"],
                   env=env, check=True, timeout=60)
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"k{i}", "text": f"bài {i} về Quảng Trị"}) for i in range(15_000)))
    proc = subprocess.Popen([*haidang, "ingest", str(path), "--source", "killed", "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db = var / "haidang.sqlite3"
    deadline = time.monotonic() + 60
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                count = conn.execute("select count(*) from content_item").fetchone()[0]
        except sqlite3.OperationalError:
            count = 0
        if count >= 1000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed; make the file bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    with sqlite3.connect(db) as conn:
        partial = conn.execute("select count(*) from content_item").fetchone()[0]
    assert 0 < partial < 15_000
    done = subprocess.run([*haidang, "ingest", str(path), "--source", "killed", "--json"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["new"] == 15_000 - partial and result["duplicates"] == partial
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select count(*), count(distinct external_id) from content_item").fetchone()
    assert rows == (15_000, 15_000)
