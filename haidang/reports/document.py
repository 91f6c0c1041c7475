"""One official document, in the shape Decree 30/2020/NĐ-CP gives it, independent of the file format.

Every document Hải Đăng produces (periodic report, minutes, request for opinions, summary of answers,
case conclusion, correction or removal request) is built as an `OfficialDocument`; `docx.py` and
`pdf.py` render the same object, so the Word file and the PDF cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False
    indent: bool = True  # first-line indent of body text


@dataclass
class Section:
    """A section title of the body (bold, e.g. "I. KẾT QUẢ ...")."""

    text: str


@dataclass
class Table:
    headers: list[str]
    rows: list[list]
    caption: str = ""


@dataclass
class Image:
    png: bytes
    caption: str = ""
    width_mm: float = 150


Block = Paragraph | Section | Table | Image


@dataclass
class OfficialDocument:
    parent_name: str  # e.g. "UBND TỈNH QUẢNG TRỊ"
    agency_name: str  # e.g. "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    type_code: str  # the document type's abbreviation in the number: BC, BB, CV, KL
    symbol: str  # the agency's symbol: STTTT
    place: str
    date: dt.date
    type_name: str  # "BÁO CÁO", "BIÊN BẢN"; empty for a công văn (its summary sits under the number)
    summary: str  # trích yếu
    blocks: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    number: str = ""  # blank: left for the registry ("Số:      /BC-STTTT")
    addressee: str = ""  # "Kính gửi: ..." for letters
    confidential: bool = False  # the "MẬT" mark

    @property
    def number_line(self) -> str:
        number = self.number or "\u00a0" * 6
        # A công văn has no type abbreviation: "Số: …/STTTT".
        return f"Số: {number}/{self.type_code}-{self.symbol}" if self.type_code else f"Số: {number}/{self.symbol}"

    @property
    def place_date_line(self) -> str:
        # Decree 30: days below 10 and months below 3 take a leading zero.
        d = self.date
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"{self.place}, ngày {d.day:02d} tháng {month} năm {d.year}"

    @property
    def is_letter(self) -> bool:
        return not self.type_name

    def signature_lines(self) -> list[str]:
        return [line for line in (self.signer_authority, self.signer_title) if line]


def from_settings(settings, **kwargs) -> OfficialDocument:
    """A document headed and signed with an agency's `DocumentSettings`."""
    values = dict(parent_name=settings.parent_name, agency_name=settings.agency_name, symbol=settings.symbol,
                  place=settings.place, signer_authority=settings.signer_authority,
                  signer_title=settings.signer_title, signer_name=settings.signer_name,
                  recipients=settings.recipient_lines())
    values.update(kwargs)
    return OfficialDocument(**values)
