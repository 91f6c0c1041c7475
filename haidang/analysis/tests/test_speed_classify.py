"""The featuriser's batch path (`Featurizer.counts`, columns gathered per distinct token with numpy) gives
exactly the matrices of the reference loop (`Featurizer._counts_loop`), for every block. Hand-written texts."""

import unicodedata

import numpy as np
import pytest

from haidang.analysis.classify import BLOCK_NAMES, Featurizer
from haidang.text.normalize import normalize

TEXTS = [
    "Mày đúng là đồ ngốc mà!!", "may ngu vl", "", " ", "a", "😍😍 quá đẹp", "ĐM bọn mày",
    "Chuyển khoản gấp 1.000.000đ vào STK 0123456789, gọi 0912345678 hoặc 1900 1234", "bit.ly/abc https://vcb-xacthuc.top",
    "ơi!! ơi... chào\nbạn", unicodedata.normalize("NFD", "Đồ ngốc ạ"), "ĐỒ NGỐC", "lúc 20h30 ngày 12/5, 500k/ng",
    "thằng này ng\u00adu như chó", "Đi học đi học đi học " * 30, "x@y.vn", "ab ab ab ab",
]


def _same(a, b):
    assert set(a) == set(b)
    for block in b:
        x, y = a[block], b[block]
        assert x.shape == y.shape and x.dtype == y.dtype
        assert x.has_canonical_format and y.has_canonical_format
        assert np.array_equal(x.indptr, y.indptr)
        assert np.array_equal(x.indices, y.indices)
        assert np.array_equal(x.data, y.data)
    assert (a.bare is None) == (b.bare is None)
    if b.bare is not None:
        assert np.array_equal(a.bare, b.bare)


@pytest.mark.parametrize("blocks", [BLOCK_NAMES, ("word",), ("char_folded", "shape"), ("raw_char", "meta")])
def test_batch_counts_equal_the_loop(blocks):
    f = Featurizer()
    norms = [normalize(t) for t in TEXTS]
    for texts, normalized in ((TEXTS, None), (None, norms), (TEXTS, norms), ([], None), (["", ""], None)):
        _same(f.counts(texts, normalized, blocks=blocks), f._counts_loop(texts, normalized, blocks=blocks))


def test_batch_counts_with_a_warm_cache_and_one_text():
    f = Featurizer()
    f.counts(TEXTS, blocks=BLOCK_NAMES)
    for text in TEXTS:
        _same(f.counts([text], blocks=BLOCK_NAMES), f._counts_loop([text], blocks=BLOCK_NAMES))
