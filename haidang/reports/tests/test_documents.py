"""The Decree 30 documents: the DOCX read back with python-docx, the PDF's text with pdftotext."""

import io
import shutil
import subprocess

import pytest
from docx import Document
from docx.shared import Mm, Pt

from haidang.reports import actions, casedocs
from haidang.reports.docx import render_docx
from haidang.reports.models import DocumentSettings, PeriodicReport
from haidang.reports.pdf import render_pdf
from haidang.reports.periodic import SUMMARY


def _settings(p):
    return DocumentSettings.objects.create(
        agency=p.lead, parent_name="UBND TỈNH QUẢNG TRỊ", agency_name="SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        symbol="STTTT", place="Quảng Trị", signer_authority="KT. GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Nguyễn Văn Thử", recipients="UBND tỉnh (b/c);\nLưu: VT, TTBCXB.")


def _report(p, period, assessment="Tình hình cơ bản ổn định.\nĐề xuất tăng cường phối hợp với nền tảng."):
    return actions.do_save_periodic_report(acting_user=p.alice, date_from=period[0], date_to=period[1],
                                           period_kind="month", assessment=assessment)


def _all_text(doc) -> str:
    parts = [para.text for para in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def _is_italic(doc, text) -> bool:
    for table in doc.tables:
        for cell in table._cells:
            for para in cell.paragraphs:
                if text in para.text:
                    return all(run.italic for run in para.runs if run.text.strip())
    return False


@pytest.mark.django_db
def test_periodic_docx_has_the_decree_30_page_font_heading_and_signature(dataset, period):
    p = dataset.p
    _settings(p)
    report = _report(p, period)
    filename, data = actions.render_periodic(report, "docx")
    assert filename.endswith(".docx")
    doc = Document(io.BytesIO(data))

    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    def within(value, low, high):  # Word stores twips: 15 mm reads back as 14.99 mm
        return Mm(low - 0.1) <= value <= Mm(high + 0.1)

    assert within(section.top_margin, 20, 25) and within(section.bottom_margin, 20, 25)
    assert within(section.left_margin, 30, 35) and within(section.right_margin, 15, 20)
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and Pt(13) <= normal.font.size <= Pt(14)

    text = _all_text(doc)
    for expected in ("UBND TỈNH QUẢNG TRỊ", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "/BC-STTTT", "BÁO CÁO", SUMMARY, "Nơi nhận:",
                     "UBND tỉnh (b/c);", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thử",
                     "Đề xuất tăng cường phối hợp với nền tảng."):
        assert expected in text, expected
    assert "Số:" in text and "Quảng Trị, ngày" in text
    assert _is_italic(doc, "Quảng Trị, ngày")
    # The audit chain's head is printed, so a paper copy anchors the log (#18 item 15).
    from haidang.audit.queries import head
    chain = head()
    assert f"mã băm {chain['last_hash']}" in text and f"{chain['count']} mục" in text
    # The figures and the charts are in it: the table of harmful items by category, two pictures.
    assert "Giả danh" not in text  # figures only, never an item's text
    assert len(doc.inline_shapes) == 2
    report.refresh_from_db()
    assert report.figures["harmful"]["total"] == 5


@pytest.mark.django_db
def test_heading_and_signer_come_from_the_data(personas, period):
    p = personas
    DocumentSettings.objects.create(agency=p.lead, parent_name="UBND TỈNH KHÁC", agency_name="SỞ KHOA HỌC VÀ CÔNG NGHỆ",
                                    symbol="SKHCN", place="Đông Hà", signer_authority="", signer_title="GIÁM ĐỐC",
                                    signer_name="Trần Thị Ký")
    doc = Document(io.BytesIO(actions.render_periodic(_report(p, period, ""), "docx")[1]))
    text = _all_text(doc)
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text and "/BC-SKHCN" in text and "Đông Hà, ngày" in text
    assert "Trần Thị Ký" in text and "KT. GIÁM ĐỐC" not in text and "STTTT" not in text


def _pdftotext(data: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return " ".join(text.split())  # a heading line may wrap in its column


@pytest.mark.django_db
def test_periodic_pdf_text_holds_the_heading(dataset, period):
    """One WeasyPrint run for the periodic report (the slow part), every check on its text."""
    p = dataset.p
    _settings(p)
    filename, data = actions.render_periodic(_report(p, period), "pdf")
    assert data.startswith(b"%PDF") and filename.endswith(".pdf")
    text = _pdftotext(data)
    for expected in ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "BÁO CÁO", "/BC-STTTT", "Nơi nhận:", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thử"):
        assert expected in text, expected
    assert "Quảng Trị, ngày" in text


@pytest.mark.django_db
def test_case_documents_render_in_the_same_format(dataset):
    d = dataset
    _settings(d.p)
    conclusion = casedocs.case_conclusion(d.closed_case)
    text = _all_text(Document(io.BytesIO(render_docx(conclusion))))
    assert "KẾT LUẬN" in text and d.closed_case.code in text and "/KL-STTTT" in text
    assert "Trang giả mạo đã bị gỡ" in text and "Luật An ninh mạng" in text  # outcome and legal basis

    request = casedocs.correction_or_removal_request(d.open_case.actions.get(kind="request_correction"))
    text = _all_text(Document(io.BytesIO(render_docx(request))))
    assert "V/v đề nghị cải chính thông tin" in text and "Kính gửi: Tòa soạn báo Ví Dụ" in text
    assert "Số:" in text and "/STTTT" in text

    secret = casedocs.case_conclusion(d.secret_case)
    pdf_text = _pdftotext(render_pdf(secret))
    assert "MẬT" in pdf_text and "KẾT LUẬN" in pdf_text


@pytest.mark.django_db
def test_saving_the_assessment_is_audited_and_kept(personas, period):
    from haidang.audit.models import AuditEntry

    report = _report(personas, period, "Nhận xét.")
    assert PeriodicReport.objects.get(pk=report.pk).assessment == "Nhận xét."
    assert AuditEntry.objects.filter(action="report.periodic.save", object_id=str(report.pk)).exists()
