"""Evasions undone: `normalize(evade(t)) == normalize(t)` for each trick, `deobfuscate_aligned` offsets,
and what must never change (clean sentences, numbers, real Vietnamese letters)."""

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haidang.text import normalize as normalize_module
from haidang.text.normalize import SYLLABLES, clean, deobfuscate_aligned, extract_entities, fold, normalize

SENTENCES = [
    "lừa đảo",
    "chuyển khoản ngay",
    "thằng ngu như chó",
    "công an triệu tập",
    "mày là đồ ngu",
    "tài khoản của bạn bị khóa",
    "chúc mừng bạn trúng thưởng",
    "bọn phản động",
    "xin chào cả nhà",
    "nhấn vào đường dẫn để nhận quà",
    "Công an phường triệu tập đối tượng",
    "địt mẹ thằng chó",
]
WORDS = sorted({w for s in SENTENCES for w in s.split()})
PROPERTY = settings(max_examples=60, deadline=None)

# Look-alikes a writer swaps in (the strong ones: each makes a word even alone).
CYRILLIC_GREEK = {"a": "аα", "c": "сϲ", "e": "е", "o": "оο", "p": "рρ", "x": "х", "y": "у", "i": "іι", "j": "ј",
                  "s": "ѕ", "d": "ԁ", "q": "ԛ", "w": "ԝ", "h": "һ", "v": "ν", "t": "τ", "k": "κ", "u": "υ"}
LEET = {"o": "0", "e": "3", "a": "4", "s": "5", "t": "7", "b": "8", "i": "1"}
SEPARATORS = [".", "-", "_", "*", "·"]


def _insert(text: str, positions: list[int], char: str) -> str:
    for pos in sorted({p % (len(text) + 1) for p in positions}, reverse=True):
        text = text[:pos] + char + text[pos:]
    return text


def _syllable(word: str) -> bool:
    return fold(word) in SYLLABLES


sentences = st.sampled_from(SENTENCES)
positions = st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=6)


# --- each evasion, as a property ------------------------------------------------------------------------
@PROPERTY
@given(sentences, positions)
def test_soft_hyphens_are_invisible(text, where):
    assert normalize(_insert(text, where, "\u00ad")) == normalize(text)


@PROPERTY
@given(sentences, positions)
def test_zero_width_spaces_are_invisible(text, where):
    assert normalize(_insert(text, where, "\u200b")) == normalize(text)


@PROPERTY
@given(sentences, positions)
def test_zero_width_joiners_are_invisible(text, where):
    assert normalize(_insert(text, where, "\u200d")) == normalize(text)


@PROPERTY
@given(sentences, positions, st.sampled_from(["\u2060", "\ufeff", "\u200e", "\u202e", "\u2066", "\u200c"]))
def test_other_format_characters_are_invisible(text, where, char):
    assert normalize(_insert(text, where, char)) == normalize(text)


@PROPERTY
@given(sentences, st.data())
def test_cyrillic_and_greek_look_alikes_are_read_as_latin(text, data):
    chars = list(text)
    swappable = [i for i, ch in enumerate(chars) if ch.lower() in CYRILLIC_GREEK]
    chosen = data.draw(st.lists(st.sampled_from(swappable), min_size=1, unique=True))
    for i in chosen:
        options = CYRILLIC_GREEK[chars[i].lower()]
        swap = data.draw(st.sampled_from(options))
        chars[i] = swap.upper() if chars[i].isupper() and len(swap.upper()) == 1 else swap
    evaded = "".join(chars)
    assert evaded != text
    assert normalize(evaded) == normalize(text)


@PROPERTY
@given(sentences, st.data())
def test_full_width_letters_are_read_as_latin(text, data):
    swappable = [i for i, ch in enumerate(text) if ch.isascii() and (ch.isalnum() or ch == " ")]
    chosen = set(data.draw(st.lists(st.sampled_from(swappable), min_size=1)))
    evaded = "".join(("\u3000" if ch == " " else chr(ord(ch) + 0xFEE0)) if i in chosen else ch
                     for i, ch in enumerate(text))
    assert normalize(evaded) == normalize(text)


@PROPERTY
@given(sentences, st.data())
def test_spaced_letters_are_joined(text, data):
    words = text.split()
    # Two spaced letters with a vowel are two words ("t ở" is "tao ở"): three letters up.
    candidates = [i for i, w in enumerate(words) if len(w) >= 3 and _syllable(w)]
    i = data.draw(st.sampled_from(candidates))
    words[i] = data.draw(st.sampled_from([" ", "  ", " . "])).join(words[i])
    assert normalize(" ".join(words)) == normalize(text)


@PROPERTY
@given(sentences, st.data())
def test_dotted_letters_are_joined(text, data):
    words = text.split()
    chosen = data.draw(st.lists(st.sampled_from([i for i, w in enumerate(words) if len(w) >= 2]),
                                min_size=1, unique=True))
    sep = data.draw(st.sampled_from(SEPARATORS))
    for i in chosen:
        words[i] = sep.join(words[i])
    assert normalize(" ".join(words)) == normalize(text)


LEET_SENTENCES = [s for s in SENTENCES if any(len(w) >= 3 and any(ch.lower() in LEET for ch in w) for w in s.split())]


@PROPERTY
@given(st.sampled_from(LEET_SENTENCES), st.data())
def test_leetspeak_inside_a_word_is_undone(text, data):
    words = text.split()
    candidates = [i for i, w in enumerate(words)
                  if len(w) >= 3 and any(ch.lower() in LEET for ch in w)]
    i = data.draw(st.sampled_from(candidates))
    word = words[i]
    swappable = [k for k, ch in enumerate(word) if ch.lower() in LEET]
    # At most as many digits as letters left: "40" is a number, not "ao".
    chosen = data.draw(st.lists(st.sampled_from(swappable), min_size=1, max_size=max(1, len(word) // 2),
                                unique=True))
    words[i] = "".join(LEET[ch.lower()] if k in chosen else ch for k, ch in enumerate(word))
    assert normalize(" ".join(words)) == normalize(text)


# --- examples from the brief and from real comments ---------------------------------------------------
@pytest.mark.parametrize(("evaded", "expected"), [
    ("n g u", "ngu"),
    ("c h ó", "chó"),
    ("đ.m", "đm"),
    ("l.ừ.a đ.ả.o", "lừa đảo"),
    ("t h ằ n g", "thằng"),
    ("N G U", "NGU"),
    ("m à y", "mày"),
    ("l u a d a o", "lua dao"),
    ("l u a  d a o", "lua  dao"),
    ("đ - m", "đm"),
    ("v l", "vl"),
    ("l0n", "lon"),
    ("ch0", "cho"),
    ("d1t", "dit"),
    ("1ồn", "lồn"),
    ("ng.u", "ngu"),
    ("c@c", "cac"),
    ("$ex", "sex"),
    ("đ!t", "đit"),
    ("l\u00adừa đ\u200bảo", "lừa đảo"),
    ("сhó", "chó"),
    ("ｎｇｕ", "ngu"),
    ("Ngυyễn", "Nguyễn"),
    ("ΚΗÔNG", "KHÔNG"),  # capitals look like capitals: "Η" is an H (its small letter an n)
    ("е\u0301m", "ém"),  # a Cyrillic e with a combining acute: Latin é once composed
])
def test_examples_are_undone(evaded, expected):
    assert deobfuscate_aligned(evaded)[0] == expected


def test_spaced_words_in_a_sentence():
    assert normalize("thằng n g u như c h ó") == normalize("thằng ngu như chó")
    assert normalize("bọn l.ừ.a đ.ả.o") == "bọn lừa đảo"
    assert normalize("đ.m thằng ngu") == normalize("đm thằng ngu") == "địt mẹ thằng ngu"


# --- what must not change --------------------------------------------------------------------------------
CLEAN = [
    "Anh ở đâu vậy ạ?",
    "Em ạ, a ơi chờ em với",
    "ừ ừ, à ờ thì thôi",
    "Nhà t ở Huế, c ạ",
    "Ủy ban nhân dân tỉnh Quảng Bình thông báo lịch tiếp công dân",
    "Mưa lớn ở Đồng Hới, đường Trần Hưng Đạo ngập sâu 0,5 m.",
    "Giá xăng hôm nay 23.500 đồng/lít, tăng 1.000 đồng.",
    "Cho mình hỏi, số 0912 345 678 có phải của anh Nam không?",
    "Hẹn 8h30 sáng mai ở UBND xã, mang CCCD nhé!",
    "Bằng lái A1 và B2 khác nhau thế nào?",
    "Galaxy S3, iPhone 12, mạng 4G và 5G",
    "Trường THPT số 1 Lệ Thủy, lớp 12A3",
    "Xem tại https://dichvucong.gov.vn/p/home và bit.ly/abc1, mail a.b@gmail.com",
    "Đẹp quá 😍😍 ❤️ 👨\u200d👩\u200d👧 gia đình",
    "Привет, Москва! Αθήνα",
    "ư ơ ă â ê ô đ Ư Ơ Ă Â Ê Ô Đ ừ ứ ử ữ ự ờ ớ ở ỡ ợ ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ ề ế ể ễ ệ ồ ố ổ ỗ ộ đ",
    "F0, F1 cách ly; U23 Việt Nam thắng 2-0; covid19",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_sentences_are_unchanged(text):
    assert deobfuscate_aligned(text) == (text, list(range(len(text))))


NUMBERS = ["20h", "8h30", "2tr", "500k", "0912345678", "0912.345.678", "1.000.000đ", "20/11/2024", "15:30",
           "3m", "10kg", "4G", "5G", "A1", "B2", "S3", "F0", "U23", "12A3", "50k", "100k", "2h", "7h", "1h30",
           "+84912345678", "044095001234", "2-0", "1/5"]


@pytest.mark.parametrize("number", NUMBERS)
def test_numbers_phones_and_times_are_not_leetspeak(number):
    assert deobfuscate_aligned(number)[0] == number
    assert deobfuscate_aligned(f"hẹn {number} nhé")[0] == f"hẹn {number} nhé"
    assert normalize(f"hẹn {number} nhé") == f"hẹn {number.lower()} nhé"


def test_leetspeak_only_in_context():
    assert deobfuscate_aligned("m4y")[0] == "may"
    assert deobfuscate_aligned("xyz4")[0] == "xyz4"  # spells no word: left alone
    assert deobfuscate_aligned("ngu!")[0] == "ngu!"  # a final "!" is punctuation, not an i
    assert deobfuscate_aligned("@mày")[0] == "@mày"  # a mention


def test_real_greek_and_russian_words_stay():
    for word in ("Привет", "Москва", "Αθήνα", "спасибо"):
        assert deobfuscate_aligned(word)[0] == word


def test_clean_leaves_format_characters_in_place():
    assert clean("m\u200bày") == "m\u200bày"
    assert clean("kho\u00adản") == "kho\u00adản"
    assert clean("a\x00b\x85c") == "a b c"  # controls still become spaces (one for one)


def test_every_format_character_is_dropped():
    cf = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert cf
    missed = [f"U+{ord(ch):04X}" for ch in cf if deobfuscate_aligned(f"ng{ch}u")[0] != "ngu"]
    assert not missed


# --- the zero-width regression: pieces of a split word are not teencode -------------------------------------
def test_zero_width_split_words_do_not_become_teencode():
    assert normalize("m\u200bày") == "mày"
    assert normalize("ng\u200bười") == "người"
    assert normalize("chuyển kho\u200bản ng\u200bay") == "chuyển khoản ngay"
    assert "người" not in normalize("Tr\u200bư\u200bng bày sản phẩm")
    text = "Hôm nay em đi h\u200bọc"
    assert normalize(text) == normalize("Hôm nay em đi học")


def test_pieces_split_by_a_separator_or_a_mark_are_not_teencode():
    assert normalize("m.xyz") == "m.xyz"  # not "mày.xyz"
    assert normalize("m\u034fày") == "mày"  # an invisible mark, dropped like a zero-width space
    assert normalize("ng-xyz") == "ng-xyz"
    # A full stop without its space still ends a sentence: the next word is a word.
    assert normalize("thôi.k biết") == "thôi.không biết"


def test_whole_teencode_words_are_still_expanded():
    assert normalize("ko dc vs ntn") == "không được với như thế nào"
    assert normalize("m ngu vl") == "mày ngu vãi"


# --- offsets ------------------------------------------------------------------------------------------------
def _maps_to(out_ch: str, in_ch: str) -> bool:
    """Whether an output character is the input character up to the mappings deobfuscation applies."""
    table, _strong = normalize_module._lookalikes()
    candidates = {in_ch, unicodedata.normalize("NFKC", in_ch), table.get(in_ch, in_ch),
                  normalize_module._LEET_MAP.get(in_ch, in_ch), "l" if in_ch == "1" else in_ch}
    candidates |= {c.upper() for c in candidates} | {c.lower() for c in candidates}
    if out_ch in candidates:
        return True
    if out_ch == " " and in_ch in " \t\u00a0.-_*·":
        return True  # the separator between two joined words
    # A composed letter ("é" from Cyrillic "е" + U+0301) maps to its base letter.
    base = unicodedata.normalize("NFD", out_ch)[0]
    return base in {table.get(in_ch, in_ch), in_ch}


EVADED = ["l\u00adừa đ\u200bảo", "n g u", "đ.m", "l.ừ.a đ.ả.o", "t h ằ n g n g u", "сhó ngu", "ｎｇｕ", "l0n ch0 d1t",
          "c@c $ex 1ồn", "е\u0301m", "👨\u200d👩\u200d👧 c h ó", "l u a  d a o", "N.G.U"]


@pytest.mark.parametrize("text", EVADED)
def test_each_output_character_comes_from_its_input_character(text):
    out, index = deobfuscate_aligned(text)
    assert out != text
    assert len(index) == len(out)
    assert index == sorted(index) and len(set(index)) == len(index)
    for out_ch, i in zip(out, index, strict=True):
        assert _maps_to(out_ch, text[i]), (text, out, out_ch, text[i])


def test_offsets_of_a_joined_run():
    out, index = deobfuscate_aligned("bọn l.ừ.a đ.ả.o")
    assert out == "bọn lừa đảo"
    assert index == [0, 1, 2, 3, 4, 6, 8, 9, 10, 12, 14]
    start = out.index("lừa")
    assert "bọn l.ừ.a đ.ả.o"[index[start]:index[start + 2] + 1] == "l.ừ.a"


ALPHABET = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            " .-_*·0134578@$!:)(\u200b\u00ad\u200dеоарсухіορνｎｇ😂")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=30))
def test_offsets_are_valid_for_any_text(text):
    text = clean(text)
    out, index = deobfuscate_aligned(text)
    assert len(index) == len(out)
    assert all(0 <= i < len(text) for i in index)
    assert index == sorted(index)
    for out_ch, i in zip(out, index, strict=True):
        assert _maps_to(out_ch, text[i]), (text, out, out_ch, text[i])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_normalize_stays_idempotent_on_evasions(text):
    once = normalize(text)
    assert normalize(once) == once


# --- entities still read through hidden characters ------------------------------------------------------
def test_entities_read_through_zero_width_characters():
    text = "gọi 0912\u200b345\u00ad678 nhé"
    phones = extract_entities(text)["phones"]
    assert [p["value"] for p in phones] == ["0912345678"]
    assert clean(text)[phones[0]["start"]:phones[0]["end"]] == "0912\u200b345\u00ad678"


# --- the look-alike table ---------------------------------------------------------------------------------
def test_lookalike_table_maps_to_latin_letters_only():
    table, strong = normalize_module._lookalikes()
    assert all("LATIN" in unicodedata.name(latin) for latin in table.values())
    assert {"а", "е", "о", "р", "с", "у", "х", "і", "ј", "ѕ", "ο", "α", "ρ", "ν"} <= strong
    # Latin letters, Vietnamese ones included, are never keys.
    assert not [ch for ch in table if "LATIN" in unicodedata.name(ch, "")]
    assert table["Η"] == "H" and table["ό"] == "ó"


def test_the_confusables_package_extends_the_table():
    pytest.importorskip("confusable_homoglyphs")
    table, _strong = normalize_module._lookalikes()
    assert table.get("ꙇ") == "i"  # Cyrillic small letter iota: only in the package's data


def test_digit_heavy_tokens_are_read_only_in_a_text_that_uses_leetspeak():
    # Alone, these are codes and numbers.
    for text in ("Xe B40 về bến lúc 540", "Đội K14 đá với G14", "Phòng 540 tầng 5"):
        assert deobfuscate_aligned(text)[0] == text
    # Among other leetspeak, they are words: "s40" sao, "g14" gia, "540" sao.
    assert deobfuscate_aligned("t40 kh0ng b1ết s40 nữa")[0] == "tao khong biết sao nữa"
    assert deobfuscate_aligned("c0n cá1 g14 đình")[0] == "con cái gia đình"
    assert deobfuscate_aligned("Tao cầu m0ng 540 c0n cá1 mày")[0] == "Tao cầu mong sao con cái mày"
    # A number with its unit or a counted thing stays a number, whatever else the text does.
    assert deobfuscate_aligned("c0n cá1 mua 540 nghìn")[0] == "con cái mua 540 nghìn"
    assert deobfuscate_aligned("c0n cá1 có 500 đồng")[0] == "con cái có 500 đồng"
