"""Vietnamese text normalisation: pure functions.

Contract used by other apps (keep these signatures stable):
- `nfc(text) -> str`
- `fold(text) -> str`: lower-cased, accent-folded copy for matching and search (`Quảng Bình` -> `quang binh`).
"""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case and strip diacritics; đ/Đ become d (they are letters, not accents, in Unicode)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped.replace("đ", "d"))
