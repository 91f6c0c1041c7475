"""Watch-list queries: the language, errors with positions, offsets, one automaton for all topics."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haidang.analysis.watchlists import QueryError, Topic, WatchlistIndex, compile_query
from haidang.text.normalize import clean


def test_phrases_or_and_not_with_offsets():
    q = compile_query('("lừa đảo" OR "chiếm đoạt") AND tiền NOT "bão giá"')
    text = "Cảnh báo LỪA  ĐẢO chiếm tiền ở Đồng Hới"
    hits = q.matches(text)
    assert {h["term"] for h in hits} == {"lua dao", "tien"}
    for h in hits:
        assert h["in"] == "text"
        assert text[h["start"]:h["end"]].lower() in {"lừa  đảo", "tiền"}
    assert not q.matches("lừa đảo tiền bão giá")


def test_diacritics_insensitive_by_default_and_per_term_flag():
    assert compile_query("Quảng Bình").test("quang binh mua lu")
    assert not compile_query("=Lừa").test("lua dao")
    assert compile_query("=Lừa").test("LỪA đảo")
    assert compile_query("~lua", sensitive=True).test("lừa")
    assert compile_query("hoà").test("hòa bình")


def test_prefix_and_word_boundaries():
    assert compile_query("lãi*").test("lãisuất cao")
    assert not compile_query("lãi").test("lãisuất cao")
    assert not compile_query("an").test("bình thanh")


def test_near():
    assert compile_query("sạt NEAR/2 lở").test("sạt đất lở núi")
    assert not compile_query("sạt NEAR/1 lở").test("sạt rồi đất lở núi")


def test_evasions_are_matched_in_the_normalised_text():
    hits = compile_query('"lừa đảo"').matches("l.ừ.a đ.ả.o")
    assert hits and hits[0]["in"] == "normalized"


@pytest.mark.parametrize("query,position", [
    ("(a OR b", 7), ("a OR", 4), ('"abc', 0), ("a ) b", 2), ("", 0), ("NOT a", 0),
])
def test_clear_errors_with_positions(query, position):
    with pytest.raises(QueryError) as exc:
        compile_query(query)
    assert exc.value.position == position
    assert "position" in str(exc.value)


def test_one_bad_topic_does_not_stop_the_index():
    index = WatchlistIndex([Topic(key=1, name="bad", query="(a"), Topic(key=2, name="ok", query="bão")])
    assert 1 in index.errors
    assert [m["id"] for m in index.match("bão số 3")] == [2]


def test_ten_thousand_terms_cost_about_the_same_as_ten():
    words = [f"tu{i}khoa" for i in range(10_000)]
    big = WatchlistIndex([Topic(key=i, name=str(i), query=f'"{w}" OR x{i}y') for i, w in enumerate(words[:5000])])
    small = WatchlistIndex([Topic(key=i, name=str(i), query=f'"{w}"') for i, w in enumerate(words[:10])])
    text = "Người dân Quảng Bình phản ánh tình trạng lừa đảo tu3khoa qua mạng " * 3

    def timed(index):
        start = time.perf_counter()
        for _ in range(300):
            index.match(text, normalized=text)
        return time.perf_counter() - start

    timed(small)
    assert timed(big) < 3 * timed(small)  # the benchmark reports the real ratio; this guards regressions


QUERY_ALPHABET = st.sampled_from(['a', 'b', 'lừa', ' ', '(', ')', '"', 'AND', 'OR', 'NOT', 'NEAR/2', '*', '=', '~', 'đ'])


@settings(max_examples=300, deadline=None)
@given(st.lists(QUERY_ALPHABET, max_size=12).map(" ".join) | st.text(max_size=30))
def test_parser_gives_a_query_or_a_clear_error(query):
    try:
        q = compile_query(query)
    except QueryError as exc:
        assert exc.message
        assert exc.position is None or 0 <= exc.position <= len(clean(query))
        return
    q.matches("a b lừa đảo (a) NOT")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_matching_never_raises_and_offsets_are_in_range(text):
    q = compile_query('a OR "b c" OR lừa* OR x NEAR/2 y')
    n = len(clean(text))
    for hit in q.matches(text):
        assert 0 <= hit["start"] <= hit["end"]
        if hit["in"] == "text":
            assert hit["end"] <= n
