"""The rule families' gates (a family skipped when none of its trigger words or numbers is in the post, a
pattern not run on a text it cannot match) and the faster text helpers give exactly what the full path
gives. Hand-written texts only."""

import json
import re
import unicodedata

import pytest

from haidang.analysis import rules, watchlists
from haidang.text import normalize as norm_mod
from haidang.text.normalize import clean, extract_entities, fold, fold_aligned, normalize

SAMPLE = [
    # scams: money, secrets, links, handles, deadlines, jobs, bookings, shops
    "Chúc mừng bạn trúng thưởng 50 triệu, chuyển phí 500k vào STK 0123456789 Vietcombank trước 17h hôm nay",
    "Ngân hàng thông báo tài khoản của quý khách sẽ bị khóa sau 2 giờ, xác minh tại vcb-xacthuc.top ngay",
    "Tuyển CTV làm việc tại nhà, thu nhập 500k/ngày, đặt cọc 300k nhận nguyên liệu, ib @tuyendung_2024",
    "TUYỂN GẤP nhân viên, không cần kinh nghiệm, liên hệ Zalo 0912 345 678",
    "Cho thuê homestay 500k/đêm, đặt cọc trước 50%, chuyển khoản qua STK 1903 4567 8910",
    "Shop mình nhận chuyển khoản hoặc ship COD toàn quốc nha",
    "Em là nhân viên ngân hàng Techcombank, anh đọc giúp em mã OTP để hoàn tất nhé",
    "Cảnh báo: có người nhận tin nhắn \"VCB: tài khoản sẽ bị khóa, vào vcb-xacthuc.top để xác minh ngay\" đừng bấm",
    "Soạn tin DK50 gửi 0834567890 để nhận quà",
    "Vay tiền nhanh lãi 3%/ngày, nạp 2 triệu phí mở khóa khoản vay, inbox ngay",
    # personal data
    "Bóc phốt: Nguyễn Thị Hoa, CCCD 044195001234, nhà ở thôn Phú Hội xã Nam Trạch, sđt 0905123456",
    "Thằng này nè bà con, số nhà 12 kiệt 5 Lý Thường Kiệt, vợ hắn số 0912345678",
    "Anh Trần Văn Bình bị nhiễm HIV, cả xóm biết rồi",
    "nhà ở thôn 4 xã Quảng Xuân, ai thấy báo giúp",
    "Tìm người thân: bà Lê Thị Mai đi lạc, ai thấy xin báo 0914 222 333",
    # rumours
    "Khẩn cấp!!! Cúp điện toàn tỉnh 48 tiếng từ tối nay, chia sẻ ngay cho mọi người",
    "Nghe nói xăng tăng 10k/lít từ mai, đổ đầy bình ngay kẻo không còn, Bộ Công Thương đã xác nhận",
    "Uống nước lá ổi chữa khỏi ung thư, bác sĩ bệnh viện Bạch Mai xác nhận, lan truyền giúp",
    "Bệnh viện giấu dịch, hàng chục ca tử vong mà không ai đưa tin, share gấp",
    "theo quyết định mới học sinh phải đóng 5 triệu, Sở Giáo dục thông báo tuần sau",
    # hate and incitement
    "Mày đúng là đồ ngu, thằng khốn nạn, cút đi",
    "Dân miền ngoài toàn bọn lừa lọc, đừng cho chúng nó thuê nhà",
    "Tối mai 8h tập trung ở cổng ủy ban, mang theo gậy, đánh chết bọn nó",
    "mai t lên trường t cho mày một trận",
    "Con chó nhà mình đẻ 5 con rồi",
    # grievances, news, notices
    "Mong xã sớm sửa đường, ổ gà nhiều quá, bao giờ mới sửa ạ?",
    "mong xa som sua duong, o ga nhieu qua, bao gio moi sua a",
    "Ngày 12/3, theo thông tin từ Công an tỉnh, đối tượng dùng dao đâm người đã bị khởi tố, phóng viên cho biết",
    "Thông báo: người dân mang theo CCCD đến trụ sở UBND xã để làm định danh điện tử, liên hệ đồng chí Nam 0232 3822 111",
    "Cán bộ phường ăn hại, dân phản ánh mãi không ai nghe",
    # accents, case, odd letters, evasions, long posts
    "chuc mung ban trung thuong, chuyen khoan phi 500k vao so tai khoan 0123456789 truoc 17h",
    "TÀI KHOẢN CỦA BẠN SẼ BỊ KHÓA, CHUYỂN 2 TRIỆU ĐỂ MỞ KHÓA",
    "İstanbul ſale ıncı MONG XÃ SỬA ĐƯỜNG ẛ, TUYỂN GẤP 0912345678",
    "l.ừ.a đ.ả.o chuyển kh0ản ngay", "", "a", "12345", "@@@ ... :// !!!",
    "Bài viết dài. " * 40 + "Chuyển khoản 5 triệu vào STK 0123456789 trước 17h. " + "Mọi người chú ý. " * 30,
    ("Ngày 5/6, phóng viên cho biết tại hiện trường. " * 10) + "Tất cả phải đánh chết bọn nó, tối mai tập trung. " * 3,
]


def _texts():
    out = []
    for text in SAMPLE:
        out += [text, fold(text), text.upper(), unicodedata.normalize("NFD", text)]
    return out


def _prepared(text):
    cleaned = clean(text)
    return cleaned, normalize(cleaned), extract_entities(cleaned)


def _dump(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


@pytest.fixture
def ungated(monkeypatch):
    def run(fn, *args, **kwargs):
        with monkeypatch.context() as m:
            m.setattr(rules, "_GATED", False)
            return fn(*args, **kwargs)
    return run


@pytest.mark.parametrize("text", _texts())
def test_all_signals_same_with_and_without_the_gates(text, ungated):
    cleaned, normalized, entities = _prepared(text)
    assert _dump(rules.all_signals(cleaned, normalized, entities)) == \
        _dump(ungated(rules.all_signals, cleaned, normalized, entities))


@pytest.mark.parametrize("text", _texts())
def test_each_family_same_with_and_without_the_gates(text, ungated):
    cleaned, normalized, entities = _prepared(text)
    lex = rules.lexicon_hits(normalized)
    families = [
        lambda: rules.scam_signals(normalized, entities, lex, rules.Quoter(cleaned)),
        lambda: rules.personal_data_signals(cleaned, normalized, entities, lex, rules.Quoter(cleaned)),
        lambda: rules.incitement_signals(normalized, lex, rules.Quoter(cleaned)),
        lambda: rules.misinformation_signals(normalized, lex, rules.Quoter(cleaned)),
        lambda: rules.grievance_signals(normalized, lex, rules.Quoter(cleaned)),
        lambda: rules.hate_signals(normalized, lex, rules.Quoter(cleaned)),
        lambda: rules.impersonation_signals(normalized, lex=lex, entities=entities, quoter=rules.Quoter(cleaned)),
        lambda: rules.fee_hits(normalized),
        lambda: rules._names(cleaned),
        lambda: rules.news_style(cleaned, lex),
        lambda: rules.reads_as_news(cleaned, normalized),
        lambda: rules.public_notice(cleaned, normalized, entities, lex),
        lambda: rules.quoted_scam(cleaned),
    ]
    for family in families:
        assert _dump(family()) == _dump(ungated(family))


def _offensive_words_reference(text, quotes):
    """`rules.offensive_words` as it was written before its early returns and its one substitution (swearing
    aimed at nobody confirms nothing in both)."""
    plain = rules.typed_without_accents(text)
    pairs = rules._EVERYDAY_PAIRS_FOLDED if plain else rules._EVERYDAY_PAIRS
    rest = set(re.findall(r"[\w*]+", pairs.sub(" ", " ".join(rules._plain_words(text)))))
    if rules._lost_found_re().search(fold(text)):
        return False
    words = {w for quote in quotes for w in rules._plain_words(quote) if w in rest}
    vocabulary = rules._offensive_vocabulary(plain)
    offending = [w for w in words if (fold(w) if plain else w) in vocabulary]
    if offending and not rules.swearing_at_nobody(offending, normalize(text)):
        return True
    plain_text = pairs.sub(" ", " ".join(rules._plain_words(text)))
    pattern = rules._OFFENSIVE_PAIRS_PLAIN if plain else rules._OFFENSIVE_PAIRS
    hay = fold(plain_text) if plain else plain_text
    quoted = {fold(w) if plain else w for w in words}
    return any(set(m.group(0).split()) & quoted and (fold(m.group(0)) not in rules._SWEAR_PAIRS
                                                      or rules.addresses_someone(normalize(text)))
               for m in pattern.finditer(hay))


@pytest.mark.parametrize("text", _texts() + ["đồ mất dạy", "giết mày", "chết cười", "thằng em tao", "Mất con chó, ai thấy báo"])
def test_offensive_words_is_the_reference(text):
    words = text.split()
    for quotes in ([], words[:1], words[-2:], words, ["ngu"], ["mày"], ["dạy"]):
        assert rules.offensive_words(text, quotes) == _offensive_words_reference(text, quotes)


def test_the_gates_do_skip_work():
    """A post with no trigger word, number or link: the families return early (and say nothing)."""
    cleaned, normalized, entities = _prepared("Con mèo nhà mình ngủ ngon quá")
    lex = rules.lexicon_hits(normalized)
    assert lex.keys().isdisjoint(rules._SCAM_TRIGGERS + rules._RUMOUR_TRIGGERS + rules._HATE_TRIGGERS)
    assert not rules._digits(normalized)
    assert rules.all_signals(cleaned, normalized, entities) == []


GATED_PATTERNS = [  # (IGNORECASE pattern, words every match holds, what the pattern reads)
    (rules._REQUEST, rules._REQUEST_WORDS, lambda t: t),
    (rules._REQUEST_FOLDED, rules._REQUEST_WORDS_FOLDED, fold_aligned),
    (rules._OUTAGE, rules._OUTAGE_WORDS, lambda t: t),
    (rules._SENSITIVE, rules._SENSITIVE_WORDS, lambda t: t),
    (rules._RECRUIT, rules._RECRUIT_WORDS, lambda t: t),
]
MORE = ["KÍNH MONG Xã xem xét", "Xin Hỏi bao giờ được sửa", "MẤT ĐIỆN TOÀN TỈNH", "cúp nước 3 ngày",
        "NHIỄM HIV", "Bị Bệnh Lao", "TUYỂN Dụng gấp", "tuyen nguoi", "ĐỀ NGHỊ ubnd kiểm tra", "ChƯa Ạ",
        "XİN hỏi", "mong ı", "tuyển\u0130", "ſ đề nghị xử lý"]


@pytest.mark.parametrize("pattern,words,reads", GATED_PATTERNS)
def test_may_hold_is_never_wrong_when_it_skips(pattern, words, reads):
    for text in _texts() + MORE + [t.upper() for t in MORE] + [t.title() for t in MORE]:
        for hay in (text, normalize(text), reads(normalize(text)), reads(text)):
            if pattern.search(hay):
                assert rules._may_hold(hay, words), hay


def test_house_and_sensitive_gates():
    for text in _texts() + ["Nhà Ở thôn Phú Hội", "NHÀ NÓ Ở xóm 3", "nha o thon 4"]:
        if rules._HOUSE.search(text):
            assert rules._digits(text) or rules._may_hold(text, rules._HOUSE_WORDS)


def test_case_odd_letters_turn_the_lowercase_gate_off():
    # "İ" lowers to two characters and an IGNORECASE "s" matches "ſ": no substring test is trusted there.
    assert rules._may_hold("ſ", rules._words("zzz"))
    assert rules._may_hold("\u0130", rules._words("zzz"))
    assert not rules._may_hold("Hôm nay", rules._words("zzz"))


def test_unaccented_count_is_the_per_position_count():
    texts = _texts() + ["a" * 99 + "à", "a" * 100 + "à", "A" * 200 + "Ằ", "½ ² ³", "ǅ Σ ς", "ı İ ſ", "123", " "]
    for text in texts:
        for t in (text, normalize(text)):
            assert rules._unaccented_text(t) == rules._unaccented(t, fold_aligned(t)), t


def test_capitalised_pair_gate_is_the_full_pattern():
    _bmp, every = rules._capitalised_pair()
    texts = _texts() + ["Anh Ba", "anh Ba Vàng", "𝐀𝐁 𝐂", "x 𝐀 B", "Đỗ Hùng", "ĐỖ hùng", "Ǆ Ab", "_A B", "1A B", "A  B"]
    for text in texts:
        assert rules._has_capitalised_pair(text) == (every.search(text) is not None), text


def _fold_reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped.replace("đ", "d"))


def test_fold_is_the_per_character_filter():
    texts = _texts() + ["Đà Nẵng ĐỒNG HỚI", "e\u0301\u0323", "ǅ ﬁ ß İ", "\u0300abc", "𝐀𝐁𝐂", "Привет ὅ"]
    texts.append("".join(chr(c) for c in range(0x20, 0x3000, 3)))
    for text in texts:
        assert fold(text) == _fold_reference(text), text


def test_fold_aligned_is_one_character_each():
    for text in _texts() + ["ǅ İ ß Σ", "".join(chr(c) for c in range(0xC0, 0x2000, 5))]:
        assert fold_aligned(text) == "".join(norm_mod._fold_char(ch) for ch in text)


def test_tone_hint_skips_only_texts_with_nothing_to_move():
    for text in _texts() + ["hoà thuỷ khoẻ quý QUÝ HOÀ Hoà", "oà", "uỷ", "xoè"]:
        low = text.lower()
        assert norm_mod.normalize_tones(low) == norm_mod._TONE_RE.sub(lambda m: norm_mod._TONE_TABLE[m.group(1)], low)


def test_spaces_helpers_are_the_substitution():
    for text in _texts() + ["a  b", "a\tb", " a ", "a\u00a0b", "a\u2003 b", "", " ", "\n", "x\u3000", "a\x1cb", "a\x85b"]:
        assert norm_mod._single_spaces(text) == norm_mod._SPACES.sub(" ", text)
        assert " ".join(text.split()) == norm_mod._SPACES.sub(" ", text).strip()


def test_hints_are_necessary():
    for text in _texts() + [":)", "=(", "^^", "<3", ";-)", "a@b.com", "http://x", "www.abc.vn"]:
        low = text.lower()
        if norm_mod._EMO_SAD.search(low) or norm_mod._EMO_SMILE.search(low):
            assert norm_mod._EMO_HINT_RE.search(low)
        if norm_mod._EMAIL_RE.search(text):
            assert "@" in text
        if norm_mod._URL_RE.search(text):
            assert "." in text or "://" in text
        if norm_mod._PHONE_RE.search(text) or norm_mod._DIGITS_RE.search(text):
            assert re.search(r"\d", text)


def test_teencode_gate_skips_only_texts_without_short_forms():
    for text in _texts() + ["ko bit j", "k", "m ơi"]:
        low = normalize(text)
        if norm_mod._TEENCODE.keys().isdisjoint(norm_mod._WORD_RE.findall(low)):
            assert norm_mod._WORD_RE.sub(lambda m: norm_mod._TEENCODE.get(m.group(0), m.group(0)), low) == low


def test_deobfuscation_cache_hands_out_copies():
    for text in ["l.ừ.a đ.ả.o n g u", "Hôm nay trời đẹp", "thằng này ng\u00adu"]:
        out, idx = norm_mod._deobfuscate(text)
        expected = (out, list(range(len(text))) if idx is None else idx)
        first = norm_mod.deobfuscate_aligned(text)
        assert first == expected
        first[1].append(-1)  # a caller that changes its copy changes nobody else's
        assert norm_mod.deobfuscate_aligned(text) == expected


def _collapse_spaces_reference(text):
    kept, offsets = [], []
    previous_space = False
    for i, ch in enumerate(text):
        space = ch.isspace()
        if space and previous_space:
            continue
        kept.append(" " if space else ch)
        offsets.append(i)
        previous_space = space
    return "".join(kept), offsets


def test_watchlist_space_collapse_is_the_character_loop():
    spaces = ["", " ", "  ", "\t", "\n\n", "\u00a0", "\u2003 ", "\u3000", "\x1c", "\x85", "\r\n", " \u200b "]
    texts = _texts() + [a + "lừa" + b + "đảo" + c for a in spaces for b in spaces for c in spaces[:4]]
    for text in texts:
        assert watchlists._collapse_spaces(text) == _collapse_spaces_reference(text), repr(text)
