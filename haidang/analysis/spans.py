"""Hateful/offensive span tagger: a post is HATE_OR_OFFENSIVE only when offending words are found in it.

The words are what an officer sees, quoted exactly as written (offsets into the original string).

- Tokens: words (and emoji) of the de-obfuscated text (`deobfuscate_aligned` when it exists), mapped
  back to the original offsets.
- Token tagger: lexical + context features, stable-hashed (crc32) and kept only when seen >= 2 times in
  training (<= 2^18 columns), logistic regression on ViHOS character spans; a second pass adds the first
  pass's scores of the neighbours and of the rest of the post (cross-fitted).
- Post decision: positive iff some token reaches `threshold` (>= 0.5), a bar that rises for texts longer
  than `length_ref` tokens (n tokens are n chances of a false alarm, and ViHOS has no long clean texts),
  and a post-level TF-IDF LR does not veto. The veto can only clear a post, never flag one.
- Pure Python + numpy/scipy/scikit-learn/joblib; no Django.

    tagger = shipped_tagger()
    tagger.find(["thằng này ngu như chó"])  # [[{"start": 0, "end": 21, "text": "thằng này ngu như chó", ...}]]
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import functools
import hashlib
import io
import json
import re
import sys
import time
import unicodedata
import zlib
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from haidang.text.normalize import fold, fold_aligned, load_teencode, normalize, typed_without_accents

try:  # another module may add this; without it, offsets are the identity
    from haidang.text.normalize import deobfuscate_aligned, deobfuscate_map
except ImportError:  # pragma: no cover - depends on the other module's progress
    deobfuscate_aligned = deobfuscate_map = None

csv.field_size_limit(sys.maxsize)

SHIPPED_DIR = Path(__file__).resolve().parent / "shipped"
SHIPPED_PATH = SHIPPED_DIR / "hate_spans.joblib"
POSITIVE = "HATE_OR_OFFENSIVE"
NEGATIVE = "CLEAN"
N_FEATURES = 2 ** 18
FORMAT = 1

# Words (letters/digits plus combining marks, so NFD input stays one token) and single emoji/symbols,
# since ViHOS marks emoji as offending too.
_TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]")
_REPEAT_RE = re.compile(r"(\w)\1{2,}")
# A gap that ends a sentence: spans are not merged across it.
_BREAK_RE = re.compile(r"[.!?;\n]")

# Chosen on ViHOS dev (variants and figures in the report of this module's first version): with the
# length rule, the second pass and the post-level veto, dev macro-F1 stays near the best seen (0.886 vs
# 0.90) while formal news with any span drops from ~60% to ~2%.
DEFAULT_CONFIG = {
    "C": 1.0,
    "class_weight": None,  # or "balanced" (measured: no better)
    "pos_weight": 1.0,     # weight of offending tokens (when class_weight is None)
    "window": 2,           # neighbours +-window (folded words)
    "bigrams": True,       # (prev, word) and (word, next), folded
    "trigram": False,      # (prev, word, next): measured no better
    "accented_ctx": True,  # neighbours +-1 and bigrams also with accents: +0.01 dev macro-F1
    "shape_ctx": False,    # neighbours' case/digit shape: measured no better
    "char": "folded",      # char n-grams of: "folded" word, "auto" (folded only if unaccented), "none"
    "penalty": "l2",
    "min_count": 2,        # features seen fewer times in training are dropped
    "stack": True,         # second pass with the first pass's scores of neighbours and of the post
    "post_gate": True,     # a post-level TF-IDF LR may veto a post (never flags one without a span)
    "post_C": 4.0,
    "blend_w": 0.5,        # weight of the post-level score in the veto
    "length_ref": 10,      # tokens; longer texts need stronger evidence (None: off)
    "length_power": 1.5,
    "lawful_terms": True,  # LAWFUL_PHRASES never form a span on their own
    # A second tagger, trained on the accent-folded training texts, reads posts typed without any
    # accents (see `typed_without_accents`): the accented tagger loses ~0.05 macro-F1 on them and flags
    # more lawful folded text. It shares the main tagger's token thresholds; its veto is tuned on folded dev.
    "folded_twin": True,  # its C: 1 as here (C 4 / 8: folded dev 0.872 / 0.877, but 12 % / 17 % of folded civic lawful posts get a span)
}


# Words for the conduct of officials and for policies, complaint words, and ordinary uses of words
# that ViHOS often marks (it spans "tham nhũng", "yếu kém", "độc tài"; "lũ" is also a flood). Criticism
# and political opinion are lawful, so these are never an offending span on their own; an insult next
# to them ("bọn tham nhũng" -> "bọn") still is. Matched accent-insensitively on whole words.
LAWFUL_PHRASES = (
    "tham nhũng", "tham ô", "hối lộ", "nhận hối lộ", "ăn hối lộ", "lợi ích nhóm", "trục lợi", "bao che",
    "yếu kém", "tắc trách", "vô trách nhiệm", "thiếu trách nhiệm", "chậm trễ", "chậm chạp", "cẩu thả",
    "lãng phí", "sai phạm", "vi phạm", "sai trái", "sai quy định", "nhũng nhiễu", "quan liêu", "hách dịch",
    "cửa quyền", "gây khó dễ", "làm ngơ", "thờ ơ", "bất công", "vô lý", "bất hợp lý", "thiếu minh bạch",
    "thất vọng", "bức xúc", "xuống cấp", "tiêu cực", "độc tài", "độc đoán", "đàn áp", "phản đối",
    "lừa đảo", "giả danh", "giả mạo", "mạo danh",
    "lũ lụt", "mưa lũ", "bão lũ", "mùa lũ", "lũ quét", "nước lũ", "thoát lũ", "đỉnh lũ", "lũ dâng", "lũ lên",
)


def _phrase_index(phrases) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(fold(phrase).split())
        index.setdefault(words[0], []).append(words)
    for options in index.values():
        options.sort(key=len, reverse=True)
    return index


_LAWFUL = _phrase_index(LAWFUL_PHRASES)
_fold_word = functools.lru_cache(maxsize=200_000)(fold)


def lawful_mask(words: list[str]) -> np.ndarray:
    """True for the tokens inside a LAWFUL_PHRASES match."""
    folded = [_fold_word(w) for w in words]
    mask = np.zeros(len(words), dtype=bool)
    for i, w in enumerate(folded):
        for phrase in _LAWFUL.get(w, ()):
            if tuple(folded[i:i + len(phrase)]) == phrase:
                mask[i:i + len(phrase)] = True
                break
    return mask


# --- tokenising --------------------------------------------------------------------------------
def _identity(text: str) -> tuple[str, list[int]]:
    return text, list(range(len(text)))


def _deobfuscate(text: str) -> tuple[str, list[int]]:
    if deobfuscate_aligned is None:
        return _identity(text)
    try:
        out, index_map = deobfuscate_aligned(text)
        index_map = list(index_map)
    except Exception:  # a bug there must not stop the tagger; fall back to the raw text
        return _identity(text)
    if len(index_map) != len(out):
        return _identity(text)
    return out, index_map


def _deobfuscate_shared(text: str) -> tuple[str, list[int] | None]:
    """`_deobfuscate` with None for the identity map (most posts), and the map shared with the cache."""
    if deobfuscate_map is None:
        return text, None
    try:
        out, index_map = deobfuscate_map(text)
    except Exception:  # as `_deobfuscate`: the raw text
        return text, None
    if len(index_map if index_map is not None else text) != len(out):
        return text, None
    return out, index_map


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """`(word, start, end)` with offsets into the ORIGINAL `text` (after de-obfuscation is undone)."""
    text = text or ""
    clean_text, index_map = _deobfuscate_shared(text)
    n = len(text)
    if len(clean_text) == n and (index_map is None or index_map == list(range(n))):
        # Nothing was undone (most posts): the offsets are the match's own.
        return [(m[0], m.start(), m.end()) for m in _TOKEN_RE.finditer(clean_text)]
    out = []
    for m in _TOKEN_RE.finditer(clean_text):
        idx = [i for i in index_map[m.start():m.end()] if isinstance(i, int) and 0 <= i < n]
        if not idx:
            continue
        out.append((m.group(0), min(idx), max(idx) + 1))
    return out


# --- features ------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _teencode() -> dict[str, str]:
    return load_teencode()


@functools.lru_cache(maxsize=200_000)
def _word_feats(word: str, char: str = "folded") -> tuple[tuple[str, ...], str, str]:
    """Context-free features of a word, its folded form and lower-cased form (cached: words repeat)."""
    lower = unicodedata.normalize("NFC", word).lower()
    folded = fold(lower)
    squeezed = _REPEAT_RE.sub(r"\1", folded)
    lower_sq = _REPEAT_RE.sub(r"\1", lower)
    feats = ["w=" + lower, "f=" + folded]
    if squeezed != folded:
        feats += ["r=" + squeezed, "s:rep"]
    expanded = _teencode().get(lower_sq) or _teencode().get(squeezed)
    if expanded:
        feats.append("t=" + expanded.replace(" ", "_"))
        feats.append("tf=" + fold(expanded).replace(" ", "_"))
    if char != "none":
        # "auto": n-grams of the folded word only when it is written without accents (folding maps
        # "nguy" near "ngu" and "lợn" onto "lồn"); of the accented word otherwise.
        base = squeezed if char == "folded" or (char == "auto" and folded == lower) else lower_sq
        prefix = "c=" if base is squeezed else "ca="
        padded = "<" + base + ">"
        for k in (2, 3, 4):
            feats.extend(prefix + padded[i:i + k] for i in range(len(padded) - k + 1))
    if word[:1].isupper():
        feats.append("s:cap")
        if len(word) > 1 and word.isupper():
            feats.append("s:allcap")
    if any(ch.isdigit() for ch in word):
        feats.append("s:dig")
    if len(word) == 1 and not word.isalnum():
        feats.append("s:emo")
    if folded == lower and not lower.isdigit():
        feats.append("s:noacc")
    feats.append(f"s:len={min(len(squeezed), 8)}")
    return tuple(feats), squeezed, lower


def _token_features(words: list[str], config: dict) -> list[list[str]]:
    char = config.get("char", "folded")
    info = [_word_feats(w, char) for w in words]
    folded = [f for _, f, _ in info]
    lowered = [lw for _, _, lw in info]
    n = len(words)
    window = config.get("window", 2)

    def at(seq, j):
        return seq[j] if 0 <= j < n else ("<s>" if j < 0 else "</s>")

    rows = []
    for i in range(n):
        feats = list(info[i][0])
        for d in range(1, window + 1):
            feats.append(f"p{d}={at(folded, i - d)}")
            feats.append(f"n{d}={at(folded, i + d)}")
        if config.get("bigrams", True):
            feats.append(f"bp={at(folded, i - 1)}_{folded[i]}")
            feats.append(f"bn={folded[i]}_{at(folded, i + 1)}")
        if config.get("trigram"):
            feats.append(f"tri={at(folded, i - 1)}_{folded[i]}_{at(folded, i + 1)}")
        if config.get("shape_ctx"):
            for d, j in (("p", i - 1), ("n", i + 1)):
                if 0 <= j < n:
                    w = words[j]
                    kind = "C" if w[:1].isupper() else "l" if w[:1].isalpha() else "9" if w[:1].isdigit() else "e"
                    feats.append(f"{d}s={kind}{'A' if w.isupper() and len(w) > 1 else ''}")
        if config.get("accented_ctx"):
            feats.append("P1=" + at(lowered, i - 1))
            feats.append("N1=" + at(lowered, i + 1))
            feats.append(f"BP={at(lowered, i - 1)}_{lowered[i]}")
            feats.append(f"BN={lowered[i]}_{at(lowered, i + 1)}")
        rows.append(feats)
    return rows


def fingerprint(feature: str) -> int:
    """Stable 32-bit hash of a feature (crc32; Python's hash() is salted per process)."""
    return zlib.crc32(feature.encode("utf-8"))


_fp_cached = functools.lru_cache(maxsize=500_000)(fingerprint)


class Vocab:
    """Hashed features seen often enough in training, each with its own column (<= N_FEATURES).

    A feature never seen in training contributes nothing, instead of the weight of whatever trained
    feature shares its hash bucket: with ~300k distinct features in 2^18 buckets that noise made long
    out-of-domain texts (news) light up."""

    def __init__(self, fps: np.ndarray):
        self.fps = np.asarray(fps, dtype=np.uint32)  # sorted, unique

    @classmethod
    def build(cls, fp_lists: list[np.ndarray], min_count: int = 2, max_size: int = N_FEATURES) -> Vocab:
        allfp = np.concatenate([np.unique(f) for f in fp_lists]) if fp_lists else np.zeros(0, np.uint32)
        uniq, counts = np.unique(allfp, return_counts=True)
        keep = uniq[counts >= min_count]
        if len(keep) > max_size:  # the most frequent ones
            order = np.argsort(-counts[counts >= min_count], kind="stable")[:max_size]
            keep = np.sort(keep[order])
        return cls(keep)

    def __len__(self) -> int:
        return len(self.fps)

    def matrix(self, fp_lists: list[np.ndarray], binary: bool = True) -> sp.csr_matrix:
        """One row per list of fingerprints (binary or counts); unknown fingerprints are dropped."""
        n_rows = len(fp_lists)
        if not n_rows:
            return sp.csr_matrix((0, len(self)), dtype=np.float32)
        lengths = np.array([len(f) for f in fp_lists])
        flat = np.concatenate(fp_lists).astype(np.uint32) if lengths.sum() else np.zeros(0, np.uint32)
        return self.matrix_flat(flat, np.repeat(np.arange(n_rows), lengths), n_rows, binary)

    def matrix_flat(self, flat: np.ndarray, rows: np.ndarray, n_rows: int, binary: bool = True) -> sp.csr_matrix:
        """The same from fingerprints `flat` and the row of each."""
        if not n_rows:
            return sp.csr_matrix((0, len(self)), dtype=np.float32)
        pos = np.searchsorted(self.fps, flat)
        pos_c = np.minimum(pos, max(len(self.fps) - 1, 0))
        ok = (pos < len(self.fps)) & (self.fps[pos_c] == flat) if len(self.fps) else np.zeros(len(flat), bool)
        X = sp.csr_matrix((np.ones(int(ok.sum()), np.float32), (rows[ok], pos_c[ok])), shape=(n_rows, len(self)))
        X.sum_duplicates()
        if binary:
            X.data[:] = 1.0  # a feature repeated within one row still counts once
        return X

    def dump(self) -> np.ndarray:
        # Sorted: the deltas are small, so the file compresses well.
        return np.diff(self.fps.astype(np.int64), prepend=0).astype(np.uint32)

    @classmethod
    def undump(cls, deltas) -> Vocab:
        return cls(np.cumsum(np.asarray(deltas, dtype=np.int64)).astype(np.uint32))


def _fps(rows: list[list[str]]) -> list[np.ndarray]:
    return [np.fromiter((_fp_cached(f) for f in r), dtype=np.uint32, count=len(r)) for r in rows]


def _featurize(texts: list[str], config: dict):
    """All tokens of a batch of texts: (tokens per text, fingerprints per token, row offsets)."""
    toks = [tokenize(t) for t in texts]
    if _fast_ok(config):
        fps, rows = _fast_fps([[w for w, _, _ in tk] for tk in toks], config)
        n_tokens = sum(len(tk) for tk in toks)
        order = np.argsort(rows, kind="stable")
        cuts = np.cumsum(np.bincount(rows, minlength=n_tokens))[:-1] if n_tokens else []
        offsets = [0]
        for tk in toks:
            offsets.append(offsets[-1] + len(tk))
        return toks, np.split(fps[order], cuts) if n_tokens else [], offsets
    rows: list[list[str]] = []
    offsets = [0]
    for tk in toks:
        rows.extend(_token_features([w for w, _, _ in tk], config))
        offsets.append(len(rows))
    return toks, _fps(rows), offsets


# --- the same fingerprints, fast -------------------------------------------------------------------
# `_token_features` builds ~25 strings per token and hashes each: that was most of the analyser's CPU.
# A word's own features and its features as somebody's neighbour depend on the word only, and a
# bigram's on the pair, so their fingerprints are cached (Vietnamese has a few thousand syllables).
# The feature set per token is exactly `_token_features`' (tests/test_spans.py compares them).
def _fast_ok(config: dict) -> bool:
    return not config.get("trigram") and not config.get("shape_ctx")


@functools.lru_cache(maxsize=200_000)
def _word_fp_info(word: str, char: str, window: int, accented: bool):
    """(own fingerprints, folded, lowered, fingerprints of the word as a neighbour: p1..pw, n1..nw[, P1, N1])."""
    feats, folded, lowered = _word_feats(word, char)
    own = np.fromiter((_fp_cached(f) for f in feats), dtype=np.uint32, count=len(feats))
    return own, folded, lowered, _neighbour_fps(folded, lowered, window, accented)


@functools.lru_cache(maxsize=16)
def _boundary_fps(mark: str, window: int, accented: bool) -> tuple[int, ...]:
    return _neighbour_fps(mark, mark, window, accented)


def _neighbour_fps(folded: str, lowered: str, window: int, accented: bool) -> tuple[int, ...]:
    out = [fingerprint(f"p{d}={folded}") for d in range(1, window + 1)]
    out += [fingerprint(f"n{d}={folded}") for d in range(1, window + 1)]
    if accented:
        out += [fingerprint("P1=" + lowered), fingerprint("N1=" + lowered)]
    return tuple(out)


@functools.lru_cache(maxsize=500_000)
def _pair_fps(a: str, b: str, upper: bool) -> tuple[int, int]:
    """Fingerprints of the bigram (a, b) as the right word's `bp` and the left word's `bn` (`BP`/`BN`
    with accents)."""
    if upper:
        return fingerprint(f"BP={a}_{b}"), fingerprint(f"BN={a}_{b}")
    return fingerprint(f"bp={a}_{b}"), fingerprint(f"bn={a}_{b}")


def _fast_fps(word_lists: list[list[str]], config: dict) -> tuple[np.ndarray, np.ndarray]:
    """(fingerprints, token row of each) for every token of every text, tokens numbered across texts."""
    char = config.get("char", "folded")
    w = int(config.get("window", 2))
    accented = bool(config.get("accented_ctx"))
    bigrams = config.get("bigrams", True)
    start_fp = _boundary_fps("<s>", w, accented)
    end_fp = _boundary_fps("</s>", w, accented)
    fps: list[np.ndarray] = []
    rows: list[np.ndarray] = []
    base = 0
    for words in word_lists:
        n = len(words)
        if not n:
            continue
        info = [_word_fp_info(word, char, w, accented) for word in words]
        own = [i[0] for i in info]
        fps.append(np.concatenate(own))
        rows.append(np.repeat(np.arange(base, base + n), [len(o) for o in own]))
        neigh = np.array([start_fp] * w + [i[3] for i in info] + [end_fp] * w, dtype=np.uint32)
        cols = [neigh[w - d:w - d + n, d - 1] for d in range(1, w + 1)]
        cols += [neigh[w + d:w + d + n, w + d - 1] for d in range(1, w + 1)]
        if bigrams or accented:
            folded = ["<s>"] + [i[1] for i in info] + ["</s>"]
            lowered = ["<s>"] + [i[2] for i in info] + ["</s>"]
        if bigrams:
            pairs = np.array([_pair_fps(folded[k], folded[k + 1], False) for k in range(n + 1)], dtype=np.uint32)
            cols += [pairs[:n, 0], pairs[1:, 1]]
        if accented:
            cols += [neigh[w - 1:w - 1 + n, 2 * w], neigh[w + 1:w + 1 + n, 2 * w + 1]]
            pairs = np.array([_pair_fps(lowered[k], lowered[k + 1], True) for k in range(n + 1)], dtype=np.uint32)
            cols += [pairs[:n, 0], pairs[1:, 1]]
        if cols:
            fps.append(np.concatenate(cols))
            rows.append(np.tile(np.arange(base, base + n), len(cols)))
        base += n
    if not fps:
        return np.zeros(0, np.uint32), np.zeros(0, np.int64)
    return np.concatenate(fps).astype(np.uint32), np.concatenate(rows)


def _featurize_flat(texts: list[str], config: dict):
    """Like `_featurize`, as (tokens per text, fingerprints, their token rows, row offsets): what scoring needs."""
    toks = [tokenize(t) for t in texts]
    offsets = [0]
    for tk in toks:
        offsets.append(offsets[-1] + len(tk))
    if _fast_ok(config):
        fps, rows = _fast_fps([[w for w, _, _ in tk] for tk in toks], config)
        return toks, fps, rows, offsets
    per_token = _fps([r for tk in toks for r in _token_features([w for w, _, _ in tk], config)])
    lengths = [len(f) for f in per_token]
    flat = np.concatenate(per_token).astype(np.uint32) if sum(lengths) else np.zeros(0, np.uint32)
    return toks, flat, np.repeat(np.arange(len(per_token)), lengths), offsets


# --- inference: one batch, columns cached per word -------------------------------------------------
# At inference the fingerprints are only a way to the vocabulary's columns, so the columns themselves
# are cached: a word's own features, the word as somebody's neighbour, a bigram, and the post gate's
# per-word and per-bigram features. A batch then gathers them with numpy instead of hashing and
# looking up ~25 features per token. The matrices built are exactly those of `Vocab.matrix_flat` on
# `_featurize_flat` (same rows, same columns, canonical CSR), so every score is bit-for-bit the same
# (tests/test_speed_spans.py compares them with the reference path).
_BUCKET_BITS = 18


def _columns_of(vocab: Vocab, fps) -> np.ndarray:
    """Vocabulary column of each fingerprint, -1 when it was not kept in training. Fingerprints are
    uniform, so the top bits index a table of where each bucket starts in the sorted `vocab.fps`, and a
    few vectorised probes (a bucket holds a handful at most) replace a binary search per fingerprint."""
    fps = np.asarray(fps, dtype=np.uint32)
    n = len(vocab.fps)
    if not n or not len(fps):
        return np.full(len(fps), -1, dtype=np.int64)
    if getattr(vocab, "_buckets_of", None) is not vocab.fps:
        edges = np.arange(2 ** _BUCKET_BITS + 1, dtype=np.uint64) << np.uint64(32 - _BUCKET_BITS)
        starts = np.searchsorted(vocab.fps, edges).astype(np.int64)
        vocab._bucket_starts, vocab._bucket_depth = starts, int(np.diff(starts).max())
        vocab._buckets_of = vocab.fps
    starts = vocab._bucket_starts
    bucket = (fps >> np.uint32(32 - _BUCKET_BITS)).astype(np.int64)
    lo, hi = starts[bucket], starts[bucket + 1]
    out = np.full(len(fps), -1, dtype=np.int64)
    for j in range(vocab._bucket_depth):
        at = lo + j
        probe = at < hi
        if not probe.any():
            break
        hit = probe & (vocab.fps[np.minimum(at, n - 1)] == fps)
        out[hit] = at[hit]
    return out


def _pair_prefixes(folded: str, lowered: str) -> tuple:
    """What `_batch_matrix` needs of a word for its bigram fingerprints (see `_pair_fps`): its folded and
    lowered bytes as a right word, and the running crc32 of "bp=<folded>_", "bn=<folded>_", "BP=<lowered>_",
    "BN=<lowered>_" as a left word."""
    return (folded.encode("utf-8"), lowered.encode("utf-8"), zlib.crc32(f"bp={folded}_".encode()),
            zlib.crc32(f"bn={folded}_".encode()), zlib.crc32(f"BP={lowered}_".encode()),
            zlib.crc32(f"BN={lowered}_".encode()))


class _ColumnCache:
    """Per-tagger caches (a tagger and its shallow copies share one; the folded twin has its own).
    Rebuilt when the vocabulary or the feature settings change; cleared when they grow past `MAX`.
    What a batch misses is looked up in the vocabulary in one call (most words of a batch of new posts
    are known, but one numpy call per new word or bigram cost more than the rest of the tagger)."""

    MAX = 50_000  # words per table (~1 kB each); a day of posts rarely has more distinct ones

    def __init__(self):
        self.key = None

    def ready(self, tagger: SpanTagger) -> _ColumnCache:
        cfg = tagger.config
        post_vocab = (tagger.post or {}).get("vocab")
        key = (id(tagger.vocab), id(post_vocab), cfg.get("char", "folded"), int(cfg.get("window", 2)),
               bool(cfg.get("accented_ctx")), bool(cfg.get("bigrams", True)))
        if key != self.key:
            self.vocab, self.post_vocab = tagger.vocab, post_vocab
            self.char, self.window, self.accented, self.bigrams = key[2:]
            self.words: dict = {}
            self.post_words: dict = {}
            w = self.window
            self.boundary = [_columns_of(self.vocab, _neighbour_fps(m, m, w, self.accented)) for m in ("<s>", "</s>")]
            self.boundary_pairs = [_pair_prefixes(m, m) for m in ("<s>", "</s>")]
            self.key = key
        for table in (self.words, self.post_words):
            if len(table) > self.MAX:
                table.clear()
        return self

    def words_of(self, words) -> list[tuple]:
        """Per word: (own columns, unique; folded; lowered; columns as a neighbour; may start a lawful
        phrase; `_pair_prefixes`)."""
        table = self.words
        found = {w: table.get(w) for w in words}  # local: another thread may clear the table meanwhile
        missing = [w for w, e in found.items() if e is None]
        if missing:
            infos = [_word_feats(w, self.char) for w in missing]
            n_neigh = 2 * self.window + (2 if self.accented else 0)
            own_fps = np.fromiter((_fp_cached(f) for feats, _, _ in infos for f in feats), dtype=np.uint32)
            neigh_fps = np.fromiter((fp for _, folded, lowered in infos
                                     for fp in _neighbour_fps(folded, lowered, self.window, self.accented)),
                                    dtype=np.uint32, count=n_neigh * len(infos))
            cols = _columns_of(self.vocab, np.concatenate([own_fps, neigh_fps]))
            own, neigh = cols[:len(own_fps)], cols[len(own_fps):].reshape(len(infos), n_neigh)
            # Each word's own columns, known ones only, sorted and unique (`np.unique` per word), for all
            # the missing words in one sort: keyed by (word, column).
            word_of = np.repeat(np.arange(len(infos), dtype=np.int64), [len(feats) for feats, _, _ in infos])
            known = own >= 0
            width = max(len(self.vocab), 1)
            keys = np.unique(word_of[known] * width + own[known])
            uniq_cols = (keys % width).astype(np.int32)
            cuts = np.searchsorted(keys // width, np.arange(1, len(infos)))
            for word, (_, folded, lowered), own_cols, neigh_cols in zip(
                    missing, infos, np.split(uniq_cols, cuts), neigh, strict=True):
                found[word] = table[word] = (own_cols, folded, lowered, neigh_cols,
                                             _fold_word(word) in _LAWFUL, _pair_prefixes(folded, lowered))
        return [found[w] for w in words]

    def post_words_of(self, words) -> list[tuple]:
        """The post gate's view of each normalised word: (columns of "w=", "f=" and the folded char
        2-4-grams, with repeats; its bytes and the running crc32 of "w2=<word>_"; the same folded, "f2=";
        whether it folds to something: a lone variation selector folds to "" and is no folded word)."""
        table = self.post_words
        found = {w: table.get(w) for w in words}
        missing = [w for w, e in found.items() if e is None]
        if missing:
            feats_of = []
            for w in missing:
                f = fold(w)
                padded = "<" + f + ">"
                feats_of.append((f, ["w=" + w] + (["f=" + f] + [
                    "c=" + padded[i:i + k] for k in (2, 3, 4) for i in range(len(padded) - k + 1)] if f else [])))
            cols = _columns_of(self.post_vocab, [_fp_cached(x) for _, feats in feats_of for x in feats])
            at = 0
            for w, (f, feats) in zip(missing, feats_of, strict=True):
                part = cols[at:at + len(feats)]
                at += len(feats)
                found[w] = table[w] = (part[part >= 0].astype(np.int32), w.encode("utf-8"), zlib.crc32(f"w2={w}_".encode()),
                                       f.encode("utf-8"), zlib.crc32(f"f2={f}_".encode()), bool(f))
        return [found[w] for w in words]


def _batch_matrix(cache: _ColumnCache, toks: list[list[tuple[str, int, int]]]):
    """The binary token x feature matrix of a batch, token row offsets per text, and per text whether a
    token may start a LAWFUL_PHRASES match (only those texts need `lawful_mask`)."""
    lengths = np.array([len(tk) for tk in toks], dtype=np.int64)
    offsets = [0, *np.cumsum(lengths).tolist()]
    n_tok = offsets[-1]
    n_cols = len(cache.vocab)
    if not n_tok:
        return sp.csr_matrix((0, n_cols), dtype=np.float32), offsets, [False] * len(toks)
    local: dict[str, int] = {}
    wid = np.fromiter((local.setdefault(w, len(local)) for tk in toks for w, _, _ in tk), dtype=np.int64,
                      count=n_tok)
    entries = cache.words_of(list(local))
    n_words = len(entries)
    # Own features: a segment gather from the words' concatenated columns.
    own_len = np.array([len(e[0]) for e in entries], dtype=np.int64)
    own_flat = np.concatenate([e[0] for e in entries])
    own_start = np.cumsum(own_len) - own_len
    per_tok = own_len[wid]
    total = int(per_tok.sum())
    row_own = np.repeat(np.arange(n_tok), per_tok)
    gather = np.arange(total) - np.repeat(np.cumsum(per_tok) - per_tok, per_tok) + np.repeat(own_start[wid], per_tok)
    col_parts = [own_flat[gather]]
    row_parts = [row_own]
    # Neighbours: the batch's word ids padded with `window` boundary marks on each side of every text.
    w = cache.window
    neigh = np.vstack([np.array([e[3] for e in entries], dtype=np.int64).reshape(n_words, -1),
                       np.array(cache.boundary, dtype=np.int64).reshape(2, -1)])
    n_texts = len(toks)
    text_of = np.repeat(np.arange(n_texts), lengths)
    pos = np.arange(n_tok) + 2 * w * text_of + w
    padded = np.empty(n_tok + 2 * w * n_texts, dtype=np.int64)
    block = np.asarray(offsets[:-1], dtype=np.int64) + 2 * w * np.arange(n_texts)
    for d in range(w):
        padded[block + d] = n_words  # "<s>"
        padded[block + w + lengths + d] = n_words + 1  # "</s>"
    padded[pos] = wid
    ctx = [neigh[padded[pos - d], d - 1] for d in range(1, w + 1)]
    ctx += [neigh[padded[pos + d], w + d - 1] for d in range(1, w + 1)]
    if cache.accented:
        ctx += [neigh[padded[pos - 1], 2 * w], neigh[padded[pos + 1], 2 * w + 1]]
    # Bigrams: each word caches the crc32 of "bp=<word>_" (and bn=, BP=, BN=) and its own bytes; crc32
    # runs on, so crc32(right bytes, crc of the left prefix) is the fingerprint of the whole bigram
    # feature, with no string built per token.
    if cache.bigrams or cache.accented:
        pair_info = [e[5] for e in entries] + cache.boundary_pairs
        left = [pair_info[i] for i in padded[pos - 1].tolist()]
        cur = [pair_info[i] for i in wid.tolist()]
        right = [pair_info[i] for i in padded[pos + 1].tolist()]
        fps = []
        if cache.bigrams:
            fps.append([zlib.crc32(c[0], le[2]) for le, c in zip(left, cur, strict=True)])  # bp=left_word
            fps.append([zlib.crc32(r[0], c[3]) for c, r in zip(cur, right, strict=True)])  # bn=word_right
        if cache.accented:
            fps.append([zlib.crc32(c[1], le[4]) for le, c in zip(left, cur, strict=True)])  # BP=
            fps.append([zlib.crc32(r[1], c[5]) for c, r in zip(cur, right, strict=True)])  # BN=
        ctx += list(_columns_of(cache.vocab, np.array(fps, dtype=np.uint32).ravel()).reshape(len(fps), n_tok))
    if ctx:
        ctx_cols = np.stack(ctx, axis=1).ravel()
        ctx_rows = np.repeat(np.arange(n_tok), len(ctx))
        keep = ctx_cols >= 0
        col_parts.append(ctx_cols[keep])
        row_parts.append(ctx_rows[keep])
    cols = np.concatenate(col_parts)
    rows = np.concatenate(row_parts)
    X = sp.csr_matrix((np.ones(len(cols), np.float32), (rows, cols)), shape=(n_tok, n_cols))
    X.sum_duplicates()
    X.data[:] = 1.0
    lawful_tok = np.array([e[4] for e in entries], dtype=bool)[wid]
    lawful_text = np.bincount(text_of[lawful_tok], minlength=n_texts) > 0
    return X, offsets, lawful_text.tolist()


def _post_matrix_cached(cache: _ColumnCache, norms: list[str], idf: np.ndarray) -> sp.csr_matrix:
    """`_post_matrix` from cached columns: the same counts, so the same matrix. Folding a normalised
    text and splitting it gives its words folded one by one, less those that fold to "" (`fold` makes no
    whitespace, and nothing composes across it), so each word's folded features are cached with it."""
    words = [norm.split() for norm in norms]
    lengths = np.array([len(ws) for ws in words], dtype=np.int64)
    n_words = int(lengths.sum())
    n_cols = len(cache.post_vocab)
    if not n_words:
        return _tfidf(sp.csr_matrix((len(norms), n_cols), dtype=np.float32), idf)
    local: dict[str, int] = {}
    wid = np.fromiter((local.setdefault(w, len(local)) for ws in words for w in ws), dtype=np.int64, count=n_words)
    entries = cache.post_words_of(list(local))
    text_of = np.repeat(np.arange(len(norms)), lengths)
    own_len = np.array([len(e[0]) for e in entries], dtype=np.int64)
    own_flat = np.concatenate([e[0] for e in entries])
    own_start = np.cumsum(own_len) - own_len
    per_word = own_len[wid]
    gather = (np.arange(int(per_word.sum())) - np.repeat(np.cumsum(per_word) - per_word, per_word)
              + np.repeat(own_start[wid], per_word))
    cols = [own_flat[gather]]
    rows = [np.repeat(text_of, per_word)]
    # Bigrams of words within a text ("w2=a_b", "f2=fold(a)_fold(b)"), fingerprinted by crc32 run on.
    folds = np.array([e[5] for e in entries], dtype=bool)[wid]
    fps: list[int] = []
    pair_rows = []
    for k, keep_word in ((1, None), (3, folds)):
        ids, texts_of, lens = (wid, text_of, lengths) if keep_word is None else (
            wid[keep_word], text_of[keep_word], np.bincount(text_of[keep_word], minlength=len(norms)))
        has_next = np.ones(len(ids), dtype=bool)
        has_next[np.cumsum(lens)[lens > 0] - 1] = False
        left = [entries[i] for i in ids[has_next].tolist()]
        right = [entries[i] for i in ids[np.flatnonzero(has_next) + 1].tolist()]
        fps += [zlib.crc32(r[k], le[k + 1]) for le, r in zip(left, right, strict=True)]
        pair_rows.append(texts_of[has_next])
    if fps:
        pair_cols = _columns_of(cache.post_vocab, np.array(fps, dtype=np.uint32))
        keep = pair_cols >= 0
        cols.append(pair_cols[keep])
        rows.append(np.concatenate(pair_rows)[keep])
    col = np.concatenate(cols)
    X = sp.csr_matrix((np.ones(len(col), np.float32), (np.concatenate(rows), col)), shape=(len(norms), n_cols))
    X.sum_duplicates()
    return _tfidf(X, idf)


def _post_analyzer(text: str) -> list[str]:
    """Post-level bag: normalised words and bigrams, folded words and bigrams, folded char 2-4-grams."""
    norm = normalize(text)
    words = norm.split()
    folded = fold(norm).split()
    feats = ["w=" + w for w in words] + ["f=" + w for w in folded]
    feats += [f"w2={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    feats += [f"f2={a}_{b}" for a, b in zip(folded, folded[1:], strict=False)]
    for w in folded:
        padded = "<" + w + ">"
        for k in (2, 3, 4):
            feats.extend("c=" + padded[i:i + k] for i in range(len(padded) - k + 1))
    return feats


def _post_matrix(texts: list[str], vocab: Vocab, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF-IDF, L2-normalised (numpy only: importing scikit-learn costs ~2 s at first use)."""
    return _tfidf(vocab.matrix(_fps([_post_analyzer(t) for t in texts]), binary=False), idf)


def _tfidf(X: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Counts to sublinear TF-IDF rows, L2-normalised."""
    X.data = np.log1p(X.data)
    X = sp.csr_matrix(X @ _idf_diagonal(idf))
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    return sp.csr_matrix(sp.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ X)


_IDF_DIAGONALS: dict[int, tuple[np.ndarray, sp.csr_matrix]] = {}


def _idf_diagonal(idf: np.ndarray) -> sp.csr_matrix:
    """`sp.diags(idf)` as the CSR matrix that `X @ sp.diags(idf)` turns it into, kept per idf array: the
    gate passes the same array every batch, and building the diagonal was most of `_tfidf`'s cost."""
    hit = _IDF_DIAGONALS.get(id(idf))
    if hit is not None and hit[0] is idf:
        return hit[1]
    diagonal = sp.csr_matrix(sp.diags(idf.astype(np.float32)))
    if len(_IDF_DIAGONALS) >= 8:
        _IDF_DIAGONALS.clear()
    _IDF_DIAGONALS[id(idf)] = (idf, diagonal)
    return diagonal


N_STACK = 20


def _stack_matrix(probs: np.ndarray, offsets: list[int]) -> sp.csr_matrix:
    """One-hot buckets per token: left and right neighbour's first-pass score, the best score among
    the other tokens of the post, and how many other tokens score >= 0.5 (0..4). The whole batch at
    once; the same matrix as `_stack_matrix_loop` (same dtypes, so the same bucket at every edge)."""
    n = len(probs)
    if not n:
        return sp.csr_matrix((0, N_STACK), dtype=np.float32)
    cols = _stack_columns(probs, offsets)
    rows = np.repeat(np.arange(n), 4)
    return sp.csr_matrix((np.ones(4 * n, np.float32), (rows, cols.ravel())), shape=(n, N_STACK))


def _stack_columns(probs: np.ndarray, offsets: list[int]) -> np.ndarray:
    """The four columns per token (n x 4, increasing along each row) that `_stack_matrix` sets to one."""
    n = len(probs)
    p = np.asarray(probs)
    offsets = np.asarray(offsets, dtype=np.int64)
    lengths = np.diff(offsets)
    text_of = np.repeat(np.arange(len(lengths)), lengths)
    full = lengths > 0
    firsts, lasts = offsets[:-1][full], offsets[1:][full] - 1
    left = np.zeros(n)  # float64, as the loop's concatenation with [0.0]
    left[1:] = p[:-1]
    left[firsts] = 0.0
    right = np.zeros(n)
    right[:-1] = p[1:]
    right[lasts] = 0.0
    ranked = p[np.lexsort((p, text_of))]
    top = np.zeros(len(lengths), dtype=p.dtype)
    second = np.zeros(len(lengths), dtype=p.dtype)
    top[full] = ranked[lasts]
    two = lengths > 1
    second[two] = ranked[offsets[1:][two] - 2]
    other = np.where(p >= top[text_of], second[text_of], top[text_of])
    hot = p >= 0.5
    strong = np.bincount(text_of[hot], minlength=len(lengths))[text_of] - hot
    return np.stack([np.minimum((left * 5).astype(int), 4), 5 + np.minimum((right * 5).astype(int), 4),
                     10 + np.minimum((other * 5).astype(int), 4), 15 + np.minimum(strong, 4)], axis=1)


def _stack_matrix_loop(probs: np.ndarray, offsets: list[int]) -> sp.csr_matrix:
    """`_stack_matrix` one post at a time (the reference it is tested against)."""
    n = len(probs)
    cols = np.zeros((n, 4), dtype=np.int64)
    for a, b in zip(offsets, offsets[1:], strict=False):
        if a == b:
            continue
        p = probs[a:b]
        left = np.concatenate([[0.0], p[:-1]])
        right = np.concatenate([p[1:], [0.0]])
        order = np.sort(p)
        top, second = order[-1], (order[-2] if len(p) > 1 else 0.0)
        other = np.where(p >= top, second, top)
        strong = (p >= 0.5).sum() - (p >= 0.5)
        cols[a:b, 0] = np.minimum((left * 5).astype(int), 4)
        cols[a:b, 1] = 5 + np.minimum((right * 5).astype(int), 4)
        cols[a:b, 2] = 10 + np.minimum((other * 5).astype(int), 4)
        cols[a:b, 3] = 15 + np.minimum(strong, 4)
    rows = np.repeat(np.arange(n), 4)
    return sp.csr_matrix((np.ones(4 * n, np.float32), (rows, cols.ravel())), shape=(n, N_STACK))


def _logit(p: float) -> float:
    p = min(max(float(p), 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


# --- the tagger ----------------------------------------------------------------------------------
class SpanTagger:
    """Token tagger with a post-level rule: positive iff at least one span is found."""

    def __init__(self, vocab, coef, intercept, config, threshold, threshold_precise, version="unsaved",
                 meta=None, post=None, stack=None, folded_twin=None):
        # Optional SpanTagger for posts typed without accents (`typed_without_accents`), same thresholds.
        self.folded_twin = folded_twin
        self.vocab = vocab
        # Optional second pass {"coef", "intercept"}: the first pass's scores of the neighbours and of
        # the rest of the post as extra features (a word reads differently in an abusive post).
        self.stack = stack
        self.coef = np.asarray(coef, dtype=np.float32).ravel()
        self.intercept = float(intercept)
        self.config = dict(config)
        self.threshold = float(threshold)
        self.threshold_precise = float(threshold_precise)
        self.version = version
        self.meta = dict(meta or {})
        # Optional post-level gate: {"vocab", "coef", "intercept", "idf", "threshold"}.
        self.post = post
        self._columns = _ColumnCache()  # shared with shallow copies (`_without_twin`)

    # Scores --------------------------------------------------------------------------------------
    def token_scores(self, texts: list[str]) -> list[tuple[list[tuple[str, int, int]], np.ndarray]]:
        """Tokens and per-token probabilities for each text."""
        texts = [t if isinstance(t, str) else ("" if t is None else str(t)) for t in texts]
        routed = self._route(texts, lambda tg, xs: tg.token_scores(xs))
        if routed is not None:
            return routed
        if not _fast_ok(self.config):
            return self._token_scores_reference(texts)
        toks = [tokenize(t) for t in texts]
        X, offsets, may_be_lawful = _batch_matrix(self._columns.ready(self), toks)
        probs = self._token_probs(X, offsets)
        lawful_terms = self.config.get("lawful_terms", True)
        out = []
        for i in range(len(texts)):
            p = probs[offsets[i]:offsets[i + 1]]
            if lawful_terms and len(p):
                # A copy either way, as the reference; the mask only where a word may start a phrase.
                p = np.where(lawful_mask([w for w, _, _ in toks[i]]), 0.0, p) if may_be_lawful[i] else p.copy()
            out.append((toks[i], p))
        return out

    def _token_probs(self, X: sp.csr_matrix, offsets: list[int]) -> np.ndarray:
        probs = _sigmoid(X @ self.coef + self.intercept) if X.shape[0] else np.zeros(0)
        if self.stack and X.shape[0]:
            # `hstack([X, _stack_matrix(...)]) @ coef` without building the stacked matrix: a row's product
            # sums X's entries, then the four stacking columns in increasing order; so do these additions, in
            # the same order and dtype, and every score is bit-for-bit the same.
            coef = np.asarray(self.stack["coef"])
            n_x = X.shape[1]
            cols = _stack_columns(probs, offsets)
            z = X @ coef[:n_x]
            for k in range(4):
                z += coef[n_x:][cols[:, k]]
            probs = _sigmoid(z + float(self.stack["intercept"]))
        return probs

    def _token_scores_reference(self, texts: list[str]):
        """`token_scores` through fingerprints and `Vocab.matrix_flat`, one post at a time where it can
        (the slow path the cached one is tested against; also any config `_fast_ok` refuses)."""
        texts = [t if isinstance(t, str) else ("" if t is None else str(t)) for t in texts]
        toks, fps, rows, offsets = _featurize_flat(texts, self.config)
        X = self.vocab.matrix_flat(fps, rows, offsets[-1])
        probs = _sigmoid(X @ self.coef + self.intercept) if X.shape[0] else np.zeros(0)
        if self.stack and X.shape[0]:
            Z = sp.hstack([X, _stack_matrix_loop(probs, offsets)], format="csr")
            probs = _sigmoid(Z @ self.stack["coef"] + float(self.stack["intercept"]))
        out = []
        for i in range(len(texts)):
            p = probs[offsets[i]:offsets[i + 1]]
            if self.config.get("lawful_terms", True) and len(p):
                p = np.where(lawful_mask([w for w, _, _ in toks[i]]), 0.0, p)
            out.append((toks[i], p))
        return out

    def post_scores(self, texts: list[str]) -> list[float]:
        """Max token probability per text (0.0 for a text without tokens)."""
        return [float(p.max()) if len(p) else 0.0 for _, p in self.token_scores(list(texts))]

    def _route(self, texts: list[str], method):
        """With a folded twin: `method(tagger, texts)` per part (accented posts to this tagger without its
        twin, posts typed without accents to the twin), merged back in order; None without a twin."""
        if self.folded_twin is None or not texts:
            return None
        plain = [i for i, t in enumerate(texts) if not typed_without_accents(t)]
        if len(plain) == len(texts):
            return self._without_twin(method, texts)
        bare = set(range(len(texts))) - set(plain)
        bare_idx = sorted(bare)
        out: list = [None] * len(texts)
        if plain:
            for i, r in zip(plain, self._without_twin(method, [texts[i] for i in plain]), strict=True):
                out[i] = r
        for i, r in zip(bare_idx, method(self.folded_twin, [texts[i] for i in bare_idx]), strict=True):
            out[i] = r
        return out

    def _without_twin(self, method, texts):
        main = copy.copy(self)  # a copy, not a flag on self: the shipped tagger is shared between threads
        main.folded_twin = None
        return method(main, texts)

    def length_factor(self, n_tokens: int) -> float:
        """A text of n tokens has n chances of a false token, and ViHOS comments are short (median ~8
        tokens; its long comments are nearly all hateful, so dev cannot teach this): past `length_ref`
        tokens the distance to 1 a token needs shrinks as (length_ref / n) ** length_power."""
        ref = self.config.get("length_ref")
        if not ref or n_tokens <= ref:
            return 1.0
        return (ref / n_tokens) ** float(self.config.get("length_power", 1.0))

    def token_threshold(self, n_tokens: int, threshold: float | None = None) -> float:
        t = self.threshold if threshold is None else float(threshold)
        return 1.0 - (1.0 - t) * self.length_factor(n_tokens)

    def _evidence(self, texts: list[str], threshold: float | None = None, scored=None, norms=None):
        """Per text: tokens, token probabilities, length-adjusted span score A and gate probability G
        (the gate is only computed where A reaches `threshold`, if one is given). `scored`: the
        texts' `token_scores` when already computed; `norms`: their `normalize()`d forms, if known."""
        scored = self.token_scores(texts) if scored is None else scored
        spans_a = [1.0 - (1.0 - float(p.max())) / self.length_factor(len(tk)) if len(p) else 0.0
                   for tk, p in scored]
        gate: list[float | None] = [None] * len(texts)
        if self.post:
            todo = [i for i, a in enumerate(spans_a) if threshold is None or a >= threshold]
            todo_norms = None if norms is None else [norms[i] for i in todo]
            for i, g in zip(todo, self.gate_scores([texts[i] for i in todo], todo_norms) if todo else [],
                            strict=True):
                gate[i] = g
        return [(tk, p, a, g) for (tk, p), a, g in zip(scored, spans_a, gate, strict=True)]

    def _blend_ok(self, a: float, g: float | None) -> bool:
        """The post-level gate only vetoes: (1-w) logit(A) + w logit(G) >= post threshold."""
        if g is None:
            return True
        w = float(self.config.get("blend_w", 0.5))
        return (1 - w) * _logit(a) + w * _logit(g) >= float(self.post["threshold"])

    def decision_scores(self, texts: list[str]) -> list[float]:
        """Post score compared with `threshold`: the max token probability, length-adjusted (see
        `length_factor`), 0 when the post-level gate vetoes. Positive iff >= threshold iff a span is found."""
        texts = list(texts)
        routed = self._route(texts, lambda tg, xs: tg.decision_scores(xs))
        if routed is not None:
            return routed
        return [a if self._blend_ok(a, g) else 0.0 for _, _, a, g in self._evidence(texts)]

    def gate_scores(self, texts: list[str], norms: list[str] | None = None) -> list[float] | None:
        """Post-level probabilities; `norms`: the texts' `normalize()`d forms when the caller has them."""
        if not self.post:
            return None
        norms = [normalize(t) for t in texts] if norms is None else list(norms)
        X = _post_matrix_cached(self._columns.ready(self), norms, np.asarray(self.post["idf"], dtype=np.float32))
        z = X @ np.asarray(self.post["coef"], dtype=np.float32) + float(self.post["intercept"])
        return [float(v) for v in _sigmoid(z)]

    # Spans ---------------------------------------------------------------------------------------
    def find(self, texts: list[str], threshold: float | None = None, scored=None, norms=None) -> list[list[dict]]:
        """Spans per text (offsets into the original strings). None unless a token reaches the text's
        token threshold (`threshold`, default `self.threshold`, raised for long texts, see
        `length_factor`) and the optional post-level gate does not veto; then every token >= `threshold`,
        adjacent ones merged. `scored`: the texts' `token_scores` when already computed; `norms`: the
        texts' `normalize()`d forms, when known (the post-level gate reads them)."""
        texts = list(texts)
        if scored is None:
            norm_of = None if norms is None else dict(zip(texts, norms, strict=True))
            routed = self._route(texts, lambda tg, xs: tg.find(xs, threshold, norms=_pick(norm_of, xs)))
            if routed is not None:
                return routed
        t = self.threshold if threshold is None else float(threshold)
        out = []
        for text, (toks, probs, a, g) in zip(texts, self._evidence(texts, t, scored, norms), strict=True):
            if not len(probs) or a < t or not self._blend_ok(a, g):
                out.append([])
                continue
            # Flagged: show every word at the base threshold, not only the one strong enough to flag.
            out.append(merge_spans(text or "", toks, probs, t))
        return out

    def find_with_scores(self, texts: list[str], threshold: float | None = None, *,
                         norms: list[str] | None = None) -> tuple[list[list[dict]], list[float]]:
        """`find` and `post_scores` from one pass of the token tagger (what the analyser needs).
        `norms`: the texts' `normalize()`d forms when the caller has them (saves normalising again)."""
        texts = list(texts)
        norm_of = None if norms is None else dict(zip(texts, norms, strict=True))
        routed = self._route(texts, lambda tg, xs: list(zip(
            *tg.find_with_scores(xs, threshold, norms=_pick(norm_of, xs)), strict=True)))
        if routed is not None:
            return [f for f, _ in routed], [sc for _, sc in routed]
        scored = self.token_scores(texts)
        return (self.find(texts, threshold, scored=scored, norms=_pick(norm_of, texts)),
                [float(p.max()) if len(p) else 0.0 for _, p in scored])

    def predict(self, texts: list[str], threshold: float | None = None) -> list[str]:
        return [POSITIVE if spans else NEGATIVE for spans in self.find(texts, threshold)]


def _pick(norm_of: dict | None, texts: list[str]) -> list[str] | None:
    return None if norm_of is None else [norm_of[t] for t in texts]


def merge_spans(text: str, toks: list[tuple[str, int, int]], probs, threshold: float) -> list[dict]:
    """Adjacent positive tokens become one span (not across a sentence break); offsets into `text`."""
    spans: list[dict] = []
    prev_positive = False
    for (_, start, end), p in zip(toks, probs, strict=True):
        if p < threshold:
            prev_positive = False
            continue
        if prev_positive and spans and not _BREAK_RE.search(text[spans[-1]["end"]:start]):
            last = spans[-1]
            last["end"] = max(last["end"], end)
            last["score"] = max(last["score"], float(p))
        else:
            spans.append({"start": start, "end": end, "score": float(p)})
        prev_positive = True
    for s in spans:
        s["text"] = text[s["start"]:s["end"]]
        s["score"] = round(s["score"], 4)
    return [{"start": s["start"], "end": s["end"], "text": s["text"], "score": s["score"]} for s in spans]


# --- data and metrics ----------------------------------------------------------------------------
def load_rows(path) -> tuple[list[str], list[str], list[set[int]]]:
    """Texts, labels and gold character sets from a ViHOS-style CSV (`text,label,spans`)."""
    texts, labels, golds = [], [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("text") is None:
                continue
            texts.append(row["text"])
            labels.append((row.get("label") or "").strip())
            raw = (row.get("spans") or "").strip()
            golds.append(set(json.loads(raw)) if raw else set())
    return texts, labels, golds


def token_labels(toks: list[tuple[str, int, int]], gold: set[int]) -> list[int]:
    return [int(any(i in gold for i in range(s, e))) for _, s, e in toks]


def post_report(labels: list[str], predicted: list[str]) -> dict:
    per_class = {}
    for cls in (NEGATIVE, POSITIVE):
        tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y == cls and p == cls)
        fp = sum(1 for y, p in zip(labels, predicted, strict=True) if y != cls and p == cls)
        fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y == cls and p != cls)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per_class[cls] = {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f1, 4),
                          "support": tp + fn}
    macro = (per_class[NEGATIVE]["f1"] + per_class[POSITIVE]["f1"]) / 2
    acc = sum(1 for y, p in zip(labels, predicted, strict=True) if y == p) / max(len(labels), 1)
    return {"n": len(labels), "macro_f1": round(macro, 4), "accuracy": round(acc, 4), "per_class": per_class}


def char_report(texts: list[str], golds: list[set[int]], found: list[list[dict]]) -> dict:
    """Character-level span F1: micro over all characters, and the ViHOS/SemEval-style mean of per-post F1
    (a post with no gold and no predicted characters scores 1)."""
    tp = fp = fn = 0
    per_post = []
    for t, gold, spans in zip(texts, golds, found, strict=True):
        pred = set()
        for s in spans:
            pred.update(range(s["start"], s["end"]))
        # Gold marks words, not the spaces between them: ignore whitespace on both sides.
        pred = {i for i in pred if not t[i].isspace()}
        gold = {i for i in gold if i < len(t) and not t[i].isspace()}
        a, b, c = len(pred & gold), len(pred - gold), len(gold - pred)
        tp, fp, fn = tp + a, fp + b, fn + c
        if not pred and not gold:
            per_post.append(1.0)
        else:
            per_post.append(2 * a / (2 * a + b + c))
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return {"char_precision": round(pr, 4), "char_recall": round(rc, 4),
            "char_f1": round(2 * pr * rc / (pr + rc) if pr + rc else 0.0, 4),
            "char_f1_per_post": round(float(np.mean(per_post)) if per_post else 0.0, 4)}


def _token_f1(y: np.ndarray, p: np.ndarray, t: float) -> float:
    pred = p >= t
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _macro_f1_curve(scores: np.ndarray, is_pos: np.ndarray, grid: np.ndarray):
    """Post-level macro-F1 and positive-class precision for `score >= t`, every t in grid (vectorised)."""
    pred = scores[None, :] >= grid[:, None]
    pos = is_pos[None, :]
    tp = (pred & pos).sum(1)
    fp = (pred & ~pos).sum(1)
    fn = (~pred & pos).sum(1)
    tn = (~pred & ~pos).sum(1)
    f1_pos = np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    f1_neg = np.where(tn > 0, 2 * tn / np.maximum(2 * tn + fn + fp, 1), 0.0)
    precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 0.0)
    return (f1_pos + f1_neg) / 2, precision, tp + fp


# A word is shown as offending only when that is more likely than not: thresholds start at 0.5.
GRID = np.round(np.arange(0.5, 0.995, 0.01), 2)


def choose_thresholds(scores: np.ndarray, is_pos: np.ndarray, precision_target: float = 0.95):
    """`t` with the best post-level macro-F1 (ties: the higher t) and `t_precise`, the lowest t whose
    positive-class precision is >= target (with at least 10 posts flagged)."""
    scores, is_pos = np.asarray(scores, dtype=float), np.asarray(is_pos, dtype=bool)
    f1, precision, flagged = _macro_f1_curve(scores, is_pos, GRID)
    best = int(np.flatnonzero(f1 >= f1.max() - 1e-9)[-1])
    ok = np.flatnonzero((precision >= precision_target) & (flagged >= 10))
    precise = float(GRID[ok[0]]) if len(ok) else float(GRID[-1])
    return float(GRID[best]), round(float(f1[best]), 4), precise


# --- training ------------------------------------------------------------------------------------
def _fit_lr(X, y, C, class_weight, sample_weight=None, penalty="l2"):
    from sklearn.linear_model import LogisticRegression

    kw = {"l1_ratio": 1.0} if penalty == "l1" else {}
    clf = LogisticRegression(C=C, solver="liblinear", class_weight=class_weight, max_iter=200, **kw)
    clf.fit(X, y, sample_weight=sample_weight)
    return clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0])


def fit(texts: list[str], golds: list[set[int]], config: dict | None = None, labels: list[str] | None = None):
    """Fit the token tagger (and, with `post_gate`, the post-level model). Thresholds are left at 0.5."""
    config = {**DEFAULT_CONFIG, **(config or {})}
    toks, fps, _ = _featurize(texts, config)
    y = np.array([lab for tk, g in zip(toks, golds, strict=True) for lab in token_labels(tk, g)], dtype=np.int8)
    if y.min(initial=1) == y.max(initial=0):
        raise ValueError("training data needs both offending and clean tokens")
    vocab = Vocab.build(fps, config["min_count"])
    X = vocab.matrix(fps)
    weight = config["class_weight"] or ({0: 1.0, 1: float(config["pos_weight"])}
                                        if config.get("pos_weight", 1.0) != 1.0 else None)
    penalty = config.get("penalty", "l2")
    coef, intercept = _fit_lr(X, y, config["C"], weight, penalty=penalty)
    stack = None
    if config.get("stack"):
        # Cross-fitted first-pass scores, so the second pass sees scores as noisy as at inference.
        lengths = np.array([len(t) for t in toks])
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        fold_of_text = np.arange(len(texts)) % 3
        fold_of_tok = np.repeat(fold_of_text, lengths)
        first = np.zeros(len(y))
        for k in range(3):
            tr, te = fold_of_tok != k, fold_of_tok == k
            if not te.any():
                continue
            if np.unique(y[tr]).size < 2:  # tiny data: a fold without both classes
                first[te] = _sigmoid(X[te] @ coef + intercept)
                continue
            c, b = _fit_lr(X[tr], y[tr], config["C"], weight, penalty=penalty)
            first[te] = _sigmoid(X[te] @ c + b)
        Z = sp.hstack([X, _stack_matrix(first, list(offsets))], format="csr")
        sc, si = _fit_lr(Z, y, config["C"], weight, penalty=penalty)
        stack = {"coef": sc, "intercept": si}
    post = None
    if config.get("post_gate"):
        if labels is None:
            labels = [POSITIVE if g else NEGATIVE for g in golds]
        post_fps = _fps([_post_analyzer(t) for t in texts])
        pvocab = Vocab.build(post_fps, config["min_count"])
        df = np.asarray((pvocab.matrix(post_fps) > 0).sum(axis=0)).ravel()
        idf = (np.log((1 + len(texts)) / (1 + df)) + 1).astype(np.float32)
        Xp = _post_matrix(texts, pvocab, idf)
        yp = np.array([int(lab == POSITIVE) for lab in labels])
        pc, pi = _fit_lr(Xp, yp, config["post_C"], None)
        post = {"vocab": pvocab, "coef": pc, "intercept": pi, "idf": idf, "threshold": 0.5}
    return SpanTagger(vocab, coef, intercept, config, 0.5, 0.5, post=post, stack=stack)


def evaluate(tagger: SpanTagger, texts, labels, golds) -> dict:
    """Post-level report at `threshold` and `threshold_precise`, char- and token-level span scores, speed."""
    started = time.process_time()
    found = tagger.find(texts)
    cpu = max(time.process_time() - started, 1e-9)
    predicted = [POSITIVE if s else NEGATIVE for s in found]
    out = post_report(labels, predicted)
    out.update(char_report(texts, golds, found))
    out["texts_per_cpu_s"] = round(len(texts) / cpu, 1)
    precise = tagger.predict(texts, tagger.threshold_precise)
    out["at_threshold_precise"] = post_report(labels, precise)
    scored = tagger.token_scores(texts)
    y = np.array([lab for (tk, _), g in zip(scored, golds, strict=True) for lab in token_labels(tk, g)])
    p = np.concatenate([pr for _, pr in scored]) if scored else np.zeros(0)
    out["token_f1"] = round(_token_f1(y, p, tagger.threshold), 4)
    return out


def tune(tagger: SpanTagger, texts, labels, fixed: tuple[float, float] | None = None) -> dict:
    """Thresholds from dev: `threshold` for the best macro-F1, `threshold_precise` for precision >= 0.95.
    With a post-level gate, its veto threshold is chosen jointly with `threshold`. With `fixed`
    (threshold, threshold_precise), only the veto is chosen (for the folded twin)."""
    is_pos = np.array([lab == POSITIVE for lab in labels])
    ev = tagger._evidence(list(texts))
    span = np.array([a for _, _, a, _ in ev])
    info = {}

    def best_f1(scores):
        if fixed is None:
            return choose_thresholds(scores, is_pos)[1]
        return float(_macro_f1_curve(scores, is_pos, np.array([fixed[0]]))[0][0])

    if tagger.post:
        w = float(tagger.config.get("blend_w", 0.5))
        blend = np.array([(1 - w) * _logit(a) + w * _logit(g) for _, _, a, g in ev])
        best = (-1.0, 0.0)
        for theta in np.round(np.arange(-3, 3.01, 0.1), 2):
            f1 = best_f1(np.where(blend >= theta, span, 0.0))
            if f1 > best[0] + 1e-9:
                best = (f1, float(theta))
        tagger.post["threshold"] = best[1]
        info["post_threshold"] = round(best[1], 4)
        span = np.where(blend >= best[1], span, 0.0)
    if fixed is None:
        t, f1, precise = choose_thresholds(span, is_pos)
    else:
        t, precise = fixed
    tagger.threshold, tagger.threshold_precise = float(t), max(float(precise), float(t))
    info.update({"threshold": round(t, 4), "threshold_precise": round(tagger.threshold_precise, 4)})
    return info


def fold_keeping_offsets(text: str) -> str:
    """`fold` (as a writer without accents types), or `fold_aligned` when folding would move offsets."""
    folded = fold(text)
    return folded if len(folded) == len(text) else fold_aligned(text)


def train(train_csv, dev_csv, config: dict | None = None) -> tuple[SpanTagger, dict]:
    """Train on `train_csv`, choose thresholds on `dev_csv`, and report dev metrics (with the folded
    twin, also on the accent-folded dev texts)."""
    started = time.perf_counter()
    texts, labels, golds = load_rows(train_csv)
    tagger = fit(texts, golds, config, labels)
    dtexts, dlabels, dgolds = load_rows(dev_csv)
    thresholds = tune(tagger, dtexts, dlabels)
    folded_dev = [fold_keeping_offsets(t) for t in dtexts]
    if tagger.config.get("folded_twin"):
        twin = fit([fold_keeping_offsets(t) for t in texts], golds, tagger.config, labels)
        twin_info = tune(twin, folded_dev, dlabels, fixed=(tagger.threshold, tagger.threshold_precise))
        tagger.folded_twin = twin
        thresholds["folded_twin_post_threshold"] = twin_info.get("post_threshold")
    train_seconds = time.perf_counter() - started
    metrics = evaluate(tagger, dtexts, dlabels, dgolds)
    metrics.update(thresholds)
    metrics["folded_dev"] = {
        "macro_f1": post_report(dlabels, tagger.predict(folded_dev))["macro_f1"],
        "macro_f1_precise": post_report(dlabels, tagger.predict(folded_dev, tagger.threshold_precise))["macro_f1"]}
    metrics["train_seconds"] = round(train_seconds, 1)
    tagger.meta = {
        "task": "hate_spans",
        "data": [{"file": str(Path(train_csv).resolve()), "sha256": sha256_file(train_csv)}],
        "dev": [{"file": str(Path(dev_csv).resolve()), "sha256": sha256_file(dev_csv)}],
        "dev_metrics": metrics,
        "config": tagger.config,
        "n_train": len(texts),
    }
    return tagger, metrics


# --- persistence ---------------------------------------------------------------------------------
def sha256_file(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def save(tagger: SpanTagger, path, version: str | None = None) -> str:
    """Write a compressed joblib plus `<name>.json` meta beside it; returns the joblib's sha256."""
    import joblib

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    tagger.version = version or "hate_spans-" + now.strftime("%Y%m%d%H%M%S")
    payload = {**_payload(tagger), "format": FORMAT, "version": tagger.version}
    if tagger.folded_twin is not None:
        payload["folded_twin"] = _payload(tagger.folded_twin)
    buf = io.BytesIO()
    joblib.dump(payload, buf, compress=("xz", 6))
    path.write_bytes(buf.getvalue())
    digest = sha256_file(path)
    meta = {**tagger.meta, "version": tagger.version, "file": path.name, "sha256": digest,
            "size_bytes": path.stat().st_size, "n_features": len(tagger.vocab), "threshold": tagger.threshold,
            "threshold_precise": tagger.threshold_precise, "date": now.isoformat(timespec="seconds")}
    if tagger.post:
        meta["post_threshold"] = float(tagger.post["threshold"])
    if tagger.folded_twin is not None:
        meta["folded_twin"] = {"n_features": len(tagger.folded_twin.vocab),
                               "post_threshold": float((tagger.folded_twin.post or {}).get("threshold", 0.0))}
    tagger.meta = meta
    path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return digest


def _payload(tagger: SpanTagger) -> dict:
    return {
        "vocab": tagger.vocab.dump(),
        "coef": tagger.coef.astype(np.float16),  # float16 halves the file; scores move < 1e-3
        "intercept": tagger.intercept,
        "config": tagger.config,
        "threshold": tagger.threshold,
        "threshold_precise": tagger.threshold_precise,
        "stack": None if not tagger.stack else {
            "coef": np.asarray(tagger.stack["coef"]).astype(np.float16), "intercept": float(tagger.stack["intercept"])},
        "post": None if not tagger.post else {
            "vocab": tagger.post["vocab"].dump(), "coef": np.asarray(tagger.post["coef"]).astype(np.float16),
            "idf": np.asarray(tagger.post["idf"]).astype(np.float16),
            "intercept": float(tagger.post["intercept"]), "threshold": float(tagger.post["threshold"])},
    }


def load(path, expected_sha256: str | None = None) -> SpanTagger:
    """Load a saved tagger; refuses (ValueError) a file whose sha256 differs from `expected_sha256`,
    before unpickling anything from it."""
    import joblib

    path = Path(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if expected_sha256 is not None and digest != str(expected_sha256).lower():
        raise ValueError(f"refusing to load {path}: its sha256 {digest} does not match the expected "
                         f"{expected_sha256} (file changed or corrupted)")
    payload = joblib.load(io.BytesIO(data))
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ValueError(f"{path}: not a hate_spans model (format {FORMAT})")
    meta_path = path.with_suffix(".json")
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    twin = payload.get("folded_twin")
    tagger = _from_payload(payload, payload["version"], meta)
    if twin:
        tagger.folded_twin = _from_payload(twin, payload["version"] + "/folded", {})
    return tagger


def _from_payload(payload: dict, version: str, meta: dict) -> SpanTagger:
    post = payload.get("post")
    if post:
        post = {"vocab": Vocab.undump(post["vocab"]), "coef": np.asarray(post["coef"], dtype=np.float32),
                "idf": np.asarray(post["idf"], dtype=np.float32), "intercept": post["intercept"],
                "threshold": post["threshold"]}
    stack = payload.get("stack")
    if stack:
        stack = {"coef": np.asarray(stack["coef"], dtype=np.float32), "intercept": stack["intercept"]}
    return SpanTagger(Vocab.undump(payload["vocab"]), payload["coef"], payload["intercept"], payload["config"],
                      payload["threshold"], payload["threshold_precise"], version=version, meta=meta,
                      post=post, stack=stack)


@functools.lru_cache(maxsize=1)
def shipped_tagger() -> SpanTagger:
    """The shipped tagger, checked against the sha256 recorded in `hate_spans.json`."""
    # (Not registry.sha256_beside: registry already imports from this module's neighbours; see
    # lint-imports' no-cycles contract.)
    meta_path = SHIPPED_PATH.with_suffix(".json")
    if not meta_path.exists():
        raise FileNotFoundError(f"{meta_path} is missing: cannot check {SHIPPED_PATH}")
    expected = json.loads(meta_path.read_text(encoding="utf-8")).get("sha256")
    if not expected:
        raise ValueError(f"{meta_path} records no sha256")
    return load(SHIPPED_PATH, expected_sha256=expected)
