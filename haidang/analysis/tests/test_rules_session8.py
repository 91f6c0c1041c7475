"""Eighth pass (#12): swearing aimed at nobody, road-closure notices, loan sharks in the news, recorded-call
impersonation, security rumours, the rumour's own "đừng ai", and partial rejoining of spaced letters.

Every example here was written for this file; none is a row of the civic set's test split."""

import pytest

from haidang.analysis.analyzer import analyze
from haidang.text.normalize import deobfuscate_aligned

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


def top(text: str) -> str:
    return analyze(text, explain=False)["top_category"]


@pytest.mark.parametrize("text", [
    # swearing at a game, the weather, traffic: everyday speech, a look at most
    "dm hôm nay mưa cả ngày, phơi đồ không khô nổi",
    "kẹt xe cầu Hiền Lương 1 tiếng vl, ai đi hướng ni thì né ra nha",
    "dm cái mạng lag vãi, thua trận rank rồi",
    "chó nhà bên sủa suốt đêm, mất ngủ vl, mai còn đi làm",
    # a road closed by notice, farmers burning straw
    "Thông báo: sáng chủ nhật chặn đường Hùng Vương để tổ chức giải chạy, bà con đi đường khác giúp.",
    "Mùa ni bà con đốt rơm ngoài đồng nhớ coi hướng gió, hôm qua suýt cháy lan qua nhà kho.",
    # news of an arrest of loan sharks
    "Công an huyện vừa bắt nhóm cho vay nặng lãi, lãi tới 25%/tháng, ai bị đòi nợ thì báo công an.",
    # a landslide blocks a road; sleeping typed without accents; a victim names the scammer harshly to warn
    "QL12A đoạn qua Minh Hóa sạt lở, đất đá chặn đường, xe phải chờ điều tiết, ai đi tối ni chạy chậm.",
    "ong chu nha say qua ngu toi sang ngoai hien, sang day con ngac nhien 😂",
    "Tui bị thằng gọi xưng trúng thưởng lừa mất 3 triệu, đã trình báo công an xã, bà con đừng dại như tui.",
    # a citizen's warning quoting a job scam
    "Em họ tui suýt dính: nick lạ nhắn 'làm nhiệm vụ like video, nạp trước 200k', mấy cái ni lừa đảo hết, đừng nạp.",
])
def test_lawful_posts_get_no_harmful_top_category(text):
    assert top(text) not in HARMFUL


@pytest.mark.parametrize("text", [
    "dm mày câm mồm đi, còn nói nữa tao đánh",
    "thằng kia ngu vl, biến khỏi nhóm đi",
])
def test_swearing_at_someone_is_still_harassment(text):
    assert top(text) == "hate_harassment"


@pytest.mark.parametrize("text, category", [
    ("Bưu điện thông báo: quý khách có thư của Tòa án chưa nhận. Bấm phím 9 để gặp nhân viên, quá hạn hồ sơ "
     "chuyển sang cơ quan công an.", "impersonation"),
    ("Có xe lạ bắt cóc trẻ em quanh trường tiểu học, đã mất 2 bé mà báo chí giấu, share cả nhóm lớp giùm!!!",
     "misinformation"),
    ("Vắc xin đợt này là lô lỗi, đã có bé chết, đừng cho con đi tiêm, chuyển tiếp cho các mẹ biết", "misinformation"),
    ("Rau chợ Đông Hà mấy bữa ni nhiễm độc, ông hàng xóm ăn vô chết rồi, đừng ai mua nữa, chia sẻ cho bà con biết",
     "misinformation"),
    ("c là chị Lan bạn mẹ e nè, c đang kẹt ở sân bay ko rút tiền đc, e ck giúp c 3tr vô stk 1903 5528 7716 02 "
     "Techcombank, tối c trả liền, đừng nói mẹ e nha", "scam"),
    ("dan xu do toan luon leo, lam an voi tui no la mat trang, dung tin dua nao", "hate_harassment"),
    ("Thằng bán hàng chợ Đông Hà kia, mày coi chừng tao, gặp ngoài đường tao cho mày nằm viện.", "hate_harassment"),
    ("Chúc mừng số máy của bạn trúng 1 xe máy + 10 triệu, nộp phí vận chuyển 900k qua số 0387 452 911 để nhận",
     "scam"),
    ("Mấy đứa khuyết tật bán vé số toàn giả vờ, đồ ăn bám xã hội, đuổi hết đi", "hate_harassment"),
])
def test_harmful_posts_get_their_category(text, category):
    assert top(text) == category


def test_a_rumour_warning_that_debunks_sharing_is_still_a_warning():
    text = "Tin vỡ đập thủy điện là bịa đặt, đừng ai chia sẻ tin này nữa."
    assert top(text) not in HARMFUL


@pytest.mark.parametrize("spaced, joined", [
    ("càng ngày càng n g u t h ì f ả i", "càng ngày càng ngu thì f ả i"),
    ("x ạ o l o l nè", "xạo lol nè"),
])
def test_spaced_letters_rejoin_the_words_they_hold(spaced, joined):
    assert deobfuscate_aligned(spaced)[0] == joined


def test_a_list_of_single_letters_stays_apart():
    text = "ư ơ ă â ê ô đ Ư Ơ Ă"
    assert deobfuscate_aligned(text)[0] == text
