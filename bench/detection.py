"""Detection you can trust, measured: lawful speech stays clean, harm is caught, evasions fail.

    .venv/bin/python bench/detection.py [--limit N]

Prints one JSON line with the keys of issue #12: lawful_flagged_rate, harmful_caught_rate,
right_category_rate (with per-kind figures), reintel_reliable_flagged_rate, vfnd_real_flagged_rate,
evasion_drop (macro-F1 change per evasion on ViHOS dev and ViHSD dev), no_diacritics_drop, plus the
versions of what was measured. Uses the civic set's TEST split (datasets/civic), dev splits of
../shared/data only, and the shipped models (no network, nothing downloaded).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("HAIDANG_SHARED_DATA", ROOT.parent / "shared" / "data"))
CIVIC = ROOT / "datasets" / "civic" / "civic.csv"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haidang.settings")
os.environ.setdefault("HAIDANG_VAR", str(ROOT / "var" / "bench-detection"))

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


def _rows(path: Path, limit: int | None = None) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit else rows


def _tops(texts: list[str], batch: int = 256) -> list[str]:
    from haidang.analysis.analyzer import analyze_many

    out = []
    for start in range(0, len(texts), batch):
        out += [r["top_category"] for r in analyze_many(texts[start:start + batch], explain=False)]
    return out


def _macro_f1(y_true: list[int], y_pred: list[int]) -> float:
    from sklearn.metrics import f1_score

    return round(float(f1_score(y_true, y_pred, average="macro", zero_division=0)), 4)


# --- evasions, applied to every word of 3+ letters with a fixed seed --------------------------------------
CYRILLIC = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"})
LEET = str.maketrans({"o": "0", "i": "1", "a": "4", "e": "3", "s": "5"})


def _per_word(text: str, change, rng: random.Random, share: float = 0.5) -> str:
    words = text.split(" ")
    return " ".join(change(w) if len(w) >= 3 and w.isalpha() and rng.random() < share else w for w in words)


def _inside(mark: str):
    def change(word: str) -> str:
        cut = len(word) // 2
        return word[:cut] + mark + word[cut:]
    return change


EVASIONS = {
    "soft_hyphen": _inside("\u00ad"),
    "zero_width_space": _inside("\u200b"),
    "zero_width_joiner": _inside("\u200d"),
    "cyrillic": lambda w: w.translate(CYRILLIC),
    "spaced_letters": lambda w: " ".join(w),
    "dotted_letters": lambda w: ".".join(w),
    "leetspeak": lambda w: w.translate(LEET) if any(c in "oiaes" for c in w) else w,
}


def _hate_set(name: str, limit: int | None) -> tuple[list[str], list[int]]:
    rows = _rows(DATA / name / "dev.csv", limit)
    texts = [r["text"] for r in rows]
    labels = [0 if r["label"] == "CLEAN" else 1 for r in rows]
    return texts, labels


def _hate_f1(texts: list[str], labels: list[int]) -> float:
    return _macro_f1(labels, [1 if t == "hate_harassment" else 0 for t in _tops(texts)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="rows per labelled set (default: all)")
    args = parser.parse_args()
    import django

    django.setup()
    from haidang.analysis import registry
    from haidang.text.normalize import fold

    started = time.process_time()
    result: dict = {"data": {}, "versions": {t: m.meta.get("version", "") for t, m in registry.active_models().items()}}
    try:
        from haidang.analysis.spans import shipped_tagger

        result["versions"]["hate_spans"] = shipped_tagger().version
    except Exception as exc:  # noqa: BLE001 - reported, not hidden
        result["versions"]["hate_spans"] = f"unavailable: {exc}"
    from haidang.analysis import civic_context, hate_context

    for name, module in (("hate_context", hate_context), ("civic_context", civic_context)):
        second = module.shipped_or_none()
        result["versions"][name] = second.version if second else "unavailable (see the log)"

    civic = [r for r in _rows(CIVIC) if r["split"] == "test"]
    result["data"]["civic"] = {"file": str(CIVIC.relative_to(ROOT)), "split": "test", "rows": len(civic)}
    tops = _tops([r["text"] for r in civic])
    lawful = [(r, t) for r, t in zip(civic, tops, strict=True) if r["lawful"] == "1"]
    harmful = [(r, t) for r, t in zip(civic, tops, strict=True) if r["lawful"] == "0"]
    result["lawful_flagged_rate"] = round(sum(t in HARMFUL for _r, t in lawful) / max(1, len(lawful)), 4)
    result["harmful_caught_rate"] = round(sum(t in HARMFUL for _r, t in harmful) / max(1, len(harmful)), 4)
    result["right_category_rate"] = round(sum(t == r["category"] for r, t in harmful) / max(1, len(harmful)), 4)
    per_kind: dict[str, Counter] = defaultdict(Counter)
    for r, t in lawful + harmful:
        per_kind[r["kind"]]["n"] += 1
        per_kind[r["kind"]]["right"] += t == r["category"]
        per_kind[r["kind"]]["harmful_top"] += t in HARMFUL
        per_kind[r["kind"]]["needs_review"] += t == "needs_review"
    result["per_kind"] = {k: {"n": c["n"], "right_category_rate": round(c["right"] / c["n"], 3),
                              "harmful_top": c["harmful_top"], "needs_review": c["needs_review"]}
                          for k, c in sorted(per_kind.items())}
    # Counts per kind and category only: printing the test posts themselves would invite tuning on them.
    result["lawful_flagged"] = dict(Counter(f'{r["kind"]} -> {t}' for r, t in lawful if t in HARMFUL))

    reintel = [r["text"] for r in _rows(DATA / "reintel_partial" / "dev.csv") if r["label"] == "RELIABLE"]
    result["reintel_reliable_flagged_rate"] = round(sum(t in HARMFUL for t in _tops(reintel)) / max(1, len(reintel)), 4)
    result["data"]["reintel_partial"] = {"split": "dev", "label": "RELIABLE", "rows": len(reintel)}
    vfnd = [r for r in _rows(DATA / "vfnd" / "all.csv") if r["label"] == "REAL"]
    result["vfnd_real_flagged_rate"] = round(sum(t in HARMFUL for t in _tops([r["text"] for r in vfnd])) / max(1, len(vfnd)), 4)

    drops: dict[str, dict] = {}
    no_diacritics: dict[str, float] = {}
    for name in ("vihos", "vihsd"):
        texts, labels = _hate_set(name, args.limit)
        base = _hate_f1(texts, labels)
        result["data"][name] = {"split": "dev", "rows": len(texts), "task": "hate/offence vs clean, binary macro-F1",
                                "macro_f1": base}
        for evasion, change in EVASIONS.items():
            rng = random.Random(12)
            evaded = [_per_word(t, change, rng) for t in texts]
            drops.setdefault(evasion, {})[name] = round(base - _hate_f1(evaded, labels), 4)  # positive: worse
        no_diacritics[name] = round(base - _hate_f1([fold(t) for t in texts], labels), 4)
    result["evasion_drop"] = drops
    result["no_diacritics_drop"] = no_diacritics
    result["cpu_seconds"] = round(time.process_time() - started, 1)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
