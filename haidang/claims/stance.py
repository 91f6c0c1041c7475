"""Does a post repeat a known claim, or quote it to refute it? Pure functions, no database.

A debunk ("Tin đồn uống nước lá đu đủ chữa khỏi sốt xuất huyết là sai sự thật", "Sở Y tế khẳng định không
có ca tử vong nào", "Công an tỉnh đã bác bỏ…") shares the claim's words, so matching finds it; but it is not
a spread of the claim. Such a match is kept and shown as *refuting* the claim: it neither joins the claim's
story nor raises or extends the alert. An officer can say otherwise (`actions.do_set_match_stance`).

The cues are a short closed list of phrases that say "this is false" in Vietnamese official and everyday
writing, compared without accents (so "sai su that" counts too). When the claim itself speaks of false
information ("Tỉnh mở đường dây nóng tiếp nhận phản ánh về thông tin sai sự thật") those words are its topic,
not the post's stance: then only an authority's denial ("… khẳng định không …") counts. Questions ("Có ai kiểm chứng chưa?", "không biết có thật không") are not cues: a post that doubts
still spreads the claim.
"""

from __future__ import annotations

import re

from haidang.text.normalize import fold, normalize

REPEATS = "repeats"
REFUTES = "refutes"

# Written without accents, as the text is compared folded. Each cue says the statement is false or denied.
REFUTATION_CUES = (
    "sai su that", "khong dung su that", "khong co that", "khong chinh xac", "la tin gia", "tin gia",
    "tin that thiet", "thong tin that thiet", "bia dat", "xuyen tac", "bac bo", "bac tin", "dinh chinh",
    "khong co chuyen", "khong co can cu", "khong co co so", "chua co bang chung",
    "khong co bang chung", "hoan toan khong", "khong phai su that", "la gia mao", "tin vit", "tin don sai",
    "dung hoang mang", "canh giac voi tin",
)
# Not cues, though debunks use them: "đừng tin" and "đừng chia sẻ" spread claims as often ("Đừng tin bệnh
# viện, cứ uống lá đu đủ là khỏi"), and a repeat taken for a debunk raises no alert, the costlier mistake.
# An authority stating a denial: "Sở Y tế khẳng định không có…", "công an cho biết không…".
_DENIAL = re.compile(r"\b(?:khang dinh|xac nhan|cho biet|thong bao|bao cao|tra loi)\s+(?:la\s+|rang\s+)?"
                     r"(?:hoan toan\s+)?(?:khong|chua)\b")
_CUES = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(REFUTATION_CUES, key=len, reverse=True))
                   + r")\b")


def _folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(normalize(text or ""))))


def refutation_cues(text: str, claim: str = "") -> list[str]:
    """The refutation cues of the post that the claim itself does not contain."""
    post, own = _folded(text), _folded(claim)
    # A claim about false information itself (a hotline for "tin giả") makes those words topic, not stance:
    # then only an authority's denial counts.
    found = [] if _CUES.search(own) else [m[0] for m in _CUES.finditer(post)]
    return found + [m[0] for m in _DENIAL.finditer(post) if m[0] not in own]


def stance(text: str, claim: str = "") -> str:
    """REFUTES when the post says the claim is false or denied, else REPEATS."""
    return REFUTES if refutation_cues(text, claim) else REPEATS
