"""Rule families, sixth pass (issue #12): a word the span tagger marks must offend on its own before the
post-level model may confirm it. Violent verbs and animal words ("giết", "chết", "heo", "lợn") are
everyday on their own: a pig killed for Tết, a cock for a drinking party. Aimed at a person ("giết mày",
"đồ súc vật") they still confirm. Examples are written for the tests, not taken from any data set."""

from __future__ import annotations

import pytest

from haidang.analysis.analyzer import analyze
from haidang.analysis.rules import offensive_words

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


@pytest.mark.parametrize("text", [
    "Tết ni nhà tui giết con heo 80 ký, chia cho mấy nhà hàng xóm, làm giò, lòng dồi.",
    "Thằng Hùng ơi tối ni qua nhà tau nhậu, tau giết con gà trống rồi, mang theo chai rượu nghe chưa.",
    "Con chó nhà mình đẻ 5 con, ai nuôi thì qua bắt, cho miễn phí.",
])
def test_everyday_killing_of_animals_stays_lawful(text):
    assert analyze(text)["top_category"] not in HARMFUL


@pytest.mark.parametrize("text", [
    "Mày mà còn nói nữa thì tao giết mày, nhớ đấy thằng chó",
    "đồ mất dạy, cút về quê đi",
    "tao giet may do suc vat",
])
def test_insults_aimed_at_a_person_still_confirm(text):
    assert analyze(text)["top_category"] == "hate_harassment"


def test_offending_pairs_need_a_quoted_word():
    # "giết" alone is no insult; "giết mày" is a threat, whichever of its two words the tagger marks
    assert not offensive_words("Tết nhà tui giết con heo", ["giết"])
    assert offensive_words("tao giết mày đấy", ["giết"])
    assert offensive_words("đồ mất dạy", ["mất dạy"])
    # an animal, not the insult, even when the tagger marks it
    assert not offensive_words("Con chó nhà mình đẻ 5 con", ["Con chó"])
