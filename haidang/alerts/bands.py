"""A compact in-process MinHash LSH index: banded signatures in sorted numpy arrays.

datasketch's in-process `MinHashLSH` keeps a Python dict of byte strings per band and a set per
bucket: about 9 KB per item, so a million items do not fit a worker. Here each (band, item) pair is
12 bytes: a 64-bit band hash in one sorted `uint64` array (all bands together, the band number is
mixed into the hash) and a `uint32` slot in a parallel array; `ids[slot]` is the item id. A query
is one `np.searchsorted` over all its bands at once.

Inserts go to a second, small sorted pair of arrays (cheap to insert into) that queries also search;
it is merged into the large one when it holds `merge_every` items (at least 4096, growing with the
index so that merging, which copies the large arrays, stays a small share of the insert time).

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
        # (sorted band hashes, parallel slots): the large merged run and the small recent one.
        self.runs = [(np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32)) for _ in range(2)]
        self._ids = np.zeros(1024, dtype=np.int64)  # slot -> item id
        self.size = 0                               # slots used
        self.recent_items = 0

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
        """Insert items: ids[i] has signatures[i] (an (n, num_perm) array)."""
        hashes = band_hashes(signatures, self.b, self.r)
        n = hashes.shape[0]
        if n == 0:
            return
        slots = np.repeat(self._new_slots(ids), self.b)
        if n >= self.merge_every:
            self.runs[0] = _merged(self.runs[0], hashes.reshape(-1), slots)
            return
        self.runs[1] = _merged(self.runs[1], hashes.reshape(-1), slots)
        self.recent_items += n
        if self.recent_items >= self.merge_every:
            self.flush()

    def flush(self) -> None:
        """Merge the small run into the large one."""
        keys, slots = self.runs[1]
        if keys.size:
            self.runs[0] = _merged(self.runs[0], keys, slots, presorted=True)
            self.runs[1] = (np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32))
        self.recent_items = 0

    # --- queries --------------------------------------------------------------------------------

    def query_hashes(self, hashes: np.ndarray) -> list[np.ndarray]:
        """For each row of (n, b) band hashes, the unique ids sharing at least one band."""
        n = hashes.shape[0]
        flat = hashes.reshape(-1)
        owner_parts, slot_parts = [], []
        for keys, slots in self.runs:
            if not keys.size:
                continue
            lo = np.searchsorted(keys, flat, side="left")
            hi = np.searchsorted(keys, flat, side="right")
            counts = hi - lo
            total = int(counts.sum())
            if total:
                starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
                slot_parts.append(slots[starts + np.arange(total)])
                owner_parts.append(np.repeat(np.arange(flat.size, dtype=np.int64) // self.b, counts))
        if not slot_parts:
            return [np.zeros(0, dtype=np.int64) for _ in range(n)]
        ids = self._ids[np.concatenate(slot_parts)]
        if n == 1:
            return [np.unique(ids)]
        owner = np.concatenate(owner_parts)
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
        """Bytes held by the arrays."""
        return int(sum(k.nbytes + s.nbytes for k, s in self.runs) + self._ids.nbytes)


def _merged(run: tuple[np.ndarray, np.ndarray], keys: np.ndarray, slots: np.ndarray, *,
            presorted: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The sorted run with (keys, slots) added."""
    if not presorted:
        order = np.argsort(keys, kind="stable")
        keys, slots = keys[order], slots[order]
    old_keys, old_slots = run
    if not old_keys.size:
        return keys, slots
    at = np.searchsorted(old_keys, keys, side="right")
    return np.insert(old_keys, at, keys), np.insert(old_slots, at, slots)
