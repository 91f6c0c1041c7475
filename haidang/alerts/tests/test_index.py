"""The compact band index against brute force, incremental inserts, rebuilds; the fast shingling
path against the reference (`normalize` + `fold` on the whole text)."""

import sys
import unicodedata

import numpy as np
import pytest

from haidang.alerts import textsig
from haidang.alerts.actions import do_assign_items
from haidang.alerts.bands import BandIndex, band_hashes, band_params, s_curve
from haidang.alerts.lsh import StoryIndex
from haidang.alerts.models import StoryItem
from haidang.alerts.textsig import signature, signatures, slow_words, unpack_signature, words

from .helpers import HEALTH, OTHER, SCAM, WARD, item, repost, source


def _signatures(n=600, num_perm=128, seed=5):
    """Random signatures in families: copies keep 30-100% of their family's values."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 2**32 - 1, size=(40, num_perm), dtype=np.uint64)
    sigs = rng.integers(0, 2**32 - 1, size=(n, num_perm), dtype=np.uint64)
    family = rng.integers(0, len(base), size=n)
    keep = rng.random((n, num_perm)) < rng.uniform(0.3, 1.0, size=(n, 1))
    related = rng.random(n) < 0.7
    return np.where(related[:, None] & keep, base[family], sigs)


def _brute_force(sigs, query, b, r):
    """Ids whose signature equals the query's on all r rows of at least one band."""
    q = query[: b * r].reshape(b, r)
    rows = sigs[:, : b * r].reshape(len(sigs), b, r)
    return sorted(np.flatnonzero((rows == q[None]).all(axis=2).any(axis=1)).tolist())


def test_bands_are_datasketchs_and_the_s_curve_centres_on_the_threshold():
    b, r = band_params(0.5, 128)
    assert (b, r) == (25, 5) and b * r <= 128
    assert s_curve(0.3, b, r) < 0.1 < 0.5 < s_curve(0.5, b, r) < s_curve(0.6, b, r)
    assert s_curve(0.6, b, r) > 0.85 and s_curve(0.8, b, r) > 0.999


def test_queries_match_brute_force_and_datasketch():
    from datasketch import MinHashLSH

    sigs = _signatures()
    b, r = band_params(0.5, 128)
    index = BandIndex(b, r)
    index.insert_matrix(np.arange(len(sigs)) + 1000, sigs)
    reference = MinHashLSH(threshold=0.5, num_perm=128)
    for i, s in enumerate(sigs):
        reference.insert(i + 1000, textsig.to_minhash(s))
    together = index.query_matrix(sigs[:100])
    hits = 0
    for i in range(100):
        expected = [k + 1000 for k in _brute_force(sigs, sigs[i], b, r)]
        assert index.query(sigs[i]) == expected == together[i].tolist()
        assert sorted(reference.query(textsig.to_minhash(sigs[i]))) == expected
        hits += len(expected) > 1
    assert hits > 30  # the families do collide: the comparison is not vacuous
    unrelated = np.random.default_rng(9).integers(0, 2**32 - 1, size=(1, 128), dtype=np.uint64)
    assert index.query(unrelated[0]) == []


def test_incremental_inserts_equal_one_bulk_insert():
    sigs = _signatures(seed=7)
    b, r = band_params(0.5, 128)
    bulk, small = BandIndex(b, r), BandIndex(b, r, min_merge=64)
    bulk.insert_matrix(np.arange(len(sigs)), sigs)
    merged, recent = 0, 0
    for start in range(0, len(sigs), 25):
        small.insert_matrix(np.arange(start, start + 25), sigs[start:start + 25])
        # What was just inserted is found at once, merged or not.
        assert start in small.query(sigs[start])
        merged += small.runs[1][0].size == 0
        recent += small.runs[1][0].size > 0
    assert merged > 3 and recent > 3  # both runs were exercised
    for i in range(0, len(sigs), 7):
        assert small.query(sigs[i]) == bulk.query(sigs[i])
    small.flush()
    assert small.runs[1][0].size == 0 and len(small) == len(bulk) == len(sigs)
    assert small.query(sigs[3]) == bulk.query(sigs[3])


def test_band_hashes_depend_on_the_band_and_all_its_rows():
    sig = np.arange(128, dtype=np.uint64)
    h = band_hashes(sig, 25, 5)[0]
    assert len(set(h.tolist())) == 25
    changed = sig.copy()
    changed[7] += 1  # row 2 of band 1
    h2 = band_hashes(changed, 25, 5)[0]
    assert (h != h2).tolist() == [i == 1 for i in range(25)]


def test_rebuild_from_the_database_answers_like_the_live_index(personas, story_index):
    src = source(personas)
    texts = [SCAM, repost(SCAM), HEALTH, repost(HEALTH), WARD, OTHER]
    items = [item(src, t) for t in texts]
    do_assign_items([i.pk for i in items], index=story_index)
    stored = list(StoryItem.objects.filter(indexed=True).values_list("item_id", "signature"))
    assert stored
    fresh = StoryIndex(redis_url=story_index.redis_url, basename=story_index.basename.decode())
    assert fresh.rebuild() == len(stored) == len(fresh)
    for item_id, sig in stored:
        values = unpack_signature(sig)
        assert item_id in fresh.query(values)
        assert sorted(fresh.query(values)) == sorted(story_index.query(values))
    assert fresh.query_many([unpack_signature(s) for _i, s in stored]) == [
        sorted(fresh.query(unpack_signature(s))) for _i, s in stored]


TRICKY = [
    "", "ok", "Chia sẻ: " + SCAM + " 😡😡", "KHÔNG được đâu nhé!!! quáaaa", "ko dc j v mk ơi",
    "l.ừ.a đ.ả.o nhé. Bình thường thôi", "l u a d a o", "h0a l0 3m yêu", "ab_l0 c", "ab_cd ef",
    "x\u0301y và z", "<33 :d :) =)) :(", "chào :\nd bạn", "mai.\nx y z w", "co\u200dn ❤️ a", "❶ ❷ 🄁 số",
    "thuỷ hoà khoẻ", "QUÝ KHÁCH", "Đà Nẵng\tĐÀ NẴNG", "a\x00b\ud800c", "ﬁnal ǅ İstanbul",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_shingling_equals_the_reference(text):
    assert words(text) == slow_words(text)


def test_batched_signatures_equal_single_ones():
    texts = [*TRICKY, SCAM, repost(SCAM), HEALTH]
    together = signatures(texts)
    for text, sig in zip(texts, together, strict=True):
        alone = signature(text)
        assert np.array_equal(sig.shingles, alone.shingles) and np.array_equal(sig.values, alone.values)
        assert np.array_equal(sig.values, textsig.minhash_values(alone.shingles))
    assert together[2].joinable and not together[1].joinable


def test_the_mark_free_blocks_hold_no_marks_and_the_mark_scan_covers_all_planes():
    def is_mark(c):
        return unicodedata.combining(chr(c)) or unicodedata.category(chr(c)) == "Mn"

    for low, high in textsig._MARK_FREE_RANGES:
        assert not any(is_mark(c) for c in range(low, high + 1))
    outside = [c for c in range(0x20000, sys.maxunicode + 1) if not 0xE0000 <= c < 0xE1000 and is_mark(c)]
    assert outside == []
    assert textsig._marks().search("x\u0301") and textsig._marks().search("\U000E0100")
