"""The legal provisions Hải Đăng ships with. Admins edit the table afterwards.

Only instruments and articles we can cite with confidence are listed; where the article
number was not certain the whole instrument is cited. Check the consolidated text in force
before relying on any of them: these are pointers for officers, not legal advice.
"""

LEGAL_PROVISIONS = [
    # (code, instrument, article, title, summary, grounds_restriction)
    ("lanm-2018-d8", "Luật An ninh mạng 2018 (Luật số 24/2018/QH14)", "Điều 8",
     "Các hành vi bị nghiêm cấm về an ninh mạng",
     "Các hành vi bị nghiêm cấm trên không gian mạng.", True),
    ("lanm-2018-d16", "Luật An ninh mạng 2018 (Luật số 24/2018/QH14)", "Điều 16",
     "Phòng ngừa, xử lý thông tin trên không gian mạng có nội dung vi phạm",
     "Thông tin kích động gây bạo loạn; làm nhục, vu khống; xâm phạm trật tự quản lý kinh tế; "
     "bịa đặt, sai sự thật gây hoang mang trong Nhân dân.", True),
    ("lanm-2018-d26", "Luật An ninh mạng 2018 (Luật số 24/2018/QH14)", "Điều 26",
     "Bảo đảm an ninh thông tin trên không gian mạng",
     "Trách nhiệm của doanh nghiệp cung cấp dịch vụ, trong đó có gỡ bỏ thông tin vi phạm "
     "theo yêu cầu của cơ quan có thẩm quyền.", True),
    ("nd147-2024", "Nghị định 147/2024/NĐ-CP", "",
     "Quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng",
     "Quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng.", True),
    ("nd15-2020-d101", "Nghị định 15/2020/NĐ-CP (sửa đổi bởi Nghị định 14/2022/NĐ-CP)", "Điều 101",
     "Vi phạm quy định về trách nhiệm sử dụng dịch vụ mạng xã hội",
     "Xử phạt vi phạm hành chính: vi phạm trách nhiệm sử dụng mạng xã hội "
     "(ví dụ chia sẻ thông tin sai sự thật).", True),
    ("nd15-2020", "Nghị định 15/2020/NĐ-CP (sửa đổi bởi Nghị định 14/2022/NĐ-CP)", "",
     "Xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông, tần số vô tuyến điện, "
     "công nghệ thông tin và giao dịch điện tử",
     "Xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông, tần số vô tuyến điện, "
     "công nghệ thông tin và giao dịch điện tử.", True),
    ("nd13-2023", "Nghị định 13/2023/NĐ-CP", "",
     "Bảo vệ dữ liệu cá nhân",
     "Bảo vệ dữ liệu cá nhân.", True),
    ("blhs-2015-d174", "Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)", "Điều 174",
     "Tội lừa đảo chiếm đoạt tài sản",
     "Lừa đảo chiếm đoạt tài sản.", True),
    ("blhs-2015-d290", "Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)", "Điều 290",
     "Tội sử dụng mạng máy tính, mạng viễn thông, phương tiện điện tử thực hiện hành vi chiếm đoạt tài sản",
     "Dùng mạng máy tính, mạng viễn thông, phương tiện điện tử để chiếm đoạt tài sản.", True),
    ("lbc-2016", "Luật Báo chí 2016 (Luật số 103/2016/QH13)", "",
     "Cải chính, xin lỗi trên báo chí",
     "Kênh yêu cầu cải chính theo Luật Báo chí: biện pháp duy nhất đối với nội dung báo chí.", False),
    ("ltcct-2016", "Luật Tiếp cận thông tin 2016 (Luật số 104/2016/QH13)", "",
     "Tiếp cận thông tin",
     "Quyền tiếp cận thông tin của công dân: căn cứ để công bố, trả lời; không bao giờ để hạn chế.", False),
    ("lkn-2011", "Luật Khiếu nại 2011 (Luật số 02/2011/QH13)", "",
     "Khiếu nại",
     "Khiếu nại quyết định, hành vi hành chính: căn cứ để trả lời phản ánh, kiến nghị.", False),
]

PRESS_OUTLETS = [
    # (domain, name, agency short name)
    ("baoquangtri.vn", "Báo và Phát thanh, Truyền hình Quảng Trị", "BQT"),
]


def seed_legal_provisions(LegalProvision) -> int:
    """Create the missing provisions (by code); never overwrite an admin's edits."""
    created = 0
    for code, instrument, article, title, summary, grounds in LEGAL_PROVISIONS:
        _, was_created = LegalProvision.objects.get_or_create(
            code=code,
            defaults={"instrument": instrument, "article": article, "title": title, "summary": summary,
                      "grounds_restriction": grounds},
        )
        created += int(was_created)
    return created
