"""A second opinion on insults: does the post read like someone being attacked, or like everyday venting?

The hate rules and the span tagger find rude words well; what they read badly is *who* the words are
for. Writers of the civic set call "ngu vl, quên khóa cốp" (said of oneself), "dm cái app" (of a thing)
and gamers' banter lawful, and those were the largest share of lawful posts flagged as hate on fresh
text. This model is trained on the civic set's DEV split only (project-owned, CC0): its lawful posts
against its harassment and group-hate posts, on the accent-folded normalised text (so evasions and
posts typed without accents read the same), with character 2–5 grams and word 1–2 grams kept when seen
twice, and a class-balanced logistic regression.

It can only lower a finding, never raise one: when the only hate evidence is insults or offending
spans (not a threat, a call to shun someone, or degrading words about a group) and this model's
probability is under its threshold, the post asks for a look ("cần xem xét") instead of being flagged.
The threshold was chosen on dev data, leave-one-batch-out (docs/models.md, "Tenth pass").

The file holds plain arrays (vocabularies, IDF, coefficients), not pickled scikit-learn objects, and
its sha256 is recorded in `hate_context.json` beside it and checked before anything is read from it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from haidang.text.normalize import clean, fold, normalize

logger = logging.getLogger(__name__)

FORMAT = "hate_context/1"
SHIPPED_PATH = Path(__file__).resolve().parent / "shipped" / "hate_context.joblib"
# The kinds of the civic set this model learns as harmful; every lawful kind is the other side.
HARMFUL_KINDS = ("harassment_person", "hate_group")
# Hate evidence this model may not lower: these rules read structure (a threat on someone, a call to
# shun, degrading words about a people), where a second opinion on tone has nothing to add.
STRUCTURAL_RULES = frozenset(("hate.threat", "hate.shun", "hate.group", "hate.body_shaming"))
DEFAULT_C = 8.0
DEFAULT_THRESHOLD = 0.4


def prepare(normalized: str) -> str:
    """What the model reads: the normalised text (evasions undone, teencode expanded), accent-folded."""
    return fold(normalized)


def _vectorizers(char_vocab=None, word_vocab=None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    # min_df only matters when fitting; a given vocabulary is used as is.
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, vocabulary=char_vocab)
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True, vocabulary=word_vocab)
    return char, word


@dataclass
class HateContext:
    char_vocab: dict[str, int]
    char_idf: np.ndarray
    word_vocab: dict[str, int]
    word_idf: np.ndarray
    coef: np.ndarray          # (n_char + n_word,), for the harmful class
    intercept: float
    threshold: float = DEFAULT_THRESHOLD
    version: str = ""
    meta: dict = field(default_factory=dict)

    @functools.cached_property
    def _vecs(self):
        char, word = _vectorizers(self.char_vocab, self.word_vocab)
        char.idf_, word.idf_ = self.char_idf, self.word_idf
        return char, word

    @functools.cached_property
    def _blocks(self):
        """Per vectoriser: its n-gram analyser (scikit-learn's own), vocabulary, IDF and coefficients."""
        char, word = self._vecs
        n_char = len(self.char_vocab)
        return ((char.build_analyzer(), self.char_vocab, self.char_idf, self.coef[:n_char]),
                (word.build_analyzer(), self.word_vocab, self.word_idf, self.coef[n_char:]))

    def probability(self, normalized: str) -> float:
        """P(the post attacks someone) for one normalised text. The analyser asks for it on the few posts
        whose finding it could lower; building a sparse matrix for one row costs ~20x the arithmetic, so
        the TF-IDF of `TfidfVectorizer` (sub-linear TF, IDF, L2 per vectoriser) is applied here directly;
        `probabilities` gives the same numbers through scikit-learn."""
        text = prepare(normalized)
        z = self.intercept
        for analyse, vocab, idf, coef in self._blocks:
            counts: dict[int, int] = {}
            for gram in analyse(text):
                j = vocab.get(gram)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if not counts:
                continue
            cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
            weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * idf[cols]
            z += float(weights @ coef[cols]) / float(np.sqrt(weights @ weights))
        return float(1.0 / (1.0 + np.exp(-z)))

    def probabilities(self, normalized: Sequence[str]) -> np.ndarray:
        """P(the post attacks someone) for each normalised text, in one batch."""
        if not normalized:
            return np.zeros(0)
        texts = [prepare(t) for t in normalized]
        char, word = self._vecs
        x = sp.hstack([char.transform(texts), word.transform(texts)], format="csr")
        z = x @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))


def train(texts: Sequence[str], harmful: Sequence[bool], *, C: float = DEFAULT_C,
          threshold: float = DEFAULT_THRESHOLD) -> HateContext:
    """Fit on raw texts (cleaned and normalised here, as the analyser does) and 0/1 labels."""
    from sklearn.linear_model import LogisticRegression

    prepared = [prepare(normalize(clean(t))) for t in texts]
    char, word = _vectorizers()
    x = sp.hstack([char.fit_transform(prepared), word.fit_transform(prepared)], format="csr")
    y = np.asarray(harmful, dtype=int)
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(x, y)
    return HateContext(
        char_vocab={t: int(i) for t, i in char.vocabulary_.items()}, char_idf=char.idf_.astype(np.float32),
        word_vocab={t: int(i) for t, i in word.vocabulary_.items()}, word_idf=word.idf_.astype(np.float32),
        coef=lr.coef_[0].astype(np.float32), intercept=float(lr.intercept_[0]), threshold=threshold,
        meta={"C": C, "n_train": len(y), "n_harmful": int(y.sum())})


def save(model: HateContext, path: Path, *, data: dict | None = None) -> str:
    """Write the arrays (xz-compressed joblib) and `<name>.json` with the sha256; returns the sha256."""
    import joblib

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    model.version = model.version or "hate_context-" + now.strftime("%Y%m%d%H%M%S")
    # Vocabularies as term lists in column order: smaller than dicts, and nothing but str and arrays.
    payload = {"format": FORMAT, "version": model.version,
               "char_terms": sorted(model.char_vocab, key=model.char_vocab.get), "char_idf": model.char_idf,
               "word_terms": sorted(model.word_vocab, key=model.word_vocab.get), "word_idf": model.word_idf,
               "coef": model.coef, "intercept": model.intercept, "threshold": model.threshold}
    buf = io.BytesIO()
    joblib.dump(payload, buf, compress=("xz", 6))
    path.write_bytes(buf.getvalue())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    meta = {**model.meta, **(data or {}), "task": "hate_context", "version": model.version, "file": path.name,
            "sha256": digest, "size_bytes": path.stat().st_size, "threshold": model.threshold,
            "n_features": len(model.char_vocab) + len(model.word_vocab), "date": now.isoformat(timespec="seconds")}
    model.meta = meta
    path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return digest


def load(path: Path, expected_sha256: str) -> HateContext:
    """Refuses (ModelIntegrityError, a ValueError) a file whose sha256 is not `expected_sha256`, before
    unpickling it."""
    import joblib

    from .registry import read_verified

    path = Path(path)
    raw = read_verified(path, expected_sha256)
    payload = joblib.load(io.BytesIO(raw))
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} model")
    meta_path = path.with_suffix(".json")
    return HateContext(
        char_vocab={t: i for i, t in enumerate(payload["char_terms"])},
        char_idf=np.asarray(payload["char_idf"], dtype=np.float32),
        word_vocab={t: i for i, t in enumerate(payload["word_terms"])},
        word_idf=np.asarray(payload["word_idf"], dtype=np.float32),
        coef=np.asarray(payload["coef"], dtype=np.float32), intercept=float(payload["intercept"]),
        threshold=float(payload["threshold"]), version=payload["version"],
        meta=json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {})


@functools.lru_cache(maxsize=1)
def shipped() -> HateContext:
    """The shipped model, checked against the sha256 recorded in `hate_context.json`."""
    from .registry import sha256_beside

    return load(SHIPPED_PATH, sha256_beside(SHIPPED_PATH))


@functools.lru_cache(maxsize=1)
def shipped_or_none() -> HateContext | None:
    """The shipped model, or None (said once in the log) when it is missing or fails its check: then every
    hate finding stands as the rules and the span tagger made it."""
    try:
        return shipped()
    except (OSError, ValueError) as exc:
        logger.error("hate-context model not loaded, hate findings are not given a second opinion: %s", exc)
        return None


def lowers(rules: Sequence[str], probability: float | None, threshold: float) -> bool:
    """Whether a hate finding resting on `rules` becomes a look: only insults and offending spans, and a
    probability under the threshold."""
    return probability is not None and probability < threshold and bool(rules) \
        and STRUCTURAL_RULES.isdisjoint(rules)
