"""A compact in-process MinHash LSH index: banded signatures in sorted numpy arrays.

datasketch's in-process `MinHashLSH` keeps a Python dict of byte strings per band and a set per
bucket: about 9 KB per item, so a million items do not fit a worker. Here each (band, item) pair is
12 bytes: a 64-bit band hash in one sorted `uint64` array (all bands together, the band number is
mixed into the hash) and a `uint32` slot in a parallel array; `ids[slot]` is the item id. A query
is one `np.searchsorted` over all its bands at once.

Inserts go to a small dict (band hash -> slots) that queries also read; it is merged into the sorted
arrays when it holds `merge_every` items (at least 4096, growing with the index so that merging,
which copies the arrays, stays a small share of the insert time). Large inserts (`insert_matrix`
of many rows: a rebuild, the benchmark) are sorted and merged directly.

Banding: `b` bands of `r` rows each (b * r <= num_perm). Two items whose MinHash signatures agree
on all `r` rows of some band are candidates; for Jaccard similarity s that happens with
probability 1 - (1 - s^r)^b (the S-curve). The parameters are datasketch's own choice for the
candidate threshold (`MinHashLSH(threshold, num_perm).b/.r`), so this index returns exactly the
candidates datasketch's would (up to 64-bit hash collisions, which only add a candidate that exact
verification then drops), and the Redis-backed datasketch index, used with `REDIS_URL`, agrees.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_M3 = np.uint64(0x94D049BB133111EB)


@lru_cache(maxsize=16)
def band_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(b, r): the number of bands and rows per band datasketch picks for this threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def s_curve(s: float, b: int, r: int) -> float:
    """Probability that two items of Jaccard similarity s share at least one band."""
    return 1.0 - (1.0 - s ** r) ** b


def band_hashes(signatures: np.ndarray, b: int, r: int) -> np.ndarray:
    """(n, num_perm) MinHash values -> (n, b) uint64 band hashes (band number mixed in)."""
    sig = np.asarray(signatures, dtype=np.uint64)
    if sig.ndim == 1:
        sig = sig[None, :]
    n = sig.shape[0]
    rows = sig[:, : b * r].reshape(n, b, r)
    with np.errstate(over="ignore"):
        h = np.broadcast_to((np.arange(b, dtype=np.uint64) + np.uint64(1)) * _M3, (n, b)).copy()
        for j in range(r):
            h ^= rows[:, :, j]
            h *= _M1
            h ^= h >> np.uint64(29)
        h *= _M2
        h ^= h >> np.uint64(32)
    return h


class BandIndex:
    """Item ids by band hash, for MinHash signatures of one (b, r)."""

    def __init__(self, b: int, r: int, *, min_merge: int = 4096):
        self.b, self.r = b, r
        self.min_merge = min_merge
        self.keys = np.zeros(0, dtype=np.uint64)    # sorted band hashes (every band of every merged item)
        self.slots = np.zeros(0, dtype=np.uint32)   # parallel to keys
        self._ids = np.zeros(1024, dtype=np.int64)  # slot -> item id
        self.size = 0                               # slots used
        self.pending: dict[int, list[int]] = {}     # band hash -> slots, not merged yet
        self.pending_items = 0

    # --- insertion ---------------------------------------------------------------------------

    def _new_slots(self, ids) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        need = self.size + ids.size
        if need > self._ids.size:
            grown = np.zeros(max(need, self._ids.size * 2), dtype=np.int64)
            grown[: self.size] = self._ids[: self.size]
            self._ids = grown
        slots = np.arange(self.size, need, dtype=np.uint32)
        self._ids[self.size:need] = ids
        self.size = need
        return slots

    @property
    def merge_every(self) -> int:
        return max(self.min_merge, self.size // 32)

    def insert_matrix(self, ids, signatures: np.ndarray) -> None:
        """Insert items (ids[i] has signatures[i]); many rows at once are merged directly."""
        hashes = band_hashes(signatures, self.b, self.r)
        if hashes.shape[0] == 0:
            return
        slots = self._new_slots(ids)
        if hashes.shape[0] >= self.min_merge:
            self._merge(hashes.reshape(-1), np.repeat(slots, self.b))
            return
        pending = self.pending
        for slot, row in zip(slots.tolist(), hashes.tolist(), strict=True):
            for h in row:
                bucket = pending.get(h)
                if bucket is None:
                    pending[h] = [slot]
                else:
                    bucket.append(slot)
        self.pending_items += hashes.shape[0]
        if self.pending_items >= self.merge_every:
            self.flush()

    def flush(self) -> None:
        """Merge the pending dict into the sorted arrays."""
        if not self.pending:
            return
        keys = np.fromiter((h for h, s in self.pending.items() for _ in s), dtype=np.uint64)
        slots = np.fromiter((x for s in self.pending.values() for x in s), dtype=np.uint32, count=keys.size)
        self.pending = {}
        self.pending_items = 0
        self._merge(keys, slots)

    def _merge(self, keys: np.ndarray, slots: np.ndarray) -> None:
        order = np.argsort(keys, kind="stable")
        keys, slots = keys[order], slots[order]
        if self.keys.size == 0:
            self.keys, self.slots = keys, slots
            return
        at = np.searchsorted(self.keys, keys, side="right")
        self.keys = np.insert(self.keys, at, keys)
        self.slots = np.insert(self.slots, at, slots)

    # --- queries --------------------------------------------------------------------------------

    def query_hashes(self, hashes: np.ndarray) -> list[np.ndarray]:
        """For each row of (n, b) band hashes, the unique ids sharing at least one band."""
        n = hashes.shape[0]
        flat = hashes.reshape(-1)
        lo = np.searchsorted(self.keys, flat, side="left")
        hi = np.searchsorted(self.keys, flat, side="right")
        counts = hi - lo
        total = int(counts.sum())
        owner_parts, slot_parts = [], []
        if total:
            starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
            slot_parts.append(self.slots[starts + np.arange(total)])
            owner_parts.append(np.repeat(np.arange(flat.size, dtype=np.int64) // self.b, counts))
        if self.pending:
            get = self.pending.get
            extra_owner, extra_slot = [], []
            for i, row in enumerate(hashes.tolist()):
                for h in row:
                    bucket = get(h)
                    if bucket:
                        extra_slot.extend(bucket)
                        extra_owner.extend([i] * len(bucket))
            if extra_slot:
                slot_parts.append(np.asarray(extra_slot, dtype=np.uint32))
                owner_parts.append(np.asarray(extra_owner, dtype=np.int64))
        if not slot_parts:
            return [np.zeros(0, dtype=np.int64) for _ in range(n)]
        owner = np.concatenate(owner_parts)
        ids = self._ids[np.concatenate(slot_parts)]
        if n == 1:
            return [np.unique(ids)]
        order = np.lexsort((ids, owner))
        owner, ids = owner[order], ids[order]
        keep = np.ones(ids.size, dtype=bool)
        keep[1:] = (owner[1:] != owner[:-1]) | (ids[1:] != ids[:-1])
        owner, ids = owner[keep], ids[keep]
        bounds = np.searchsorted(owner, np.arange(n + 1))
        return [ids[bounds[i]:bounds[i + 1]] for i in range(n)]

    def query_matrix(self, signatures: np.ndarray) -> list[np.ndarray]:
        return self.query_hashes(band_hashes(signatures, self.b, self.r))

    def query(self, signature: np.ndarray) -> list[int]:
        return self.query_matrix(np.asarray(signature)[None, :])[0].tolist()

    def __len__(self) -> int:
        return self.size

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (the pending dict is bounded by `merge_every` items)."""
        return int(self.keys.nbytes + self.slots.nbytes + self._ids.nbytes)
