"""Small second-opinion models trained on the civic set (hate_context.py, civic_context.py).

Both read the accent-folded normalised text (so evasions and posts typed without accents read the same)
through character 2–5 grams and word 1–2 grams kept when seen twice, with a class-balanced logistic
regression: binary (one column of coefficients, a sigmoid) or over several classes (one column per class,
a softmax, as scikit-learn's multinomial model).

A file holds plain arrays (vocabularies as term lists, IDF, coefficients), not pickled scikit-learn
objects, and its sha256 is recorded in `<name>.json` beside it and checked before anything is read.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from haidang.text.normalize import clean, fold, normalize

# Where each writing batch of the civic set ends (datasets/civic/README.md). The held-out reports of the
# training commands leave out one batch at a time, so every score they give is for posts by hands the
# model never read.
CIVIC_BATCH_ENDS = (568, 878, 1179, 1539, 1907, 2273, 3083, 3443, 3683, 3762, 4079, 4396, 4713, 5032)


CIVIC_CSV = Path(__file__).resolve().parents[2] / "datasets" / "civic" / "civic.csv"


def add_training_arguments(parser, model_file: str) -> None:
    """The options both `train_*_context` commands take."""
    parser.add_argument("--civic", default=str(CIVIC_CSV))
    parser.add_argument("--out", help=f"folder for {model_file} (default: the shipped folder)")
    parser.add_argument("--C", type=float, default=None)


def read_civic_dev(path: Path) -> list[dict]:
    """The civic set's DEV rows (never the test split). FileNotFoundError when the file is missing."""
    import csv

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such file: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["split"] == "dev"]


def civic_batch(row_id: str) -> int:
    n = int(row_id.lstrip("c"))
    return next((k for k, end in enumerate(CIVIC_BATCH_ENDS) if n <= end), len(CIVIC_BATCH_ENDS))


def prepare(normalized: str) -> str:
    """What the models read: the normalised text (evasions undone, teencode expanded), accent-folded."""
    return fold(normalized)


def _vectorizers(char_vocab=None, word_vocab=None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    # min_df only matters when fitting; a given vocabulary is used as is.
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, vocabulary=char_vocab)
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True, vocabulary=word_vocab)
    return char, word


@dataclass
class TextLinearModel:
    char_vocab: dict[str, int]
    char_idf: np.ndarray
    word_vocab: dict[str, int]
    word_idf: np.ndarray
    coef: np.ndarray          # (n_char + n_word,) for a binary model, (n_char + n_word, n_classes) otherwise
    intercept: np.ndarray     # () or (n_classes,)
    classes: tuple[str, ...] = ()  # empty for a binary model (the probability is of the positive class)
    threshold: float = 0.5
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

    def _link(self, z: np.ndarray) -> np.ndarray:
        if not self.classes:
            return 1.0 / (1.0 + np.exp(-z))
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def score_one(self, normalized: str) -> np.ndarray:
        """The probabilities for one normalised text: a 0-d array (binary) or one per class. The analyser
        asks for it on the few posts whose finding it could change; building a sparse matrix for one row
        costs ~20x the arithmetic, so the TF-IDF of `TfidfVectorizer` (sub-linear TF, IDF, L2 per
        vectoriser) is applied here directly; `score_many` gives the same numbers through scikit-learn."""
        text = prepare(normalized)
        z = np.array(self.intercept, dtype=np.float64)
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
            z = z + (weights @ coef[cols]) / float(np.sqrt(weights @ weights))
        return self._link(z)

    def score_many(self, normalized: Sequence[str]) -> np.ndarray:
        """The probabilities for each normalised text, in one batch: (n,) or (n, n_classes)."""
        shape = (0, len(self.classes)) if self.classes else (0,)
        if not normalized:
            return np.zeros(shape)
        texts = [prepare(t) for t in normalized]
        char, word = self._vecs
        x = sp.hstack([char.transform(texts), word.transform(texts)], format="csr")
        return self._link(np.asarray(x @ self.coef + self.intercept, dtype=np.float64))


def fit(texts: Sequence[str], labels: Sequence, *, C: float, threshold: float, model_class=TextLinearModel):
    """Fit on raw texts (cleaned and normalised here, as the analyser does). Boolean labels give a binary
    model; string labels a model over their classes (sorted, as scikit-learn orders them)."""
    from sklearn.linear_model import LogisticRegression

    prepared = [prepare(normalize(clean(t))) for t in texts]
    char, word = _vectorizers()
    x = sp.hstack([char.fit_transform(prepared), word.fit_transform(prepared)], format="csr")
    binary = all(isinstance(v, (bool, np.bool_)) for v in labels)
    y = np.asarray(labels, dtype=int) if binary else np.asarray(labels, dtype=object)
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(x, y)
    if binary:
        coef, intercept, classes = lr.coef_[0], np.float64(lr.intercept_[0]), ()
    else:
        coef, intercept, classes = lr.coef_.T, lr.intercept_.astype(np.float64), tuple(str(c) for c in lr.classes_)
    counts = {str(c): int(n) for c, n in zip(*np.unique(y.astype(str), return_counts=True), strict=True)}
    return model_class(
        char_vocab={t: int(i) for t, i in char.vocabulary_.items()}, char_idf=char.idf_.astype(np.float32),
        word_vocab={t: int(i) for t, i in word.vocabulary_.items()}, word_idf=word.idf_.astype(np.float32),
        coef=np.ascontiguousarray(coef, dtype=np.float32), intercept=intercept, classes=classes,
        threshold=threshold, meta={"C": C, "n_train": len(y), "label_counts": counts})


def save(model: TextLinearModel, path: Path, *, fmt: str, task: str, data: dict | None = None) -> str:
    """Write the arrays (xz-compressed joblib) and `<name>.json` with the sha256; returns the sha256."""
    import joblib

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    model.version = model.version or f"{task}-" + now.strftime("%Y%m%d%H%M%S")
    # Vocabularies as term lists in column order: smaller than dicts, and nothing but str and arrays.
    payload = {"format": fmt, "version": model.version,
               "char_terms": sorted(model.char_vocab, key=model.char_vocab.get), "char_idf": model.char_idf,
               "word_terms": sorted(model.word_vocab, key=model.word_vocab.get), "word_idf": model.word_idf,
               "coef": model.coef, "intercept": model.intercept if model.classes else float(model.intercept),
               "threshold": model.threshold}
    if model.classes:
        payload["classes"] = list(model.classes)
    buf = io.BytesIO()
    joblib.dump(payload, buf, compress=("xz", 6))
    path.write_bytes(buf.getvalue())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    meta = {**model.meta, **(data or {}), "task": task, "version": model.version, "file": path.name,
            "sha256": digest, "size_bytes": path.stat().st_size, "threshold": model.threshold,
            "n_features": len(model.char_vocab) + len(model.word_vocab), "date": now.isoformat(timespec="seconds")}
    if model.classes:
        meta["classes"] = list(model.classes)
    model.meta = meta
    path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return digest


def load(path: Path, expected_sha256: str, *, fmt: str, model_class=TextLinearModel):
    """Refuses (ModelIntegrityError, a ValueError) a file whose sha256 is not `expected_sha256`, before
    unpickling it, and a file of another format."""
    import joblib

    from .registry import read_verified

    path = Path(path)
    raw = read_verified(path, expected_sha256)
    payload = joblib.load(io.BytesIO(raw))
    if not isinstance(payload, dict) or payload.get("format") != fmt:
        raise ValueError(f"{path}: not a {fmt} model")
    classes = tuple(str(c) for c in payload.get("classes", ()))
    meta_path = path.with_suffix(".json")
    return model_class(
        char_vocab={t: i for i, t in enumerate(payload["char_terms"])},
        char_idf=np.asarray(payload["char_idf"], dtype=np.float32),
        word_vocab={t: i for i, t in enumerate(payload["word_terms"])},
        word_idf=np.asarray(payload["word_idf"], dtype=np.float32),
        coef=np.asarray(payload["coef"], dtype=np.float32),
        intercept=np.asarray(payload["intercept"], dtype=np.float64) if classes else np.float64(payload["intercept"]),
        classes=classes, threshold=float(payload["threshold"]), version=payload["version"],
        meta=json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {})
