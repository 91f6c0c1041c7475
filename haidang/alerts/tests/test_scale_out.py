"""Issue #19: several consumers, one near-duplicate index.

- The vectorised MinHash equals datasketch's own computation.
- The Redis index (datasketch's layout, written and read in batches) answers like the in-process one,
  and story assignment with it gives the same stories.
- Each item is claimed once: a worker that computed signatures while another worker assigned the same
  items skips them under the lock; two processes assigning the same chunk at once do not double-count.
"""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from django.db import connection

from haidang.alerts import actions, textsig
from haidang.alerts.actions import do_assign_items, process_items
from haidang.alerts.lsh import StoryIndex
from haidang.alerts.models import Story, StoryItem, VolumeCount

from .helpers import HEALTH, OTHER, SCAM, WARD, item, repost, source

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """CI's Redis (REDIS_URL), else a throw-away redis-server on a loopback port."""
    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        yield url
        return
    binary = shutil.which("redis-server")
    if not binary:
        pytest.skip("no REDIS_URL and no redis-server binary")
    port = _free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path_factory.mktemp("redis"))], stdout=subprocess.DEVNULL)
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


def _related_signatures(n=400, seed=11):
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 2**32 - 1, size=(30, 128), dtype=np.uint64)
    noise = rng.integers(0, 2**32 - 1, size=(n, 128), dtype=np.uint64)
    keep = rng.random((n, 128)) < rng.uniform(0.3, 1.0, size=(n, 1))
    return np.where(keep, base[rng.integers(0, len(base), size=n)], noise)


def test_vectorised_minhash_equals_datasketch():
    from datasketch import MinHash

    rng = np.random.default_rng(2)
    # Empty, tiny, typical and one set longer than a work block (it gets a block of its own).
    sets = [np.zeros(0, np.uint32), np.array([7], np.uint32),
            *[np.unique(rng.integers(0, 2**32, size=k, dtype=np.uint64)).astype(np.uint32)
              for k in (3, 40, 150, textsig._BLOCK_ROWS + 500, 64)]]
    got = textsig.minhash_matrix(sets, 128)
    for values, hashes in zip(got, sets, strict=True):
        expected = textsig._minhash(num_perm=128, hashfunc=lambda b: int.from_bytes(b, "little"))
        if hashes.size:
            expected.update_batch([int(h).to_bytes(4, "little") for h in hashes])
        assert np.array_equal(values, expected.hashvalues)
        assert np.array_equal(values, textsig.minhash_values(hashes, 128))
    assert isinstance(expected, MinHash)


def test_redis_index_answers_like_the_in_process_index_and_datasketch(redis_url):
    sigs = _related_signatures()
    shared = StoryIndex(redis_url=redis_url, basename="haidang-test:scale-out-index")
    local = StoryIndex(redis_url=None)
    shared.clear()
    try:
        entries = list(zip(range(1, 301), sigs[:300], strict=True))
        shared.insert_many(entries[:150])
        wait = shared.insert_many_started(entries[150:])  # sent now, its reply read by wait()
        wait()
        local.insert_many(entries)
        queries = sigs[250:]
        assert shared.query_many(queries) == local.query_many(queries)
        # Written in datasketch's own layout: its MinHashLSH reads the same candidates back.
        assert [shared.query(q) for q in queries[:40]] == shared.query_many(queries[:40])
        assert len(shared) == len(local) == 300
        assert any(len(c) > 1 for c in shared.query_many(queries))
    finally:
        shared.clear()


def _partition() -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for item_id, story_id in StoryItem.objects.values_list("item_id", "story_id"):
        groups.setdefault(story_id, set()).add(item_id)
    return {frozenset(g) for g in groups.values()}


def test_stories_with_the_redis_index_equal_the_in_process_ones(personas, redis_url):
    src = source(personas)
    texts = [SCAM, repost(SCAM), HEALTH, repost(HEALTH), "Nóng: " + HEALTH, WARD, repost(WARD), OTHER,
             repost(repost(SCAM)), "ok"]
    ids = [item(src, t).pk for t in texts]
    local = StoryIndex(redis_url=None)
    for start in (0, 5):
        do_assign_items(ids[start:start + 5], index=local)
    in_process = _partition()
    Story.objects.all().delete()
    assert not StoryItem.objects.exists()
    shared = StoryIndex(redis_url=redis_url, basename="haidang-test:scale-out-stories")
    shared.clear()
    try:
        for start in (0, 5):
            do_assign_items(ids[start:start + 5], index=shared)
        assert _partition() == in_process
        assert len(in_process) < len(ids)  # some reposts did join
    finally:
        shared.clear()


def test_items_another_worker_assigned_meanwhile_are_skipped_under_the_lock(personas, monkeypatch, story_index):
    """Worker A reads the items and computes their signatures (no lock); meanwhile worker B assigns
    and counts the very same items. A then takes the lock and must claim none of them."""
    src = source(personas)
    texts = [SCAM, repost(SCAM), HEALTH, WARD, repost(WARD)]
    ids = [item(src, t, category="scam", priority="high", places=[("19", "Đồng Hới")]).pk for t in texts]
    real = actions.signatures
    other: dict = {}

    def signatures_then_another_worker(batch_texts):
        out = real(batch_texts)
        if not other:
            other["result"] = "running"
            other["result"] = process_items(ids)
        return out

    monkeypatch.setattr(actions, "signatures", signatures_then_another_worker)
    mine = process_items(ids)
    assert other["result"]["assigned"] == len(ids)
    assert mine["assigned"] == 0 and mine["skipped"] == len(ids)
    assert StoryItem.objects.count() == len(ids)
    assert sum(Story.objects.filter(merged_into__isnull=True).values_list("item_count", flat=True)) == len(ids)
    # Counted once: one item per text in the hour's category and place series.
    assert sum(VolumeCount.objects.filter(dimension="category").values_list("count", flat=True)) == len(ids)


CONCURRENT = """
import json, os, sys, threading
os.environ["DJANGO_SETTINGS_MODULE"] = "haidang.settings"
import django
django.setup()
from django.db import connection
from haidang.alerts.actions import process_items

ids = json.loads(sys.argv[1])
start = threading.Barrier(2)
results = []

def worker():
    start.wait()
    try:
        results.append(process_items(ids))
    except Exception as exc:  # a thread's exception would otherwise vanish and leave one result
        results.append({"error": repr(exc)})
    connection.close()

threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(results))
"""


@pytest.mark.django_db(transaction=True)
def test_two_workers_processing_the_same_chunk_at_once_claim_each_item_once(personas, tmp_path):
    """Real concurrency: two threads of one process (one connection each) on a SQLite file run the
    same chunk at the same moment; each item is put into a story once and counted once."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite file copy is how this test shares its database with a subprocess")
    src = source(personas)
    texts = [SCAM, repost(SCAM), HEALTH, repost(HEALTH), WARD, OTHER] * 20
    ids = [item(src, f"{t} số {n // 6}", category="scam", priority="low").pk for n, t in enumerate(texts)]
    db = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(db)
    connection.connection.backup(target)
    target.close()
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "HAIDANG_TESTING"}}
    env |= {"DATABASE_URL": f"sqlite:///{db}", "HAIDANG_VAR": str(tmp_path / "var"), "HAIDANG_HUEY_IMMEDIATE": "1",
            "LOG_LEVEL": "ERROR"}
    proc = subprocess.run([sys.executable, "-c", CONCURRENT, json.dumps(ids)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.splitlines()[-1])
    assert not [r for r in results if "error" in r], results
    assert sum(r["assigned"] for r in results) == len(ids)
    assert sum(r["skipped"] for r in results) == len(ids)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*), count(distinct item_id) from alerts_storyitem").fetchone() == (
            len(ids), len(ids))
        assert conn.execute("select sum(item_count) from alerts_story where merged_into_id is null").fetchone()[0] == len(ids)
        counted = conn.execute("select sum(count) from alerts_volumecount where dimension = 'category'").fetchone()[0]
    assert counted == len(ids)


def test_lookups_made_before_the_lock_see_what_another_worker_committed_meanwhile(personas, monkeypatch, redis_url):
    """With the Redis index, worker A queries the index and looks up URLs, texts and candidates before
    taking the lock; worker B commits the stories A's items belong to in between. Under the lock A must
    catch up and join B's stories (by text, exact text and URL) as if it had looked everything up there."""
    src = source(personas)
    warm = [item(src, OTHER).pk]
    b_ids = [item(src, SCAM).pk, item(src, HEALTH).pk, item(src, WARD, url="https://baodia.vn/tin/ong-nuoc-vo").pk]
    a_ids = [item(src, repost(SCAM)).pk, item(src, SCAM).pk, item(src, "Nóng: " + HEALTH).pk,
             item(src, "Ống nước vỡ ở Đồng Hới", url="https://baodia.vn/tin/ong-nuoc-vo").pk,
             item(src, repost(repost(WARD))).pk]
    local = StoryIndex(redis_url=None)
    for ids in (warm, b_ids, a_ids):
        do_assign_items(ids, index=local)
    sequential = _partition()
    assert len(sequential) == 4  # OTHER, and A's items each in one of B's three stories
    Story.objects.all().delete()

    shared = StoryIndex(redis_url=redis_url, basename="haidang-test:scale-out-catch-up")
    shared.clear()
    real = actions._Batch.load_candidates
    state = {"b": None}

    def then_worker_b(self, item_ids, *, stories=True):
        real(self, item_ids, stories=stories)
        if not stories and state["b"] is None:  # A's last look-up before the lock
            state["b"] = "running"
            state["b"] = do_assign_items(b_ids, index=shared)

    try:
        do_assign_items(warm, index=shared)  # the index is built: A looks up before the lock
        monkeypatch.setattr(actions._Batch, "load_candidates", then_worker_b)
        mine = do_assign_items(a_ids, index=shared)
        assert state["b"].assigned == len(b_ids)
        assert mine.assigned == len(a_ids) and mine.stories_created == 0
        assert _partition() == sequential
    finally:
        shared.clear()
