"""Text classifiers: one shared, stateless featuriser and small per-task linear models.

Features are computed once per text and shared by all task models. They come in hashed blocks of
2^18 columns (no vocabulary to store, so artefacts stay small):

- `word`: word 1-2 grams of the normalised text;
- `char`: character 2-5 grams within words (padded with spaces) of the normalised text;
- `word_folded`, `char_folded`: the same on the accent-folded copy (many comments have no diacritics);
- `raw_char`: character 2-5 grams of the cleaned, lower-cased but otherwise *un-normalised* text,
  within words and across the boundary of two adjacent words (spelling, punctuation and repeated
  letters as written: they mark spam);
- `meta`: a handful of bucketed shape cues of the cleaned text (length, share of tokens that are not
  Vietnamese syllables, upper-case share, emoji, digits, line breaks).
- `shape`: one placeholder per URL, e-mail, phone, hotline, money amount, number with a unit, date/time,
  plain number (by length) or letter-digit mix of the cleaned text (`URL`, `URL_SHORT`, `TLD_sus`, `PHONE`,
  `MONEY`, `NUM6`, ...): what the scam rules look at, as counts the model can weigh. Every number or link
  is otherwise a feature of its own that no other text shares.

Each task chooses, on dev (see `TASK_CONFIGS` and docs/models.md), which blocks it uses, their
weights and C. Per block it holds IDF weights; features are sub-linear TF x IDF, L2-normalised within
each block and scaled by the block's weight; then a logistic regression with balanced class weights
(which maximises macro-F1) and the class priors, used to turn its scores back into calibrated
probabilities. A task may train on finer sub-labels (ViSpamReviews' `spam_type`) that are summed back
into its public labels.

Speed: the featuriser caches the hashed n-grams of every word it has seen (Vietnamese has a few
thousand syllables, so nearly every word is a cache hit), and `Scorer` scores every model at once:
per block one sparse x dense product with the IDF-scaled coefficients of all models stacked, and one
with the squared IDFs for the per-model block norms. No per-model copy of the feature matrix.

`TaskModel.explain(text, label)` lists the n-grams that weighed most for `label`.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import scipy.sparse as sp
from sklearn.utils import murmurhash3_32

from haidang.text.normalize import SYLLABLES, clean, fold, fold_aligned, normalize, typed_without_accents

BLOCK_BITS = 18
BLOCK = 1 << BLOCK_BITS
MASK = BLOCK - 1
BLOCK_NAMES = ("word", "char", "word_folded", "char_folded", "meta", "raw_char", "shape")
FEATURES_VERSION = "hb18-w12pair-c25wb-fold-meta-raw-v2"
_TOKEN_RE = re.compile(r"(?u)[^\s.,!?;:\"'()\[\]{}]+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_DIGITS_RE = re.compile(r"\d+")
_PUNCT_RE = re.compile(r"[!?.]")
_EMOJI_RE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF]")
_CACHE_MAX = 200_000

ALL4 = {"word": 1.0, "char": 1.0, "word_folded": 1.0, "char_folded": 1.0}
# Per-task feature configuration chosen on dev (docs/models.md has the runs behind each choice).
# `nb`: weight of an NB-LR averaged into the LR (`fit_nb_lr`; `nb_C` its C, default C). It helps the
# binary tasks and UIT-VSFC on dev (+0.006 to +0.015), not ViHSD (-0.01 and worse at any weight).
TASK_CONFIGS: dict[str, dict] = {
    # Word blocks x1.5 (less shrinkage on words than on char n-grams): ViHSD 5-fold CV on train, two seeds,
    # 0.6644 -> 0.6682 (8 of 10 folds); dev 0.6642 -> 0.6743. C 0.75/1.5 and word x1.25/x2 are no better.
    "toxicity": {"blocks": {"word": 1.5, "char": 1.0, "word_folded": 1.5, "char_folded": 1.0}, "C": 1.0},
    # `folded_twin`: a second model trained on the accent-folded training texts scores the posts typed
    # without accents (`BlockCounts.bare`); the accented model loses ~0.05 dev macro-F1 on them.
    "hate_offensive": {"blocks": ALL4, "C": 4.0, "nb": 0.5, "folded_twin": True},
    "sentiment": {"blocks": ALL4, "C": 1.0, "max_iter": 1000, "nb": 0.5},
    "spam": {"blocks": {"word": 1.0, "word_folded": 1.0, "raw_char": 1.0, "meta": 1.0},
             "C": 4.0, "sublabel": "spam_type", "max_iter": 1000, "nb": 0.5, "nb_C": 2.0},
    # Scam: ALL4 + raw char + entity placeholders (`shape`, weight 0.5), C=2, chosen by 3x5-fold CV on the
    # SMS train split (docs/models.md); the NB-LR half by the same CV (+0.008, 11 of 15 folds).
    "scam": {"blocks": {**ALL4, "raw_char": 1.0, "shape": 0.5}, "C": 2.0, "nb": 0.5},
}
DEFAULT_CONFIG = {"blocks": ALL4, "C": 2.0}


def task_config(task: str) -> dict:
    return TASK_CONFIGS.get(task, DEFAULT_CONFIG)


def _full_hash(gram: str) -> int:
    return murmurhash3_32(gram, seed=0, positive=True)


def _hash(gram: str) -> int:
    return murmurhash3_32(gram, seed=0, positive=True) & MASK


def _char_grams(word: str) -> list[str]:
    w = " " + word + " "
    n_w = len(w)
    out = []
    for n in range(2, 6):
        if n > n_w:
            break
        out.extend(w[i:i + n] for i in range(n_w - n + 1))
    return out


def _syllable_counts(folded: str) -> tuple[int, int]:
    words = _LETTERS_RE.findall(folded)
    return len(words), sum(1 for w in words if w not in SYLLABLES)


def meta_tokens(cleaned: str, norm: str, words: tuple[int, int] | None = None) -> list[str]:
    """Bucketed shape cues: length in words and characters, non-syllable share (gibberish, foreign
    words, brand names), upper-case share, line breaks, digit groups, !?. and emoji counts.
    `words`: (letter words, non-syllables) of the folded text when already counted."""
    n_words, n_nonsyl = words if words is not None else _syllable_counts(fold_aligned(norm))
    out = [f"len{min(12, int(math.log2(1 + norm.count(' ') + bool(norm))))}",
           f"chr{min(14, int(math.log2(1 + len(cleaned))))}",
           f"nonsyl{int(5 * n_nonsyl / n_words)}" if n_words else "nowords"]
    letters = sum(map(str.isalpha, cleaned))
    if letters:
        out.append(f"upper{int(5 * sum(map(str.isupper, cleaned)) / letters)}")
    out.append(f"nl{min(4, cleaned.count(chr(10)))}")
    out.append(f"digit{min(3, len(_DIGITS_RE.findall(cleaned)))}")
    out.append(f"punct{min(4, int(math.log2(1 + len(_PUNCT_RE.findall(cleaned)))))}")
    out.append(f"emo{min(3, len(_EMOJI_RE.findall(cleaned)))}")
    return out


_SHAPE_URL_RE = re.compile(r"^(?:https?:?/*|www\.)|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?:/|$)")
_SHAPE_MONEY_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:đ|d)?")
_SHAPE_UNIT_RE = re.compile(r"\d+(k|tr|d|đ|vnd|vnđ|trieu|triệu|usd|h|g|p|phut|%)")
_SHAPE_PHONE_RE = re.compile(r"(?:\+?84|0)\d{9,10}")
_SHAPE_STRIP = ".,;:!?()[]{}\"'…"
_SHAPE_SKIP = frozenset("0123456789@.:/")


def shape_tokens(token: str) -> tuple[str, ...]:
    """Placeholders for one whitespace token of the cleaned text: a link (and whether it is shortened
    and its top-level domain: vn, com, one of the scam TLDs of `data/link_lists.tsv`, other), an e-mail, a
    phone, a 1900/1800 hotline, a money amount, a number with a unit, a date or time, a plain number by
    its length, a letter-digit mix. () for ordinary words."""
    if _SHAPE_SKIP.isdisjoint(token):
        return ()
    t = token.strip(_SHAPE_STRIP).lower()
    if not t:
        return ()
    if "@" in t and "." in t:
        return ("EMAIL",)
    if _SHAPE_URL_RE.match(t):
        from .rules import _host, _link_lists

        shorteners, tlds = _link_lists()[:2]
        host = _host(t)
        tld = host.rsplit(".", 1)[-1] if "." in host else ""
        return ("URL", *(("URL_SHORT",) if host in shorteners else ()),
                "TLD_" + (tld if tld in ("vn", "com") else "sus" if tld in tlds else "other"))
    digits = sum(ch.isdigit() for ch in t)
    if not digits:
        return ()
    if any(ch.isalpha() for ch in t):
        unit = _SHAPE_UNIT_RE.fullmatch(t)
        return ("NUMUNIT_" + unit.group(1)[:3],) if unit else ("MIXED",)
    if _SHAPE_MONEY_RE.fullmatch(t):
        return ("MONEY",)
    if _SHAPE_PHONE_RE.fullmatch(re.sub(r"[ .\-]", "", t)):
        return ("PHONE",)
    d = re.sub(r"\D", "", t)
    if d.startswith(("1900", "1800")):
        return ("HOTLINE",)
    if "/" in t or ":" in t:
        return ("DATE_TIME",)
    return (f"NUM{min(len(d), 13)}",)


_NO_SHAPE = _hash("noshape")


def _pair(h1: int, h2: int) -> int:
    """Column of a word bigram from the full hashes of its two words (no string to build or hash)."""
    return ((h1 * 0x01000193) ^ h2) & MASK


def _gather(seqs: list[tuple[int, ...]], ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`seqs[i]` for every i of `ids`, concatenated in order (int64), and the position in `ids` of each value."""
    lens = np.fromiter(map(len, seqs), dtype=np.int64, count=len(seqs))
    flat = np.fromiter(chain.from_iterable(seqs), dtype=np.int64, count=int(lens.sum()))
    per = lens[ids]
    occ = np.repeat(np.arange(len(ids)), per)
    first = np.cumsum(per) - per  # where each occurrence's values start in the output
    gather = np.arange(len(occ)) - first[occ] + (np.cumsum(lens) - lens)[ids][occ]
    return flat[gather], occ


def _rows_of(per_row: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(row of each value, the values) of lists of columns, one list per row."""
    lens = np.fromiter(map(len, per_row), dtype=np.int64, count=len(per_row))
    cols = np.fromiter(chain.from_iterable(per_row), dtype=np.int64, count=int(lens.sum()))
    return np.repeat(np.arange(len(per_row)), lens), cols


class Featurizer:
    """Texts -> raw hashed counts per block. Stateless apart from a cache of per-word hashes.

    For every whitespace-separated token the cache holds, in one entry: its character n-gram columns,
    those of its accent-folded form, and the full hashes of its word tokens (a token such as `ơi!!`
    holds the word `ơi`) and of their folded forms. Word bigram columns are combined from the two
    words' hashes (`_pair`)."""

    version = FEATURES_VERSION

    def __init__(self):
        self._info: dict[str, tuple] = {}
        self._shapes: dict[str, tuple[int, ...]] = {}

    def _shape(self, tok: str) -> tuple[int, ...]:
        cols = self._shapes.get(tok)
        if cols is None:
            cols = tuple(_hash(s) for s in shape_tokens(tok))
            if len(self._shapes) > _CACHE_MAX:
                self._shapes.clear()
            self._shapes[tok] = cols
        return cols

    def _token(self, tok: str) -> tuple:
        info = self._info.get(tok)
        if info is None:
            folded = fold_aligned(tok)
            words = tuple(_TOKEN_RE.findall(tok))
            chars = tuple(_hash(g) for g in _char_grams(tok))
            hashes = tuple(_full_hash(w) for w in words)
            if folded == tok:
                # Nothing to fold ("anh", "ko", "vl"; `fold_aligned` maps each character on its own, so the
                # words fold to themselves too): the folded columns are the same, not hashed twice.
                info = (chars, chars, hashes, hashes, _syllable_counts(folded), folded, words, words)
            else:
                fwords = tuple(fold_aligned(w) for w in words)
                info = (chars, tuple(_hash(g) for g in _char_grams(folded)), hashes,
                        tuple(_full_hash(w) for w in fwords), _syllable_counts(folded), folded, words, fwords)
            if len(self._info) > _CACHE_MAX:
                self._info.clear()
            self._info[tok] = info
        return info

    def _cross(self, a: str, b: str) -> tuple[int, ...]:
        """Columns of the 3-5 character grams that span the space between two adjacent words."""
        t = a[-3:] + " " + b[:3]
        cols = self._info.get(t)
        if cols is None:
            k = min(len(a), 3)
            cols = self._info[t] = tuple(_hash(t[i:j]) for i in range(k) for j in range(k + 2, len(t) + 1)
                                         if 3 <= j - i <= 5)
        return cols

    def prepare(self, texts: Sequence[str], normalized: Sequence[str] | None = None) -> list[str]:
        return list(normalized) if normalized is not None else [normalize(t) for t in texts]

    def counts(self, texts: Sequence[str] | None, normalized: Sequence[str] | None = None,
               blocks: Iterable[str] = BLOCK_NAMES) -> BlockCounts:
        """block -> csr (n x BLOCK) float32 counts, for the blocks asked for; `.bare` marks the texts
        typed without accents (None when only normalised texts are given).

        The whole batch at once: each distinct token's cached columns are gathered with numpy for all its
        occurrences, instead of a Python loop over every token. The matrices are those of `_counts_loop`
        (the same entries per row; `sum_duplicates` sorts them, and sums of ones are exact in float32)."""
        blocks = set(blocks)
        norms = self.prepare(texts or [], normalized)
        n = len(norms)
        toks = [norm.split() for norm in norms]
        local: dict[str, int] = {}
        n_tok = sum(map(len, toks))
        wid = np.fromiter((local.setdefault(t, len(local)) for ts in toks for t in ts), dtype=np.int64, count=n_tok)
        token = self._token
        entries = [token(t) for t in local]
        text_of = np.repeat(np.arange(n), [len(ts) for ts in toks])
        found: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for b, k in (("char", 0), ("char_folded", 1)):
            if b in blocks:
                cols, occ = _gather([e[k] for e in entries], wid)
                found[b] = (text_of[occ], cols)
        for b, k in (("word", 2), ("word_folded", 3)):
            if b in blocks:
                hashes, occ = _gather([e[k] for e in entries], wid)
                rows = text_of[occ]
                # Bigrams of adjacent words of one text: `_pair` on the full hashes (< 2^32, so the product
                # fits in int64 and its low bits are Python's).
                same = rows[1:] == rows[:-1]
                pairs = ((hashes[:-1][same] * 0x01000193) ^ hashes[1:][same]) & MASK
                found[b] = (np.concatenate([rows, rows[1:][same]]), np.concatenate([hashes & MASK, pairs]))
        if "meta" in blocks or "raw_char" in blocks or "shape" in blocks:
            syl = np.array([e[4] for e in entries], dtype=np.int64).reshape(-1, 2)[wid]
            n_words = np.bincount(text_of, weights=syl[:, 0], minlength=n).astype(np.int64).tolist()
            n_nonsyl = np.bincount(text_of, weights=syl[:, 1], minlength=n).astype(np.int64).tolist()
            raws = [clean(texts[i]) if texts is not None and i < len(texts) else norms[i] for i in range(n)]
            if "meta" in blocks:
                per = [[_hash(t) for t in meta_tokens(raw, norm, (nw, nn))]
                       for raw, norm, nw, nn in zip(raws, norms, n_words, n_nonsyl, strict=True)]
                found["meta"] = _rows_of(per)
            if "raw_char" in blocks:
                per = []
                cross = self._cross
                for raw in raws:
                    rtoks = raw.lower().split()
                    grams = [c for tok in rtoks for c in token(tok)[0]]
                    grams += [c for a, b in zip(rtoks, rtoks[1:], strict=False) for c in cross(a, b)]
                    per.append(grams)
                found["raw_char"] = _rows_of(per)
            if "shape" in blocks:
                shape = self._shape
                per = [[c for tok in raw.split() for c in shape(tok)] or [_NO_SHAPE] for raw in raws]
                found["shape"] = _rows_of(per)
        out = BlockCounts()
        if texts is not None and len(texts) == n:
            out.bare = np.fromiter((typed_without_accents(t or "") for t in texts), dtype=bool, count=n)
        for b in blocks:
            rows, cols = found[b]
            order = np.argsort(rows, kind="stable")
            ptr = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(np.bincount(rows, minlength=n), out=ptr[1:])
            idx = cols[order].astype(np.int32)
            m = sp.csr_matrix((np.ones(len(idx), dtype=np.float32), idx, ptr), shape=(n, BLOCK))
            m.sum_duplicates()
            out[b] = m
        return out

    def _counts_loop(self, texts: Sequence[str] | None, normalized: Sequence[str] | None = None,
               blocks: Iterable[str] = BLOCK_NAMES) -> BlockCounts:
        """`counts` one token at a time: the reference the batch path is tested against."""
        blocks = set(blocks)
        norms = self.prepare(texts or [], normalized)
        n = len(norms)
        want = [b in blocks for b in BLOCK_NAMES[:4]]
        cols: dict[str, list[int]] = {b: [] for b in BLOCK_NAMES}
        ptr: dict[str, list[int]] = {b: [0] for b in BLOCK_NAMES}
        c_word, c_char, c_wf, c_cf, c_meta, c_raw, c_shape = (cols[b] for b in BLOCK_NAMES)
        token = self._token
        for i, norm in enumerate(norms):
            uni: list[int] = []
            funi: list[int] = []
            n_words = n_nonsyl = 0
            for tok in norm.split():
                ch, fch, words, fwords, (nw, nn) = token(tok)[:5]
                n_words += nw
                n_nonsyl += nn
                if want[1]:
                    c_char.extend(ch)
                if want[3]:
                    c_cf.extend(fch)
                uni.extend(words)
                funi.extend(fwords)
            if want[0]:
                c_word.extend([h & MASK for h in uni])
                c_word.extend([_pair(a, b) for a, b in zip(uni, uni[1:], strict=False)])
            if want[2]:
                c_wf.extend([h & MASK for h in funi])
                c_wf.extend([_pair(a, b) for a, b in zip(funi, funi[1:], strict=False)])
            if "meta" in blocks or "raw_char" in blocks or "shape" in blocks:
                raw = clean(texts[i]) if texts is not None and i < len(texts) else norm
                if "meta" in blocks:
                    c_meta.extend(_hash(t) for t in meta_tokens(raw, norm, (n_words, n_nonsyl)))
                if "raw_char" in blocks:
                    rtoks = raw.lower().split()
                    for tok in rtoks:
                        c_raw.extend(token(tok)[0])
                    for a, b in zip(rtoks, rtoks[1:], strict=False):
                        c_raw.extend(self._cross(a, b))
                if "shape" in blocks:
                    before = len(c_shape)
                    for tok in raw.split():
                        c_shape.extend(self._shape(tok))
                    if len(c_shape) == before:
                        c_shape.append(_NO_SHAPE)
            for b in blocks:
                ptr[b].append(len(cols[b]))
        out = BlockCounts()
        if texts is not None and len(texts) == n:
            out.bare = np.fromiter((typed_without_accents(t or "") for t in texts), dtype=bool, count=n)
        for b in blocks:
            idx = np.array(cols[b], dtype=np.int32)
            m = sp.csr_matrix((np.ones(len(idx), dtype=np.float32), idx, np.array(ptr[b], dtype=np.int64)),
                              shape=(n, BLOCK))
            m.sum_duplicates()
            out[b] = m
        return out

    def grams(self, norm: str, block: str, wanted: set[int] | None = None) -> dict[int, str]:
        """column -> n-gram, for one text and one block (explanations only). With `wanted`, only the
        words whose cached columns meet those columns are expanded."""
        names: dict[int, str] = {}
        if block in ("word", "word_folded"):
            k = 2 if block == "word" else 3
            toks, hashes = [], []
            for tok in norm.split():
                info = self._token(tok)
                toks.extend(info[6] if k == 2 else info[7])
                hashes.extend(info[k])
            for t, h in zip(toks, hashes, strict=True):
                names.setdefault(h & MASK, t)
            for j in range(len(toks) - 1):
                names.setdefault(_pair(hashes[j], hashes[j + 1]), toks[j] + " " + toks[j + 1])
        elif block in ("char", "char_folded"):
            k = 0 if block == "char" else 1
            for tok in norm.split():
                info = self._token(tok)
                cols = info[k]
                if wanted is not None and wanted.isdisjoint(cols):
                    continue
                w = tok if k == 0 else info[5]
                for g, c in zip(_char_grams(w), cols, strict=True):
                    names.setdefault(c, g.strip())
        return names


_FEATURIZER: Featurizer | None = None


def featurizer() -> Featurizer:
    global _FEATURIZER
    if _FEATURIZER is None:
        _FEATURIZER = Featurizer()
    return _FEATURIZER


def _sublinear(m: sp.csr_matrix) -> sp.csr_matrix:
    x = m.copy()
    x.data = (1.0 + np.log(x.data)).astype(np.float32)
    return x


def _tfidf_block(counts: sp.csr_matrix, idf: np.ndarray, weight: float = 1.0) -> sp.csr_matrix:
    """Sub-linear TF x IDF, L2-normalised, times the block's weight."""
    x = _sublinear(counts)
    x.data *= idf[x.indices]
    sq = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    norms = np.sqrt(sq)
    norms[norms == 0] = 1.0
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    x.data = (x.data * (weight / norms[rows])).astype(np.float32)
    return x


def fit_idf(counts: sp.csr_matrix) -> np.ndarray:
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)


@dataclass(eq=False)
class TaskModel:
    """One task's classifier on top of the shared features.

    `coef[block]` is (BLOCK, k) with k = 1 for a binary model, else one column per (sub)class.
    `classes` are the public labels; `subclasses` (if any) are what the regression predicts, each
    mapped to a public label by `label_of`."""

    task: str
    classes: list[str]
    blocks: dict[str, float]
    idf: dict[str, np.ndarray]
    coef: dict[str, np.ndarray]
    intercept: np.ndarray
    priors: np.ndarray  # training frequencies of the (sub)classes, for calibrated probabilities
    subclasses: list[str] | None = None
    label_of: dict[str, str] | None = None
    meta: dict = field(default_factory=dict)
    # Optional model of the same task trained on accent-folded texts, for the posts typed without accents.
    folded_twin: TaskModel | None = field(default=None, repr=False, compare=False)
    _scorer: Scorer | None = field(default=None, repr=False, compare=False)

    @property
    def raw_classes(self) -> list[str]:
        return self.subclasses or self.classes

    @property
    def binary(self) -> bool:
        return next(iter(self.coef.values())).shape[1] == 1

    def scorer(self) -> Scorer:
        if self._scorer is None:
            self._scorer = Scorer([self])
        return self._scorer

    def decision(self, feats: dict[str, sp.csr_matrix]) -> np.ndarray:
        return self.scorer().decisions(feats)[self.task]

    def proba_from_decision(self, scores: np.ndarray, *, calibrated: bool = True) -> np.ndarray:
        """Balanced training equalises the classes; `calibrated` puts the real class priors back
        (Bayes' rule), so 0.8 means about 80 % of such texts carry the label."""
        scores = np.array(scores, dtype=np.float64)
        if calibrated:
            scores += np.log(np.maximum(self.priors, 1e-9) * len(self.raw_classes))
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        if self.subclasses:
            out = np.zeros((p.shape[0], len(self.classes)))
            for j, sub in enumerate(self.subclasses):
                out[:, self.classes.index(self.label_of[sub])] += p[:, j]
            p = out
        return p

    def predict_proba(self, feats: dict[str, sp.csr_matrix], *, calibrated: bool = True) -> np.ndarray:
        return self.proba_from_decision(self.decision(feats), calibrated=calibrated)

    def predict(self, feats: dict[str, sp.csr_matrix]) -> list[str]:
        raw = self.raw_classes
        labels = [raw[i] for i in self.decision(feats).argmax(axis=1)]
        return [self.label_of[x] for x in labels] if self.subclasses else labels

    def _label_weights(self, block: str, label: str, idx: np.ndarray) -> np.ndarray:
        c = self.coef[block]
        if self.binary:
            w = c[idx, 0]
            return w if self.raw_classes.index(label) == 1 else -w
        if self.subclasses:  # the sub-class of this label with the largest weight per column
            cols = [j for j, s in enumerate(self.subclasses) if self.label_of[s] == label]
            return c[idx][:, cols].max(axis=1)
        return c[idx, self.classes.index(label)]

    def explain(self, normalized: str, label: str, top: int = 5, counts=None, row: int = 0) -> list[dict]:
        """The n-grams of this text that pushed hardest towards `label` (tf-idf value x weight).
        `counts` (block -> csr) and `row` reuse features already computed for a batch."""
        f = featurizer()
        feats = counts if counts is not None else f.counts(None, [normalized], blocks=self.blocks)
        cands = []
        for block, weight in self.blocks.items():
            if block in ("meta", "raw_char", "shape") or block not in feats:
                continue
            m = feats[block]
            a, b = m.indptr[row], m.indptr[row + 1]
            if a == b:
                continue
            idx = m.indices[a:b]
            x = (1.0 + np.log(m.data[a:b])) * self.idf[block][idx]
            x *= weight / max(float(np.sqrt((x * x).sum())), 1e-12)
            contrib = x * self._label_weights(block, label, idx)
            cands.extend((float(contrib[j]), block, int(idx[j])) for j in np.argsort(-contrib)[:top * 2]
                         if contrib[j] > 0)
        best: dict[str, float] = {}
        names_by_block: dict[str, dict[int, str]] = {}
        cands.sort(reverse=True)
        for w, block, col in cands:
            if block not in names_by_block:
                names_by_block[block] = f.grams(normalized, block, {c for _, b, c in cands if b == block})
            gram = names_by_block[block].get(col)
            if gram and len(gram) >= 2 and gram not in best:
                best[gram] = w
            if len(best) >= top:
                break
        return [{"ngram": g, "weight": round(w, 3)} for g, w in best.items()]


class BlockCounts(dict):
    """block -> counts, plus `bare`: which rows are texts typed without accents (or None)."""

    bare: np.ndarray | None = None


class Scorer:
    """Scores several task models at once from one set of block counts (see the module docstring).
    Rows typed without accents (`BlockCounts.bare`) get the scores of a model's folded twin, if any."""

    def __init__(self, models: Sequence[TaskModel]):
        self.models = list(models)
        twins = [m.folded_twin for m in self.models if m.folded_twin is not None]
        self.twins = Scorer(twins) if twins else None
        self.blocks = sorted({b for m in self.models + twins for b in m.blocks})
        self.offsets: dict[str, int] = {}
        k_total = 0
        for m in self.models:
            self.offsets[m.task] = k_total
            k_total += next(iter(m.coef.values())).shape[1]
        self.k_total = k_total
        self.a: dict[str, np.ndarray] = {}  # block -> (BLOCK, k_total) idf x coef x weight
        self.q: dict[str, np.ndarray] = {}  # block -> (BLOCK, n_models) idf^2
        for b in self.blocks:
            a = np.zeros((BLOCK, k_total), dtype=np.float32)
            q = np.zeros((BLOCK, len(self.models)), dtype=np.float32)
            for j, m in enumerate(self.models):
                if b not in m.blocks:
                    continue
                o = self.offsets[m.task]
                c = m.coef[b]
                a[:, o:o + c.shape[1]] = c * (m.idf[b] * np.float32(m.blocks[b]))[:, None]
                q[:, j] = m.idf[b].astype(np.float32) ** 2
            self.a[b], self.q[b] = a, q

    def decisions(self, feats: dict[str, sp.csr_matrix]) -> dict[str, np.ndarray]:
        n = next(iter(feats.values())).shape[0] if feats else 0
        total = np.zeros((n, self.k_total), dtype=np.float64)
        for b in self.blocks:
            tf = _sublinear(feats[b])
            s = np.asarray(tf @ self.a[b], dtype=np.float64)
            tf.data **= 2
            norms = np.sqrt(np.asarray(tf @ self.q[b], dtype=np.float64))
            norms[norms == 0] = 1.0
            for j, m in enumerate(self.models):
                if b in m.blocks:
                    o = self.offsets[m.task]
                    k = m.coef[b].shape[1]
                    total[:, o:o + k] += s[:, o:o + k] / norms[:, j:j + 1]
        out = {}
        for m in self.models:
            o = self.offsets[m.task]
            k = next(iter(m.coef.values())).shape[1]
            scores = total[:, o:o + k] + m.intercept
            if k == 1:
                scores = np.hstack([-scores / 2, scores / 2])
            out[m.task] = scores
        bare = getattr(feats, "bare", None)
        if self.twins is not None and bare is not None and bare.any():
            rows = np.flatnonzero(bare)
            sub = BlockCounts({b: feats[b][rows] for b in self.twins.blocks})
            for task, scores in self.twins.decisions(sub).items():
                out[task][rows] = scores
        return out

    def predict_proba(self, feats: dict[str, sp.csr_matrix]) -> dict[str, np.ndarray]:
        return {m.task: m.proba_from_decision(d) for m, d in zip(self.models, self.decisions(feats).values(),
                                                                  strict=True)}


def train_task(task: str, texts: Sequence[str] | None, labels: Sequence[str], *, C: float | None = None,
               progress: Callable[[str], None] | None = None, normalized: Sequence[str] | None = None,
               counts: dict[str, sp.csr_matrix] | None = None, max_iter: int | None = None,
               blocks: dict[str, float] | None = None, sublabels: Sequence[str] | None = None,
               sample_weight: Sequence[float] | None = None, nb: float | None = None) -> TaskModel:
    """Train one task model. `sublabels` (optional, one per row) are finer classes predicted by the
    regression and summed back into `labels`; `sample_weight` weighs rows (e.g. officers' verdicts);
    `nb` (default: the task's config) is the weight of an NB-LR averaged into the LR's coefficients."""
    from sklearn.linear_model import LogisticRegression

    say = progress or (lambda _m: None)
    cfg = task_config(task)
    blocks = dict(blocks or cfg["blocks"])
    C = C or cfg["C"]
    max_iter = max_iter or cfg.get("max_iter", 300)  # lbfgs; 300 keeps ViHSD training well under 5 min
    started = time.perf_counter()
    if counts is None:
        say(f"featurising {len(texts)} texts")
        counts = featurizer().counts(texts, normalized, blocks=blocks)
    idf = {b: fit_idf(counts[b]) for b in blocks}
    x = sp.hstack([_tfidf_block(counts[b], idf[b], w) for b, w in blocks.items()], format="csr")
    y = np.asarray(labels)
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise ValueError("training needs at least two labels")
    label_of = None
    target = y
    if sublabels is not None:
        target = np.asarray([f"{lab}/{sub}" for lab, sub in zip(labels, sublabels, strict=True)])
        label_of = {s: s.split("/", 1)[0] for s in set(target)}
        if len(set(target)) == len(classes):
            target, label_of = y, None
    n_cls = len(set(target))
    say(f"fitting logistic regression (C={C}, {n_cls} classes) on {x.shape[0]} x {x.shape[1]}")
    solver = "liblinear" if n_cls == 2 else "lbfgs"
    weights = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    lr = LogisticRegression(C=C, class_weight="balanced", solver=solver, max_iter=max_iter)
    lr.fit(x, target, sample_weight=weights)
    priors = np.array([(target == c).mean() for c in lr.classes_], dtype=np.float64)
    coef = lr.coef_.astype(np.float32).T  # (n_features, k)
    intercept = lr.intercept_.astype(np.float64)
    nb = float(cfg.get("nb", 0.0) if nb is None else nb)
    if nb > 0:
        nb_C = float(cfg.get("nb_C", C))
        say(f"fitting NB-LR (log-count ratios, C={nb_C}) and averaging it in with weight {nb}")
        nb_coef, nb_intercept = fit_nb_lr(x, target, lr.classes_, C=nb_C, sample_weight=weights)
        coef = ((1.0 - nb) * coef + nb * nb_coef).astype(np.float32)
        intercept = (1.0 - nb) * intercept + nb * nb_intercept
    coefs = {b: np.ascontiguousarray(coef[j * BLOCK:(j + 1) * BLOCK]) for j, b in enumerate(blocks)}
    say(f"trained in {time.perf_counter() - started:.1f}s")
    return TaskModel(task=task, classes=classes, blocks=blocks, idf=idf, coef=coefs,
                     intercept=intercept, priors=priors,
                     subclasses=list(lr.classes_) if label_of else None, label_of=label_of,
                     meta={"C": C, "blocks": blocks, "features": FEATURES_VERSION, "n_train": len(y),
                           **({"nb": nb, "nb_C": nb_C} if nb > 0 else {})})


def train_folded_twin(model: TaskModel, texts: Sequence[str], labels: Sequence[str], **kw) -> TaskModel:
    """Give `model` its folded twin: the same task trained on the accent-folded `texts` (as a writer
    without accents types them: lower case, no diacritics, đ as d). Returns `model`."""
    model.folded_twin = train_task(model.task, [fold(t) for t in texts], labels, **kw)
    model._scorer = None
    return model


def fit_nb_lr(x: sp.csr_matrix, target: np.ndarray, classes: Sequence[str], *, C: float, alpha: float = 1.0,
              sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """NB-LR (Wang & Manning 2012): per class, features scaled by the log-count ratio r of binarised
    features in that class vs the rest, then a balanced one-vs-rest logistic regression. Returns
    `(coef, intercept)` on the UNscaled features (w x r), shaped like a plain LR's: one column for two
    classes (the second class), else one per class. Being linear, it averages into the LR for free."""
    from sklearn.linear_model import LogisticRegression

    xb = x.copy()
    xb.data[:] = 1.0
    w = np.ones(x.shape[0]) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    cols, intercepts = [], []
    for c in (classes[1:] if len(classes) == 2 else classes):
        pos = target == c
        p = alpha + np.asarray(xb.T @ (w * pos)).ravel()
        q = alpha + np.asarray(xb.T @ (w * ~pos)).ravel()
        r = (np.log(p / p.sum()) - np.log(q / q.sum())).astype(np.float32)
        m = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=300)
        m.fit(x @ sp.diags(r), pos.astype(int), sample_weight=sample_weight)
        cols.append(m.coef_.ravel().astype(np.float32) * r)
        intercepts.append(float(m.intercept_[0]))
    return np.stack(cols, axis=1), np.asarray(intercepts, dtype=np.float64)


def macro_report(y_true: Sequence[str], y_pred: Sequence[str]) -> dict:
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    labels = sorted(set(y_true) | set(y_pred))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {
        "macro_f1": round(float(f1_score(y_true, y_pred, labels=sorted(set(y_true)), average="macro",
                                         zero_division=0)), 4),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "per_class": {lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                            "f1": round(float(f[i]), 4), "support": int(s[i])} for i, lab in enumerate(labels)},
    }


def baseline_scores(train_texts, train_labels, dev_texts, dev_labels) -> dict:
    """The plain baseline the issue asks us to beat: TF-IDF word 1-2 + char 2-5 on the raw text,
    class-balanced logistic regression with default C."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    union = make_union(TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
                       TfidfVectorizer(analyzer="char", ngram_range=(2, 5), sublinear_tf=True))
    solver = "liblinear" if len(set(train_labels)) == 2 else "lbfgs"
    model = make_pipeline(union, LogisticRegression(class_weight="balanced", solver=solver, max_iter=300))
    model.fit(list(train_texts), list(train_labels))
    return macro_report(list(dev_labels), list(model.predict(list(dev_texts))))
