"""The rule families generalise by the structure of each harm, not by memorised phrasings.

The examples here are written fresh, in other words than the civic set (datasets/civic): accents and no
accents, central dialect, teencode. Per family: positives and negatives. Per lawful kind: posts that
never get a harmful top category (criticism of officials and policies is never harmful; warnings and
debunks that quote a scam or a rumour are lawful). When the evidence is thin the answer is "cần xem xét"
(needs_review), never a harm category.
"""

from __future__ import annotations

import pytest

from haidang.analysis.analyzer import analyze
from haidang.analysis.rules import personal_data_signals
from haidang.text.normalize import extract_entities, fold, normalize

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


def _top(text: str) -> str:
    return analyze(text)["top_category"]


# --- lawful kinds: never a harmful top category ----------------------------------------------------------

LAWFUL = {
    "criticism_official": [
        "Phó chủ tịch UBND huyện hứa giải quyết tranh chấp đất trong 30 ngày, nay đã nửa năm. Đề nghị cấp trên "
        "kiểm điểm trách nhiệm người đứng đầu.",
        "Trưởng công an xã làm việc thiếu khách quan, bênh người quen trong vụ đánh nhau ở chợ. Dân không phục.",
        "Ông giám đốc sở nên từ chức đi, ba năm rồi dự án nước sạch vẫn nằm trên giấy.",
        "chu tich phuong tiep dan ma cu bam dien thoai, dan noi khong nghe. lam lanh dao kieu rua thi nen nghi",
        "Cán bộ thuế xã nói chuyện trịch thượng, bắt dân chờ cả buổi sáng. Yêu cầu xin lỗi công khai.",
        "Đại biểu HĐND tỉnh chất vấn thẳng: ai chịu trách nhiệm khi kè biển vừa làm xong đã sập?",
    ],
    "criticism_policy": [
        "Chính sách thu phí môi trường theo đầu người là bất hợp lý, nhà đông con chịu thiệt. Đề nghị tính theo khối rác.",
        "Việc cấm họp chợ phiên ven quốc lộ mà không có chỗ mới là đẩy bà con vào đường cùng.",
        "Tăng giá vé xe buýt gấp đôi trong khi xe cũ nát, chậm giờ. Quyết định này cần được xem lại.",
        "Mình phản đối quy hoạch lấp hồ làm bãi đỗ xe. Hồ là nơi thoát nước của cả phường.",
    ],
    "complaint": [
        "Đường vào trường mầm non xã mình lầy lội, phụ huynh phải cõng con qua. Mong xã sớm đổ bê tông.",
        "Bệnh viện huyện bắt người nhà mua bông băng ở ngoài dù đã có thẻ BHYT. Xin hỏi như vậy có đúng không?",
        "Nước máy có mùi clo nồng nặc cả tuần nay, trẻ nhỏ tắm xong bị ngứa. Đề nghị công ty cấp nước kiểm tra.",
        "Cột điện nghiêng sắp đổ ở đầu kiệt 7, báo điện lực mấy lần chưa ai tới. Rứa là răng?",
        "tien boi thuong giai phong mat bang duong ven bien den gio van chua tra du cho dan thon 4, de nghi ban boi thuong tra loi",
        "Trạm y tế phường đóng cửa giờ hành chính, dân đến tiêm cho con phải về không. Xin phường chấn chỉnh.",
    ],
    "news_violent_words": [
        "Hai nhóm thanh niên dùng dao, tuýp sắt hỗn chiến trước quán bar, công an đã bắt giữ 9 đối tượng.",
        "Tài xế xe tải bị nhóm người lạ chặn đường, đánh trọng thương trên Quốc lộ 1, vụ việc đang được điều tra.",
        "Cháy chợ lúc nửa đêm thiêu rụi hàng trăm ki-ốt, thiệt hại ước tính hàng chục tỷ đồng.",
        "Tòa tuyên án tử hình kẻ giết người cướp tài sản ở huyện miền núi.",
        "Lũ lên nhanh, nước tràn qua đê bao ở xã Hải Phong, lực lượng chức năng đã sơ tán 40 hộ dân.",
        "Động đất 3,2 độ ở Kon Tum, người dân cảm nhận rung lắc nhẹ, chưa có thiệt hại.",
    ],
    "warning_quotes_scam": [
        "Cảnh báo: tin nhắn 'Tài khoản của bạn bị khóa, truy cập acb-xacthuc.top để mở' là giả, đừng bấm vào.",
        "Có đứa gọi tự xưng công an quận bắt tui cài app VNeID giả qua link vneid-gov.app. Mọi người cảnh giác nha.",
        "Mấy cái tin 'bưu phẩm của bạn bị giữ, đóng phí 30.000đ tại vnpost-express.info' là lừa đảo, bưu điện xác nhận không gửi tin đó.",
        "canh bao: so 0387 222 915 goi mao danh nhan vien dien luc doi cat dien, bat chuyen khoan. dung chuyen nha ca nha",
        "Ngân hàng khuyến cáo: không ai được hỏi mã OTP của bạn. Ai hỏi là lừa đảo, hãy gọi tổng đài chính thức.",
    ],
    "debunk": [
        "Tin 'Sở Y tế xác nhận nước máy nhiễm độc' là tin giả. Sở Y tế đã bác bỏ, nước vẫn đạt chuẩn.",
        "Không có chuyện vỡ đập thủy điện như clip lan truyền, đập vẫn vận hành bình thường, bà con yên tâm.",
        "Đính chính: uống nước chanh không chữa được ung thư. Người bệnh cần điều trị theo chỉ định của bác sĩ.",
    ],
    "notice": [
        "UBND phường thông báo lịch cắt nước để sửa đường ống từ 8h đến 16h thứ Ba tuần sau.",
        "Thông báo họp tổ dân phố lúc 19h30 tối nay tại nhà văn hóa, bàn việc đóng góp làm đèn đường.",
        "Công an xã thông báo: tuyệt đối không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng cán bộ.",
    ],
    "dialect_daily": [
        "Bữa ni mạ tui nấu nồi cháo canh ngon hết sảy, mời bà con qua ăn với.",
        "chieu nay di cau ca o cua viet duoc may con ca dua, vui ghe",
        "Ai đi chợ Đông Hà mua giùm tui ký mực, chiều tui gửi tiền lại nghe.",
        "Trận chung kết tối nay tụi bây qua nhà tao coi chung, tao bao nước.",
    ],
    "satire": [
        "Đường làng nhiều ổ gà quá, chắc xã định mở trại nuôi gà luôn cho tiện 😂",
        "Giá thịt heo lên thế này chắc tui phải 'xử' con heo đất của con rồi.",
    ],
}


@pytest.mark.parametrize("kind,text", [(k, t) for k, texts in LAWFUL.items() for t in texts])
def test_lawful_kinds_never_get_a_harmful_top_category(kind, text):
    assert _top(text) not in HARMFUL, (kind, text)


@pytest.mark.parametrize("text", LAWFUL["complaint"][:4])
def test_a_complaint_with_one_clear_cue_is_a_grievance(text):
    assert _top(text) == "grievance", text


# --- incitement: a call to gather, block or attack + a time, a place or weapons ---------------------------

@pytest.mark.parametrize("text", [
    "Anh em đêm mai 11h tập trung đầu cầu, mang rựa với tuýp sắt, gặp đám bên kia là chém.",
    "Bà con ơi chiều nay kéo ra chặn quốc lộ 9, đốt lốp xe, không cho xe nào qua.",
    "ae toi nay 9h ra ben xe, dem theo gay goc, dap nat xe cua tui no",
    "Kêu gọi cả làng sáng thứ bảy này mang can xăng lên công trường, đốt hết máy móc của công ty.",
])
def test_incitement_positives(text):
    assert _top(text) == "incitement", text


@pytest.mark.parametrize("text", [
    "Sáng mai 7h phường ra quân dọn vệ sinh, bà con mang theo chổi, cuốc, xẻng tập trung ở nhà văn hóa.",
    "Đội bóng xã tập trung lúc 5h chiều mai ở sân vận động để đá giao hữu, anh em nhớ mang giày.",
    "Ngư dân tập trung tàu thuyền vào âu thuyền tránh bão tối nay theo lệnh của Ban chỉ huy.",
    "Đối tượng đã dùng dao đâm người rồi bỏ trốn, công an đang truy bắt.",
])
def test_incitement_negatives(text):
    assert _top(text) != "incitement", text


# --- impersonation: an authority + a summons, fine or check + a private channel -------------------------

@pytest.mark.parametrize("text", [
    "Phòng Cảnh sát hình sự thông báo anh liên quan vụ án ma túy, kết bạn Zalo 0912 486 357 để làm việc trực tuyến.",
    "Kho bạc Nhà nước hoàn tiền thuế đất nộp thừa, liên hệ cán bộ phụ trách qua số 0978 215 436 để nhận.",
    "Tòa án nhân dân huyện gửi giấy triệu tập, bà xác nhận thông tin tại toaan-trieutap.online kẻo bị cưỡng chế.",
    "cong an phuong thong bao ban bi phat 3 trieu do chua khai bao tam tru, chuyen khoan vao tai khoan can bo phu trach",
])
def test_impersonation_positives(text):
    assert _top(text) == "impersonation", text


@pytest.mark.parametrize("text", [
    "Công an huyện triệu tập các đối tượng liên quan vụ đánh bạc để làm rõ hành vi vi phạm.",
    "Tôi đề nghị công an xã xử phạt nghiêm quán karaoke hát đến 2 giờ sáng.",
])
def test_impersonation_negatives(text):
    assert _top(text) not in {"impersonation", "scam"}, text


# --- scams ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tuyển cộng tác viên làm tại nhà, mỗi nhiệm vụ 50k, nạp 300k nhận lại 390k ngay. Inbox để nhận việc.",
    "Hồ sơ vay 40 triệu đã duyệt, anh đóng phí bảo hiểm khoản vay 2 triệu để được giải ngân trong hôm nay.",
    "Bạn có bưu kiện chưa giao được, thanh toán phí giao lại 16.000đ tại giaohang-nhanh.shop trong 24h.",
    "Góp vốn 10 triệu, sau 7 ngày rút về 15 triệu, cam kết không rủi ro, liên hệ Zalo 0356 214 789.",
])
def test_scam_positives(text):
    assert _top(text) == "scam", text


# --- rumours: a claim pushed by share / false attribution / cover-up / panic -------------------------------

@pytest.mark.parametrize("text", [
    "Bộ Y tế vừa xác nhận: ăn rau muống bây giờ gây suy thận vì nhiễm hóa chất. Chia sẻ cho người thân gấp!",
    "Nước lá sả đun sôi chữa dứt điểm ung thư phổi, không cần hóa trị, bỏ thuốc tây đi cho khỏe.",
    "Tin nội bộ: hồ thủy lợi sắp vỡ đập trong đêm nay, chính quyền đang giấu. Ai ở hạ du chạy ngay!",
    "tin mat: ngan hang se khoa toan bo tai khoan chua doi can cuoc tu thang sau, rut tien ngay keo mat trang, share gap",
])
def test_rumour_positives(text):
    assert _top(text) == "misinformation", text


@pytest.mark.parametrize("text", [
    "Sở Y tế ghi nhận 120 ca sốt xuất huyết trong tuần, đề nghị người dân diệt lăng quăng, ngủ màn.",
    "Thêm 15 bệnh nhân được chữa khỏi và xuất viện trong ngày hôm nay.",
    "Theo Trung tâm dự báo, bão có thể gây mưa rất to ở Quảng Trị từ chiều mai, người dân chủ động phòng tránh.",
])
def test_rumour_negatives(text):
    assert _top(text) != "misinformation", text


def test_a_claim_alone_asks_for_a_look_not_a_verdict():
    assert _top("Nghe nói muối i-ốt bây giờ gây ung thư tuyến giáp.") in {"needs_review", "other"}


# --- personal data: a number with its context word, a named person ------------------------------------------

@pytest.mark.parametrize("text", [
    "Bóc phốt thằng quỵt nợ: Lê Văn Thành, sđt 0915 326 478, nhà số 9 kiệt 12 Lê Duẩn. Ai gặp thì báo mình.",
    "Đây là căn cước của con nhỏ lừa tiền: Trần Thị Ngọc, số 045198003214. Share cho nó hết đường làm ăn.",
    "Danh sách bệnh nhân nhiễm HIV ở thôn: Hoàng Văn Lợi, Phan Thị Mơ. Mọi người tránh xa nhà họ.",
])
def test_personal_data_positives(text):
    assert _top(text) == "personal_data", text


@pytest.mark.parametrize("text", [
    "Chuyển khoản tiền ủng hộ đồng bào lũ lụt vào số tài khoản 0421 000 365 88 của Ủy ban MTTQ xã.",
    "Nhà hàng mình ở số 25 đường Lê Lợi, đặt bàn gọi 0905 123 784 nhé.",
    "Tìm đồ thất lạc: mất căn cước và thẻ ngân hàng ở chợ, ai nhặt được xin gọi 0935 427 611.",
])
def test_personal_data_negatives(text):
    assert _top(text) != "personal_data", text


def test_an_account_number_is_not_read_as_a_citizen_id():
    text = "Chị chuyển phí giao hàng 650k cho em qua số tài khoản 0421 000 365 88 nhé."
    ids = [s for s in personal_data_signals(text, normalize(text), extract_entities(text))
           if s["rule"] == "personal_data.citizen_id"]
    assert ids == []


# --- normalisation: "ưu" is a vowel pair, not an echoed "ư" ------------------------------------------------

@pytest.mark.parametrize("word", ["bưu điện", "bưu phẩm", "cứu", "hưu trí", "mưu"])
def test_normalize_keeps_the_vowel_pair_uu(word):
    assert fold(normalize(word)) == fold(word)


# --- warnings that quote a scam, in everyday and dialect speech (issue #12 precision pass) -----------------

WARNINGS_QUOTING_SCAMS = [
    'Nghe tin "vay tiền online không cần thế chấp, giải ngân trong 5 phút, chỉ cần đóng phí hồ sơ" thì đừng có '
    "dại mà đóng, lừa hết đó.",
    'Mạ tui bị gọi "công an huyện triệu tập, kết bạn Zalo để làm việc", tui đã báo công an xã rồi. Ai gặp thì '
    "đừng có làm theo.",
    'Đừng dại mà nạp tiền vào mấy app "làm nhiệm vụ like video nhận hoa hồng", chị tui mất 80 triệu rồi.',
    'Ai thấy bài "tuyển người gõ captcha tại nhà, lương 500k/ngày, đóng cọc 300k" thì bỏ qua đi, toàn bọn lừa.',
    "Không nên bấm vào link lạ dạng \"nhận hỗ trợ 2 triệu từ chính phủ\" nha, mình có người quen đã bị mất tiền.",
    "Bà con cẩn thận, tụi nó mạo danh điện lực để lừa: nhắn \"đóng phí cắt điện qua số 0987654321\". Đã có người "
    "bị lừa rồi.",
]


@pytest.mark.parametrize("text", WARNINGS_QUOTING_SCAMS + [fold(t) for t in WARNINGS_QUOTING_SCAMS])
def test_a_warning_quoting_a_scam_never_gets_a_harmful_top_category(text):
    assert _top(text) not in HARMFUL, text


# A scam that borrows a warning's words to frighten ("có nguy cơ bị mất tiền", "mọi người cẩn thận") and
# then asks the reader to act is still a scam.
@pytest.mark.parametrize("text", [
    "Tài khoản của quý khách có nguy cơ bị mất tiền, vui lòng xác thực ngay tại vcb-xacthuc.com để tránh bị khóa.",
    "Cẩn thận kẻo lỡ! Chương trình tri ân khách hàng, bạn trúng thưởng iPhone 15, bấm vào shopee-quatang.top để "
    "nhận quà, phí vận chuyển 99k.",
    "Mọi người cẩn thận, tài khoản sẽ bị trừ phí nếu không xác minh. Truy cập mb-xacminh.vip và điền số thẻ, mã OTP.",
    "Ngân hàng khuyến cáo khách hàng cập nhật sinh trắc học, nhấp vào vietinbank-capnhat.net và nhập mã OTP để "
    "không bị khóa tài khoản.",
])
def test_a_scam_using_warning_words_is_still_caught(text):
    assert _top(text) == "scam", text


# --- spaced letters and leetspeak that spell no Vietnamese word invent no insult -------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("xem c l i p này", "xem clip này"),  # not "cl" (cái lồn) + "ip"
    ("L i n k đâu", "link đâu"),  # not "lin" + "k" (không)
    ("f a i l à m sao", "fail àm sao"),  # what is left of the run stays letters: no "m" -> "mày"
    ("e k bt", "em không bt"),  # two short forms side by side are still teencode
    ("t40 là trò đùa", "tao là trò đùa"),
    ("đội K14 và B40", "đội k14 và b40"),  # codes stay codes
])
def test_spaced_and_leet_letters_are_read_as_written(text, want):
    assert normalize(text) == want
