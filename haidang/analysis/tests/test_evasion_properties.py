"""The analyser's verdict does not move when the writer hides the words: soft hyphens, zero-width
characters, look-alike letters, full-width letters, spaced or dotted letters, leetspeak.

`analyze()` reads settings and the (cached) watch-lists only; without a database it has no watch-lists,
which is what these properties want: the rules and the shipped models.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haidang.analysis.analyzer import analyze

TEXTS = [
    # harmful
    "Chúc mừng bạn trúng thưởng 50 triệu, chuyển khoản phí nhận thưởng gấp vào số tài khoản này",
    "Tài khoản ngân hàng của bạn bị khóa, nhấn vào đường dẫn để xác minh ngay",
    "đm bọn mày ngu như chó, cút hết đi",
    "thằng chó này ngu như bò, đồ súc vật",
    "Tối nay anh em tập trung chặn quốc lộ, mang gậy gộc đốt xe cho chúng nó biết tay",
    "Công an gọi điện yêu cầu chuyển tiền vào tài khoản tạm giữ để điều tra",
    # lawful
    "Công an phường triệu tập đối tượng trộm cắp để điều tra, làm rõ",
    "Hôm nay trời đẹp quá, cả nhà đi chơi biển Nhật Lệ",
    "Nhà văn hóa thôn ở xã Phong Nha dột nát mấy năm nay không ai giải quyết",
    "Cảm ơn các bác sĩ bệnh viện tỉnh đã tận tình chữa bệnh cho mẹ tôi",
]

LOOKALIKES = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і"}
LEET = {"o": "0", "e": "3", "a": "4", "t": "7"}
FAST = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

_expected: dict[str, str] = {}


def _top(text: str) -> str:
    return analyze(text, explain=False)["top_category"]


def _baseline(text: str) -> str:
    if text not in _expected:
        _expected[text] = _top(text)
    return _expected[text]


def _insert(text: str, positions: list[int], char: str) -> str:
    for pos in sorted({p % (len(text) + 1) for p in positions}, reverse=True):
        text = text[:pos] + char + text[pos:]
    return text


def _words(text: str) -> list[str]:
    return text.split(" ")


texts = st.sampled_from(TEXTS)
positions = st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=8)


@FAST
@given(texts, positions)
def test_soft_hyphens_do_not_change_the_verdict(text, where):
    assert _top(_insert(text, where, "\u00ad")) == _baseline(text)


@FAST
@given(texts, positions)
def test_zero_width_spaces_do_not_change_the_verdict(text, where):
    assert _top(_insert(text, where, "\u200b")) == _baseline(text)


@FAST
@given(texts, positions)
def test_zero_width_joiners_do_not_change_the_verdict(text, where):
    assert _top(_insert(text, where, "\u200d")) == _baseline(text)


@FAST
@given(texts, st.data())
def test_cyrillic_look_alikes_do_not_change_the_verdict(text, data):
    chars = list(text)
    swappable = [i for i, ch in enumerate(chars) if ch in LOOKALIKES]
    for i in data.draw(st.lists(st.sampled_from(swappable), min_size=1, max_size=12, unique=True)):
        chars[i] = LOOKALIKES[chars[i]]
    assert _top("".join(chars)) == _baseline(text)


@FAST
@given(texts, st.data())
def test_full_width_letters_do_not_change_the_verdict(text, data):
    swappable = [i for i, ch in enumerate(text) if ch.isascii() and ch.isalnum()]
    chosen = set(data.draw(st.lists(st.sampled_from(swappable), min_size=1, max_size=20)))
    evaded = "".join(chr(ord(ch) + 0xFEE0) if i in chosen else ch for i, ch in enumerate(text))
    assert _top(evaded) == _baseline(text)


@FAST
@given(texts, st.data())
def test_spaced_letters_do_not_change_the_verdict(text, data):
    words = _words(text)
    candidates = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
    for i in data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=2, unique=True)):
        words[i] = " ".join(words[i])
    assert _top(" ".join(words)) == _baseline(text)


@FAST
@given(texts, st.data(), st.sampled_from([".", "-", "*", "_"]))
def test_dotted_letters_do_not_change_the_verdict(text, data, sep):
    words = _words(text)
    candidates = [i for i, w in enumerate(words) if len(w) >= 2 and w.isalpha()]
    for i in data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=3, unique=True)):
        words[i] = sep.join(words[i])
    assert _top(" ".join(words)) == _baseline(text)


@FAST
@given(texts, st.data())
def test_leetspeak_does_not_change_the_verdict(text, data):
    words = _words(text)
    candidates = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha() and any(c in LEET for c in w)]
    for i in data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=2, unique=True)):
        word = words[i]
        k = next(k for k, c in enumerate(word) if c in LEET)  # one digit a word: still a word
        words[i] = word[:k] + LEET[word[k]] + word[k + 1:]
    assert _top(" ".join(words)) == _baseline(text)


@pytest.mark.parametrize("text", TEXTS)
def test_the_samples_are_decided(text):
    # The properties above compare verdicts; they say something only if the samples are told apart.
    assert _top(text)
