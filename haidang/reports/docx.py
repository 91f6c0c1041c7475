"""DOCX rendering of an `OfficialDocument` with python-docx, from the template kept in the repo.

The template (`doctemplates/decree30.docx`, rebuilt by `build_template()`) holds what Decree 30/2020/NĐ-CP
fixes for every document: A4 portrait, margins 20/20/30/15 mm (top/bottom/left/right), Times New Roman
14 pt body. Word on an office PC has Times New Roman; LibreOffice without it substitutes the
metric-compatible Liberation Serif, so the line breaks stay where they were.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .document import NATIONAL_MOTTO, NATIONAL_NAME, Image, OfficialDocument, Paragraph, Section, Table

TEMPLATE = Path(__file__).with_name("doctemplates") / "decree30.docx"
FONT = "Times New Roman"
BODY_PT = 14
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}


def _set_font(style_or_run, name: str = FONT) -> None:
    style_or_run.font.name = name
    # python-docx sets only the ASCII slot; Vietnamese letters fall in hAnsi/cs, East Asian in eastAsia.
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def build_template(path: Path = TEMPLATE) -> Path:
    """Write the template: page setup and the Normal style. Run once after changing the layout."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    normal = doc.styles["Normal"]
    _set_font(normal)
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    doc.core_properties.title = "Mẫu văn bản hành chính (Nghị định 30/2020/NĐ-CP)"
    doc.core_properties.author = "Hải Đăng"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def _rule(paragraph, width_mm: float, cell_width_mm: float) -> None:
    """A short horizontal rule under a heading line: a bottom border on an indented empty paragraph."""
    indent = max(0.0, (cell_width_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(indent)
    paragraph.paragraph_format.right_indent = Mm(indent)
    paragraph.paragraph_format.space_after = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    run = paragraph.add_run()
    run.font.size = Pt(2)


def _line(cell_or_doc, text: str, *, size: float = 13, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER,
          first=False, space_after: float = 0):
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    paragraph.paragraph_format.first_line_indent = None
    run = paragraph.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    return paragraph


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _heading(doc, d: OfficialDocument) -> None:
    left_mm, right_mm = 68, 97  # of the 165 mm text width: agency left, national name right
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(left_mm), Mm(right_mm)
    if d.parent_name:
        _line(left, d.parent_name, first=True)
        _line(left, d.agency_name, bold=True)
    else:
        _line(left, d.agency_name, bold=True, first=True)
    _rule(left.add_paragraph(), 25, left_mm)
    _line(left, d.number_line, space_after=0)
    if d.is_letter:
        _line(left, f"V/v {d.summary}", size=12)
    _line(right, NATIONAL_NAME, size=12.5, bold=True, first=True)
    _line(right, NATIONAL_MOTTO, size=13.5, bold=True)
    _rule(right.add_paragraph(), 58, right_mm)
    _line(right, d.place_date_line, italic=True)


def _body_paragraph(doc, block: Paragraph) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if block.indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    run = paragraph.add_run(block.text)
    run.bold, run.italic = block.bold, block.italic


def _table(doc, block: Table) -> None:
    if block.caption:
        _line(doc, block.caption, size=13, bold=True, space_after=3)
    table = doc.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = cell.paragraphs[0].add_run(str(text))
        run.bold, run.font.size = True, Pt(12)
    for row in block.rows:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, row, strict=True)):
            numeric = isinstance(value, int | float)
            # The first column is the STT (ordinal): centred; other numbers right, text left.
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER if i == 0 else (
                WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT)
            cell.paragraphs[0].paragraph_format.first_line_indent = None
            run = cell.paragraphs[0].add_run(f"{value:n}" if isinstance(value, float) else str(value))
            run.font.size = Pt(12)
    doc.add_paragraph()


def _image(doc, block: Image) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(io.BytesIO(block.png), width=Mm(block.width_mm))
    if block.caption:
        _line(doc, block.caption, size=12, italic=True, space_after=6)


def _closing(doc, d: OfficialDocument) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    _line(left, "Nơi nhận:", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    for recipient in d.recipients:
        _line(left, f"- {recipient}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    lines = d.signature_lines()
    _line(right, lines[0] if lines else "", bold=True, size=14, first=True)
    for line in lines[1:]:
        _line(right, line, bold=True, size=14)
    for _ in range(3):  # room for the signature and the seal
        _line(right, "")
    _line(right, d.signer_name, bold=True, size=14)


def render_docx(d: OfficialDocument) -> bytes:
    doc = Document(str(TEMPLATE))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if d.confidential:
        _line(doc, "MẬT", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.RIGHT, first=False)
    _heading(doc, d)
    if not d.is_letter:
        _line(doc, "")
        _line(doc, d.type_name, bold=True, size=14)
        _line(doc, d.summary, bold=True, size=14, space_after=12)
    else:
        _line(doc, "")
    if d.addressee:
        _line(doc, f"Kính gửi: {d.addressee}", size=14, space_after=12)
    for block in d.blocks:
        if isinstance(block, Section):
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(6)
            paragraph.add_run(block.text).bold = True
        elif isinstance(block, Paragraph):
            _body_paragraph(doc, block)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Image):
            _image(doc, block)
    _line(doc, "")
    _closing(doc, d)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
