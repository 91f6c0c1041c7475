"""Deciding a post's top category from its evidence, with per-category thresholds chosen for precision.

- A harm category is the top category only when its evidence (rule families, offending spans) reaches
  the category's threshold. The thresholds in `data/thresholds.json` are chosen on dev splits only
  (the civic set's dev split, ReINTEL reliable dev posts, VFND real news, the labelled sets' dev
  splits) for a precision of at least 0.95 against lawful text; `haidang calibrate` writes them.
- Below the threshold, evidence that is still there makes the post "cần xem xét" (needs a look),
  never a harm category. Learned scores rank posts and may ask for a look; they never decide alone.
- Registered press and official sources get stricter thresholds, except for scams and exposed
  personal data, which they are scanned for like everyone else.
- A grievance is answered: it is the top category when a complaint cue is clear and no harm is.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from haidang.core.vocabulary import HarmCategory

THRESHOLDS_FILE = Path(__file__).resolve().parent / "data" / "thresholds.json"

DEFAULTS: dict[str, float] = {
    HarmCategory.SCAM: 0.5,
    HarmCategory.IMPERSONATION: 0.6,
    HarmCategory.MISINFORMATION: 0.6,
    HarmCategory.HATE_HARASSMENT: 0.5,
    HarmCategory.INCITEMENT: 0.6,
    HarmCategory.PERSONAL_DATA: 0.6,
    HarmCategory.GRIEVANCE: 0.5,
    "review_floor": 0.3,   # harmful evidence below its threshold but at least this asks for a look
    "review_model": 0.9,   # a learned score this high asks for a look even with no rule or span
    "strict_extra": 0.3,   # added for press and official sources (not for scams or personal data)
}
HARMFUL = (HarmCategory.INCITEMENT, HarmCategory.IMPERSONATION, HarmCategory.SCAM, HarmCategory.MISINFORMATION,
           HarmCategory.PERSONAL_DATA, HarmCategory.HATE_HARASSMENT)  # ties go to the earlier one
ALWAYS_SCANNED = (HarmCategory.SCAM, HarmCategory.PERSONAL_DATA)

VI_LABELS = {
    HarmCategory.SCAM: "lừa đảo",
    HarmCategory.IMPERSONATION: "mạo danh cơ quan, tổ chức",
    HarmCategory.MISINFORMATION: "thông tin sai sự thật, cần kiểm chứng",
    HarmCategory.HATE_HARASSMENT: "thù ghét, quấy rối",
    HarmCategory.INCITEMENT: "kích động bạo lực",
    HarmCategory.PERSONAL_DATA: "lộ lọt dữ liệu cá nhân",
    HarmCategory.GRIEVANCE: "phản ánh, kiến nghị (cần trả lời)",
}
MODEL_LABELS = {"hate_offensive": "ngôn từ xúc phạm", "toxicity": "ngôn từ thù ghét", "scam": "tin nhắn lừa đảo",
                "hate": "ngôn từ thù ghét", "offensive": "ngôn từ xúc phạm"}
# Which learned scores may ask for a look on their own. Not the post-level hate models: trained on
# social-media comments, they score formal news and civil criticism high; offending spans decide hate.
REVIEW_MODELS = ("scam",)


@functools.lru_cache(maxsize=1)
def _from_file() -> dict:
    try:
        data = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: float(v) for k, v in data.get("thresholds", {}).items()}


def thresholds() -> dict[str, float]:
    from django.conf import settings

    return {**DEFAULTS, **_from_file(), **getattr(settings, "HAIDANG_CATEGORY_THRESHOLDS", {})}


def clear_cache() -> None:
    _from_file.cache_clear()


def limit(category: str, limits: dict, *, strict: bool) -> float:
    value = limits.get(category, 0.5)
    if strict and category not in ALWAYS_SCANNED:
        value = min(0.95, value + limits.get("strict_extra", 0.3))
    return value


def decide(categories: dict[str, float], model_scores: dict[str, float], limits: dict, *,
           strict: bool = False, doubted: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(top category, the reason a look is needed or ""). A `doubted` category may ask for a look but not
    be decided (see analysis/hate_context.py)."""
    passing = [(c, categories.get(c, 0.0)) for c in HARMFUL
               if c not in doubted and categories.get(c, 0.0) >= limit(c, limits, strict=strict)]
    if passing:
        # Pretending to be a state body is the more specific harm than the scam it serves.
        if any(c == HarmCategory.IMPERSONATION and v >= 0.8 for c, v in passing):
            return HarmCategory.IMPERSONATION, ""
        # Rude words inside a scam, a call to violence or a rumour do not make it "hate": the specific harm wins.
        specific = [(c, v) for c, v in passing if c != HarmCategory.HATE_HARASSMENT]
        passing = specific or passing
        best = max(v for _c, v in passing)
        return next(c for c, v in passing if v == best), ""
    if categories.get(HarmCategory.GRIEVANCE, 0.0) >= limits.get(HarmCategory.GRIEVANCE, 0.5):
        return HarmCategory.GRIEVANCE, ""
    weak = [(c, categories.get(c, 0.0)) for c in HARMFUL if categories.get(c, 0.0) >= limits["review_floor"]]
    if weak:
        category = max(weak, key=lambda cv: cv[1])[0]
        return HarmCategory.NEEDS_REVIEW, (
            f"Có dấu hiệu {VI_LABELS[category]} nhưng chưa đủ căn cứ để kết luận: cán bộ cần xem xét.")
    strong = [(task, p) for task, p in model_scores.items()
              if task in REVIEW_MODELS and p is not None and p >= limits["review_model"]]
    if strong:
        task, p = max(strong, key=lambda tp: tp[1])
        return HarmCategory.NEEDS_REVIEW, (
            f"Mô hình học máy cho điểm {MODEL_LABELS[task]} cao ({round(p * 100)} %) nhưng không tìm thấy từ ngữ "
            "hay dấu hiệu cụ thể: cán bộ cần xem xét.")
    return HarmCategory.OTHER, ""


def model_reason(task: str, probability: float) -> str:
    return (f"Mô hình học máy ước lượng khả năng {MODEL_LABELS.get(task, task)} là {round(probability * 100)} % "
            "(chỉ dùng để xếp thứ tự, không tự kết luận).")


# --- choosing the thresholds on dev data -------------------------------------------------------------

GRID = [round(0.3 + 0.05 * k, 2) for k in range(14)]  # 0.30 … 0.95
TARGET_PRECISION = 0.95


def fit(scored: list[tuple[dict[str, float], str]], *, target: float = TARGET_PRECISION) -> dict:
    """`scored`: (category scores of a post, its true category: a harm category, or "" for lawful text).

    For each harm category, the lowest threshold on the grid whose precision against lawful text (of the
    lawful posts and the posts of that category at or above it, the share truly of that category) is at
    least `target`; the default stays when the dev data has no such
    posts. Returns {"thresholds": {...}, "report": {category: {threshold, precision, recall, n}}}."""
    chosen: dict[str, float] = {}
    report: dict[str, dict] = {}
    for category in HARMFUL:
        positives = sum(1 for _s, truth in scored if truth == category)
        best = None
        for t in GRID:
            # Precision against lawful text: a scam that also scores as a rumour is not lawful speech wronged.
            flagged = [truth for scores, truth in scored if scores.get(category, 0.0) >= t and truth in (category, "")]
            if not flagged:
                break
            precision = sum(1 for truth in flagged if truth == category) / len(flagged)
            if precision >= target:
                recall = sum(1 for truth in flagged if truth == category) / max(1, positives)
                best = (t, round(precision, 4), round(recall, 4), len(flagged))
                break
        if best is None or positives == 0:
            report[category] = {"threshold": DEFAULTS[category], "kept_default": True, "positives": positives}
            continue
        # Calibration only ever makes a category stricter than its default: a few hundred dev posts are
        # not enough evidence to flag more than the rules' authors meant to.
        chosen[category] = max(best[0], DEFAULTS[category])
        report[category] = {"threshold": chosen[category], "precision": best[1], "recall": best[2],
                            "flagged": best[3], "positives": positives}
    return {"thresholds": chosen, "report": report}
