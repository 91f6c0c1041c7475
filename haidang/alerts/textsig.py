"""Text → word shingles → MinHash signature. Pure functions, no database.

The text is normalised by `analysis.normalize.normalize` (lower case, one tone placement, teencode
expanded, evasions undone, emoji as tokens) and then accent-folded by `fold`, so a repost typed
without diacritics or in teencode gives the same shingles. Only letter/digit words are kept:
emoji, punctuation and "Chia sẻ:"-style decorations change few shingles.

Shingles are hashed to 32 bits (CRC-32 of each word, mixed in numpy; every process agrees) and kept as a
sorted unique uint32 array: exact Jaccard for verification is then one `np.intersect1d`.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from haidang.analysis.normalize import fold, normalize

from .conf import conf

_WORD = re.compile(r"[a-z0-9]+")
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


def words(text: str, *, max_tokens: int | None = None) -> list[str]:
    max_tokens = max_tokens or int(conf("MAX_TOKENS"))
    # Cap before the (regex-heavy) normalisation too: a 10 MB paste must not stall a worker.
    raw = (text or "")[: max_tokens * 12]
    return _WORD.findall(fold(normalize(raw)))[:max_tokens]


_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)


def shingle_hashes(text: str, *, k: int | None = None, max_tokens: int | None = None) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-shingles (k=2 by default).

    Each word is hashed once (CRC-32, the same in every process, unlike Python's `hash`), and the
    k word hashes of a shingle are mixed in numpy (multiply-xorshift), which is many times faster
    than hashing every shingle string.
    """
    k = k or int(conf("SHINGLE_SIZE"))
    toks = words(text, max_tokens=max_tokens)
    if len(toks) < k:
        return np.zeros(0, dtype=np.uint32)
    cache: dict[str, int] = {}
    ids = np.fromiter((cache.setdefault(t, zlib.crc32(t.encode())) for t in toks), dtype=np.uint64, count=len(toks))
    n = len(toks) - k + 1
    mixed = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            mixed = (mixed ^ ids[j:j + n]) * _M1
            mixed ^= mixed >> np.uint64(29)
        mixed *= _M2
        mixed ^= mixed >> np.uint64(32)
    return np.unique((mixed & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def _minhash(**kwargs) -> MinHash:
    # The signatures are computed here with datasketch's original ("legacy") affine permutations
    # mod 2^61-1; datasketch >= 2.0 must be told so, older versions do not know the argument.
    try:
        return MinHash(scheme="legacy", **kwargs)
    except TypeError:
        return MinHash(**kwargs)


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutations for (num_perm, seed), computed once per process."""
    a, b = _minhash(num_perm=num_perm, seed=seed).permutations
    return a, b


def minhash_values(hashes: np.ndarray, num_perm: int | None = None) -> np.ndarray:
    """The MinHash signature (uint64 array, values < 2^32) of a set of 32-bit hashes, the way
    datasketch computes it, vectorised over the whole set at once."""
    num_perm = num_perm or int(conf("NUM_PERM"))
    a, b = permutations(num_perm)
    if hashes.size == 0:
        return np.full(num_perm, _MAX_HASH, dtype=np.uint64)
    hv = hashes.astype(np.uint64)
    phv = np.bitwise_and((np.outer(hv, a) + b) % _MERSENNE, _MAX_HASH)
    return phv.min(axis=0).astype(np.uint64)


def to_minhash(values: np.ndarray) -> MinHash:
    num_perm = len(values)
    return _minhash(num_perm=num_perm, hashvalues=values, permutations=permutations(num_perm))


def pack_signature(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def unpack_signature(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<u4").astype(np.uint64)


def pack_shingles(hashes: np.ndarray) -> bytes:
    return hashes.astype("<u4").tobytes()


def unpack_shingles(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<u4").astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays."""
    if a.size == 0 or b.size == 0:
        return 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter)


@dataclass
class TextSignature:
    shingles: np.ndarray  # sorted unique uint32
    values: np.ndarray    # MinHash, uint64

    @property
    def count(self) -> int:
        return int(self.shingles.size)

    @property
    def joinable(self) -> bool:
        """Enough shingles to join others by text (a one-word text never does)."""
        return self.count >= int(conf("MIN_SHINGLES"))


def signature(text: str) -> TextSignature:
    shingles = shingle_hashes(text)
    return TextSignature(shingles, minhash_values(shingles))
