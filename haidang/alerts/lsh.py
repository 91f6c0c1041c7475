"""The near-duplicate index: MinHash LSH over story exemplars, keyed by item id.

- With `settings.REDIS_URL` the index lives in Redis (datasketch's `MinHashLSH` with its Redis
  storage) under one basename, so every Huey consumer on every machine queries and extends the
  same index. A batch's queries and inserts are one Lua script call each, in datasketch's own key
  layout (its `MinHashLSH` reads the same index), instead of a round trip per band and item: they
  run under the assignment lock, so their cost is what limits several consumers.
- Without it the index is in-process: a compact banded index in numpy arrays (`bands.BandIndex`,
  about 300 bytes per item instead of datasketch's ~9 KB), rebuilt lazily from the signatures stored
  in the database (`StoryItem.signature`), then caught up with rows added by other processes.

Both use the same bands (datasketch's choice of b x r for the candidate threshold), so they return
the same candidates. Either way the database is the truth: `haidang stories rebuild-index` drops
the index and reinserts every exemplar from stored signatures (no text is re-read). Keys whose
item is gone (a rolled-back batch) are harmless: candidates are always resolved and verified
against the DB.
"""

from __future__ import annotations

import logging
import pickle  # noqa: S403 - datasketch pickles the index keys (our item ids) in Redis
import threading
import time

import numpy as np
from django.conf import settings

from .bands import BandIndex, band_hashes, band_params
from .conf import conf
from .textsig import to_minhash, unpack_signature

log = logging.getLogger(__name__)

_lock = threading.Lock()
_index: StoryIndex | None = None


# datasketch's Redis layout, written and read the way `MinHashLSH._insert` and `.query` do, but for
# a whole batch in one script call (instead of 2b + 2 commands per insert and b per query). A band key
# is `r` big-endian uint64 values (`MinHashLSH._H`); the batch's band keys travel as one string, cut here.
# ARGV: keys-hash name, band key length, b, the b table names, the signatures blob, then the item keys
# (pickled ids; inserts only). Bucket key = table name .. band key (RedisStorage.redis_key).
_INSERT_LUA = """
local keys_name, step, b = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local blob = ARGV[4 + b]
for n = 1, #ARGV - 4 - b do
  local item = ARGV[4 + b + n]
  local item_key = keys_name .. item
  local base = (n - 1) * b * step
  redis.call('HSET', keys_name, item, item_key)
  for i = 1, b do
    local band = string.sub(blob, base + (i - 1) * step + 1, base + i * step)
    local bucket = ARGV[3 + i] .. band
    redis.call('RPUSH', item_key, band)
    redis.call('HSET', ARGV[3 + i], band, bucket)
    redis.call('SADD', bucket, item)
  end
end
return 1
"""
_QUERY_LUA = """
local step, b = tonumber(ARGV[2]), tonumber(ARGV[3])
local blob = ARGV[4 + b]
local out = {}
for n = 1, #blob / (b * step) do
  local base = (n - 1) * b * step
  local buckets = {}
  for i = 1, b do
    buckets[i] = ARGV[3 + i] .. string.sub(blob, base + (i - 1) * step + 1, base + i * step)
  end
  out[n] = redis.call('SUNION', unpack(buckets))
end
return out
"""


def redis_params(url: str) -> dict:
    from redis.connection import parse_url

    params = parse_url(url)
    # datasketch passes these straight to redis.Redis(); keep the ones it understands.
    return {k: v for k, v in params.items() if k in {"host", "port", "db", "username", "password", "path"}}


def _matrix(values_list) -> np.ndarray:
    return np.stack([np.asarray(v, dtype=np.uint64) for v in values_list])


class StoryIndex:
    """The index plus bookkeeping (which stored rows it already holds)."""

    def __init__(self, *, threshold: float | None = None, num_perm: int | None = None,
                 redis_url: str | None = None, basename: str | None = None):
        self.threshold = float(threshold or conf("CANDIDATE_THRESHOLD"))
        self.num_perm = int(num_perm or conf("NUM_PERM"))
        self.b, self.r = band_params(self.threshold, self.num_perm)
        self.redis_url = redis_url
        self.basename = (basename or str(conf("REDIS_PREFIX"))).encode()
        self.lsh = self._new_lsh()
        self.high_water = 0  # the largest StoryItem id inserted by the in-process catch-up
        self.loaded = False
        self._redis_client = None
        self._scripts: dict = {}

    def _new_lsh(self):
        if self.redis_url:
            from datasketch import MinHashLSH

            storage = {"type": "redis", "basename": self.basename, "redis": redis_params(self.redis_url)}
            return MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, storage_config=storage,
                              params=(self.b, self.r))
        return BandIndex(self.b, self.r)

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

    def load_since(self, after_id: int, batch: int = 20000) -> int:
        from .models import StoryItem

        added = 0
        qs = StoryItem.objects.filter(pk__gt=after_id, indexed=True).order_by("pk")
        last = after_id
        while True:
            rows = list(qs.filter(pk__gt=last).values_list("pk", "item_id", "signature")[:batch])
            if not rows:
                break
            entries = [(item_id, unpack_signature(sig)) for _pk, item_id, sig in rows
                       if sig and len(sig) == 4 * self.num_perm]
            self.insert_many(entries)
            added += len(entries)
            last = rows[-1][0]
        self.high_water = max(self.high_water, last)
        return added

    def rebuild(self) -> int:
        started = time.monotonic()
        self.clear()
        added = self.load_since(0)
        if self.shared:
            self._redis().set(self._marker(), b"1")
        else:
            self.lsh.flush()  # one sorted run: the fastest queries
        self.loaded = True
        log.info("stories: LSH index rebuilt with %d exemplars in %.1fs", added, time.monotonic() - started)
        return added

    # --- use ------------------------------------------------------------------------------------

    def band_hashes(self, values) -> np.ndarray:
        """(n, b) band hashes of (n, num_perm) signatures, as this index bands them."""
        return band_hashes(values, self.b, self.r)

    def query(self, values) -> list[int]:
        """Item ids sharing a band with the signature, ascending."""
        if self.shared:
            return sorted(int(k) for k in self.lsh.query(to_minhash(np.asarray(values, dtype=np.uint64))))
        return self.lsh.query(values)

    def query_many(self, values_list) -> list[list[int]]:
        """Candidates of each signature (rows of a matrix, or a list of arrays)."""
        if len(values_list) == 0:
            return []
        if self.shared:
            return self._redis_query_many(_matrix(values_list))
        return [c.tolist() for c in self.lsh.query_matrix(_matrix(values_list))]

    def _script_args(self, values) -> list[bytes]:
        """The scripts' leading arguments and the signatures blob: every row's band keys (datasketch's
        `MinHashLSH._H`: each band's slice as big-endian uint64 bytes), back to back."""
        data = np.ascontiguousarray(_matrix(values)[:, : self.b * self.r]).astype(">u8")
        names = [table._name for table in self.lsh.hashtables]
        return [self.lsh.keys._name, self.r * 8, self.b, *names, data.tobytes()]

    def _redis_query_many(self, values: np.ndarray) -> list[list[int]]:
        # `MinHashLSH.query` makes one round trip per band (25 per item, under the assignment lock).
        replies = self._script(_QUERY_LUA)(args=self._script_args(values))
        loads = pickle.loads
        return [sorted(int(loads(k)) for k in keys) for keys in replies]  # noqa: S301 - our own keys

    def _redis_insert_many(self, entries) -> None:
        args = self._script_args([v for _k, v in entries])
        self._script(_INSERT_LUA)(args=[*args, *(pickle.dumps(int(k)) for k, _v in entries)])

    def _script(self, source: str):
        """The Lua script bound to one client of this index (EVALSHA, loaded on first use)."""
        if self._redis_client is None:
            self._redis_client = self._redis()
            self._scripts = {}
        if source not in self._scripts:
            self._scripts[source] = self._redis_client.register_script(source)
        return self._scripts[source]

    def insert_many(self, entries) -> None:
        """entries: iterable of (item_id, signature values)."""
        entries = list(entries)
        if not entries:
            return
        if self.shared:
            self._redis_insert_many(entries)
            return
        self.lsh.insert_matrix([int(k) for k, _v in entries], _matrix([v for _k, v in entries]))

    def insert_many_started(self, entries):
        """Start `insert_many` and return a callable that waits for it to be done. With Redis the
        batch's insert script is sent at once and its reply read by the callable, so the database
        writes made in between overlap Redis's work (both under the assignment lock; the callable
        must be called before the lock's transaction commits). On an error before it is called, the
        connection is dropped (its reply unread) rather than given back to the pool."""
        entries = list(entries)
        if not entries or not self.shared:
            self.insert_many(entries)
            return _done
        args = self._script_args([v for _k, v in entries])
        args = [*args, *(pickle.dumps(int(k)) for k, _v in entries)]
        if self._redis_client is None:
            self._redis_client = self._redis()
            self._scripts = {}
        pool = self._redis_client.connection_pool
        conn = pool.get_connection()
        try:
            conn.send_command("EVAL", _INSERT_LUA, 0, *args)
        except BaseException:
            conn.disconnect()
            pool.release(conn)
            raise

        def wait(*, failed: bool = False) -> None:
            try:
                if failed:
                    conn.disconnect()
                else:
                    conn.read_response()
            finally:
                pool.release(conn)

        return wait

    def insert_matrix(self, keys, values: np.ndarray) -> None:
        """Many signatures at once: keys[i] has values[i] (the rebuild and the benchmark)."""
        if self.shared:
            self.insert_many(zip(keys, values, strict=True))
        else:
            self.lsh.insert_matrix(keys, values)

    def note_stored(self, max_story_item_id: int) -> None:
        """Our own rows are already in the in-process index: skip them at the next catch-up."""
        self.high_water = max(self.high_water, max_story_item_id)

    def __len__(self) -> int:
        if self.shared:
            return self.lsh.keys.size()
        return len(self.lsh)


def _done(*, failed: bool = False) -> None:
    return None


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
