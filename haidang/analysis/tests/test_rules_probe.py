"""Patterns found by a probe written apart from the civic set (issue #12): look-alike government hosts,
money that multiplies, forged papers, weapons carried to a fight, a people called cunning, a home address
down to the neighbourhood, cures pinned on a named hospital, rumours from an "insider"."""

import pytest

from haidang.analysis.analyzer import analyze

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


@pytest.mark.parametrize("text, category", [
    # A tax refund at an address dressed as a government one ("vn-gov.info") speaks in the tax office's name.
    ("THÔNG BÁO: Quý khách được hoàn tiền thuế TNCN 2.350.000đ, nhấn vào link sau để nhận: thue-hoantien.vn-gov.info",
     "impersonation"),
    ("Chỉ với 1 triệu đồng, bạn sẽ nhận lại 5 triệu sau 3 ngày, hệ thống đã trả thưởng cho hàng nghìn người.", "scam"),
    ("Nhận làm lại bằng lái, bằng đại học, cam kết thật 100%, có hồ sơ gốc, đặt cọc 2 triệu qua số tài khoản.", "scam"),
    ("Ae mang dao kiếm sang xóm bên xử lý bọn nó, 9h tối nay gặp ở cầu Long Đại.", "incitement"),
    ("Dân miền ngoài toàn bọn lừa lọc, đừng bao giờ tin bọn đó.", "hate_harassment"),
    ("Danh sách học sinh kèm số điện thoại phụ huynh và địa chỉ nhà: Lê Văn An 0905111222 tổ 3 phường Bắc Lý.",
     "personal_data"),
    ("Uống nước chanh nóng mỗi sáng diệt được tế bào ung thư, đã được bệnh viện K xác nhận, truyền tay nhau.",
     "misinformation"),
    ("Thủy điện sẽ xả lũ lúc 2h sáng nay với lưu lượng cực lớn, cả thành phố sẽ ngập 3 mét, tin từ người làm ở "
     "nhà máy.", "misinformation"),
    ("Giao hàng tiết kiệm: đơn hàng COD 1.250.000đ chưa được thanh toán, quý khách vui lòng chuyển khoản vào stk "
     "0381 2294 5571 để nhận hàng.", "scam"),
    ("Em đang có suất nội bộ mua vàng giá rẻ hơn thị trường 2 triệu/chỉ, chuyển khoản trước em gửi hàng ngay, số "
     "lượng có hạn.", "scam"),
    ("Sắp có bão cấp 17 đổ bộ vào tỉnh ta tuần tới, mạnh nhất lịch sử, ai có điều kiện thì đi khỏi tỉnh ngay, đài "
     "không dám đưa tin.", "misinformation"),
    ("Nước giếng khu vực này nhiễm asen nặng, uống vào là ung thư, chính quyền biết mà giấu, đừng ai uống nữa.",
     "misinformation"),
    ("Cái loại đồng bào dân tộc thiểu số lười lao động, chỉ biết chờ trợ cấp, nuôi tốn cơm nhà nước.",
     "hate_harassment"),
])
def test_probe_harms_get_their_category(text, category):
    assert analyze(text)["top_category"] == category


@pytest.mark.parametrize("text", [
    "Trang dichvucong.gov.vn là cổng dịch vụ công quốc gia, bà con nộp hồ sơ trực tuyến tại đó.",
    "Người dân miền Trung bị bọn lừa lọc gọi điện giả danh công an, mọi người cảnh giác.",
    "Bọn lừa lọc này gọi cho mẹ tôi đòi chuyển tiền, may mà không mất đồng nào, ai gặp số lạ thì chặn.",
    "Bàn này làm bằng gỗ lim, bằng tay thợ làng nghề, giá 5 triệu.",
    "Bộ đội mang theo dao, cuốc, xẻng xuống giúp bà con dọn bùn sau lũ.",
    "Tổ 3 phường Bắc Lý sẽ cắt điện từ 7h đến 11h sáng mai để bảo dưỡng, liên hệ điện lực 0232 3822 123.",
    "Đừng ai chuyển tiền cho số 0912 345 678 nhé, nó tự xưng nhân viên ngân hàng đó, lừa đảo.",
    "Đài khí tượng: bão số 9 đạt cấp 12, giật cấp 15, người dân ven biển chủ động sơ tán theo hướng dẫn của tỉnh.",
    "Chương trình hỗ trợ đồng bào dân tộc thiểu số phát triển sinh kế đã giúp 300 hộ thoát nghèo.",
    "Gửi 1 triệu tiết kiệm 12 tháng, lãi suất ngân hàng năm nay chỉ khoảng 5%, sau 1 năm nhận lại chưa đến 1,05 triệu.",
])
def test_probe_lawful_posts_stay_clean(text):
    assert analyze(text)["top_category"] not in HARMFUL


def test_twelve_digits_after_stk_are_the_account_named_not_a_citizen_id():
    from haidang.text.normalize import extract_entities

    named = extract_entities("chuyển khoản vào stk 0381 2294 5571 để nhận hàng")
    assert [a["value"] for a in named["bank_accounts"]] == ["038122945571"] and named["citizen_ids"] == []
    card = extract_entities("CCCD 038122945571 của anh Tú")
    assert [c["value"] for c in card["citizen_ids"]] == ["038122945571"] and card["bank_accounts"] == []
