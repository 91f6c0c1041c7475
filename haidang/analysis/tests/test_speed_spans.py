"""The span tagger's batch path (columns cached per word, bigram crc32 run on, vectorised stacking, the
post gate from cached columns) gives bit-for-bit what the reference path (fingerprints per feature
string, `Vocab.matrix_flat`, `_stack_matrix_loop`, `_post_matrix`) gives. Hand-written texts only."""

import copy
import unicodedata

import numpy as np
import pytest

from haidang.analysis import spans
from haidang.text.normalize import normalize

from .test_spans import DEV, TRAIN, _write

SAMPLE = [
    "Mày đúng là đồ ngốc mà!!", "Thằng đó khốn nạn thật, đi chết đi", "Hôm nay trời đẹp quá 😍😍",
    "may ngu vl", "ĐM bọn mày", "", "a", "Cán bộ phường tham nhũng, bà con bức xúc lắm",
    "đồ n.g.u", "vãiiiii l0n", "Ông ta mất dạy quá. Nó cũng vậy", "thang do khon nan that",
    "thằng này ng\u00adu như chó", unicodedata.normalize("NFD", "Đồ ngốc ạ"), "lũ lụt ở miền Trung, lũ khốn",
    "Bọn lừa đảo giả danh công an gọi điện", "12345 678", "Đi học đi học đi học " * 30,
    "Nghe giọng đồ ngốc kìa\nMấy đứa mất dạy ngoài ngõ; con người khốn nạn", "ĐỒ NGỐC", "  \n ",
    "mưa lũ, bão lũ, đỉnh lũ và lũ quét", "Xin cảm ơn bác sĩ đã tận tình chăm sóc mẹ tôi",
]


def _same_scores(a, b):
    assert len(a) == len(b)
    for (tok_a, p_a), (tok_b, p_b) in zip(a, b, strict=True):
        assert tok_a == tok_b
        assert p_a.dtype == p_b.dtype or not len(p_a)  # an empty batch scores float64 zeros either way
        assert np.array_equal(p_a, p_b)


def _same_csr(a, b):
    assert a.shape == b.shape
    a, b = a.tocsr(), b.tocsr()
    a.sort_indices()
    b.sort_indices()
    assert np.array_equal(a.indptr, b.indptr)
    assert np.array_equal(a.indices, b.indices)
    assert np.array_equal(a.data, b.data)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    d = tmp_path_factory.mktemp("speed_spans")
    tagger, _ = spans.train(_write(d / "train.csv", TRAIN), _write(d / "dev.csv", DEV))
    return tagger


@pytest.fixture(scope="module")
def shipped():
    try:
        return spans.shipped_tagger()
    except (FileNotFoundError, ValueError) as exc:  # pragma: no cover - the artefact is in the repository
        pytest.skip(f"no shipped tagger: {exc}")


@pytest.mark.parametrize("config", [{}, {"window": 1}, {"accented_ctx": False}, {"bigrams": False},
                                    {"accented_ctx": False, "bigrams": False}, {"char": "auto"},
                                    {"char": "none", "window": 3}, {"stack": False}])
def test_batch_scores_equal_the_reference_path(tiny, config):
    cfg = {**tiny.config, **config}
    tagger = spans.SpanTagger(tiny.vocab, tiny.coef, tiny.intercept, cfg, tiny.threshold, tiny.threshold_precise,
                              post=tiny.post, stack=None if config.get("stack") is False else tiny.stack)
    _same_scores(tagger.token_scores(SAMPLE), tagger._token_scores_reference(SAMPLE))
    # Twice: the second pass reads the filled caches.
    _same_scores(tagger.token_scores(SAMPLE), tagger._token_scores_reference(SAMPLE))


def test_shipped_batch_scores_equal_the_reference_path(shipped):
    main = copy.copy(shipped)
    main.folded_twin = None
    for tagger in (main, shipped.folded_twin):
        _same_scores(tagger.token_scores(SAMPLE), tagger._token_scores_reference(SAMPLE))
        # One text at a time (cache hits) gives what the batch (cache misses) gave.
        _same_scores([tagger.token_scores([t])[0] for t in SAMPLE], tagger._token_scores_reference(SAMPLE))


def test_shipped_post_gate_matrix_equals_the_reference(shipped):
    for tagger in (shipped, shipped.folded_twin):
        post = tagger.post
        idf = np.asarray(post["idf"], dtype=np.float32)
        cached = spans._post_matrix_cached(tagger._columns.ready(tagger), [normalize(t) for t in SAMPLE], idf)
        _same_csr(cached, spans._post_matrix(SAMPLE, post["vocab"], idf))


def test_shipped_find_with_norms_equals_find(shipped):
    found, scores = shipped.find_with_scores(SAMPLE)
    assert (found, scores) == shipped.find_with_scores(SAMPLE, norms=[normalize(t) for t in SAMPLE])
    assert found == shipped.find(SAMPLE) == shipped.find(SAMPLE, norms=[normalize(t) for t in SAMPLE])
    assert any(found) and not all(found)


def test_tiny_find_equals_the_reference_decision(tiny):
    """Spans and scores from the batch path equal those built from the reference token scores and the
    reference gate matrix."""
    found, scores = tiny.find_with_scores(SAMPLE)
    main = copy.copy(tiny)
    main.folded_twin = None
    plain = [t for t in SAMPLE if not spans.typed_without_accents(t)]
    ref_scored = main._token_scores_reference(plain)
    expected = main.find(plain, scored=ref_scored)
    assert [f for t, f in zip(SAMPLE, found, strict=True) if not spans.typed_without_accents(t)] == expected
    assert [s for t, s in zip(SAMPLE, scores, strict=True) if not spans.typed_without_accents(t)] == [
        float(p.max()) if len(p) else 0.0 for _, p in ref_scored]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_vectorised_stack_matrix_equals_the_loop(dtype):
    rng = np.random.default_rng(19)
    # Bucket edges (0.2, 0.4, 0.6, 0.8 and their float32 neighbours), ties, one-token and empty posts.
    edges = np.array([0.2, 0.4, 0.6, 0.8, 0.5, 0.39999998, 0.6000001, 0.19999999, 1.0, 0.0], dtype=dtype)
    probs = np.concatenate([edges, rng.random(500).astype(dtype), np.array([0.7, 0.7, 0.7], dtype=dtype)])
    cuts = sorted(rng.choice(np.arange(1, len(probs)), size=60, replace=False).tolist())
    offsets = [0, 0, 1, *cuts, len(probs) - 3, len(probs), len(probs)]
    offsets = sorted(offsets)
    _same_csr(spans._stack_matrix(probs, offsets), spans._stack_matrix_loop(probs, offsets))
    _same_csr(spans._stack_matrix(np.zeros(0, dtype), [0, 0]), spans._stack_matrix_loop(np.zeros(0, dtype), [0, 0]))


def _tokenize_reference(text):
    text = text or ""
    clean_text, index_map = spans._deobfuscate(text)
    out = []
    for m in spans._TOKEN_RE.finditer(clean_text):
        idx = [i for i in index_map[m.start():m.end()] if isinstance(i, int) and 0 <= i < len(text)]
        if idx:
            out.append((m.group(0), min(idx), max(idx) + 1))
    return out


def test_tokenize_fast_path_equals_the_mapped_path():
    for text in SAMPLE + [None]:
        assert spans.tokenize(text) == _tokenize_reference(text)


def test_column_cache_follows_a_new_vocabulary(tiny):
    tagger = copy.copy(tiny)
    tagger.folded_twin = None
    tagger.stack = None
    tagger._columns = spans._ColumnCache()
    before = tagger.token_scores(SAMPLE)
    shared = copy.copy(tagger)
    assert shared._columns is tagger._columns  # shallow copies share the caches
    tagger.vocab = spans.Vocab(tagger.vocab.fps[::2].copy())
    tagger.coef = tagger.coef[: len(tagger.vocab)].copy()
    after = tagger.token_scores(SAMPLE)
    _same_scores(after, tagger._token_scores_reference(SAMPLE))
    assert any(not np.array_equal(a, b) for (_, a), (_, b) in zip(before, after, strict=True))


def test_bucketed_column_lookup_equals_a_binary_search():
    rng = np.random.default_rng(7)
    fps = np.unique(rng.integers(0, 2 ** 32, size=5000, dtype=np.uint64).astype(np.uint32))
    # Crowded buckets and both ends of the range too.
    fps = np.unique(np.concatenate([fps, np.arange(40, dtype=np.uint32), np.uint32(2 ** 32 - 1) - np.arange(40, dtype=np.uint32)]))
    vocab = spans.Vocab(fps)
    queries = np.concatenate([fps[::3], rng.integers(0, 2 ** 32, size=5000, dtype=np.uint64).astype(np.uint32),
                              np.array([0, 1, 2 ** 32 - 1, 2 ** 31], dtype=np.uint32)])
    pos = np.minimum(np.searchsorted(fps, queries), len(fps) - 1)
    expected = np.where(fps[pos] == queries, pos, -1)
    assert np.array_equal(spans._columns_of(vocab, queries), expected)
    assert (spans._columns_of(vocab, fps) == np.arange(len(fps))).all()
    assert spans._columns_of(spans.Vocab(np.zeros(0, np.uint32)), queries[:5]).tolist() == [-1] * 5
    assert spans._columns_of(vocab, []).tolist() == []


def test_folding_a_normalised_text_is_folding_its_words():
    """What `_post_matrix_cached` relies on: fold(text).split() is its words folded, less empty ones."""
    texts = SAMPLE + ["♥ \ufe0e ♥", "Đ\u0301 \u0301abc x\u00a0y", "ΟΔΟΣ ΟΔΟΣ", "\u2000a\u2001b\u3000c", "İstanbul \u212a",
                      "ﬁ ﬂ ǅ", "a\u0345 b", "\u1100\u1161 \u1100 \u1161"]
    for text in texts + [normalize(t) for t in texts]:
        assert spans.fold(text).split() == [f for f in map(spans.fold, text.split()) if f], text


def test_post_gate_matrix_with_words_that_fold_to_nothing(shipped):
    """`normalize` puts a space between an emoji and its variation selector ("♥\ufe0e" -> "♥ \ufe0e"):
    a word that folds to "", so no folded word, and the folded bigram joins its neighbours."""
    texts = ["giao đủ số lượng ♥\ufe0e♥\ufe0e♥\ufe0e", "♥\ufe0e", "a ♥\ufe0e b", "☺\ufe0e đồ ngốc ☺\ufe0e"]
    post = shipped.post
    idf = np.asarray(post["idf"], dtype=np.float32)
    norms = [normalize(t) for t in texts]
    assert any(not spans.fold(w) for n in norms for w in n.split())
    cached = spans._post_matrix_cached(shipped._columns.ready(shipped), norms, idf)
    _same_csr(cached, spans._post_matrix(texts, post["vocab"], idf))
