"""The periodic report (báo cáo định kỳ) as an `OfficialDocument`: tables, charts and the assessment."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from haidang.audit import queries as audit_queries

from . import charts
from .document import Image, OfficialDocument, Paragraph, Section, Table, from_settings
from .models import DocumentSettings, PeriodicReport

TITLE = "BÁO CÁO"
SUMMARY = "Kết quả công tác theo dõi, phát hiện, xử lý thông tin xấu, độc trên không gian mạng"
PERIOD_NAMES = {"week": "tuần", "month": "tháng", "quarter": "quý", "range": "kỳ"}


def _vn(d) -> str:
    return d.strftime("%d/%m/%Y")


def _rows(labelled: list[list]) -> list[list]:
    return [[i, label, count] for i, (_key, label, count) in enumerate(labelled, start=1)]


def _request_row(label: str, r: dict) -> list:
    return [label, r["made"], r["done"], r["failed"], r["pending"], r["cancelled"]]


def _period_label(report: PeriodicReport, span: str) -> str:
    """"tháng 11/2026" for a whole calendar month, "quý IV/2026" for a whole quarter, else the dates."""
    d_from, d_to = report.date_from, report.date_to
    next_day = d_to + dt.timedelta(days=1)
    if d_from.day == 1 and next_day.day == 1 and (next_day.month - d_from.month) % 12 == 1:
        return f"tháng {d_from.month}/{d_from.year}"
    if d_from.day == 1 and next_day.day == 1 and d_from.month % 3 == 1 and (next_day.month - d_from.month) % 12 == 3:
        return f"quý {'I II III IV'.split()[d_from.month // 3]}/{d_from.year}"
    return span


def _rate(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def build_periodic(report: PeriodicReport, figures: dict | None = None, *, with_charts: bool = True,
                   settings: DocumentSettings | None = None) -> OfficialDocument:
    f = figures if figures is not None else report.figures
    settings = settings or DocumentSettings.for_agency(report.agency)
    period = PERIOD_NAMES.get(report.period_kind, "kỳ")
    span = f"từ ngày {_vn(report.date_from)} đến ngày {_vn(report.date_to)}"
    blocks: list = [
        Paragraph(f"Thực hiện Quy chế phối hợp theo dõi, phát hiện, xử lý thông tin xấu, độc trên không gian mạng "
                  f"của tỉnh, {report.agency.name} "
                  f"báo cáo kết quả công tác {period} ({span}) như sau:"),
        Section("I. KẾT QUẢ THEO DÕI, PHÁT HIỆN"),
        Paragraph(f"1. Tổng số tin, bài thu thập: {f['items']['total']}; trong đó có {f['harmful']['total']} tin, "
                  f"bài có dấu hiệu thông tin xấu, độc."),
        Table(["STT", "Loại nguồn", "Số tin, bài"], _rows(f["items"]["by_source_kind"]),
              caption="Bảng 1. Tin, bài thu thập theo loại nguồn"),
        Table(["STT", "Nhóm thông tin xấu, độc", "Số tin, bài"], _rows(f["harmful"]["by_category"]),
              caption="Bảng 2. Thông tin xấu, độc theo nhóm"),
    ]
    if with_charts:
        blocks.append(Image(charts.bar_chart([(label, n) for _k, label, n in f["harmful"]["by_category"]]),
                            caption="Biểu đồ 1. Thông tin xấu, độc theo nhóm"))
    places = f["harmful"]["by_place"][:15]
    if places:
        blocks.append(Table(["STT", "Địa bàn", "Số tin, bài"], _rows(places),
                            caption="Bảng 3. Thông tin xấu, độc theo địa bàn"))
    blocks += [
        Paragraph(f"2. Cảnh báo: phát sinh {f['alerts']['raised']}, đã xử lý {f['alerts']['handled']}, "
                  f"còn mở {f['alerts']['open']}. Tiếp nhận {f['reports']['received']} thông báo, phản ánh "
                  f"về thông tin xấu, độc."),
        Section("II. KẾT QUẢ XỬ LÝ"),
        Paragraph(f"1. Vụ việc: mở mới {f['cases']['opened']}, đã kết thúc {f['cases']['closed']}, "
                  f"bác bỏ {f['cases']['dismissed']}."),
        Table(["STT", "Kết quả", "Số vụ việc"], _rows(f["cases"]["by_outcome"]),
              caption="Bảng 4. Vụ việc kết thúc theo kết quả"),
        Table(["STT", "Hình thức phối hợp", "Số vụ việc"], _rows(f["cases"]["by_mode"]),
              caption="Bảng 5. Vụ việc theo hình thức phối hợp"),
        Paragraph(f"2. Biện pháp xử lý đã đề xuất: {f['actions']['total']}."),
        Table(["STT", "Biện pháp", "Số lượng"], _rows(f["actions"]["by_kind"]),
              caption="Bảng 6. Biện pháp xử lý theo loại"),
    ]
    if with_charts:
        blocks.append(Image(charts.bar_chart([(label, n) for _k, label, n in f["actions"]["by_kind"] if n]
                                             or [("—", 0)], color="#7f6000"),
                            caption="Biểu đồ 2. Biện pháp xử lý theo loại"))
    req = f["requests"]
    blocks += [
        Table(["Loại yêu cầu", "Đã gửi", "Đạt", "Không đạt", "Đang xử lý", "Hủy/đảo ngược"],
              [_request_row("Yêu cầu gỡ bỏ", req["request_removal"]),
               _request_row("Yêu cầu cải chính", req["request_correction"])],
              caption="Bảng 7. Yêu cầu gỡ bỏ, cải chính và kết quả"),
        Paragraph(f"3. Phản ánh, kiến nghị: tiếp nhận {f['grievances']['received']}, đã trả lời "
                  f"{f['grievances']['answered']}, trong đó đúng hạn {f['grievances']['on_time']} "
                  f"({_rate(f['grievances']['on_time'], f['grievances']['answered'])})."),
        Paragraph(f"4. Khiếu nại quyết định: tiếp nhận {f['appeals']['received']}, giữ nguyên "
                  f"{f['appeals']['upheld']}, hủy bỏ {f['appeals']['reversed']}; số quyết định bị đảo ngược: "
                  f"{f['reversals']}."),
        Paragraph(f"5. Thời hạn: {f['deadlines']['actions_met']}/{f['deadlines']['actions_due']} biện pháp "
                  f"và {f['deadlines']['cases_met']}/{f['deadlines']['cases_due']} vụ việc đến hạn trong kỳ "
                  f"hoàn thành đúng hạn."),
        Section("III. ĐÁNH GIÁ VÀ ĐỀ XUẤT, KIẾN NGHỊ"),
    ]
    assessment = [line.strip() for line in (report.assessment or "").splitlines() if line.strip()]
    blocks += [Paragraph(line) for line in assessment] or [Paragraph("(Chưa có đánh giá.)", italic=True)]
    # The audit chain's head on paper: a printed copy anchors the log against later deletion of its tail
    # (`haidang audit verify` recomputes the chain; see docs/operations.md).
    chain = audit_queries.head()
    blocks.append(Paragraph(f"Nhật ký kiểm toán tại thời điểm lập báo cáo: {chain['count']} mục; mục cuối "
                            f"#{chain['last_id'] or 0}, mã băm {chain['last_hash'] or '—'}.", italic=True))
    return from_settings(
        settings, type_code="BC", type_name=TITLE, summary=f"{SUMMARY} ({_period_label(report, span)})", date=timezone.localdate(), number=report.number, blocks=blocks,
        recipients=settings.recipient_lines() or ["UBND tỉnh (b/c);", "Lưu: VT."],
    )
