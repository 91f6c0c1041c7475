"""Fourteenth pass (#12): rumours told as settled (a source no one can check, certainty claimed in chat),
money said to grow by the day, a people named casually with what is said of them in passing. And the lawful
posts that share their words: a debunk that names the official page, good news told as "chính thức rồi", a
complaint that quotes an officer, support for gay classmates.

Every example here was written for this file; none is a row of the civic set or of the batches written for it."""

import pytest

from haidang.analysis import rules
from haidang.analysis.analyzer import analyze
from haidang.text.normalize import clean, extract_entities, fold_aligned, normalize

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


def rumour_rules(text: str) -> dict[str, float]:
    return {s["rule"]: s["score"] for s in rules.misinformation_signals(normalize(clean(text)))}


@pytest.mark.parametrize("text", [
    "Chị tui làm bên kho bạc kể tháng sau lương hưu bị giảm một nửa, mấy ông bà về hưu lo mà rút sổ tiết kiệm",
    "nguoi quen minh lam o benh vien tinh noi tuan sau ngung nhan benh nhan bhyt, ai can kham thi di som",
    "Tui nghe bên phường nói rồi, chợ cá Đông Hà cuối tháng dẹp hết, tiểu thương kiếm chỗ khác đi",
    "Chắc chắn 100% nha mn, năm sau xe ba gác cấm chạy toàn tỉnh, ai có thì bán đi",
])
def test_a_rumour_told_as_settled_asks_for_a_look_at_least(text):
    found = rumour_rules(text)
    assert found, text
    assert max(found.values()) >= 0.3


def test_two_ways_of_telling_count_more_than_one_and_never_decide_alone():
    one = rumour_rules("Chính thức rồi mn, cầu sắt qua sông bị tháo dỡ tuần sau")
    two = rumour_rules("Chính thức rồi mn, người nhà tau làm trên huyện nói cầu sắt qua sông bị tháo dỡ tuần sau")
    assert one.get("misinformation.unverified_push") == 0.3
    assert two.get("misinformation.unverified_push") == 0.4
    # under the rumour threshold: only the civic-context model may decide it, a rule alone asks for a look
    assert all(v < 0.6 for v in two.values())


def test_no_certainty_is_read_where_a_debunk_names_the_official_page():
    text = "Tin đổi lịch thi là bịa nha, Sở GD đã đăng trên trang chính thức rồi, lịch thi giữ nguyên."
    normalized = normalize(clean(text))
    assert not rules._told_as_settled(normalized, fold_aligned(normalized).lower())[1]
    assert analyze(text, explain=False)["top_category"] not in HARMFUL


def test_good_news_told_as_settled_is_no_rumour():
    # "chính thức rồi" is read, but no claim is pushed with it: a look at most, never a finding
    text = "Chính thức rồi nha cả nhà, con gái mình đậu đại học Huế rồi 🥰 cảm ơn thầy cô"
    assert max(rumour_rules(text).values(), default=0.0) <= 0.3
    assert analyze(text, explain=False)["top_category"] not in HARMFUL


def test_a_complaint_that_quotes_an_officer_stays_a_grievance():
    text = ("Nộp hồ sơ xin giấy phép xây dựng 2 tháng rồi, hỏi thì cán bộ phường nói chờ thêm, đề nghị phường "
            "trả lời rõ khi nào có kết quả.")
    assert analyze(text, explain=False)["top_category"] == "grievance"


def test_money_said_to_grow_by_the_day_is_a_high_yield():
    found = {s["rule"] for s in rules.all_signals(
        "Cùng em đầu tư quỹ online, mỗi ngày lãi 2,5%, rút gốc bất cứ lúc nào, inbox zalo để vào nhóm",
        normalize("Cùng em đầu tư quỹ online, mỗi ngày lãi 2,5%, rút gốc bất cứ lúc nào, inbox zalo để vào nhóm"),
        {})}
    assert "scam.high_yield" in found
    # a bank's savings rate by the year is no such thing
    lawful = "Ngân hàng niêm yết lãi suất tiết kiệm 12 tháng là 5,2%/năm, khách hàng xem tại quầy."
    assert "scam.high_yield" not in {s["rule"] for s in rules.all_signals(lawful, normalize(lawful), {})}


def test_a_people_named_casually_with_a_stereotype_is_group_hate():
    text = "mấy đứa gay trong xóm tau suốt ngày ẻo lả, cho ngồi riêng một góc cho đỡ lây 🤢"
    assert "hate.group" in {s["rule"] for s in rules.hate_signals(normalize(clean(text)))}


@pytest.mark.parametrize("text", [
    "Lớp mình có hai bạn gay, tụi nó hát hay nhất trường, cả lớp ủng hộ hết mình 🏳️‍🌈",
    "Chiều ni ae về rừng trồng keo với bố, tối mới về nghe",
])
def test_the_same_words_said_kindly_are_no_hate(text):
    assert "hate.group" not in {s["rule"] for s in rules.hate_signals(normalize(clean(text)))}
    assert analyze(text, explain=False)["top_category"] not in HARMFUL


def test_a_call_to_act_at_once_pushes_a_disaster_claim_a_little():
    plain = rumour_rules("Cầu treo qua suối ở bản Cát sập rồi, mấy xe máy rơi xuống suối")
    pushed = rumour_rules("Cầu treo qua suối ở bản Cát sập rồi, mấy xe máy rơi xuống suối, ai có người nhà "
                          "đi qua đó gọi gấp đi")
    assert pushed["misinformation.disaster_claim"] > plain["misinformation.disaster_claim"]


def test_a_share_and_a_call_to_act_without_a_known_claim_ask_for_a_look():
    found = rumour_rules("Tin nóng: nhà máy nước Đông Hà bị nhiễm hóa chất, đừng ai uống nước máy, share cho ae")
    assert max(found.values()) >= 0.3


@pytest.mark.parametrize("text", [
    "Chúc mừng con Hạnh lớp 12A1 lại bị bồ đá lần thứ 4 😂 ae share mạnh cho nó nổi tiếng cả trường luôn",
    "thằng Lộc 9A3 hát dở như vịt kêu, tụi tau quay lại rồi, tag nó vô cho nó coi 🤣",
])
def test_a_call_to_spread_ridicule_of_one_person_is_harassment_evidence(text):
    assert "hate.public_shaming" in {s["rule"] for s in rules.hate_signals(normalize(clean(text)))}


@pytest.mark.parametrize("text", [
    "Chúc mừng em Lan thôn Đông đậu thủ khoa khối A, ae share mạnh cho cả xã biết nha 🎉",
    "Tụi mình up lên nhóm lớp mấy tấm ảnh đi biển Cửa Tùng rồi nha, đẹp lắm 😍",
])
def test_sharing_good_news_of_someone_is_no_shaming(text):
    assert "hate.public_shaming" not in {s["rule"] for s in rules.hate_signals(normalize(clean(text)))}
    assert analyze(text, explain=False)["top_category"] not in HARMFUL


def test_a_cure_said_with_a_plain_verb_beside_a_home_remedy_is_a_health_claim():
    found = rumour_rules("Uống nước lá ổi mỗi sáng là hết tiểu đường, khỏi tốn tiền thuốc")
    assert found.get("misinformation.health_claim", 0) >= 0.45
    # a hospital's figures: no home remedy, no claim
    assert not rumour_rules("Bệnh viện tỉnh đã điều trị khỏi cho 200 ca sốt xuất huyết trong tháng")


@pytest.mark.parametrize("text", [
    "dân xứ đó đứa nào cũng láo, đừng có chơi",
    "người miền núi xuống phố toàn lười với ăn bám",
])
def test_a_whole_people_said_to_be_one_bad_thing_is_group_hate(text):
    assert "hate.group" in {s["rule"] for s in rules.hate_signals(normalize(clean(text)))}


@pytest.mark.parametrize("text", [
    "dân miền Trung đều bị lừa mất tiền vì mấy cái app vay, cảnh giác nha",
    "dân miền Trung đều chịu khó làm ăn, ai cũng thương",
    "người dân tộc ở bản toàn người hiền, không ai ăn cắp của ai bao giờ",
])
def test_a_people_praised_denied_a_fault_or_robbed_is_no_hate(text):
    assert "hate.group" not in {s["rule"] for s in rules.hate_signals(normalize(clean(text)))}


def _privacy_rules(text: str) -> dict[str, float]:
    return {s["rule"]: s["score"] for s in rules.all_signals(text, normalize(clean(text)), extract_entities(text))
            if s["category"] == "personal_data"}


def test_a_health_status_told_of_someone_pointed_at_by_their_house_is_exposure():
    text = ("Bà T. ở xóm Bàu bị HIV đó, nhà sát cái miếu đầu xóm, mấy nhà có con nhỏ thì tránh xa ra nghe")
    assert _privacy_rules(text).get("personal_data.sensitive", 0) >= 0.5


def test_a_clinic_notice_for_people_with_hiv_exposes_no_one():
    text = "Trạm y tế xã thông báo: người nhiễm HIV ở thôn Đông đến nhận thuốc ARV miễn phí vào thứ 3, thông tin được giữ kín."
    assert "personal_data.sensitive" not in _privacy_rules(text)
    assert analyze(text, explain=False)["top_category"] not in HARMFUL


@pytest.mark.parametrize("text", [
    "duong vo xom 2 mua la ngap, xe may chet may hang loat, ai co so duong day nong cua xa cho xin voi",
    "sang ni xe may chet may giua cau, dam dien thoai het pin, xui that su",
])
def test_a_motorbike_that_stalls_typed_plain_addresses_no_one(text):
    assert not rules.addresses_someone(normalize(clean(text)))


def test_a_threat_said_plain_is_still_addressed():
    assert rules.addresses_someone(normalize(clean("may chet voi tao, mai tao qua nha may")))


def _scam_rules(text: str) -> set[str]:
    return {s["rule"] for s in rules.all_signals(text, normalize(clean(text)), extract_entities(text))
            if s["category"] == "scam"}


def test_a_carrier_asking_to_be_called_back_on_a_mobile_asks_for_a_look():
    text = "Tổng đài Viettel: quý khách có 1 cuộc gọi nhỡ quan trọng từ bộ phận CSKH, vui lòng gọi lại 0865 214 907."
    assert "scam.brand_call_back" in _scam_rules(text)


def test_a_seller_on_a_marketplace_giving_her_zalo_is_no_such_thing():
    text = "Shop mình bán đồ khô trên Shopee, ai muốn mua sỉ thì nhắn zalo 0912 345 678 nha"
    assert "scam.brand_call_back" not in _scam_rules(text)
    assert analyze(text, explain=False)["top_category"] not in HARMFUL
