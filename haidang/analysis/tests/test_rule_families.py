"""Each rule family: positives, negatives, readable Vietnamese reasons quoting the post as written; and
lawful kinds of speech that never get a harmful top category."""

from __future__ import annotations

import pytest

from haidang.analysis.analyzer import analyze
from haidang.analysis.rules import all_signals, mask_digits, personal_data_signals
from haidang.text.normalize import extract_entities, normalize

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


def _top(text: str, **kw) -> str:
    return analyze(text, **kw)["top_category"]


def _signals(text: str) -> list[dict]:
    return all_signals(text, normalize(text), extract_entities(text))


@pytest.mark.parametrize("text", [
    "Tối nay 8h anh em tập trung chặn Quốc lộ 1, mang gậy gộc, đốt lốp xe cho chúng nó biết tay",
    "Bà con ơi sáng mai kéo nhau lên trụ sở UBND xã đập phá cho bõ tức",
    "toi nay 20h ae tap trung chan QL9, mang dao va gay goc",
    "Mọi người hãy kéo đến nhà nó đốt nhà, xử đẹp thằng đó ngay tối nay",
])
def test_incitement_needs_a_call_and_a_time_place_or_weapon(text):
    assert _top(text) == "incitement", text


@pytest.mark.parametrize("text", [
    "Công an tỉnh đã bắt giữ đối tượng dùng dao đâm người tại quốc lộ 1 tối qua",
    "Đội tuyển đánh bại đối thủ 3-0, cổ động viên tập trung ăn mừng tại quảng trường",
    "Chúng tôi đánh giá cao nỗ lực ngăn chặn dịch bệnh của ngành y tế",
    "Bà con hãy cùng nhau ký đơn kiến nghị gửi UBND xã về việc sửa đường",
    "Chém gió tí thôi mà, đi đánh cầu lông lúc 5h chiều nay không mọi người?",
])
def test_no_incitement_in_news_sport_or_petitions(text):
    assert _top(text) != "incitement", text


@pytest.mark.parametrize("text", [
    "CÔNG AN TỈNH QUẢNG TRỊ thông báo triệu tập ông Nguyễn Văn Bình liên quan vụ án rửa tiền, liên hệ Zalo 0912345678",
    "Cảnh sát giao thông thông báo xe của bạn bị phạt nguội, nộp phạt qua đường link csgt-phatnguoi.top trong hôm nay",
    "Viện kiểm sát gửi lệnh bắt giam, yêu cầu chuyển tiền vào tài khoản tạm giữ để xác minh, kết bạn Telegram @vks_qt",
    "BHXH thông báo hoàn tiền bảo hiểm, quý khách cài đặt ứng dụng và xác minh tài khoản qua Zalo 0987654321",
])
def test_impersonation_of_authorities(text):
    assert _top(text) == "impersonation", text


@pytest.mark.parametrize("text", [
    "Công an tỉnh cảnh báo thủ đoạn giả danh cán bộ công an gọi điện triệu tập qua Zalo, người dân tuyệt đối không chuyển tiền",
    "Công an phường triệu tập đối tượng trộm cắp để điều tra, làm rõ",
])
def test_warnings_and_news_about_impersonation_are_lawful(text):
    assert _top(text) not in HARMFUL, text


@pytest.mark.parametrize("text,subtopic", [
    ("Sở Y tế xác nhận uống nước lá đu đủ chữa khỏi sốt xuất huyết, chia sẻ gấp cho mọi người", "health"),
    ("CHIA SẺ GẤP: đập thủy điện sắp vỡ đập trong đêm nay, bà con sơ tán gấp", "disaster_epidemic"),
    ("Bác sĩ khẳng định ăn tỏi sống chữa dứt điểm ung thư, ai cũng phải biết", "health"),
])
def test_rumours_become_misinformation_to_verify(text, subtopic):
    result = analyze(text)
    assert result["top_category"] == "misinformation", text
    assert result["subtopic"] == subtopic


@pytest.mark.parametrize("text", [
    "Ngư dân xác nhận tin đồn cá chết hàng loạt ở biển Quảng Trị là sai sự thật",
    "Sở Y tế cho biết tuần qua ghi nhận 120 ca sốt xuất huyết, đề nghị người dân diệt lăng quăng",
    "Sở Y tế bác bỏ tin đồn nước lá đu đủ chữa khỏi sốt xuất huyết, đây là thông tin sai sự thật",
])
def test_debunks_and_figures_are_not_rumours(text):
    assert _top(text) not in HARMFUL, text


@pytest.mark.parametrize("text", [
    "Quý khách có bưu phẩm chưa nhận, vui lòng thanh toán phí 25.000đ tại vnpost-giaohang.info trong hôm nay",
    "Chúc mừng bạn trúng thưởng xe SH, chuyển khoản phí nhận thưởng gấp vào stk 0123456789 Vietcombank",
    "Việc nhẹ lương cao, làm cộng tác viên like TikTok nhận hoa hồng, nạp tiền làm nhiệm vụ ngay hôm nay",
])
def test_scams(text):
    assert _top(text) == "scam", text


def test_a_notice_quoting_a_scam_link_to_warn_is_lawful():
    text = "Bưu điện tỉnh cảnh báo: tin nhắn yêu cầu thanh toán phí tại vnpost-giaohang.info là lừa đảo, đừng bấm vào link"
    assert _top(text) not in HARMFUL


def test_personal_data_families_and_masking():
    text = "Bóc phốt thằng Trần Văn Tâm, đây là số CCCD của nó 044190001234, sđt 0912345678, nhà số nhà 12 ngõ 5 đường Trần Hưng Đạo"
    rules = {s["rule"]: s for s in personal_data_signals(text, normalize(text), extract_entities(text))}
    assert {"personal_data.citizen_id", "personal_data.phone_with_name", "personal_data.address"} <= set(rules)
    assert "044190001234" not in rules["personal_data.citizen_id"]["reason"]
    assert mask_digits("044190001234") in rules["personal_data.citizen_id"]["reason"]
    assert _top(text) == "personal_data"


def test_ngo_doc_is_not_an_address_and_lower_case_words_are_not_names():
    """The two bugs: accent-insensitive `ngộ` read as the address word `ngõ`; "đã ổn định" read as a name."""
    text = "Bệnh nhân bị ngộ độc thực phẩm đã ổn định sức khỏe, gia đình liên hệ 0912345678"
    rules = {s["rule"] for s in personal_data_signals(text, normalize(text), extract_entities(text))}
    assert "personal_data.address" not in rules
    assert "personal_data.phone_with_name" not in rules
    assert _top(text) not in HARMFUL


def test_a_shop_phone_number_is_not_exposed_personal_data():
    assert _top("Quán bún bò Mệ Hoa mở cửa từ 6h sáng, đặt bàn gọi 0905123456") not in HARMFUL


@pytest.mark.parametrize("text", [
    "Đường Lý Thường Kiệt phường Đồng Hới xuống cấp, ổ gà khắp nơi, đề nghị sửa sớm",
    "Nhà văn hóa thôn ở xã Phong Nha dột nát mấy năm nay không ai giải quyết",
    "Bệnh viện tỉnh chờ đợi quá lâu, mong Sở Y tế xem xét cải thiện thủ tục",
])
def test_a_complaint_is_a_grievance_to_answer(text):
    assert _top(text) == "grievance", text


LAWFUL = {
    "criticism_policy": "Chính sách thu phí đỗ xe mới của thành phố thật vô lý, người dân rất bức xúc, phải xem lại ngay",
    "criticism_official": "Chủ tịch UBND xã làm việc quá tắc trách, thiếu trách nhiệm, đề nghị cấp trên xem xét kỷ luật",
    "criticism_official_2": "Ông giám đốc sở nên từ chức vì để dự án chậm tiến độ nhiều năm, quá yếu kém",
    "news": "Báo Quảng Trị: tỉnh khởi công dự án mở rộng Quốc lộ 9 đoạn qua Cam Lộ, tổng vốn 1.200 tỷ đồng",
    "news_violent": "Một vụ cháy nhà khiến hai người tử vong ở Đông Hà, công an đang điều tra nguyên nhân",
    "notice": "UBND phường Đồng Hới thông báo tổng vệ sinh môi trường vào sáng Chủ nhật, đề nghị bà con tham gia",
    "review": "Quán này phục vụ chán kinh khủng, đồ ăn dở tệ, không bao giờ quay lại",
    "satire": "Kẹt xe trên cầu Nhật Lệ mà chết cười, đi bộ còn nhanh hơn ô tô",
    "petition": "Mời bà con cùng ký đơn kiến nghị và đề nghị tổ chức buổi đối thoại với lãnh đạo xã về đền bù đất",
    "dialect": "Răng rứa hè, đường ni mưa xuống là ngập, chừ mần răng mà đi học",
    "no_diacritics": "Chinh quyen xa lam viec qua te, de nghi xem xet trach nhiem can bo dia chinh",
}


@pytest.mark.parametrize("kind", sorted(LAWFUL))
def test_lawful_speech_never_gets_a_harmful_top_category(kind):
    result = analyze(LAWFUL[kind])
    assert result["top_category"] not in HARMFUL, (kind, result["top_category"], result["why"])
    assert result["priority"] in ("low", "medium")


def test_every_reason_is_a_vietnamese_sentence_quoting_the_post():
    text = "Tối nay 8h anh em tập trung chặn Quốc lộ 1, mang gậy gộc"
    reasons = [w for w in analyze(text)["why"] if w.get("kind") == "rule" and w["category"] == "incitement"]
    assert reasons
    reason = reasons[0]["reason"]
    assert reason.endswith(".") and "“tập trung”" in reason and "“gậy gộc”" in reason
    assert "incitement" not in reason and "." not in reason[:-1].split(":")[0]


def test_a_quote_keeps_the_evasion_the_writer_used():
    text = "Chúc mừng bạn trúng thưởng, chuyển kho\u00adản gấp vào stk 0123456789"
    quotes = [q for s in _signals(text) for q in s.get("quotes", [])]
    assert any("\u00ad" in q or q == "chuyển khoản" for q in quotes), quotes


def test_press_sources_need_stronger_evidence_but_are_scanned_for_scams():
    rumour = "Nghe nói sắp vỡ đập thủy điện, bà con chia sẻ gấp"
    assert _top(rumour) == "misinformation"
    assert _top(rumour, strict=True) not in HARMFUL
    scam = "Quý khách vui lòng thanh toán phí tại vnpost-giaohang.info trong hôm nay"
    assert _top(scam, strict=True) == "scam"
