"""Demo document settings for the demo province (Quảng Trị): headings, symbols and signers.

`load(stdout)` is idempotent; desk's `demo` command loads it (DEMO_APPS).
"""

from __future__ import annotations

from haidang.agencies.models import Agency

from .models import DocumentSettings

# short name → (agency line, symbol, signing authority, signer's title, signer's name). Names are invented.
DEMO = {
    "STTTT": ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Minh"),
    "CAT": ("CÔNG AN TỈNH QUẢNG TRỊ", "CAT", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Quốc Hưng"),
    "SYT": ("SỞ Y TẾ", "SYT", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Hoa"),
}
RECIPIENTS = {"STTTT": "UBND tỉnh (b/c);\nBộ Khoa học và Công nghệ (b/c);\nCác sở, ngành phối hợp;\nLưu: VT, TTBCXB."}


def load(stdout=None) -> dict:
    created = 0
    for short_name, (name, symbol, authority, title, signer) in DEMO.items():
        agency = Agency.objects.filter(short_name=short_name).first()
        if agency is None:
            continue
        parent = "" if short_name == "CAT" else "UBND TỈNH QUẢNG TRỊ"
        _obj, was_created = DocumentSettings.objects.get_or_create(agency=agency, defaults={
            "parent_name": parent, "agency_name": name, "symbol": symbol, "place": "Quảng Trị",
            "signer_authority": authority, "signer_title": title, "signer_name": signer,
            "recipients": RECIPIENTS.get(short_name, "Như trên;\nLưu: VT.")})
        created += was_created
    if stdout is not None:
        stdout.write(f"reports: {created} document settings")
    return {"document settings": created}
