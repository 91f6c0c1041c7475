"""Rule families, sixth pass (issue #12): a word the span tagger marks must offend on its own before the
post-level model may confirm it. Violent verbs and animal words ("giết", "chết", "heo") are
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


@pytest.mark.parametrize("text", [
    # a neighbour asking, in dialect, whether a caller was real: the caller is told of in the third person
    "Bà con ơi, hôm qua có đứa gọi điện nói là bên nước sạch, bảo nhà tui nợ tiền nước, bắt chuyển vô tài khoản "
    "cá nhân không thì cắt nước. Công ty nước thu ở quầy chứ có thu qua tài khoản riêng mô.",
    # a victim's own account of a task scam, written to stop others
    "Tháng trước mình tham gia làm nhiệm vụ like video nhận hoa hồng, lúc đầu nó trả 40k, sau bảo nạp 3 triệu "
    "mới rút được. Tổng cộng mình mất 9 triệu, viết ra để ai đang làm thì dừng lại.",
    # typed without accents: is this site real?
    "Ai biet trang \"thuedientu-quangtri.site\" co phai that khong? Han nhan noi tui phai len do khai thue, nop 300 nghin. Tui thay nghi.",
])
def test_a_victim_telling_of_a_scam_is_a_warning(text):
    assert analyze(text)["top_category"] not in HARMFUL


def test_the_scam_itself_is_still_caught():
    text = ("Cục Thuế thông báo: hồ sơ thuế của quý khách chưa hoàn tất, vui lòng truy cập thuedientu-quangtri.site "
            "và nộp 300.000đ trong hôm nay để tránh bị xử phạt.")
    assert analyze(text)["top_category"] in ("impersonation", "scam")


def test_a_folded_match_with_another_words_accents_is_no_match():
    from haidang.analysis.rules import lexicon_hits
    from haidang.text.normalize import normalize

    # "2 mặt cho" is not "mất chó" (a lost dog), which would have read the scam as a lost-pet notice
    text = ("Nhân dịp Tết, ngân hàng tặng 2 triệu, chỉ cần nhắn số tài khoản, mã OTP và ảnh CCCD 2 mặt cho tư vấn "
            "viên qua zalo 0817 664 390.")
    assert "lost_found" not in lexicon_hits(normalize(text))
    assert analyze(text)["top_category"] == "scam"
    # the same words typed without accents inside an accented post still match
    assert "lost_found" in lexicon_hits(normalize("Nhà mình vừa mat cho, ai thấy báo giúp"))


@pytest.mark.parametrize("text", [
    # the narrator gives the caller's number outside the quoted script
    "Vừa nhận cuộc gọi \"em bên công an quận 3, anh có liên quan đường dây rửa tiền, phải làm việc ngay\" từ số "
    "0789 552 130. Mình chưa vô Sài Gòn lần nào, tắt máy luôn. Ai bị gọi thì báo công an xã nha.",
    # a department's hotline for reports is a public channel, not a private one
    "Sở Tài nguyên và Môi trường thông báo: đường dây nóng tiếp nhận phản ánh về khai thác cát trái phép hoạt "
    "động 24/7 qua số 0913 205 748. Thông tin người phản ánh được giữ bí mật.",
    # a debunk: the claim is quoted to say it has no basis
    "Thông tin \"uống nước lá ổi chữa khỏi tiểu đường sau 1 tuần\" là không có cơ sở khoa học, người bệnh cần "
    "dùng thuốc theo đơn của bác sĩ.",
])
def test_warnings_hotlines_and_debunks_stay_lawful(text):
    assert analyze(text)["top_category"] not in HARMFUL


def test_a_shaming_list_with_names_phones_and_addresses_is_exposure():
    text = ("Danh sách khách bom hàng, các shop đưa vào danh sách đen: Lê Văn Tấn, 0763 415 982, số 45 Trần Hưng "
            "Đạo, Đông Hà. Ai rảnh gọi khủng bố nó.")
    assert analyze(text)["top_category"] == "personal_data"


def test_a_seller_taking_a_deposit_into_her_own_account_is_lawful():
    text = ("Nhận đặt bánh tét, giò chả Tết, 70k/cái, giao tận nhà trong Đông Hà. Đặt cọc 30% qua STK 0451000388123 "
            "Vietcombank, chủ TK Trần Thị Mai, còn lại trả khi nhận hàng.")
    assert analyze(text)["top_category"] not in HARMFUL


def test_a_cure_that_makes_treatment_needless_is_a_rumour():
    text = ("Bác sĩ bệnh viện tỉnh tiết lộ: uống nước gừng nghệ mỗi sáng 2 tuần là sạch tế bào ung thư, khỏi cần "
            "xạ trị. Sở Y tế đã xác nhận, share cho người nhà ngay.")
    assert analyze(text)["top_category"] == "misinformation"


def test_a_scam_that_says_luu_y_before_its_fee_is_no_warning():
    text = ("Vay tiền online không thế chấp, giải ngân 10 phút, chỉ cần CCCD. Lưu ý chuyển trước phí hồ sơ 8% "
            "để kích hoạt khoản vay, liên hệ zalo 0593 662 710.")
    assert analyze(text)["top_category"] == "scam"
    # a real warning that uses the same word still is one
    warning = ("Lưu ý: các app vay online bắt chuyển trước phí hồ sơ rồi mới giải ngân đều là lừa đảo, bà con "
               "đừng chuyển tiền.")
    assert analyze(warning)["top_category"] not in HARMFUL


def test_carrying_a_counted_weapon_to_a_gathering_is_incitement():
    text = ("ANH EM CHÚ Ý: 16h chủ nhật tập trung ở bãi đất trống sau chợ Đông Lễ, đợi bọn xóm bên kia ra thì "
            "xử, mỗi đứa mang một cây gậy.")
    assert analyze(text)["top_category"] == "incitement"
    # soldiers carrying tools to clear mud attack nobody
    lawful = "Sáng mai bộ đội mang theo mấy cây xẻng, cuốc về thôn Mỹ Thủy giúp bà con dọn bùn sau lũ."
    assert analyze(lawful)["top_category"] not in HARMFUL
