"""Text → word shingles → MinHash signature. Pure functions, no database.

The text is normalised by `analysis.normalize.normalize` (lower case, one tone placement, teencode
expanded, evasions undone, emoji as tokens) and then accent-folded by `fold`, so a repost typed
without diacritics or in teencode gives the same shingles. Only letter/digit words are kept:
emoji, punctuation and "Chia sẻ:"-style decorations change few shingles.

`words` does exactly what `_WORD.findall(fold(normalize(text)))` does, faster: every step of
`normalize` except a few multi-word ones (emoticons, dotted/spaced-out letters) works inside one
word, so the text is cut into words and each distinct word is normalised and folded once per process
(a cache; Vietnamese has a few thousand syllables). Texts where a multi-word step could apply take the
full path. The result is identical either way (tested, and checked on the benchmark corpus), so stored
shingles stay comparable.

Shingles are hashed to 32 bits (CRC-32 of each word, mixed in numpy; every process agrees) and kept as a
sorted unique uint32 array: exact Jaccard for verification is then one `np.intersect1d`.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from datasketch import MinHash

from haidang.text.normalize import clean, code_point_ranges, fold, normalize

from .conf import conf

_WORD = re.compile(r"[a-z0-9]+")
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_SHIFT61 = np.uint64(61)

# Words as `normalize` sees them (its teencode step uses the same pattern).
_TEXT_WORD = re.compile(r"[^\W_]+")
# What `normalize` removes between characters: zero-width joiner, emoji presentation selector.
_JOINERS = re.compile("[\u200d\ufe0f]")
# Steps of `normalize` that span several words or change word boundaries. When one of these can
# match, the text takes the full path. Deliberately wide (a false alarm only costs time):
# - emoticons whose match eats a letter or a digit (":d", "=))d", "<33");
# - letters split by dots/dashes ("l.ừ.a") or spaces ("l u a d a o");
# - "_" with a digit in the same \w-run (the leetspeak step reads "ab_l0" as one word, the other
#   word-level steps as two);
# - emoji-range characters that are word characters (❶, 🄁).
# The first two need a one-letter word or a word of only d's or 3's, so the (slower) search only
# runs on texts that hold one; the last two are cheap.
_MULTIWORD = re.compile(
    r"[:=;]+\s?-?[)\]d]*d[)\]d]*(?!\w)|<33"
    r"|(?<!\w)[^\W\d_](?:[.\-_*·][^\W\d_]){2,}(?!\w)"
    r"|(?<!\w)(?:[^\W\d_] ){3,}[^\W\d_](?!\w)")
_ODD_CHARS = re.compile(r"[013457]\w*_|_\w*[013457]|[\u2776-\u2793\U0001F100-\U0001F10C]")
# Blocks without combining or non-spacing marks (checked by the tests): Latin, punctuation, symbols,
# emoji. A character outside them sends the text through the exact (slower) mark check.
_MARK_FREE = re.compile(
    "[^\x00-\u02ff\u1e00-\u1fff\u2000-\u20cf\u2100-\u2bff\U0001F000-\U0001FAFF]")
_MARK_FREE_RANGES = ((0, 0x2FF), (0x1E00, 0x1FFF), (0x2000, 0x20CF), (0x2100, 0x2BFF), (0x1F000, 0x1FAFF))
_WORD_CACHE_MAX = 200_000  # words (and tokens); a few hundred bytes each at most


def _is_mark(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) or unicodedata.category(ch) == "Mn"


@cache
def _marks() -> re.Pattern:
    """Combining and non-spacing marks (left over after NFC they make `normalize` iterate and
    `fold` join their neighbours): a text holding one takes the full path."""
    # Marks live in planes 0, 1 and 14 (variation selectors); the tests check the full range.
    ranges = code_point_ranges(c for c in (*range(0x20000), *range(0xE0000, 0xE1000)) if _is_mark(chr(c)))
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


# word -> (its tokens after normalize + fold, their CRC-32s, whether it may belong to a multi-word pattern)
_word_cache: dict[str, tuple[tuple[str, ...], tuple[int, ...], bool]] = {}
_crc_cache: dict[str, int] = {}


def _crc(token: str) -> int:
    value = _crc_cache.get(token)
    if value is None:
        if len(_crc_cache) >= _WORD_CACHE_MAX:
            _crc_cache.clear()
        value = _crc_cache[token] = zlib.crc32(token.encode())
    return value


def _word_entry(word: str) -> tuple[tuple[str, ...], tuple[int, ...], bool]:
    if len(_word_cache) >= _WORD_CACHE_MAX:
        _word_cache.clear()
    odd = (len(word) == 1 and word.isalpha()) or not word.strip("d") or (len(word) > 1 and not word.strip("3"))
    toks = tuple(_WORD.findall(fold(normalize(word))))
    entry = _word_cache[word] = (toks, tuple(_crc(t) for t in toks), odd)
    return entry


def _prepared(raw: str) -> str | None:
    """`raw` cleaned, lower-cased, without joiners; None when a mark makes `normalize` iterate."""
    text = clean(raw).lower()
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            return None
        if "\u200d" in text or "\ufe0f" in text:
            text = _JOINERS.sub("", text)
        if _MARK_FREE.search(text) and _marks().search(text):
            return None
    return text


def _fast_words(text: str, part: int = 0) -> list | None:
    """`_WORD.findall(fold(normalize(text)))` word by word (part=0: the tokens, part=1: their
    CRC-32s) for a `_prepared` text, or None when a multi-word step may apply."""
    if _ODD_CHARS.search(text):
        return None
    cached = _word_cache.get
    out: list = []
    odd = False
    for word in _TEXT_WORD.findall(text):
        entry = cached(word) or _word_entry(word)
        out += entry[part]
        odd = odd or entry[2]
    if odd and _MULTIWORD.search(text):
        return None
    return out


# Where no step of `normalize` reaches across: whitespace after a full stop, "!" or "?" (dotted letters
# and emoticons hold no whitespace, spaced-out letters no punctuation), and line ends (except after
# ":", "=" or ";", which could start an emoticon on the next line).
_SEGMENT = re.compile(r"(?<=[.!?])\s+|(?<![:=;])\n")


def _tokens(raw: str, part: int) -> list:
    """Tokens (part=0) or their CRC-32s (part=1) of `_WORD.findall(fold(normalize(raw)))`: word by
    word where possible; only the sentences a multi-word step may touch go through `normalize`."""
    text = _prepared(raw)
    if text is None:
        toks = slow_words(raw)
        return [_crc(t) for t in toks] if part else toks
    out = _fast_words(text, part)
    if out is not None:
        return out
    out = []
    for segment in _SEGMENT.split(text):
        got = _fast_words(segment, part)
        if got is None:
            got = slow_words(segment)
            if part:
                got = [_crc(t) for t in got]
        out += got
    return out


def _cap(text: str | None, max_tokens: int) -> str:
    # Cap before the (regex-heavy) normalisation too: a 10 MB paste must not stall a worker.
    return (text or "")[: max_tokens * 12]


def words(text: str, *, max_tokens: int | None = None) -> list[str]:
    max_tokens = max_tokens or int(conf("MAX_TOKENS"))
    return _tokens(_cap(text, max_tokens), 0)[:max_tokens]


def slow_words(raw: str) -> list[str]:
    """The reference: the whole text through `normalize` and `fold`."""
    return _WORD.findall(fold(normalize(raw)))


def token_ids(text: str, *, max_tokens: int | None = None) -> list[int]:
    """CRC-32 of each of `words(text)`."""
    max_tokens = max_tokens or int(conf("MAX_TOKENS"))
    return _tokens(_cap(text, max_tokens), 1)[:max_tokens]


_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_LOW32 = np.uint64(0xFFFFFFFF)


def _shingle_sets(id_lists: list[list[int]], k: int) -> list[np.ndarray]:
    """Sorted unique 32-bit shingle hashes of each token-id list, all lists in one numpy pass."""
    lengths = np.fromiter((len(ids) for ids in id_lists), dtype=np.int64, count=len(id_lists))
    total = int(lengths.sum())
    empty = np.zeros(0, dtype=np.uint32)
    if total < k:
        return [empty] * len(id_lists)
    ids = np.fromiter((i for lst in id_lists for i in lst), dtype=np.uint64, count=total)
    n = total - k + 1
    mixed = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            mixed = (mixed ^ ids[j:j + n]) * _M1
            mixed ^= mixed >> np.uint64(29)
        mixed *= _M2
        mixed ^= mixed >> np.uint64(32)
    # Position p starts a shingle of list i when p + k <= end of list i.
    owner = np.repeat(np.arange(len(id_lists), dtype=np.uint64), lengths)[:n]
    ends = np.cumsum(lengths)
    valid = np.arange(n) + k <= ends[owner.astype(np.int64)]
    keys = np.unique((owner[valid] << np.uint64(32)) | (mixed[valid] & _LOW32))
    bounds = np.searchsorted(keys >> np.uint64(32), np.arange(len(id_lists) + 1, dtype=np.uint64))
    values = (keys & _LOW32).astype(np.uint32)
    return [values[bounds[i]:bounds[i + 1]] for i in range(len(id_lists))]


def shingle_hashes(text: str, *, k: int | None = None, max_tokens: int | None = None) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-shingles (k=2 by default).

    Each word is hashed once (CRC-32, the same in every process, unlike Python's `hash`), and the
    k word hashes of a shingle are mixed in numpy (multiply-xorshift), which is many times faster
    than hashing every shingle string.
    """
    k = k or int(conf("SHINGLE_SIZE"))
    return _shingle_sets([token_ids(text, max_tokens=max_tokens)], k)[0]


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


_BLOCK_ROWS = 4096  # shingles per block: a few MB of temporaries, reused and cache-resident


def _permuted_min(hv: np.ndarray, a: np.ndarray, b: np.ndarray, offsets: np.ndarray, work: np.ndarray,
                  spare: np.ndarray) -> np.ndarray:
    """min over each run of `hv` (runs start at `offsets`) of datasketch's legacy permutation
    `((h * a + b) mod 2^64) mod (2^61 - 1)`, low 32 bits: a (len(offsets), len(a)) array.

    Exactly datasketch's values, faster: the mod by the Mersenne prime is `(x & M) + (x >> 61)` and one
    conditional subtraction (exact for any 64-bit x, several times cheaper than numpy's 64-bit
    division); the work is laid out (permutation, shingle) so that the per-set minimum runs over
    contiguous memory; the buffers are preallocated and small enough to stay in cache."""
    n = hv.size
    x, y = work[:, :n], spare[:, :n]
    with np.errstate(over="ignore"):
        np.multiply(a[:, None], hv[None, :], out=x)
        x += b[:, None]
        np.bitwise_and(x, _MERSENNE, out=y)
        x >>= _SHIFT61
        y += x
        np.subtract(y, _MERSENNE, out=y, where=y >= _MERSENNE)
    y &= _MAX_HASH
    return np.minimum.reduceat(y, offsets, axis=1).T


def minhash_matrix(sets: list[np.ndarray], num_perm: int | None = None) -> np.ndarray:
    """`minhash_values` of many sets at once: one (len(sets), num_perm) uint64 array."""
    num_perm = num_perm or int(conf("NUM_PERM"))
    a, b = permutations(num_perm)
    out = np.full((len(sets), num_perm), _MAX_HASH, dtype=np.uint64)
    rows = [i for i, h in enumerate(sets) if h.size]
    if not rows:
        return out
    sizes = np.fromiter((sets[i].size for i in rows), dtype=np.int64, count=len(rows))
    longest = int(sizes.max())
    cap = max(_BLOCK_ROWS, longest)
    work = np.empty((num_perm, cap), dtype=np.uint64)
    spare = np.empty((num_perm, cap), dtype=np.uint64)
    start = 0
    while start < len(rows):
        # As many whole sets as fit the block (a set longer than the block gets a block of its own).
        stop, total = start, 0
        while stop < len(rows) and (stop == start or total + sizes[stop] <= cap):
            total += int(sizes[stop])
            stop += 1
        part = rows[start:stop]
        hv = np.concatenate([sets[i] for i in part]).astype(np.uint64)
        offsets = np.zeros(len(part), dtype=np.int64)
        np.cumsum(sizes[start:stop - 1], out=offsets[1:])
        out[part] = _permuted_min(hv, a, b, offsets, work, spare)
        start = stop
    return out


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
    min_shingles: int | None = None  # conf("MIN_SHINGLES") when not given

    @property
    def count(self) -> int:
        return int(self.shingles.size)

    @property
    def joinable(self) -> bool:
        """Enough shingles to join others by text (a one-word text never does)."""
        need = self.min_shingles if self.min_shingles is not None else int(conf("MIN_SHINGLES"))
        return self.count >= need


def signatures(texts: list[str]) -> list[TextSignature]:
    """`signature` of many texts, hashed and MinHashed together (much faster per text)."""
    k = int(conf("SHINGLE_SIZE"))
    max_tokens = int(conf("MAX_TOKENS"))
    sets = _shingle_sets([token_ids(t, max_tokens=max_tokens) for t in texts], k)
    values = minhash_matrix(sets)
    need = int(conf("MIN_SHINGLES"))
    return [TextSignature(s, v, need) for s, v in zip(sets, values, strict=True)]


def signature(text: str) -> TextSignature:
    return signatures([text])[0]
