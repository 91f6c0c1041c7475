"""Rule fixes of the seventh #12 pass: found on probe posts written apart from the rules (the A halves),
each written here in other words."""

import pytest

from haidang.analysis.analyzer import analyze

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


@pytest.mark.parametrize("text", [
    # Blocking a caller is the advice of a warning, not a road block.
    "Cảnh báo: số 0912 345 678 gọi tự xưng nhân viên điện lực đòi tiền, ai nhận thì chặn liền nghe bà con.",
    "Có số lạ gọi xưng cán bộ thuế bảo cài app, mn ai nhận thì chặn ngay nhé, thuế thật không gọi vậy đâu.",
])
def test_blocking_a_scam_caller_is_no_call_to_violence(text):
    assert analyze(text)["top_category"] not in HARMFUL


def test_one_person_threatening_another_is_harassment_not_incitement():
    result = analyze("Thằng bán vé số kia, mi liệu hồn với tau, tối mai tau chờ ở đầu ngõ cho mi biết tay.")
    assert result["top_category"] == "hate_harassment"
    assert any(w.get("rule") == "hate.personal_threat" for w in result["why"])


def test_a_call_on_others_stays_incitement():
    result = analyze("Anh em tối nay 8h tập trung chặn đường quốc lộ 1, mang gậy theo, đứa nào ra ngăn thì đánh.")
    assert result["top_category"] == "incitement"


@pytest.mark.parametrize("text", [
    "Nghe nói từ tháng sau đi xe không đội mũ là bị tịch thu xe luôn, phạt 15 triệu, tỉnh vừa ra quy định. Share gấp!",
    "nghe noi tuan toi gia gas tang 100k/binh, cac dai ly o Dong Hoi dong cua 5 ngay, ae mua tich tru di ko la het",
])
def test_fake_policies_and_shortages_pushed_by_panic_are_rumours(text):
    assert analyze(text)["top_category"] == "misinformation"


@pytest.mark.parametrize("text", [
    "Giá xăng tăng 500 đồng/lít từ 15 giờ chiều nay theo điều chỉnh của liên Bộ Công Thương - Tài chính.",
    "Cửa hàng xăng dầu số 3 đóng cửa 2 ngày để sửa bồn chứa, bà con đổ xăng ở cửa hàng số 5 gần đó.",
    "Người vi phạm nồng độ cồn bị phạt 8 triệu đồng theo quy định hiện hành, Công an tỉnh khuyến cáo không lái xe sau khi uống rượu bia.",
])
def test_news_of_prices_closures_and_fines_is_lawful(text):
    assert analyze(text)["top_category"] not in HARMFUL


@pytest.mark.parametrize("text", [
    "Nói vui thôi chứ tuyển thợ thì né dân vùng đó ra, làm được tháng là ăn cắp đồ rồi bỏ trốn, giống nòi rồi.",
    "Mấy người Vân Kiều trên bản được cho tiền là mang đi nhậu hết, hỗ trợ làm chi, đúng bản tính mọi rợ.",
])
def test_a_people_said_to_be_bad_by_nature_is_hate(text):
    assert analyze(text)["top_category"] == "hate_harassment"


@pytest.mark.parametrize("text", [
    "Bản chất của người Lệ Thủy là hiếu khách, ai tới cũng được mời bữa cơm.",
    "Chủ nhà không cho thuê trọ vì tôi là người ngoại tỉnh, như vậy có đúng luật không ạ?",
    "Người dân Đông Hà bức xúc vì đường ngập, bản chất vấn đề là cống thoát nước quá nhỏ.",
])
def test_peoples_praised_and_discrimination_complained_of_are_lawful(text):
    assert analyze(text)["top_category"] not in HARMFUL


@pytest.mark.parametrize("text", [
    # a date it starts from and a fee to keep a service
    "tin chinh thuc: tu 15/10 hoc sinh tieu hoc phai nop 2tr phi so hoa moi duoc hoc tiep, phu huynh lo chuan bi",
    # stocking up on staples, a price rising to an amount per unit, supply out everywhere
    "ae tich gao di, nghe noi thang toi gas len 600k/binh va het hang toan tinh, dai ly dong cua hang loat roi",
])
def test_more_fake_policies_and_shortages(text):
    assert analyze(text)["top_category"] == "misinformation"


@pytest.mark.parametrize("text", [
    # one household's trouble, told to the utility, is no rumour about a public decision
    "Nước giếng khoan nhà mình mấy bữa ni đục ngầu, phải mua nước bình về nấu ăn. Nhờ xã cho người kiểm tra giúp.",
    "Giá gas lên 520k/bình từ 1/10 theo thông báo của công ty, nhà mình vẫn mua ở đại lý cũ.",
])
def test_a_household_s_trouble_and_a_price_notice_are_lawful(text):
    assert analyze(text)["top_category"] not in HARMFUL


def test_a_decree_named_vaguely_is_quoted_also_without_accents():
    result = analyze("nghe noi tu thang sau xe may qua 10 nam bi thu hoi toan bo, nghi dinh moi r, lo ma ban xe di")
    assert result["top_category"] == "misinformation"
    claim = next(w for w in result["why"] if w.get("rule") == "misinformation.public_claim")
    assert "nghi dinh moi" in claim["quotes"]
