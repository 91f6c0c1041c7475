"""Training and evaluation, shared by `haidang train`, `haidang evaluate` and the benchmark."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import registry
from .classify import TaskModel, featurizer, macro_report, train_task

csv.field_size_limit(sys.maxsize)

# The C chosen on dev per task (a few targeted runs, see docs/models.md).
DEFAULT_C = {"toxicity": 1.0, "hate_offensive": 2.0, "spam": 2.0, "sentiment": 2.0, "scam": 4.0}


def load_csv(paths: str | list) -> tuple[list[str], list[str]]:
    """Texts and labels from one or more CSV files with `text,label` columns."""
    if isinstance(paths, str):
        paths = [p for p in paths.split(",") if p]
    texts, labels = [], []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "text" not in reader.fieldnames or "label" not in reader.fieldnames:
                raise ValueError(f"{path}: needs the columns text,label")
            for row in reader:
                if row["label"] is None or row["text"] is None:
                    continue
                texts.append(row["text"])
                labels.append(row["label"].strip())
    return texts, labels


def data_manifest(paths: list[str]) -> list[dict]:
    return [{"file": str(Path(p).resolve()), "sha256": registry.sha256_file(Path(p))} for p in paths]


def guess_dev(paths: list[str]) -> str | None:
    """`.../train.csv` -> `.../dev.csv` when it exists."""
    for p in paths:
        candidate = Path(p).with_name("dev.csv")
        if Path(p).name == "train.csv" and candidate.exists():
            return str(candidate)
    return None


def evaluate(model: TaskModel, texts: list[str], labels: list[str]) -> dict:
    started = time.perf_counter()
    counts = featurizer().counts(texts)
    predicted = model.predict(counts)
    elapsed = max(time.perf_counter() - started, 1e-9)
    report = macro_report(labels, predicted)
    return {"n": len(texts), **report, "docs_per_s": round(len(texts) / elapsed, 1)}


def feedback_rows(task: str) -> tuple[list[str], list[str]]:
    """Officers' verdicts as labels for a task (only tasks whose labels a verdict can express)."""
    from .choices import HarmCategory, VerdictOutcome
    from .models import Verdict

    mapping = {
        "scam": lambda v: "SCAM" if v.category == HarmCategory.SCAM else "HAM",
        "hate_offensive": lambda v: "HATE_OR_OFFENSIVE" if v.category == HarmCategory.HATE_HARASSMENT else "CLEAN",
    }
    if task not in mapping:
        return [], []
    texts, labels = [], []
    for v in Verdict.objects.select_related("item").order_by("pk"):
        text = (v.item.title + "\n" + v.item.text).strip()
        if not text:
            continue
        if v.outcome == VerdictOutcome.NOT_HARMFUL or v.outcome == VerdictOutcome.CONFIRMED:
            texts.append(text)
            labels.append(mapping[task](v))
    return texts, labels


def train(task: str, data: list[str], out: Path, *, dev: str | None = None, C: float | None = None,
          include_feedback: bool = False, progress: Callable[[str], None] = print, shipped: bool = False,
          activate: bool = True, register_db: bool = True) -> dict:
    """Train, evaluate on dev, save the artefact and register it. Returns the metadata."""
    started = time.perf_counter()
    texts, labels = load_csv(data)
    progress(f"[1/4] read {len(texts)} rows from {len(data)} file(s)")
    dev = dev or guess_dev(data)
    dev_texts, dev_labels = load_csv(dev) if dev else ([], [])
    before = None
    if include_feedback:
        fb_texts, fb_labels = feedback_rows(task)
        progress(f"      {len(fb_texts)} officer verdicts added as labels")
        if dev_texts and fb_texts:
            plain = train_task(task, texts, labels, C=C or DEFAULT_C.get(task, 2.0))
            before = evaluate(plain, dev_texts, dev_labels)
            progress(f"      dev macro-F1 without feedback: {before['macro_f1']}")
        texts, labels = texts + fb_texts, labels + fb_labels
    progress(f"[2/4] featurising {len(texts)} texts (normalise, word 1-2 + char 2-5, accent-folded copy)")
    counts = featurizer().counts(texts)
    progress(f"[3/4] training logistic regression (C={C or DEFAULT_C.get(task, 2.0)})")
    model = train_task(task, None, labels, C=C or DEFAULT_C.get(task, 2.0), counts=counts)
    metrics: dict = {}
    if dev_texts:
        metrics = evaluate(model, dev_texts, dev_labels)
        progress(f"[4/4] dev macro-F1 {metrics['macro_f1']} accuracy {metrics['accuracy']} on {metrics['n']} rows")
    else:
        progress("[4/4] no dev split given: no dev metrics")
    version = registry.new_version(task)
    meta = {
        "task": task, "version": version, "data": data_manifest(data), "dev": data_manifest([dev]) if dev else [],
        "dev_metrics": metrics, "dev_metrics_before_feedback": before, "include_feedback": include_feedback,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "code_version": registry.code_version(),
        "train_seconds": round(time.perf_counter() - started, 1),
    }
    out = Path(out)
    sha = registry.save_model(model, out, meta, half=shipped)
    meta.update({"file": out.name, "path": str(out.resolve()), "sha256": sha, "size_bytes": out.stat().st_size})
    if shipped:
        reg = registry.shipped_registry()
        reg[task] = {k: v for k, v in meta.items() if k != "path"}
        (registry.SHIPPED_DIR / "registry.json").write_text(json.dumps(reg, ensure_ascii=False, indent=1) + "\n",
                                                            encoding="utf-8")
    else:
        registry.write_local_entry(task, version, meta, activate=activate)
        if register_db:
            try:
                from .actions import do_register_model_version

                do_register_model_version(task=task, version=version, path=str(out.resolve()), sha256=sha,
                                          data=meta["data"], metrics=metrics, code_version=meta["code_version"],
                                          activate=activate)
            except Exception as exc:  # no database: the JSON registry is enough for the CLI
                progress(f"      (not recorded in the database: {exc.__class__.__name__})")
    registry.clear_cache()
    return meta
