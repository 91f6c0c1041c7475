"""Rule families, fifth pass (issue #12): what an independently written probe showed missing. Threats to
one person, calls to shun someone, mocking a person's body, degrading traits said of a people of the
province; callers posing as state staff; web addresses dressed as government ones; rumours that cite a
body's "advice", that hide behind "nguồn tin riêng", or that cost people money; dialect times of a call
to violence; grievances typed without accents. And the lawful posts beside them: a missing-person
notice with the family's phone number, a shop's payment terms, football banter typed without accents.
Examples here are written for the tests, not taken from datasets/civic or the probe."""

from __future__ import annotations

import pytest

from haidang.analysis.analyzer import analyze
from haidang.analysis.rules import lexicon_hits, news_style
from haidang.text.normalize import normalize

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


def _top(text: str) -> str:
    return analyze(text)["top_category"]


@pytest.mark.parametrize("text", [
    # a threat to one named person
    "Thằng Tâm bán cá ở chợ Nam Lý: tao biết nhà mày rồi, còn đặt điều nữa thì mày sẽ không yên đâu.",
    # a call to shun a girl at school
    "Con bé Hạnh lớp 8B đó, mọi người tẩy chay nó đi, ai chơi với nó là chung một loại.",
    # body shaming heaped on one person
    "Nhìn con Thảo răng hô mũi tẹt mà cũng bày đặt đăng ảnh, xấu ma chê quỷ hờn.",
    # degrading traits said of an ethnic people
    "Mấy người Vân Kiều trên bản đó bẩn thỉu như thú, đừng cho họ xuống chợ.",
])
def test_harassment_of_a_person_and_hate_toward_a_people(text):
    result = analyze(text)
    assert result["top_category"] == "hate_harassment", (text, result["why"])


@pytest.mark.parametrize("text", [
    "Hôm nay đội bóng thôn mình đá với thôn Đông, hai bên đá như đánh nhau, thua 1-3 tức chết được.",
    "doi bong xa minh thua dam 0-4, tuc chet di duoc, mua sau phuc thu",
    "Người Vân Kiều ở Hướng Hóa có lễ hội mừng lúa mới rất đẹp, mời cả nhà lên chơi.",
    "Bạn Lan răng hơi hô nhưng cười rất duyên, chúc mừng sinh nhật bạn!",
])
def test_sport_banter_culture_and_kind_words_are_lawful(text):
    assert _top(text) not in HARMFUL, analyze(text)["why"]


@pytest.mark.parametrize("text", [
    # a caller posing as a department's officer, on the phone: no link, the claimed post is the evidence
    "Xin chào, tôi là cán bộ Sở Lao động đang rà soát chế độ hỗ trợ. Bác đọc giúp tôi mã OTP vừa gửi về máy để nhận tiền.",
    # a court summons to a private mobile
    "TAND tỉnh: bạn có giấy triệu tập hầu tòa về khoản vay quá hạn. Liên hệ thư ký tòa 0978 555 214 trước 17h.",
    # a land office dressed up at a government-looking address
    "Hồ sơ đất đai của ông bà cần bổ sung ảnh CCCD và nộp lệ phí tại dichvucong-gov.site trước thứ Sáu.",
])
def test_impersonation_of_state_bodies(text):
    result = analyze(text)
    assert result["top_category"] == "impersonation", (text, result["why"])


def test_a_caller_posing_as_bank_staff_asking_for_the_otp_is_a_scam():
    text = "Em là nhân viên ngân hàng Agribank, thẻ của chị có giao dịch lạ, chị đọc giúp em mã OTP để em khóa lại."
    assert _top(text) == "scam", analyze(text)["why"]


@pytest.mark.parametrize("text", [
    "Tìm người thân: ông Lê Văn Bốn, 80 tuổi, đi lạc từ chiều qua ở chợ Ba Đồn, ai thấy xin báo số 0912 345 678, gia đình hậu tạ.",
    "Shop mình nhận chuyển khoản qua STK 190 3345 6677 Vietinbank, ship COD toàn tỉnh nhé cả nhà.",
])
def test_a_missing_person_notice_and_a_shops_payment_terms_are_lawful(text):
    assert _top(text) not in HARMFUL, analyze(text)["why"]


def test_a_debt_shaming_post_is_still_personal_data_even_with_lost_words():
    text = ("Bóc phốt con nợ Trần Thị Bé, CCCD 044190012345, vay 50 triệu rồi bỏ trốn, ai thấy xin báo 0912 000 111.")
    assert _top(text) == "personal_data", analyze(text)["why"]


@pytest.mark.parametrize("text", [
    # a cure put in a body's mouth as its "advice"
    "Uống nước gừng nóng mỗi sáng diệt sạch virus cúm A, Bộ Y tế đã khuyến cáo, mọi người chia sẻ cho người thân.",
    # an insider source and "the press is banned from reporting": no news style
    "Theo nguồn tin riêng, đêm qua đập thủy điện ở Hướng Hóa đã nứt, sắp vỡ, báo đài bị cấm đưa tin. Chia sẻ gấp!",
    # a fake policy that costs families money
    "Tin từ Sở Giáo dục: từ năm học tới bỏ thi vào lớp 10, học sinh chỉ cần nộp 4 triệu để được xét tuyển. Share gấp.",
    # panic in two words
    "VỠ ĐÊ RỒI, chạy đi bà con Quảng Ninh ơi!!!",
])
def test_rumours_that_borrow_authority_or_cost_money(text):
    result = analyze(text)
    assert result["top_category"] == "misinformation", (text, result["why"])


@pytest.mark.parametrize("text", [
    "Ngân hàng Nhà nước đã bác bỏ tin đồn đổi tiền, tin đồn 'tờ 500 nghìn hết giá trị' là bịa đặt, bà con đừng hoang mang.",
    "Bộ Y tế khuyến cáo: không tự ý dùng thuốc khi sốt, đưa trẻ đến cơ sở y tế gần nhất.",
])
def test_real_advisories_and_debunks_stay_lawful(text):
    assert _top(text) not in HARMFUL, analyze(text)["why"]


def test_rumour_source_words_are_not_news_style():
    text = "Theo nguồn tin riêng, báo đài bị cấm đưa tin vụ này."
    assert not news_style(text, lexicon_hits(normalize(text)))
    report = "Theo thông tin từ Ban chỉ huy, ngày 2/12 mưa lớn, phóng viên có mặt tại hiện trường cho biết."
    assert news_style(report, lexicon_hits(normalize(report)))


@pytest.mark.parametrize("text", [
    "Đêm ni anh em xóm Đông đi phá trạm bơm của công ty, ai theo thì 10h tập trung đầu cầu, mang xà beng.",
    "Sáng mai cả làng kéo lên vây trụ sở xã, lôi thằng cán bộ địa chính ra mà xử cho biết tay.",
])
def test_incitement_in_dialect_and_everyday_words(text):
    result = analyze(text)
    assert result["top_category"] == "incitement", (text, result["why"])


@pytest.mark.parametrize("text", [
    "mong co quan chuc nang xem xet viec xe tai cho cat chay qua thon lam hong duong, dan di lai rat kho",
    "Đơn của dân gửi xã từ tháng 3 về việc lấn chiếm hành lang đường, đến nay vẫn chưa thấy trả lời.",
])
def test_grievances_typed_without_accents_or_as_unanswered_petitions(text):
    assert _top(text) == "grievance", analyze(text)["why"]


@pytest.mark.parametrize("text", [
    # wards and offices write an officer's mobile for questions and send people to a desk
    "UBND xã Cam Thủy thông báo: chi trả trợ cấp người có công tháng 1 tại hội trường xã sáng thứ Hai, mang theo CCCD. "
    "Thắc mắc liên hệ anh Dũng, cán bộ văn hóa - xã hội, 0915 223 344.",
    "Công an xã thông báo: người dân chưa kích hoạt định danh điện tử đến trụ sở công an xã trong giờ hành chính, "
    "mang theo CCCD và điện thoại. Liên hệ đồng chí Quân 0976 101 202.",
    "Trường THCS Nguyễn Du thông báo thu bảo hiểm y tế học sinh 884.520 đồng, phụ huynh nộp tại phòng kế toán hoặc "
    "chuyển khoản STK 3900 1122 3344 Agribank, tên tài khoản Trường THCS Nguyễn Du.",
    "UBND phường thông báo: các hộ kinh doanh lấn chiếm vỉa hè tự tháo dỡ trước ngày 20/12, quá thời hạn sẽ bị xử phạt "
    "theo quy định. Liên hệ tổ trật tự đô thị 0912 808 606.",
])
def test_public_notices_with_an_officers_number_are_lawful(text):
    assert _top(text) not in HARMFUL, analyze(text)["why"]


@pytest.mark.parametrize("text", [
    # the same look, with what a fake needs: a private channel, a link off the list, an account of a person
    "UBND xã thông báo: người dân nhận trợ cấp người có công cần kết bạn Zalo 0915 223 344 của cán bộ để được chi trả "
    "trước ngày 20/12.",
    "Công an xã thông báo: người dân chưa định danh mức 2 vào đường link dinhdanh-congan.info để cập nhật, nếu không "
    "sẽ bị khóa tài khoản.",
])
def test_fake_notices_are_still_impersonation(text):
    assert _top(text) == "impersonation", analyze(text)["why"]


@pytest.mark.parametrize("text", [
    "Cho thuê phòng trọ gần chợ, 1,5 triệu/tháng, đặt cọc 1 tháng, liên hệ chị Mai 0914 556 778.",
    "Đám cưới thằng bạn thân ở Gio Linh, cả bọn hát tới khuya, vui chết đi được.",
    "Nhà mình nấu lẩu dê, thịt mua ở lò mổ đầu thôn, giết mổ sạch sẽ, ai ăn thì ghé.",
])
def test_everyday_posts_with_rent_deposits_and_strong_words_are_lawful(text):
    assert _top(text) not in HARMFUL, analyze(text)["why"]


@pytest.mark.parametrize("text", [
    # a vaccine scare told as "don't take your child"
    "Lô vắc xin bạch hầu tiêm ở trạm xã tuần này bị lỗi, đã có bé co giật, các mẹ đừng cho con đi tiêm nữa nha.",
    # a food scare with a call to stop buying
    "Thịt lợn bán ở chợ Ba Đồn toàn lợn bệnh tai xanh, có người ăn vào nhập viện rồi, tuyệt đối không mua.",
    # a cure that tells people to skip the vaccine
    "Ngậm lát gừng mỗi sáng là virus cúm không thể xâm nhập, khỏi cần tiêm phòng, chia sẻ cho cả nhà.",
    # a fake licence rule that uses the words "có giấy phép"
    "Từ 1/1 xe máy không có giấy phép lái xe mới sẽ bị tịch thu, phạt 10 triệu, chia sẻ cho người thân biết.",
])
def test_health_scares_and_fake_rules_are_rumours(text):
    result = analyze(text)
    assert result["top_category"] == "misinformation", (text, result["why"])


@pytest.mark.parametrize("text", [
    "Mình vừa đi khám, bác sĩ bảo viêm họng nhẹ, uống thuốc 5 ngày là khỏi, không có gì đáng lo.",
    "Chi cục Thú y khuyến cáo người dân không giết mổ heo bệnh, báo ngay cho thú y xã khi có heo chết bất thường.",
    "Động đất 3,1 độ ở Hướng Hóa sáng nay, không gây thiệt hại, người dân không cần lo lắng.",
    "Con mình tiêm vắc xin hôm qua, tối về sốt nhẹ, các mẹ có kinh nghiệm gì không ạ?",
])
def test_health_and_disaster_posts_of_daily_life_are_lawful(text):
    assert _top(text) not in HARMFUL, analyze(text)["why"]


@pytest.mark.parametrize("text", [
    # a scam quoted by someone who tells of receiving it
    'Cả nhà ơi, bố em vừa nhận tin nhắn "BIDV: tai khoan cua quy khach tam khoa, xac thuc tai bidv-mokhoa.top trong 24h" '
    'nha, may bố hỏi em trước.',
    # a room with a deposit, a homestay with a free bike
    "Homestay Bàu Tró còn 2 phòng cuối tuần, 500k/đêm, miễn phí xe đạp, đặt cọc 30% giữ phòng, hotline 0886 000 111.",
    # a lost pet
    "Mất con chó Phú Quốc màu đen ở thôn 4 tối qua, ai thấy báo giúp 0945 000 222, gia đình hậu tạ. Con chó già rồi.",
    # a seller's own name, number and account
    "Bán xe Vision 2019 chính chủ, giá 19 triệu. LH 0935 000 333 anh Tèo, ở xa cọc 500k qua STK 0451 000 111 222 "
    "Vietcombank Nguyen Van Teo.",
])
def test_quoted_scams_bookings_lost_pets_and_sellers_are_lawful(text):
    assert _top(text) not in HARMFUL, analyze(text)["why"]


@pytest.mark.parametrize("text,category", [
    # a recovery service uses "bị lừa" to sell, not to warn
    ("Bạn đã bị lừa đảo qua mạng? Chúng tôi cam kết lấy lại tiền bị lừa 100%, đóng phí hồ sơ 2 triệu trước, "
     "liên hệ Zalo 0922 000 444.", "scam"),
    # the body named as the sender, asking money to a private account
    ("Cấp nước Đông Hà TB: đồng hồ nước nhà bạn hết hạn kiểm định, phí thay mới 650.000đ, chuyển khoản cho kỹ thuật "
     "viên qua số 0712 000 555.", "impersonation"),
    # someone else's data, pointed at
    ("Thằng chỉ điểm đây bà con: Lương Văn Tài, số điện thoại 0348 000 666, nhà ở kiệt 3 Nguyễn Trãi.", "personal_data"),
    # a blockade with a time and a place, no call word but "các bác tài"
    ("Các bác tài ơi, 9h sáng thứ Tư dàn hết xe ngang trạm thu phí, khóa cửa bỏ xe đi về cho tắc cả tuyến.",
     "incitement"),
])
def test_recovery_scams_senders_pointed_data_and_blockades(text, category):
    result = analyze(text)
    assert result["top_category"] == category, (text, result["why"])


@pytest.mark.parametrize("text", [
    # a gift from abroad held for a fee, kept secret
    "Em ơi anh gửi cho em thùng quà có 50.000 USD và iPhone, mai công ty vận chuyển gọi, em đóng phí bảo hiểm "
    "15.000.000đ là nhận được, đừng nói với ai nhé.",
    # an aid programme that charges a fee to register
    "Chương trình hỗ trợ quốc tế cho hộ bị lũ: mỗi hộ nhận 5 triệu, đăng ký tại hotro-lulut.vn-qt.com, phí xác minh "
    "hồ sơ 150k, hạn chót chủ nhật này.",
])
def test_secret_fees_and_fake_aid_are_scams(text):
    assert _top(text) == "scam", analyze(text)["why"]


def test_a_caller_who_forbids_hanging_up_is_no_warning():
    text = ("Alo, tôi gọi từ Cục Hải quan. Kiện hàng chị nhận có chứa ma túy, hồ sơ đã chuyển công an, muốn không bị "
            "khởi tố thì đóng tiền bảo lãnh 70 triệu vào tài khoản tôi đọc, không được cúp máy.")
    assert _top(text) == "impersonation", analyze(text)["why"]


def test_a_warning_that_says_the_caller_forbade_hanging_up_stays_lawful():
    text = ("Mẹ mình bị một đứa gọi xưng công an, bắt không được cúp máy rồi đòi chuyển tiền, may mẹ cúp máy kịp. "
            "Đó là lừa đảo, mọi người nhắc ông bà nha.")
    assert _top(text) not in HARMFUL, analyze(text)["why"]


def test_a_home_pointed_at_without_a_name_is_exposed():
    text = "Nhà của lão phó chủ tịch xã nè bà con: số 88 đường Trần Phú, vợ hắn bán tạp hóa ở chợ, số 0916 000 777."
    assert _top(text) == "personal_data", analyze(text)["why"]


@pytest.mark.parametrize("text", [
    "Dân miền Tây lười như hủi, chỉ biết nhậu, làm gì có ai tử tế.",
    "Phụ nữ thì biết cái gì mà đòi làm lãnh đạo, về nhà mà lo bếp núc đi.",
    "Bọn đồng tính nên bị đưa đi chữa bệnh hết, để ngoài đường làm hư con nít.",
])
def test_degrading_a_group_by_region_sex_or_orientation_is_hate(text):
    assert _top(text) == "hate_harassment", analyze(text)["why"]


@pytest.mark.parametrize("text", [
    "Phụ nữ làm lãnh đạo ngày càng nhiều, chị chủ tịch xã mình làm việc rất tận tâm.",
    "Người đồng tính cũng có quyền được tôn trọng như mọi người, đừng kỳ thị họ.",
    "Dân miền Tây hiếu khách lắm, mình đi Cần Thơ được mời ăn cơm như người nhà.",
    "Người khuyết tật ở phường được hỗ trợ xe lăn và học nghề miễn phí.",
])
def test_speaking_well_of_a_group_is_lawful(text):
    assert _top(text) not in HARMFUL, analyze(text)["why"]


def test_a_countdown_makes_a_carrier_threat_urgent():
    text = "Thông báo từ tổng đài: thuê bao của bạn nợ cước 2 tháng sẽ bị cắt sau 2 giờ, bấm phím 9 để gặp tổng đài viên."
    assert _top(text) == "scam", analyze(text)["why"]
