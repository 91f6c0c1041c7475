"""Benchmark of the shipped hateful/offensive span tagger. Prints one JSON line.

    .venv/bin/python bench/spans.py [--data ../shared/data] [--model PATH]

ViHOS dev: post-level macro-F1 and per-class precision/recall at the tagger's threshold (and at
threshold_precise), character-level span F1, texts per CPU-second (time.process_time, one thread, the
first pass after loading, feature caches cold), and macro-F1 on the dev texts accent-folded. Lawful-speech checks: the share of posts with any span
on ReINTEL dev RELIABLE rows (formal news), on ViHSD dev CLEAN rows and, when the project's civic set is
there, on its dev lawful rows (plus its dev hate/harassment recall). Data are read in place, never copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
csv.field_size_limit(sys.maxsize)


def _rows(path: Path, **where) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r["text"] for r in csv.DictReader(fh) if all(r.get(k) == v for k, v in where.items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--model", help="a hate_spans.joblib with its .json beside it (default: the shipped one)")
    args = parser.parse_args()
    data = Path(args.data)

    from haidang.analysis import spans

    if args.model:
        meta = json.loads(Path(args.model).with_suffix(".json").read_text(encoding="utf-8"))
        tagger, path = spans.load(args.model, expected_sha256=meta["sha256"]), Path(args.model)
    else:
        tagger, path = spans.shipped_tagger(), spans.SHIPPED_PATH

    texts, labels, golds = spans.load_rows(data / "vihos" / "dev.csv")
    started = time.process_time()
    found = tagger.find(texts)
    cpu = max(time.process_time() - started, 1e-9)
    started = time.process_time()
    tagger.find(texts)
    cpu_warm = max(time.process_time() - started, 1e-9)
    report = spans.post_report(labels, [spans.POSITIVE if f else spans.NEGATIVE for f in found])
    # Typed without accents (as bench/detection.py folds): read by the folded twin when the tagger has one.
    folded_texts = [spans.fold_keeping_offsets(t) for t in texts]
    folded = spans.post_report(labels, tagger.predict(folded_texts))
    folded_precise = spans.post_report(labels, tagger.predict(folded_texts, tagger.threshold_precise))
    precise = spans.post_report(labels, tagger.predict(texts, tagger.threshold_precise))

    def span_rate(rows: list[str], threshold=None) -> float | None:
        if not rows:
            return None
        return round(sum(1 for f in tagger.find(rows, threshold) if f) / len(rows), 4)

    checks = {}
    reintel = data / "reintel_partial" / "dev.csv"
    if reintel.exists():
        rows = _rows(reintel, label="RELIABLE")
        checks["reintel_dev_reliable"] = {"n": len(rows), "span_rate": span_rate(rows),
                                          "span_rate_precise": span_rate(rows, tagger.threshold_precise)}
    vihsd = data / "vihsd" / "dev.csv"
    if vihsd.exists():
        rows = _rows(vihsd, label="CLEAN")
        checks["vihsd_dev_clean"] = {"n": len(rows), "span_rate": span_rate(rows),
                                     "span_rate_precise": span_rate(rows, tagger.threshold_precise)}
    civic = ROOT / "datasets" / "civic" / "civic.csv"
    if civic.exists():
        lawful = _rows(civic, split="dev", lawful="1")
        hate = _rows(civic, split="dev", category="hate_harassment")
        checks["civic_dev_lawful"] = {"n": len(lawful), "span_rate": span_rate(lawful),
                                      "span_rate_precise": span_rate(lawful, tagger.threshold_precise)}
        checks["civic_dev_hate_harassment"] = {"n": len(hate), "recall": span_rate(hate),
                                               "recall_precise": span_rate(hate, tagger.threshold_precise)}

    out = {
        "bench": "spans",
        "version": tagger.version,
        "data": "ViHOS dev",
        "n": report["n"],
        "macro_f1": report["macro_f1"],
        "per_class": {k: {m: v[m] for m in ("precision", "recall", "f1")} for k, v in report["per_class"].items()},
        **spans.char_report(texts, golds, found),
        "threshold": tagger.threshold,
        "threshold_precise": tagger.threshold_precise,
        "post_threshold": None if not tagger.post else tagger.post["threshold"],
        "at_threshold_precise": {"macro_f1": precise["macro_f1"],
                                 "precision_pos": precise["per_class"][spans.POSITIVE]["precision"],
                                 "recall_pos": precise["per_class"][spans.POSITIVE]["recall"]},
        "folded_dev": {"macro_f1": folded["macro_f1"], "macro_f1_precise": folded_precise["macro_f1"],
                       "folded_twin": tagger.folded_twin is not None},
        "texts_per_cpu_s": round(len(texts) / cpu, 1),
        "texts_per_cpu_s_warm": round(len(texts) / cpu_warm, 1),
        "model_size_bytes": path.stat().st_size,
        "lawful_checks": checks,
        "baseline": "hate_offensive-20261202034521 (post-level TF-IDF LR + NB-LR, folded twin): ViHOS dev "
                    "macro-F1 0.8994, typed without accents 0.8651",
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
