"""Matching a post against the known claims: lexical near-duplicates plus paraphrase-tolerant retrieval.

- **Paraphrase:** TF-IDF cosine over accent-folded words and character 3-5-grams (within words),
  fitted on the claims themselves (scikit-learn; no downloaded weights). A post is scored as a whole and
  sentence by sentence, and the best part counts: a rewording is usually one sentence among added
  commentary ("Trời ơi, mọi người ơi…"), which would dilute a whole-post cosine.
- **Near-duplicates:** the stories' MinHash (`alerts.textsig` signatures, `alerts.bands.BandIndex`
  banding), candidates verified by exact Jaccard of word 2-shingles — a copy with emoji and a share
  prefix scores near 1 whatever the TF-IDF says.

Text is made comparable by `haidang.text.normalize.normalize` (teencode expanded, evasions undone,
one tone placement) and then `fold` (accents off), so "uong nuoc la du du" meets "Uống nước lá đu đủ".

- **Coverage:** the IDF-weighted share of the claim's words (accents kept when the post has them) found
  anywhere in the post; it is blended into the cosine and gates it (`COVER_WEIGHT`, `COVER_FLOOR`).

The score of a pair is the larger of the TF-IDF/coverage score and the near-duplicate Jaccard. Pure computation, no database: the Django side builds an
index from the claims (`index.py`), and the benchmark builds one from its paraphrase set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize as l2_normalize

from haidang.alerts.bands import BandIndex, band_params
from haidang.alerts.textsig import jaccard, signatures
from haidang.text.normalize import fold, normalize

# Share of the word n-gram cosine in the cosine part (the rest is the character n-gram cosine).
WORD_WEIGHT = 0.7
# Coverage: the IDF-weighted share of the claim's words found anywhere in the post. It is asymmetric, so
# added commentary does not dilute it the way it dilutes a cosine; and it guards precision: a short
# sentence sharing two or three words with a short claim ("Trời ơi mọi người ơi" ~ "Ăn lá ổi mỗi ngày…",
# the same once accents are off) has a high cosine but covers little of the claim. The score is
#   ((1 - COVER_WEIGHT) * best part's cosine + COVER_WEIGHT * coverage) * min(1, coverage / COVER_FLOOR).
# Both chosen on the dev split of bench/claims.py.
COVER_WEIGHT = 0.3
COVER_FLOOR = 0.8
WORD_NGRAMS = (1, 1)  # words alone: at the precision aimed at, 1-2-grams recalled less (bench/claims.py)
CHAR_NGRAMS = (3, 5)
# Posts are cut into sentences; parts shorter than this many words are not scored alone.
MIN_PART_WORDS = 4
MAX_PARTS = 12
MAX_CHARS = 4000  # a long post's beginning decides (bounded time per post)
_SENTENCE = re.compile(r"(?<=[.!?…;:])\s+|\n+")
_WORDS = re.compile(r"[a-z0-9]+")
_ACCENTED_WORDS = re.compile(r"[^\W_]+")
LSH_THRESHOLD = 0.5
NUM_PERM = 128


# Spellings that differ without changing the word (after folding): loanwords, abbreviations, regional
# words and amounts. Small and closed on purpose: a synonym list would start deciding meaning.
VARIANTS = {
    "vaccine": "vac xin", "vacxin": "vac xin", "vacin": "vac xin", "corona": "covid", "heo": "lon",
    "ngan": "nghin", "cafe": "ca phe", "coffee": "ca phe", "gon": "golf", "csgt": "canh sat giao thong",
    "thpt": "trung hoc pho thong", "ubnd": "uy ban nhan dan", "ae": "anh em", "sdt": "so dien thoai",
    "tk": "tai khoan", "app": "ung dung", "link": "duong link", "virut": "virus", "zalo": "zalo",
}
_AMOUNT = re.compile(r"\b(\d+)(k|tr)\b")
_AMOUNT_WORDS = {"k": "nghin", "tr": "trieu"}


def prepare(text: str) -> str:
    """Lower case, teencode expanded, accents folded, only letters and digits, variant spellings unified."""
    words = _WORDS.findall(_AMOUNT.sub(lambda m: f"{m[1]} {_AMOUNT_WORDS[m[2]]}", fold(normalize(text or ""))))
    return " ".join(VARIANTS.get(w, w) for w in words)


def prepare_accented(text: str) -> str:
    """Like `prepare`, accents kept (lower case, teencode expanded, one tone placement)."""
    words = _ACCENTED_WORDS.findall(_AMOUNT.sub(lambda m: f"{m[1]} {_AMOUNT_WORDS[m[2]]}", normalize(text or "")))
    return " ".join(VARIANTS.get(w, w) for w in words)


def parts(text: str) -> list[str]:
    """The post as a whole and its sentences (those long enough to stand alone)."""
    text = (text or "")[:MAX_CHARS]
    pieces = [text]
    sentences = [s for s in _SENTENCE.split(text) if s and len(s.split()) >= MIN_PART_WORDS]
    if len(sentences) > 1:
        pieces.extend(sentences[:MAX_PARTS])
        # Two neighbouring sentences: a claim written over a full stop.
        pieces.extend(f"{a} {b}" for a, b in zip(sentences[:MAX_PARTS], sentences[1:MAX_PARTS], strict=False))
    return pieces


@dataclass
class Match:
    key: object
    score: float
    method: str  # "tfidf" | "minhash"


class ClaimIndex:
    """An index of claim texts. `match(text)` → the best claim and its score."""

    def __init__(self, claims: Sequence[tuple[object, str]], *, word_weight: float = WORD_WEIGHT,
                 cover_weight: float = COVER_WEIGHT, cover_floor: float = COVER_FLOOR):
        self.word_weight, self.cover_weight, self.cover_floor = word_weight, cover_weight, cover_floor
        self.keys = [k for k, _t in claims]
        texts = [prepare(t) for _k, t in claims]
        self.size = len(texts)
        if not texts:
            return
        # In a large library, character n-grams found in more than 5% of the claims say little and cost the
        # most (their posting lists are the longest): left out. Words all stay (they carry the meaning),
        # and a small library keeps everything.
        max_df = min(1.0, max(0.05, 50 / len(texts)))
        self.word = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, sublinear_tf=True,
                                    token_pattern=r"\b\w+\b", dtype=np.float32)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True, max_df=max_df,
                                    dtype=np.float32)
        words, chars = self.word.fit_transform(texts), self.char.fit_transform(texts)
        matrix = self._stack(words, chars)
        self.matrix_t = matrix.T.tocsr()  # (features, claims): a query row times this is every cosine
        # Coverage: each claim row holds idf / (sum of its idf) per word it has, so summing the rows of the
        # words present in the post gives the IDF-weighted share of the claim the post covers. The claim's
        # words keep their accents: a post word written with accents must match them exactly (folding
        # merges "sân vận động" with "sân bay đóng", "mọi" with "mỗi"), one written without matches every
        # accented form that folds to it, so posts with, without and half without accents all work.
        self.accented = CountVectorizer(analyzer="word", token_pattern=r"\b\w+\b", binary=True, dtype=np.float32)
        accented = self.accented.fit_transform([prepare_accented(t) for _k, t in claims])
        df = np.asarray(accented.sum(axis=0)).ravel()
        self.cover_t = self._cover(accented, np.log((1 + self.size) / (1 + df)) + 1)
        self.by_folded: dict[str, list[int]] = {}
        for word, j in self.accented.vocabulary_.items():
            self.by_folded.setdefault(fold(word), []).append(j)
        self._fast = [self._vectoriser(self.word, 0), self._vectoriser(self.char, len(self.word.vocabulary_))]
        self.features = self.matrix_t.shape[0]
        sigs = signatures([t for _k, t in claims])
        self.shingles = [s.shingles for s in sigs]
        b, r = band_params(LSH_THRESHOLD, NUM_PERM)
        self.bands = BandIndex(b, r)
        joinable = [i for i, s in enumerate(sigs) if s.joinable]
        if joinable:
            self.bands.insert_matrix(joinable, np.stack([sigs[i].values for i in joinable]))
            self.bands.flush()

    @staticmethod
    def _cover(matrix, idf):
        present = (matrix > 0).astype(np.float32).multiply(np.asarray(idf, dtype=np.float32)).tocsr()
        totals = np.asarray(present.sum(axis=1)).ravel()
        totals[totals == 0] = 1.0
        return (sparse.diags(1.0 / totals) @ present).T.tocsr()  # (words, claims)

    def coverage(self, text: str) -> np.ndarray:
        """The IDF-weighted share of each claim's words present in the post."""
        vocabulary, rows = self.accented.vocabulary_, set()
        for word in prepare_accented(text).split():
            if word in vocabulary:
                rows.add(vocabulary[word])
            elif word == fold(word):
                rows.update(self.by_folded.get(word, ()))
        if not rows:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.cover_t[sorted(rows)].sum(axis=0)).ravel()

    def _stack(self, words, chars):
        # Each half has unit length, so the dot product of two stacked rows is
        # word_weight * word cosine + (1 - word_weight) * char cosine.
        return sparse.hstack([l2_normalize(words) * np.sqrt(self.word_weight),
                              l2_normalize(chars) * np.sqrt(1 - self.word_weight)], format="csr")

    @staticmethod
    def _vectoriser(vectorizer: TfidfVectorizer, offset: int):
        # scikit-learn's transform validates its input on every call (a few ms per post); the same
        # arithmetic (sublinear tf × idf, unit length) on the fitted vocabulary is done here directly.
        return vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_.astype(np.float32), offset

    def _query(self, texts: list[str]):
        indptr, indices, data = [0], [], []
        weights = (np.sqrt(self.word_weight), np.sqrt(1 - self.word_weight))
        for text in texts:
            for (analyse, vocabulary, idf, offset), weight in zip(self._fast, weights, strict=True):
                counts: dict[int, int] = {}
                for gram in analyse(text):
                    j = vocabulary.get(gram)
                    if j is not None:
                        counts[j] = counts.get(j, 0) + 1
                if not counts:
                    continue
                cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
                values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * idf[cols]
                values *= weight / np.linalg.norm(values)
                indices.append(cols + offset)
                data.append(values)
            indptr.append(sum(len(c) for c in indices))
        if not indices:
            return None
        return sparse.csr_matrix((np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
                                 shape=(len(texts), self.features))

    def scores(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(TF-IDF score, MinHash Jaccard) of the text against every claim: best over the text's parts."""
        cosine = np.zeros(self.size, dtype=np.float32)
        lexical = np.zeros(self.size, dtype=np.float32)
        if not self.size:
            return cosine, lexical
        pieces = parts(text)
        prepared = [prepare(p) for p in pieces]
        query = self._query(prepared)
        if query is not None:
            product = (query @ self.matrix_t).toarray()
            cosine = product.max(axis=0)
            coverage = self.coverage(pieces[0])
            cosine = (((1 - self.cover_weight) * cosine + self.cover_weight * coverage)
                      * np.minimum(1.0, coverage / self.cover_floor))
        sigs = [s for s in signatures(pieces[:1]) if s.joinable]  # the whole post: copies are copies throughout
        if sigs:
            for sig, candidates in zip(sigs, self.bands.query_matrix(np.stack([s.values for s in sigs])),
                                       strict=True):
                for i in candidates.tolist():
                    lexical[i] = max(lexical[i], jaccard(sig.shingles, self.shingles[i]))
        return cosine, lexical

    def match(self, text: str, *, exclude: set | None = None) -> Match | None:
        """The best-scoring claim (None for an empty index). `exclude`: claim keys not to return
        (an officer rejected them for this item)."""
        if not self.size:
            return None
        cosine, lexical = self.scores(text)
        best = np.maximum(cosine, lexical)
        if exclude:
            for i, key in enumerate(self.keys):
                if key in exclude:
                    best[i] = -1.0
        i = int(best.argmax())
        if best[i] < 0:
            return None
        return Match(self.keys[i], float(best[i]), "minhash" if lexical[i] >= cosine[i] else "tfidf")
