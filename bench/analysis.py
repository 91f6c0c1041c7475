"""Benchmark of the analyser: throughput, latency, memory, watch-list scaling and dev quality.

    .venv/bin/python bench/analysis.py [--no-train] [--models-dir DIR] [--skip-baseline] [--data ../shared/data]
                                       [--peer-texts 10000]

Reads dev texts from ../shared/data (never copied into the repository). Evaluation-only models for the
research-only sets are trained into a temporary folder (deleted afterwards) unless --no-train, in which
case the models already in --models-dir (default: settings.MODELS_DIR) are used and their recorded dev
metrics reported. Throughput, latency and memory are measured in a *fresh* child process that only
loads the models (no training in it), on one thread (OMP/MKL/OpenBLAS = 1): once with the shipped
models only and once with every model. The last line is one JSON object.

The peer of issue #19: a plain TF-IDF (word 1-2 + char 2-5 grams, sub-linear TF) + class-balanced
logistic regression, trained on ViHSD train in its own fresh process, then timed on the same ViHSD texts
as the full `analyze_many()` (every shipped model, rule family, place look-up and a watch-list on), per
CPU-second, one thread. `ratio_vs_tfidf_lr_peer` is ours (shipped models) / the peer's; above 1.0 we
are faster per core.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haidang.settings")

SPLITS = {  # task -> data folder, data set, shipped?, published test figure from ../shared/data/README.md
    "toxicity": ("vihsd", "ViHSD", False, "ViSoBERT 0.687 (best), TF-IDF+LR ~0.65"),
    "hate_offensive": ("vihos", "ViHOS", True, "TF-IDF+LR ~0.90 (derived binary)"),
    "spam": ("vispamreviews", "ViSpamReviews", False, "PhoBERT 0.869"),
    "sentiment": ("uit_vsfc", "UIT-VSFC", False, "—"),
    "scam": ("vi_sms_smishing", "SMS smishing", False, "— (partly synthetic; smoke test only)"),
}


def _texts(data: Path, n: int | None = None) -> list[str]:
    """ViHSD dev texts; with `n`, the first n of dev followed by train (the peer comparison's 10,000)."""
    from haidang.analysis import training

    if (data / "vihsd" / "dev.csv").exists():
        texts = training.load_csv(str(data / "vihsd" / "dev.csv"))[0]
        if n and n > len(texts):
            texts += training.load_csv(str(data / "vihsd" / "train.csv"))[0][:n - len(texts)]
        return texts[:n] if n else texts
    return ["Cảnh báo lừa đảo chuyển khoản gấp ở Đồng Hới 0912345678", "ko biết nói gì luôn :)))",
            "bão số 3 đổ bộ Lệ Thủy, Quảng Bình", "đm bọn mày ngu như chó"] * 700


def peak_rss_mb() -> float:
    """Peak resident memory of this process since it started (VmHWM; ru_maxrss would carry over the
    parent's peak across fork/exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def inference_child(data: Path, models_dir: str | None) -> dict:
    """Runs in a fresh process: load models, measure analyze() batch/single, watch-lists, RSS."""
    import statistics

    import django

    django.setup()
    from django.conf import settings

    settings.MODELS_DIR = Path(models_dir) if models_dir else Path(tempfile.mkdtemp(prefix="haidang-empty-"))
    from haidang.analysis import registry
    from haidang.analysis.analyzer import analyze, analyze_many
    from haidang.analysis.watchlists import Topic, WatchlistIndex

    registry._active_from_db = lambda: {}  # the benchmark never reads the shared database
    texts = _texts(data)
    models = registry.active_models()
    rss_loaded = peak_rss_mb()
    analyze_many(texts[:200])  # warm caches (gazetteer, automata, models)
    t0, c0 = time.perf_counter(), time.process_time()
    for start in range(0, len(texts), 256):
        analyze_many(texts[start:start + 256])
    batch_s, batch_cpu = time.perf_counter() - t0, time.process_time() - c0
    latencies, cpu_lat = [], []
    for text in texts[:1000]:
        t1, c1 = time.perf_counter(), time.thread_time()
        analyze(text)
        latencies.append((time.perf_counter() - t1) * 1000)
        cpu_lat.append((time.thread_time() - c1) * 1000)
    latencies.sort()
    cpu_lat.sort()

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
    return {
        "models": {t: m.meta.get("version", "") for t, m in models.items()},
        "n_texts": len(texts),
        "analyze_posts_per_s_batch": round(len(texts) / batch_s, 1),
        "analyze_p50_ms_single": round(statistics.median(latencies), 3),
        "analyze_p95_ms_single": round(latencies[int(0.95 * (len(latencies) - 1))], 3),
        # CPU time of this process only: what one core gives when the machine is shared and loaded.
        "analyze_posts_per_cpu_s_batch": round(len(texts) / max(batch_cpu, 1e-9), 1),
        "analyze_p95_cpu_ms_single": round(cpu_lat[int(0.95 * (len(cpu_lat) - 1))], 3),
        "watchlist_ratio_10k_vs_10": round(timings[10_000] / timings[10], 3),
        "rss_mb_models_loaded": round(rss_loaded, 1),
        "rss_mb": round(peak_rss_mb(), 1),
        "load_avg": round(os.getloadavg()[0], 2),
    }


def _per_cpu_s(texts: list[str], run, batch: int = 256) -> float:
    run(texts[:200])  # warm caches
    c0 = time.process_time()
    for start in range(0, len(texts), batch):
        run(texts[start:start + batch])
    return round(len(texts) / max(time.process_time() - c0, 1e-9), 1)


def peer_child(data: Path, n_texts: int) -> dict:
    """Fresh process: fit the TF-IDF + LR peer on ViHSD train (not timed), time it on the texts."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    from haidang.analysis import training

    train_texts, train_labels = training.load_csv(str(data / "vihsd" / "train.csv"))[:2]
    union = make_union(TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
                       TfidfVectorizer(analyzer="char", ngram_range=(2, 5), sublinear_tf=True))
    peer = make_pipeline(union, LogisticRegression(class_weight="balanced", max_iter=300))
    peer.fit(train_texts, train_labels)
    texts = _texts(data, n_texts)
    return {"n_texts": len(texts), "peer_posts_per_cpu_s": _per_cpu_s(texts, peer.predict_proba)}


def ours_on_peer_texts(data: Path, n_texts: int) -> dict:
    """Fresh process, shipped models only: the full analyse on the peer's texts, with a watch-list."""
    import django

    django.setup()
    from django.conf import settings

    settings.MODELS_DIR = Path(tempfile.mkdtemp(prefix="haidang-empty-"))
    from haidang.analysis import registry, watchlists
    from haidang.analysis.analyzer import analyze_many

    registry._active_from_db = lambda: {}
    topics = [watchlists.Topic(key=1, name="Lừa đảo", query='"lừa đảo" OR "chuyển khoản" OR "sốt xuất huyết"')]
    index = watchlists.WatchlistIndex(topics)
    watchlists.active_index = lambda: index  # the analyser looks it up at call time
    texts = _texts(data, n_texts)
    return {"n_texts": len(texts), "ours_posts_per_cpu_s": _per_cpu_s(texts, analyze_many),
            "models": {t: m.meta.get("version", "") for t, m in registry.active_models().items()}}


def run_child(data: Path, models_dir: str | None, mode: str = "--child", n_texts: int = 0) -> dict:
    cmd = [sys.executable, __file__, mode, "--data", str(data), "--peer-texts", str(n_texts)] + (
        ["--models-dir", models_dir] if models_dir else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env={**os.environ})
    return json.loads(out.stdout.strip().splitlines()[-1])


def quality_table(data: Path, models_dir: Path, *, train: bool, baseline: bool) -> list[dict]:
    from haidang.analysis import registry, training
    from haidang.analysis.classify import baseline_scores

    rows = []
    local = registry.read_local_registry()
    for task, (folder, name, shipped, published) in SPLITS.items():
        train_csv, dev_csv = data / folder / "train.csv", data / folder / "dev.csv"
        if not train_csv.exists():
            continue
        if train:
            print(f"training {task} on {folder}/train.csv ...", flush=True)
            meta = training.train(task, [str(train_csv)], models_dir / f"{task}.joblib", dev=str(dev_csv),
                                  progress=lambda m: None, register_db=False)
        else:
            entry = local.get(task, {})
            meta = entry.get("versions", {}).get(entry.get("active") or "") or registry.shipped_registry().get(task)
            if not meta or not meta.get("dev_metrics"):
                continue
        base = None
        if baseline:
            tx, ty = training.load_csv(str(train_csv))
            dx, dy = training.load_csv(str(dev_csv))
            base = baseline_scores(tx, ty, dx, dy)["macro_f1"]
        m = meta["dev_metrics"]
        row = {"task": task, "data": name, "split": f"{folder}/dev.csv", "metric": "macro-F1", "n": m["n"],
               "baseline": base, "ours": m["macro_f1"],
               "delta": round(m["macro_f1"] - base, 4) if base is not None else None,
               "per_class_f1": {k: v["f1"] for k, v in m["per_class"].items()},
               "version": meta["version"], "config": meta.get("config"),
               "status": "shipped (trained the same way)" if shipped else "evaluation only",
               "train_s": meta.get("train_seconds"), "published_test": published}
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--no-train", action="store_true", help="use the models already in --models-dir")
    parser.add_argument("--models-dir", help="folder with a registry.json (default: settings.MODELS_DIR)")
    parser.add_argument("--skip-baseline", action="store_true", help="do not retrain the plain baseline")
    parser.add_argument("--peer-texts", type=int, default=10_000,
                        help="ViHSD texts for the peer comparison (0: skip it)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--peer-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--ours-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = Path(args.data)
    if args.child:
        print(json.dumps(inference_child(data, args.models_dir)))
        return
    if args.peer_child:
        print(json.dumps(peer_child(data, args.peer_texts)))
        return
    if args.ours_child:
        print(json.dumps(ours_on_peer_texts(data, args.peer_texts)))
        return
    have_data = (data / "vihsd" / "dev.csv").exists()
    tmp = tempfile.TemporaryDirectory(prefix="haidang-bench-")
    os.environ["HAIDANG_VAR"] = tmp.name  # evaluation-only models never land in the project's var/

    import django

    django.setup()
    from django.conf import settings

    from haidang.analysis import registry

    registry._active_from_db = lambda: {}
    if args.no_train:
        models_dir = Path(args.models_dir) if args.models_dir else Path(settings.MODELS_DIR)
    else:
        models_dir = Path(tmp.name) / "models"
    settings.MODELS_DIR = models_dir
    summary: dict = {"data": str(data) if have_data else None}
    if not have_data:
        print(f"NOTE: {data} is missing: no quality table; throughput is measured on built-in sample texts.",
              flush=True)
    quality = quality_table(data, models_dir, train=not args.no_train, baseline=not args.skip_baseline) \
        if have_data else []

    print("measuring inference in fresh processes (one thread) ...", flush=True)
    shipped_only = run_child(data, None)
    every = run_child(data, str(models_dir))
    summary.update({k: every[k] for k in ("models", "n_texts", "analyze_posts_per_s_batch", "analyze_p50_ms_single",
                                          "analyze_p95_ms_single", "analyze_posts_per_cpu_s_batch",
                                          "analyze_p95_cpu_ms_single", "watchlist_ratio_10k_vs_10",
                                          "rss_mb_models_loaded", "rss_mb", "load_avg")})
    summary["shipped_only"] = {k: shipped_only[k] for k in ("models", "analyze_posts_per_s_batch",
                                                            "analyze_p95_ms_single", "analyze_posts_per_cpu_s_batch",
                                                            "analyze_p95_cpu_ms_single", "rss_mb")}
    summary["quality"] = quality
    if have_data and args.peer_texts:
        print("measuring the TF-IDF + LR peer and ours on the same texts (fresh processes, one thread) ...",
              flush=True)
        peer = run_child(data, None, "--peer-child", args.peer_texts)
        ours = run_child(data, None, "--ours-child", args.peer_texts)
        summary["peer"] = {"what": "TF-IDF word 1-2 + char 2-5, balanced LR, trained on vihsd/train.csv",
                           "n_texts": peer["n_texts"], "peer_posts_per_cpu_s": peer["peer_posts_per_cpu_s"],
                           "ours_posts_per_cpu_s": ours["ours_posts_per_cpu_s"], "ours_models": ours["models"]}
        summary["ratio_vs_tfidf_lr_peer"] = round(ours["ours_posts_per_cpu_s"] / peer["peer_posts_per_cpu_s"], 3)
        print(f"ours {ours['ours_posts_per_cpu_s']} vs peer {peer['peer_posts_per_cpu_s']} posts per CPU-second: "
              f"ratio {summary['ratio_vs_tfidf_lr_peer']}")
    if quality:
        print("\n| task | data | dev split | n | baseline | ours | version | status |")
        print("|---|---|---|---|---|---|---|---|")
        for r in quality:
            base = f"{r['baseline']:.4f}" if r["baseline"] is not None else "—"
            print(f"| {r['task']} | {r['data']} | {r['split']} | {r['n']} | {base} | {r['ours']:.4f} | "
                  f"{r['version']} | {r['status']} |")
    for label, s in (("shipped only", shipped_only), ("all models", every)):
        print(f"{label}: {s['analyze_posts_per_s_batch']} posts/s batch ({s['analyze_posts_per_cpu_s_batch']} per CPU s), "
              f"p95 {s['analyze_p95_ms_single']} ms single ({s['analyze_p95_cpu_ms_single']} CPU ms), "
              f"RSS {s['rss_mb']} MB (inference-only process), load avg {s['load_avg']}")
    print(f"watch-list 10k/10 terms = {summary['watchlist_ratio_10k_vs_10']}")
    tmp.cleanup()
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
