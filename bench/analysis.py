"""Benchmark of the analyser: throughput, latency, memory, watch-list scaling and dev quality.

    .venv/bin/python bench/analysis.py [--no-train] [--data ../shared/data]

Reads ViHSD dev texts from ../shared/data (never copied into the repository). Evaluation-only models
for the research-only sets are trained into a temporary folder (deleted afterwards) unless
--no-train. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haidang.settings")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

SPLITS = {  # task -> data folder, published test figure from ../shared/data/README.md
    "toxicity": ("vihsd", "ViSoBERT 0.687 (best), TF-IDF+LR ~0.65"),
    "hate_offensive": ("vihos", "TF-IDF+LR ~0.90 (derived binary)"),
    "spam": ("vispamreviews", "PhoBERT 0.869"),
    "sentiment": ("uit_vsfc", "—"),
    "scam": ("vi_sms_smishing", "— (partly synthetic; smoke test only)"),
}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--no-train", action="store_true", help="only the shipped/active models")
    args = parser.parse_args()
    data = Path(args.data)
    have_data = (data / "vihsd" / "dev.csv").exists()
    tmp = tempfile.TemporaryDirectory(prefix="haidang-bench-")
    os.environ["HAIDANG_VAR"] = tmp.name  # evaluation-only models never land in the project's var/

    import django

    django.setup()
    from django.conf import settings

    settings.MODELS_DIR = Path(tmp.name) / "models"
    from haidang.analysis import registry, training
    from haidang.analysis.analyzer import analyze, analyze_many
    from haidang.analysis.watchlists import Topic, WatchlistIndex

    summary: dict = {"data": str(data) if have_data else None}
    if not have_data:
        print(f"NOTE: {data} is missing: no ViHSD dev texts and no quality table; "
              "throughput is measured on built-in sample texts.", flush=True)
        texts = ["Cảnh báo lừa đảo chuyển khoản gấp ở Đồng Hới 0912345678", "ko biết nói gì luôn :)))",
                 "bão số 3 đổ bộ Lệ Thủy, Quảng Bình", "đm bọn mày ngu như chó"] * 700
    else:
        texts, _labels = training.load_csv(str(data / "vihsd" / "dev.csv"))

    # Quality on every dev split: plain baseline vs ours (evaluation-only models in a temp folder).
    quality = []
    if have_data and not args.no_train:
        from haidang.analysis.classify import baseline_scores

        for task, (folder, published) in SPLITS.items():
            train_csv, dev_csv = data / folder / "train.csv", data / folder / "dev.csv"
            if not train_csv.exists():
                continue
            print(f"training {task} on {folder}/train.csv ...", flush=True)
            tx, ty = training.load_csv(str(train_csv))
            dx, dy = training.load_csv(str(dev_csv))
            t0 = time.perf_counter()
            base = baseline_scores(tx, ty, dx, dy)["macro_f1"]
            base_s = time.perf_counter() - t0
            meta = training.train(task, [str(train_csv)], Path(settings.MODELS_DIR) / f"{task}.joblib",
                                  dev=str(dev_csv), progress=lambda m: None, register_db=False)
            row = {"task": task, "data": f"{folder}/dev", "n": meta["dev_metrics"]["n"], "baseline_macro_f1": base,
                   "ours_macro_f1": meta["dev_metrics"]["macro_f1"], "ours_accuracy": meta["dev_metrics"]["accuracy"],
                   "train_s": meta["train_seconds"], "baseline_s": round(base_s, 1),
                   "eval_docs_per_s": meta["dev_metrics"]["docs_per_s"], "published_test": published,
                   "version": meta["version"]}
            quality.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
        registry.clear_cache()
    models = registry.active_models()
    summary["models"] = {t: m.meta.get("version", "") for t, m in models.items()}

    # Throughput: batch and single, one core.
    analyze_many(texts[:200])  # warm caches (gazetteer, automata, models)
    t0 = time.perf_counter()
    for start in range(0, len(texts), 256):
        analyze_many(texts[start:start + 256])
    batch_s = time.perf_counter() - t0
    latencies = []
    for text in texts[:1000]:
        t1 = time.perf_counter()
        analyze(text)
        latencies.append((time.perf_counter() - t1) * 1000)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]

    # Watch-lists: 10k terms vs 10 terms over the same texts.
    def index_of(n_terms: int) -> WatchlistIndex:
        words = [f"tukhoa{i}" for i in range(n_terms)]
        topics = [Topic(key=i, name=str(i), query=" OR ".join(f'"{w} x"' for w in words[i:i + 10]))
                  for i in range(0, n_terms, 10)]
        return WatchlistIndex(topics)

    sample = texts[:2000]
    timings = {}
    for n_terms in (10, 10_000):
        index = index_of(n_terms)
        index.match(sample[0])
        t2 = time.perf_counter()
        for text in sample:
            index.match(text)
        timings[n_terms] = time.perf_counter() - t2

    summary.update({
        "n_texts": len(texts),
        "analyze_posts_per_s_batch": round(len(texts) / batch_s, 1),
        "analyze_p50_ms_single": round(statistics.median(latencies), 3),
        "analyze_p95_ms_single": round(p95, 3),
        "watchlist_ratio_10k_vs_10": round(timings[10_000] / timings[10], 3),
        "rss_mb": round(rss_mb(), 1),
        "quality": quality,
    })
    if quality:
        print("\n| task | dev split | n | baseline macro-F1 | ours macro-F1 | published (test) |")
        print("|---|---|---|---|---|---|")
        for r in quality:
            print(f"| {r['task']} | {r['data']} | {r['n']} | {r['baseline_macro_f1']:.4f} | "
                  f"{r['ours_macro_f1']:.4f} | {r['published_test']} |")
    print(f"analyze: {summary['analyze_posts_per_s_batch']} posts/s batch, p95 {summary['analyze_p95_ms_single']} ms "
          f"single, RSS {summary['rss_mb']} MB; watch-list 10k/10 terms = {summary['watchlist_ratio_10k_vs_10']}")
    tmp.cleanup()
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
