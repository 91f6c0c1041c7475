"""Spreadsheets: feed search results, alerts, cases, actions and grievances, as XLSX and CSV.

Rows come from the same restricted querysets as the screens (`Model.objects.restrict(user)`), so an
export never shows what its reader could not open. Headers and values are in Vietnamese; rows of a
confidential case carry the mark "MẬT" and the sheet says so at the top.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils import timezone, translation

from haidang.agencies import access
from haidang.alerts.models import Alert
from haidang.cases.choices import Confidentiality
from haidang.cases.models import Case, HandlingAction
from haidang.content.models import Item
from haidang.content.search import apply_search
from haidang.grievances.models import Grievance
from haidang.text.privacy import mask_personal_data

SECRET_MARK = "MẬT"
MAX_ROWS = 50_000  # an export is a working list, not a database dump


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    confidential_rows: int = 0

    @property
    def is_confidential(self) -> bool:
        return self.confidential_rows > 0


def _dt(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _d(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def feed_sheet(user, *, q: str = "", category: str = "") -> Sheet:
    items = Item.objects.restrict(user).select_related("source", "signals")
    if category:
        items = items.filter(signals__top_category=category)
    items = apply_search(items, q) if q else items.order_by("-fetched_at", "-id")
    sheet = Sheet("Tin bài", ["Mã", "Thời điểm thu thập", "Ngày đăng", "Nguồn", "Nền tảng", "Tiêu đề", "Đường dẫn",
                              "Nội dung (trích)", "Nhóm", "Mức ưu tiên", "Điểm rủi ro", "Báo chí"])
    # Personal data stays masked as on the feed, except for those handling it: the lead agency's working
    # roles (the feed also unmasks it for agencies an alert routes the story to; an export is stricter).
    reveal = user.is_superuser or access.is_lead_member(user, access.WORKING_ROLES)
    shown = (lambda text: text) if reveal else mask_personal_data
    for item in items[:MAX_ROWS]:
        signals = getattr(item, "signals", None)
        sheet.rows.append([
            item.pk, _dt(item.fetched_at), _dt(item.published_at), item.source.name, item.get_platform_display(),
            shown(item.title[:500]), item.url, shown(item.text[:300]), signals.get_top_category_display() if signals and signals.top_category else "",
            signals.get_priority_display() if signals else "", round(signals.risk, 3) if signals else "",
            "có" if item.is_press else "",
        ])
    return sheet


def alerts_sheet(user, *, status: str = "") -> Sheet:
    alerts = Alert.objects.restrict(user).select_related("agency").order_by("-created_at", "-id")
    if status:
        alerts = alerts.filter(status=status)
    sheet = Sheet("Cảnh báo", ["Mã", "Thời điểm", "Tiêu đề", "Loại", "Nhóm", "Mức ưu tiên", "Trạng thái",
                               "Cơ quan nhận", "Số tin, bài", "Xử lý lúc"])
    for a in alerts[:MAX_ROWS]:
        sheet.rows.append([a.pk, _dt(a.created_at), a.title, a.get_kind_display(),
                           a.get_category_display() if a.category else "", a.get_priority_display(),
                           a.get_status_display(), a.agency.name if a.agency else "", a.item_count, _dt(a.handled_at)])
    return sheet


def cases_sheet(user, *, state: str = "") -> Sheet:
    cases = Case.objects.restrict(user).select_related("lead_agency", "lead_officer").order_by("-created_at", "-id")
    if state:
        cases = cases.filter(state=state)
    sheet = Sheet("Vụ việc", ["Mã", "Độ mật", "Tiêu đề", "Nhóm", "Mức ưu tiên", "Trạng thái", "Cơ quan chủ trì",
                              "Cán bộ chủ trì", "Ngày mở", "Hạn xử lý", "Ngày đóng", "Kết quả"])
    for c in cases[:MAX_ROWS]:
        secret = c.confidentiality == Confidentiality.CONFIDENTIAL
        sheet.confidential_rows += secret
        officer = c.lead_officer.get_full_name() or c.lead_officer.username if c.lead_officer else ""
        sheet.rows.append([c.code, SECRET_MARK if secret else c.get_confidentiality_display(), c.title,
                           c.get_category_display(), c.get_priority_display(), c.get_state_display(),
                           c.lead_agency.name, officer, _dt(c.created_at), _dt(c.due_at), _dt(c.closed_at),
                           c.outcome or c.dismiss_reason])
    return sheet


def actions_sheet(user) -> Sheet:
    actions = (HandlingAction.objects.filter(case__in=Case.objects.restrict(user))
               .select_related("case", "owner_agency").prefetch_related("legal_basis").order_by("-created_at", "-id"))
    sheet = Sheet("Biện pháp xử lý", ["Vụ việc", "Độ mật", "Biện pháp", "Cơ quan thực hiện", "Trạng thái", "Thời hạn",
                                      "Hoàn thành lúc", "Căn cứ pháp lý", "Kết quả"])
    for a in actions[:MAX_ROWS]:
        secret = a.case.confidentiality == Confidentiality.CONFIDENTIAL
        sheet.confidential_rows += secret
        basis = "; ".join(f"{p.instrument} {p.article}".strip() for p in a.legal_basis.all())
        sheet.rows.append([a.case.code, SECRET_MARK if secret else "", a.get_kind_display(), a.owner_agency.name,
                           a.get_status_display(), _d(a.deadline), _dt(a.completed_at), basis, a.result])
    return sheet


def grievances_sheet(user, *, state: str = "") -> Sheet:
    grievances = Grievance.objects.restrict(user).select_related("agency").order_by("-received_at", "-id")
    if state:
        grievances = grievances.filter(state=state)
    sheet = Sheet("Phản ánh, kiến nghị", ["Mã", "Tiêu đề", "Tiếp nhận qua", "Địa bàn", "Cơ quan trả lời",
                                          "Trạng thái", "Tiếp nhận lúc", "Hạn trả lời", "Trả lời lúc", "Đúng hạn",
                                          "Số lượt phản ánh"])
    for g in grievances[:MAX_ROWS]:
        on_time = "" if not g.answered_at else ("có" if g.answered_at <= g.due_at else "không")
        sheet.rows.append([g.code, g.title, g.get_origin_display(), g.place_name, g.agency.name,
                           g.get_state_display(), _dt(g.received_at), _dt(g.due_at), _dt(g.answered_at), on_time,
                           g.voice_count])
    return sheet


DATASETS = {
    "feed": feed_sheet,
    "alerts": alerts_sheet,
    "cases": cases_sheet,
    "actions": actions_sheet,
    "grievances": grievances_sheet,
}
DATASET_NAMES = {"feed": "Kết quả tìm kiếm tin bài", "alerts": "Cảnh báo", "cases": "Vụ việc",
                 "actions": "Biện pháp xử lý", "grievances": "Phản ánh, kiến nghị"}


def build_sheet(dataset: str, user, **filters) -> Sheet:
    with translation.override("vi"):
        return DATASETS[dataset](user, **filters)


def _banner(sheet: Sheet) -> str:
    return (f"{SECRET_MARK} — có {sheet.confidential_rows} dòng thuộc vụ việc mật; chỉ dùng trong phạm vi được giao"
            if sheet.is_confidential else "")


def to_csv(sheet: Sheet) -> bytes:
    """UTF-8 with a BOM, so that Excel on Windows reads the accents."""
    out = io.StringIO()
    writer = csv.writer(out)
    if sheet.is_confidential:
        writer.writerow([_banner(sheet)])
    writer.writerow(sheet.headers)
    writer.writerows(sheet.rows)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(sheet: Sheet) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = sheet.title[:31]
    if sheet.is_confidential:
        ws.append([_banner(sheet)])
        ws["A1"].font = Font(bold=True, color="C00000")
    ws.append(sheet.headers)
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in sheet.rows:
        ws.append(row)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    for i, header in enumerate(sheet.headers, start=1):
        ws.column_dimensions[ws.cell(row=header_row, column=i).column_letter].width = min(60, max(10, len(header) + 4))
    wb.properties.creator = "Hải Đăng"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
