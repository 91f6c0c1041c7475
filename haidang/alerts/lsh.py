"""The near-duplicate index: MinHash LSH (datasketch) over story exemplars, keyed by item id.

- With `settings.REDIS_URL` the index lives in Redis (datasketch's Redis storage) under one
  basename, so every Huey consumer on every machine queries and extends the same index.
- Without it the index is in-process and rebuilt lazily from the signatures stored in the
  database (`StoryItem.signature`), then caught up with rows added by other processes.

Either way the database is the truth: `haidang stories rebuild-index` drops the index and
reinserts every exemplar from stored signatures (no text is re-read). Keys whose item is gone
(a rolled-back batch) are harmless: candidates are always resolved and verified against the DB.
"""

from __future__ import annotations

import logging
import threading
import time

from datasketch import MinHashLSH
from django.conf import settings

from .conf import conf
from .textsig import to_minhash, unpack_signature

log = logging.getLogger(__name__)

_lock = threading.Lock()
_index: StoryIndex | None = None


def redis_params(url: str) -> dict:
    from redis.connection import parse_url

    params = parse_url(url)
    # datasketch passes these straight to redis.Redis(); keep the ones it understands.
    return {k: v for k, v in params.items() if k in {"host", "port", "db", "username", "password", "path"}}


class StoryIndex:
    """One MinHashLSH plus bookkeeping (which stored rows it already holds)."""

    def __init__(self, *, threshold: float | None = None, num_perm: int | None = None,
                 redis_url: str | None = None, basename: str | None = None):
        self.threshold = float(threshold or conf("CANDIDATE_THRESHOLD"))
        self.num_perm = int(num_perm or conf("NUM_PERM"))
        self.redis_url = redis_url
        self.basename = (basename or str(conf("REDIS_PREFIX"))).encode()
        self.lsh = self._new_lsh()
        self.high_water = 0  # the largest StoryItem id inserted by the in-process catch-up
        self.loaded = False

    def _new_lsh(self) -> MinHashLSH:
        if self.redis_url:
            storage = {"type": "redis", "basename": self.basename, "redis": redis_params(self.redis_url)}
            return MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, storage_config=storage)
        return MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)

    @property
    def shared(self) -> bool:
        return bool(self.redis_url)

    def _marker(self) -> bytes:
        return self.basename + b"_built"

    def _redis(self):
        import redis

        return redis.Redis(**redis_params(self.redis_url))

    # --- building ---------------------------------------------------------------------------

    def clear(self) -> None:
        if self.shared:
            client = self._redis()
            for key in client.scan_iter(match=self.basename + b"*", count=1000):
                client.delete(key)
        self.lsh = self._new_lsh()
        self.high_water = 0
        self.loaded = False

    def ensure_loaded(self) -> None:
        """Make the index reflect the database. Called under the assignment lock."""
        if self.shared:
            if not self.loaded:
                client = self._redis()
                if not client.exists(self._marker()):
                    self.rebuild()
                self.loaded = True
            return
        if not self.loaded:
            self.load_since(0)
            self.loaded = True
        else:
            self.load_since(self.high_water)

    def load_since(self, after_id: int, batch: int = 5000) -> int:
        from .models import StoryItem

        added = 0
        qs = StoryItem.objects.filter(pk__gt=after_id, indexed=True).order_by("pk")
        last = after_id
        while True:
            rows = list(qs.filter(pk__gt=last).values_list("pk", "item_id", "signature")[:batch])
            if not rows:
                break
            with self.lsh.insertion_session(buffer_size=batch) as session:
                for _pk, item_id, sig in rows:
                    if sig and (self.shared or item_id not in self.lsh):
                        session.insert(item_id, to_minhash(unpack_signature(sig)), check_duplication=False)
                        added += 1
            last = rows[-1][0]
        self.high_water = max(self.high_water, last)
        return added

    def rebuild(self) -> int:
        started = time.monotonic()
        self.clear()
        added = self.load_since(0)
        if self.shared:
            self._redis().set(self._marker(), b"1")
        self.loaded = True
        log.info("stories: LSH index rebuilt with %d exemplars in %.1fs", added, time.monotonic() - started)
        return added

    # --- use ------------------------------------------------------------------------------------

    def query(self, values) -> list[int]:
        return [int(k) for k in self.lsh.query(to_minhash(values))]

    def insert_many(self, entries) -> None:
        """entries: iterable of (item_id, signature values)."""
        entries = list(entries)
        if not entries:
            return
        with self.lsh.insertion_session(buffer_size=max(1000, len(entries))) as session:
            for key, values in entries:
                session.insert(int(key), to_minhash(values), check_duplication=False)

    def note_stored(self, max_story_item_id: int) -> None:
        """Our own rows are already in the in-process index: skip them at the next catch-up."""
        self.high_water = max(self.high_water, max_story_item_id)

    def __len__(self) -> int:
        return self.lsh.keys.size()


def get_index() -> StoryIndex:
    """The process-wide index (Redis-backed when REDIS_URL is set)."""
    global _index
    with _lock:
        if _index is None:
            _index = StoryIndex(redis_url=getattr(settings, "REDIS_URL", "") or None)
        return _index


def reset_index(index: StoryIndex | None = None) -> None:
    """Forget the process-wide index (tests; after settings change)."""
    global _index
    with _lock:
        _index = index
