"""Training and evaluation, shared by `haidang train`, `haidang evaluate` and the benchmark."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from haidang.text.normalize import fold

from . import registry
from .classify import TaskModel, featurizer, macro_report, task_config, train_folded_twin, train_task

csv.field_size_limit(sys.maxsize)

FEEDBACK_WEIGHT = 3.0  # an officer's verdict counts as much as this many training rows


def load_csv(paths: str | list, extra: str | None = None):
    """Texts and labels from one or more CSV files with `text,label` columns. With `extra`, also that
    column's values (None where a file lacks it): `(texts, labels, extras)`."""
    if isinstance(paths, str):
        paths = [p for p in paths.split(",") if p]
    texts, labels, extras = [], [], []
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
                if extra:
                    extras.append((row.get(extra) or "").strip() or None)
    return (texts, labels, extras) if extra else (texts, labels)


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
    feats = featurizer().counts(texts, blocks=model.blocks)
    predicted = model.predict(feats)
    elapsed = max(time.perf_counter() - started, 1e-9)
    report = macro_report(labels, predicted)
    return {"n": len(texts), **report, "docs_per_s": round(len(texts) / elapsed, 1)}


# How an officer's verdict becomes a label, per task (None: the verdict says nothing about that task).
# - hate_offensive: confirmed hate/harassment or incitement -> HATE_OR_OFFENSIVE; not harmful or confirmed
#   as another harm -> CLEAN.
# - toxicity: confirmed hate/harassment or incitement -> HATE (a verdict does not separate offensive from
#   hateful); not harmful -> CLEAN; other confirmed harms -> no label.
# - scam: confirmed scam or impersonation -> SCAM; not harmful or another harm -> HAM.
# - spam: confirmed scam -> SPAM; not harmful -> NO_SPAM; other harms -> no label.
# - sentiment: confirmed grievance -> negative; anything else -> no label (not harmful says nothing
#   about sentiment).
def feedback_label(task: str, outcome: str, category: str) -> str | None:
    from .choices import HarmCategory as H
    from .choices import VerdictOutcome

    confirmed = outcome == VerdictOutcome.CONFIRMED
    if outcome not in (VerdictOutcome.CONFIRMED, VerdictOutcome.NOT_HARMFUL):
        return None
    if task == "hate_offensive":
        return "HATE_OR_OFFENSIVE" if confirmed and category in (H.HATE_HARASSMENT, H.INCITEMENT) else "CLEAN"
    if task == "toxicity":
        if not confirmed:
            return "CLEAN"
        return "HATE" if category in (H.HATE_HARASSMENT, H.INCITEMENT) else None
    if task == "scam":
        return "SCAM" if confirmed and category in (H.SCAM, H.IMPERSONATION) else "HAM"
    if task == "spam":
        if not confirmed:
            return "NO_SPAM"
        return "SPAM" if category == H.SCAM else None
    if task == "sentiment":
        return "negative" if confirmed and category == H.GRIEVANCE else None
    return None


def feedback_rows(task: str) -> tuple[list[str], list[str]]:
    """Officers' verdicts as labels for a task (see `feedback_label`); the latest verdict per item wins."""
    from .models import Verdict

    latest: dict[int, tuple[str, str]] = {}
    for v in Verdict.objects.select_related("item").order_by("created_at", "pk"):
        text = (v.item.title + "\n" + v.item.text).strip()
        label = feedback_label(task, v.outcome, v.category)
        if text and label:
            latest[v.item_id] = (text, label)
        else:
            latest.pop(v.item_id, None)
    rows = list(latest.values())
    return [t for t, _ in rows], [lab for _, lab in rows]


def _fit(task, texts, labels, subs, C, weights=None, progress=None):
    cfg = task_config(task)
    feats = featurizer().counts(texts, blocks=cfg["blocks"])
    model = train_task(task, None, labels, C=C, counts=feats, sublabels=subs, sample_weight=weights,
                       progress=progress)
    if cfg.get("folded_twin"):
        train_folded_twin(model, texts, labels, C=C, sublabels=subs, sample_weight=weights)
    return model


def _shipped_path(task: str, out: Path | None) -> Path:
    """Shipped models load from SHIPPED_DIR/<file>, so that is where they must be written."""
    path = Path(out) if out else registry.SHIPPED_DIR / f"{task}.joblib"
    if path.suffix != ".joblib" or path.resolve().parent != registry.SHIPPED_DIR.resolve():
        raise ValueError(f"a shipped model is written as {registry.SHIPPED_DIR}/<name>.joblib, not {path}")
    return path


def train(task: str, data: list[str], out: Path | None = None, *, dev: str | None = None,
          C: float | None = None, include_feedback: bool = False, progress: Callable[[str], None] = print,
          shipped: bool = False, activate: bool = True, register_db: bool = True) -> dict:
    """Train, evaluate on dev, save the artefact as a new version and register it. Returns the metadata.

    `out`: None (MODELS_DIR/<task>/<version>.joblib), a directory, or a new `.joblib` file; never an
    existing file (see `registry.reserve_version`). `register_db=False` neither reads nor writes the
    database. With `shipped`: the task's file in SHIPPED_DIR,
    replaced (one shipped default per task; git keeps the earlier ones)."""
    started = time.perf_counter()
    if shipped:
        _shipped_path(task, out)
    else:
        registry.check_out(Path(out) if out else None, use_db=register_db)  # fail before training, not after
    cfg = task_config(task)
    C = C or cfg["C"]
    if cfg.get("sublabel"):
        texts, labels, subs = load_csv(data, extra=cfg["sublabel"])
        subs = [s or "-" for s in subs]
    else:
        (texts, labels), subs = load_csv(data), None
    progress(f"[1/4] read {len(texts)} rows from {len(data)} file(s)")
    dev = dev or guess_dev(data)
    dev_texts, dev_labels = load_csv(dev) if dev else ([], [])
    before = None
    weights = None
    if include_feedback:
        fb_texts, fb_labels = feedback_rows(task)
        progress(f"      {len(fb_texts)} officer verdicts added as labels (weight {FEEDBACK_WEIGHT})")
        if dev_texts and fb_texts:
            plain = _fit(task, texts, labels, subs, C)
            before = evaluate(plain, dev_texts, dev_labels)
            progress(f"      dev macro-F1 without feedback: {before['macro_f1']}")
        weights = [1.0] * len(texts) + [FEEDBACK_WEIGHT] * len(fb_texts)
        texts, labels = texts + fb_texts, labels + fb_labels
        if subs is not None:
            subs = subs + ["feedback"] * len(fb_texts)
    blocks = ", ".join(f"{b}x{w:g}" for b, w in cfg["blocks"].items())
    progress(f"[2/4] featurising {len(texts)} texts (normalise; blocks {blocks})")
    counts = featurizer().counts(texts, blocks=cfg["blocks"])
    progress(f"[3/4] training logistic regression (C={C}"
             + (f", NB-LR half weight {cfg['nb']:g}" if cfg.get("nb") else "")
             + (f", sub-labels from column {cfg['sublabel']}" if subs else "") + ")")
    model = train_task(task, None, labels, C=C, counts=counts, sublabels=subs, sample_weight=weights,
                       progress=lambda m: progress("      " + m))
    if cfg.get("folded_twin"):
        progress("      training the folded twin (the same on accent-folded texts, for posts typed without accents)")
        train_folded_twin(model, texts, labels, C=C, sublabels=subs, sample_weight=weights)
    metrics: dict = {}
    if dev_texts:
        metrics = evaluate(model, dev_texts, dev_labels)
        progress(f"[4/4] dev macro-F1 {metrics['macro_f1']} accuracy {metrics['accuracy']} on {metrics['n']} rows")
        folded = evaluate(model, [fold(t) for t in dev_texts], dev_labels)
        metrics["folded_dev_macro_f1"] = folded["macro_f1"]
        progress(f"      dev typed without accents: macro-F1 {folded['macro_f1']}")
    else:
        progress("[4/4] no dev split given: no dev metrics")
    if shipped:
        version, out = registry.new_version(task), _shipped_path(task, out)
    else:  # the file is reserved (created empty, exclusively) before anything is written into it
        version, out = registry.reserve_version(task, Path(out) if out else None, use_db=register_db)
    try:
        meta = {
            "task": task, "version": version, "data": data_manifest(data),
            "dev": data_manifest([dev]) if dev else [],
            "dev_metrics": metrics, "dev_metrics_before_feedback": before, "include_feedback": include_feedback,
            "n_feedback": len(weights) - sum(1 for w in weights if w == 1.0) if weights else 0,
            "config": {"C": C, "blocks": cfg["blocks"], "sublabel": cfg.get("sublabel") if subs else None,
                       "nb": model.meta.get("nb", 0.0), "nb_C": model.meta.get("nb_C"),
                       "folded_twin": model.folded_twin is not None},
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "code_version": registry.code_version(),
            "train_seconds": round(time.perf_counter() - started, 1),
        }
        sha = registry.save_model(model, out, meta, half=shipped, overwrite=True)
    except BaseException:
        if not shipped:
            out.unlink(missing_ok=True)  # release the reservation
        raise
    meta.update({"file": out.name, "path": str(out.resolve()), "sha256": sha, "size_bytes": out.stat().st_size,
                 "active": bool(activate and not shipped)})
    if shipped:
        reg = registry.shipped_registry()
        reg[task] = {k: v for k, v in meta.items() if k not in ("path", "active")}
        tmp = registry.SHIPPED_DIR / ".registry.json.tmp"
        tmp.write_text(json.dumps(reg, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(registry.SHIPPED_DIR / "registry.json")
    else:
        registry.write_local_entry(task, version, {k: v for k, v in meta.items() if k != "active"},
                                   activate=activate)
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
