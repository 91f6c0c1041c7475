"""Rules: each has its own small tests; criticism is never flagged."""

from haidang.analysis.rules import (
    grievance_signals,
    impersonation_signals,
    incitement_signals,
    link_signals,
    misinformation_signals,
    personal_data_signals,
    scam_signals,
)
from haidang.text.normalize import extract_entities, normalize


def _scam(text):
    return scam_signals(normalize(text), extract_entities(text))


def test_scam_bait_with_urgency_and_account():
    signals = _scam("Chúc mừng bạn trúng thưởng, chuyển khoản phí nhận thưởng gấp vào stk 0123456789 Vietcombank")
    rules = {s["rule"] for s in signals}
    # One signal for the bait pattern (the strongest that holds: an account is a channel too), plus the account.
    assert "scam.account_number" in rules
    assert rules & {"scam.bait_with_urgency", "scam.ask_lure_channel"}


def test_scam_teencode_and_evasion():
    assert any(s["rule"] == "scam.bait_with_urgency" for s in _scam("ck tiền c.h.u.y.ể.n k.h.o.ả.n gấp nha"))


def test_links_shortener_lookalike_official():
    urls = extract_entities("xem bit.ly/abc, dichvucong-gov.top/x, vcbdigibank-xacthuc.com và https://dichvucong.gov.vn")["urls"]
    rules = [s["rule"] for s in link_signals(urls)]
    assert rules.count("scam.short_link") == 1
    assert rules.count("scam.lookalike_domain") == 2
    assert len(rules) == 3  # the real .gov.vn is not flagged


def test_no_scam_in_a_warning():
    text = "Ngân hàng không bao giờ yêu cầu khách hàng cung cấp mật khẩu"
    assert not [s for s in _scam(text) if s["score"] >= 0.5]


def test_impersonation_name_close_to_an_agency():
    signals = impersonation_signals("", author_name="Công an tinh Quang Tri 24h")
    assert signals and signals[0]["rule"] == "impersonation.name"
    assert not impersonation_signals("", author_name="Quán cơm Bà Ba")
    asks = impersonation_signals(normalize("Tôi là cán bộ công an, anh chuyển tiền vào tài khoản tạm giữ"))
    assert any(s["rule"].startswith("impersonation.authority") and s["score"] >= 0.6 for s in asks)


def test_personal_data():
    text = "Bóc phốt chị Nguyễn Thị Hoa sđt 0912345678, CCCD 044190001234, địa chỉ số nhà 12 thôn Đông"
    rules = {s["rule"] for s in personal_data_signals(text, normalize(text), extract_entities(text))}
    assert {"personal_data.citizen_id", "personal_data.phone_with_name", "personal_data.address"} <= rules
    plain = "Hotline của Sở Y tế: 0233 3852 123"
    assert not personal_data_signals(plain, normalize(plain), extract_entities(plain))


def test_incitement_needs_a_call_to_act():
    strong = incitement_signals(normalize("Anh em hãy kéo nhau đến đốt nhà nó"))
    assert strong and strong[0]["score"] >= 0.6
    weak = incitement_signals(normalize("Công an điều tra vụ giết người ở Đông Hà"))
    assert weak and weak[0]["score"] < 0.3


def test_misinformation_and_grievance_cues():
    mis = misinformation_signals(normalize("Chia sẻ gấp: nghe nói sắp vỡ đập thủy điện, bà con sơ tán"))
    assert mis and mis[0]["subtopic"] == "disaster_epidemic"
    g = grievance_signals(normalize("Kiến nghị chính quyền sửa đường xuống cấp, ổ gà đã lâu không ai giải quyết"))
    assert g and g[0]["category"] == "grievance"


CRITICISM = [
    "Chính sách thu phí này của UBND tỉnh thật vô lý, lãnh đạo sở phải chịu trách nhiệm",
    "Tôi phản đối quyết định sáp nhập trường, chủ tịch xã làm việc quá tắc trách",
    "Ông giám đốc sở nên từ chức vì để dự án chậm tiến độ nhiều năm",
    "Chính phủ cần xem xét lại quy định mới về thuế, người dân đang rất khó khăn",
]


def test_criticism_of_policy_or_officials_is_not_hate_or_incitement():
    for text in CRITICISM:
        norm = normalize(text)
        assert not [s for s in incitement_signals(norm) if s["score"] >= 0.3], text
        assert not misinformation_signals(norm), text


def test_criticism_is_not_flagged_by_the_analyser():
    from haidang.analysis.analyzer import analyze

    for text in CRITICISM:
        result = analyze(text)
        assert result["categories"]["incitement"] < 0.3, text
        assert result["top_category"] not in ("incitement", "hate_harassment", "misinformation"), (text, result)
