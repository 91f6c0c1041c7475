"""Masking personal data found in content (Decree 13/2023/NĐ-CP): on screen, in e-mails and in exports
it is shown masked unless an authorised officer reveals it; the stored evidence stays intact.

Masking keeps the length of the text (every hidden digit becomes "*"), so offsets that the analyser
found in the text (highlighted words, quoted spans) still point at the same characters.
"""

from __future__ import annotations

import re

from .normalize import clean, extract_entities

MASK = "*"
_ID_CUE = re.compile(r"(?:cccd|cmnd|căn cước|can cuoc|chứng minh|chung minh|định danh|dinh danh)\D{0,12}$",
                     re.IGNORECASE)
_NINE = re.compile(r"(?<!\d)\d{9}(?!\d)")
_HOUSE = re.compile(r"(?<!\w)(?:số nhà|so nha|nhà số|nha so|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)\s*(\d{1,4}[a-z]?"
                    r"(?:/\d{1,4})*)(?![\w\d])", re.IGNORECASE)


def _hide_digits(text: list[str], start: int, end: int, keep_head: int = 3, keep_tail: int = 2) -> None:
    positions = [i for i in range(start, end) if text[i].isdigit()]
    hidden = positions[keep_head:len(positions) - keep_tail] if len(positions) > keep_head + keep_tail else positions
    for i in hidden:
        text[i] = MASK


def mask_personal_data(value) -> str:
    """Phones, bank accounts, citizen and identity-card numbers, e-mail addresses and house numbers,
    masked: `0983 123 789` → `098* *** *89`. Length-preserving; never raises."""
    if value is None:
        return ""
    text = clean(value)
    if not any(ch.isdigit() or ch == "@" for ch in text):
        return text
    chars = list(text)
    entities = extract_entities(text)
    for kind in ("phones", "bank_accounts", "citizen_ids"):
        for e in entities.get(kind, ()):
            _hide_digits(chars, e["start"], e["end"])
    for m in _NINE.finditer(text):
        if _ID_CUE.search(text[max(0, m.start() - 30):m.start()]):
            _hide_digits(chars, m.start(), m.end())
    for m in _HOUSE.finditer(text):
        _hide_digits(chars, m.start(1), m.end(1), keep_head=0, keep_tail=0)
    for e in entities.get("emails", ()):
        local_end = text.find("@", e["start"], e["end"])
        for i in range(e["start"] + 1, local_end if local_end > 0 else e["start"]):
            chars[i] = MASK
    return "".join(chars)
