"""Patterns found by a probe written apart from the civic set (issue #12): look-alike government hosts,
money that multiplies, forged papers, weapons carried to a fight, a people called cunning, a home address
down to the neighbourhood, cures pinned on a named hospital, rumours from an "insider"."""

import pytest

from haidang.analysis.analyzer import analyze

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


@pytest.mark.parametrize("text, category", [
    ("THÔNG BÁO: Quý khách được hoàn tiền thuế TNCN 2.350.000đ, nhấn vào link sau để nhận: thue-hoantien.vn-gov.info",
     "scam"),
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
    "Gửi 1 triệu tiết kiệm 12 tháng, lãi suất ngân hàng năm nay chỉ khoảng 5%, sau 1 năm nhận lại chưa đến 1,05 triệu.",
])
def test_probe_lawful_posts_stay_clean(text):
    assert analyze(text)["top_category"] not in HARMFUL
