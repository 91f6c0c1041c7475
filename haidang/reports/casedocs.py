"""The case documents in the Decree 30 format: meeting minutes, the written request for opinions, the
consolidated summary of answers, the case conclusion and the correction or removal request.

Each builder takes an object the caller already fetched through the owning app's `access_*` query
(so access is decided there) and returns an `OfficialDocument` headed by the lead agency's settings.
"""

from __future__ import annotations

from django.utils import timezone, translation

from haidang.cases.choices import ActionKind
from haidang.coordination.queries import tally

from .document import OfficialDocument, Paragraph, Section, Table, from_settings
from .models import DocumentSettings


def _dt(value) -> str:
    return timezone.localtime(value).strftime("%H giờ %M, ngày %d/%m/%Y") if value else ""


def _d(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _lines(text: str, **kw) -> list[Paragraph]:
    return [Paragraph(line.strip(), **kw) for line in (text or "").splitlines() if line.strip()]


def _doc(case, **kwargs) -> OfficialDocument:
    settings = DocumentSettings.for_agency(case.lead_agency)
    kwargs.setdefault("date", timezone.localdate())
    return from_settings(settings, confidential=case.is_confidential, **kwargs)


def _basis(provisions) -> str:
    return "; ".join(str(p) for p in provisions) or "không viện dẫn"


def meeting_minutes(meeting) -> OfficialDocument:
    case = meeting.case
    invitations = list(meeting.invitations.select_related("agency"))
    present = [i for i in invitations if i.attended]
    absent = [i for i in invitations if i.attended is False]
    blocks = [
        Paragraph(f"Thời gian: bắt đầu lúc {_dt(meeting.starts_at)}, kết thúc lúc {_dt(meeting.ends_at)}."),
        Paragraph(f"Địa điểm: {meeting.place or '…'}."),
        Paragraph(f"Nội dung: {meeting.title} (vụ việc {case.code}: {case.title})."),
        Section("I. THÀNH PHẦN THAM DỰ"),
        Table(["STT", "Cơ quan", "Người đại diện"],
              [[i, inv.agency.name, inv.representatives or "—"] for i, inv in enumerate(present, start=1)]
              or [["—", "(chưa ghi nhận thành phần)", ""]]),
    ]
    if absent:
        blocks.append(Paragraph("Vắng mặt: " + "; ".join(inv.agency.name for inv in absent) + "."))
    blocks += [Section("II. NỘI DUNG CUỘC HỌP"), *(_lines(meeting.agenda) or [Paragraph("…")]),
               *_lines(meeting.minutes),
               Section("III. KẾT LUẬN"), *(_lines(meeting.conclusions) or [Paragraph("…")]),
               Paragraph(f"Cuộc họp kết thúc lúc {_dt(meeting.ends_at)}. Biên bản được lập và thông qua tại cuộc họp.",
                         italic=True)]
    return _doc(case, type_code="BB", type_name="BIÊN BẢN", summary=f"Cuộc họp {meeting.title}",
                date=timezone.localtime(meeting.starts_at).date(), blocks=blocks,
                signer_authority="CHỦ TRÌ CUỘC HỌP", signer_title="", signer_name=_person(meeting.concluded_by),
                recipients=["Các cơ quan dự họp;", "Lưu: VT, hồ sơ vụ việc."])


def request_for_opinions(consultation) -> OfficialDocument:
    case = consultation.case
    agencies = [inv.agency.name for inv in consultation.invitations.select_related("agency")]
    blocks = [
        Paragraph(f"{DocumentSettings.for_agency(case.lead_agency).agency_name.capitalize()} đang chủ trì xử lý vụ việc "
                  f"{case.code}: {case.title}. Để có cơ sở xử lý theo Quy chế phối hợp, đề nghị Quý cơ quan "
                  f"cho ý kiến về các nội dung sau:"),
        *_lines(case.summary),
    ]
    for number, (label, text) in enumerate([("Về kết quả kiểm chứng, xác minh", consultation.question_verification),
                                            ("Về thẩm định, căn cứ pháp lý", consultation.question_appraisal),
                                            ("Về phương án xử lý đề xuất", consultation.question_handling)], start=1):
        if text:
            blocks += [Paragraph(f"{number}. {label}:", bold=True), *_lines(text)]
    blocks.append(Paragraph(f"Ý kiến của Quý cơ quan xin gửi trên hệ thống Hải Đăng trước {_dt(consultation.deadline)}. "
                            f"Quá thời hạn trên, nếu không có ý kiến, được hiểu là thống nhất với nội dung đề xuất."))
    return _doc(case, type_code="", type_name="", summary=f"lấy ý kiến xử lý vụ việc {case.code}",
                addressee="; ".join(agencies) or "…", blocks=blocks,
                recipients=["Như trên;", "Lưu: VT, hồ sơ vụ việc."])


def summary_of_answers(consultation) -> OfficialDocument:
    case = consultation.case
    with translation.override("vi"):
        t = tally(consultation)
        rows, i = [], 0
        for key in ("agree", "disagree", "other"):
            for answer in t[key]:
                i += 1
                rows.append([i, answer.agency.name, answer.get_position_display(), answer.text,
                             f"{_person(answer.signed_by)}, {timezone.localtime(answer.signed_at):%d/%m/%Y}"])
        for row in t["missing"]:
            i += 1
            rows.append([i, row["agency"].name, "chưa có ý kiến" + (" (quá hạn)" if row["overdue"] else ""), "", ""])
    c = t["counts"]
    blocks = [
        Paragraph(f"Thực hiện việc lấy ý kiến bằng văn bản về vụ việc {case.code}: {case.title}, đã gửi {c['invited']} "
                  f"cơ quan; kết quả: {c['agree']} thống nhất, {c['disagree']} không thống nhất, {c['other']} ý kiến "
                  f"khác, {c['missing']} chưa có ý kiến."),
        Table(["STT", "Cơ quan", "Ý kiến", "Nội dung", "Người ký, ngày"], rows,
              caption="Bảng tổng hợp ý kiến của các cơ quan"),
    ]
    if consultation.conclusion:
        blocks += [Section("KẾT LUẬN"), *_lines(consultation.conclusion)]
    return _doc(case, type_code="BC", type_name="BÁO CÁO",
                summary=f"Tổng hợp ý kiến các cơ quan về vụ việc {case.code}", blocks=blocks,
                recipients=["Lãnh đạo cơ quan (b/c);", "Các cơ quan được lấy ý kiến;", "Lưu: VT, hồ sơ vụ việc."])


def case_conclusion(case) -> OfficialDocument:
    with translation.override("vi"):
        blocks = [Section("I. NỘI DUNG VỤ VIỆC"), Paragraph(f"{case.code}: {case.title}."), *_lines(case.summary),
                  Paragraph(f"Nhóm: {case.get_category_display()}; mức ưu tiên: {case.get_priority_display()}; "
                            f"ngày mở: {_d(timezone.localtime(case.created_at).date())}.")]
        v = case.current_verification()
        blocks.append(Section("II. KẾT QUẢ KIỂM CHỨNG, XÁC MINH"))
        blocks += ([Paragraph(f"Kết luận: {v.get_verdict_display()}."), *_lines(v.findings)] if v
                   else [Paragraph("Chưa ghi nhận kết quả xác minh.", italic=True)])
        a = case.current_appraisal()
        blocks.append(Section("III. THẨM ĐỊNH"))
        if a:
            blocks += [Paragraph(f"Tính chất: {a.get_expression_type_display()}; mức độ: {a.get_severity_display()}."),
                       Paragraph(f"Căn cứ pháp lý: {_basis(a.legal_basis.all())}."), *_lines(a.reasoning)]
        else:
            blocks.append(Paragraph("Chưa thẩm định.", italic=True))
        plan = case.current_plan()
        blocks.append(Section("IV. PHƯƠNG ÁN VÀ KẾT QUẢ XỬ LÝ"))
        if plan:
            approved = f", phê duyệt bởi {_person(plan.approved_by)} ngày {_d(plan.approved_at)}" if plan.approved_at else ""
            blocks.append(Paragraph(f"Phương án: {plan.get_status_display()}{approved}."))
            blocks += _lines(plan.summary)
            blocks.append(Table(["STT", "Biện pháp", "Cơ quan thực hiện", "Trạng thái", "Kết quả"],
                                [[i, act.get_kind_display(), act.owner_agency.name, act.get_status_display(),
                                  act.result or ""] for i, act in
                                 enumerate(plan.actions.select_related("owner_agency"), start=1)] or [["—", "", "", "", ""]]))
        else:
            blocks.append(Paragraph("Chưa có phương án xử lý.", italic=True))
        blocks += [Section("V. KẾT LUẬN"),
                   *(_lines(case.outcome or case.dismiss_reason) or [Paragraph("Vụ việc đang xử lý.", italic=True)])]
    return _doc(case, type_code="KL", type_name="KẾT LUẬN", summary=f"Về việc xử lý vụ việc {case.code}",
                blocks=blocks, recipients=["UBND tỉnh (b/c);", "Các cơ quan phối hợp;", "Lưu: VT, hồ sơ vụ việc."])


def correction_or_removal_request(action) -> OfficialDocument:
    case = action.case
    removal = action.kind == ActionKind.REQUEST_REMOVAL
    what = "gỡ bỏ thông tin vi phạm pháp luật" if removal else "cải chính thông tin"
    blocks = [
        Paragraph(f"Qua công tác theo dõi, {DocumentSettings.for_agency(case.lead_agency).agency_name.capitalize()} "
                  f"phát hiện nội dung tại địa chỉ: {action.target_url or '…'}."),
        *_lines(action.description),
        Paragraph("Lý do: " + (action.reasons or "…")),
        Paragraph(f"Căn cứ: {_basis(action.legal_basis.all())}."),
        Paragraph(f"Đề nghị Quý cơ quan {what} nêu trên" + (" theo quy định của pháp luật về báo chí" if not removal else "")
                  + (f" trước ngày {_d(action.deadline)}" if action.deadline else "")
                  + " và thông báo kết quả cho cơ quan chúng tôi."),
    ]
    return _doc(case, type_code="", type_name="", summary=f"đề nghị {what}", addressee=action.channel or "…",
                blocks=blocks, recipients=["Như trên;", "Lưu: VT, hồ sơ vụ việc " + case.code + "."])
