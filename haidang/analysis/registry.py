"""The model registry: versioned artefacts with metadata, one active model per task.

Where the active model of a task comes from, first found wins:
1. the active `ModelVersion` row (set by `haidang train` when a database is there);
2. `settings.MODELS_DIR/registry.json` (written by `haidang train`, so the CLI works without a database);
3. the shipped default in `analysis/shipped/` (trained only on ViHOS, MIT, and on project-owned data).

Models trained on research-only data (ViHSD, ViSpamReviews, UIT-VSFC, SMS) live only under MODELS_DIR:
they are never committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from pathlib import Path

import joblib
import numpy as np
from django.conf import settings

from .classify import FEATURES_VERSION, Scorer, TaskModel

SHIPPED_DIR = Path(__file__).resolve().parent / "shipped"
TASKS = {
    "toxicity": ["CLEAN", "HATE", "OFFENSIVE"],
    "hate_offensive": ["CLEAN", "HATE_OR_OFFENSIVE"],
    "spam": ["NO_SPAM", "SPAM"],
    "sentiment": ["negative", "neutral", "positive"],
    "scam": ["HAM", "SCAM"],
}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def code_version() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=Path(__file__).resolve().parent,
                             capture_output=True, text=True, timeout=5)
        return out.stdout.strip() or "unknown"
    except Exception:
        return "unknown"


def save_model(model: TaskModel, path: Path, meta: dict, *, half: bool = False) -> str:
    """Write an artefact (joblib, compressed); returns its SHA-256. `half` stores weights as float16."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    dtype = np.float16 if half else np.float32
    payload = {"task": model.task, "classes": model.classes, "blocks": model.blocks,
               "idf": {b: v.astype(dtype) for b, v in model.idf.items()},
               "coef": {b: v.astype(dtype) for b, v in model.coef.items()},
               "intercept": model.intercept, "priors": model.priors, "subclasses": model.subclasses,
               "label_of": model.label_of, "meta": {**model.meta, **meta}}
    joblib.dump(payload, path, compress=("zlib", 6))
    return sha256_file(path)


def load_model(path: Path) -> TaskModel:
    payload = joblib.load(path)
    if payload["meta"].get("features") != FEATURES_VERSION or "blocks" not in payload:
        raise ValueError(f"{path}: trained with features {payload['meta'].get('features')}, "
                         f"this code computes {FEATURES_VERSION}: retrain it")
    return TaskModel(task=payload["task"], classes=list(payload["classes"]), blocks=dict(payload["blocks"]),
                     idf={b: v.astype(np.float32) for b, v in payload["idf"].items()},
                     coef={b: np.ascontiguousarray(v.astype(np.float32)) for b, v in payload["coef"].items()},
                     intercept=np.asarray(payload["intercept"]), priors=np.asarray(payload["priors"]),
                     subclasses=payload.get("subclasses"), label_of=payload.get("label_of"), meta=payload["meta"])


def new_version(task: str) -> str:
    return f"{task}-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S}"


def _local_registry_path() -> Path:
    return Path(settings.MODELS_DIR) / "registry.json"


def read_local_registry() -> dict:
    path = _local_registry_path()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_local_entry(task: str, version: str, meta: dict, *, activate: bool = True) -> None:
    reg = read_local_registry()
    entry = reg.setdefault(task, {"active": None, "versions": {}})
    entry["versions"][version] = meta
    if activate:
        entry["active"] = version
    path = _local_registry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(reg, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def shipped_registry() -> dict:
    path = SHIPPED_DIR / "registry.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _active_from_db() -> dict[str, dict]:
    try:
        from .models import ModelVersion

        return {mv.task: {"version": mv.version, "path": mv.path, "sha256": mv.sha256, "metrics": mv.metrics}
                for mv in ModelVersion.objects.filter(active=True)}
    except Exception:  # no database or not migrated: fall back to files
        return {}


def active_entries() -> dict[str, dict]:
    """task -> {"version", "path", "source": db|local|shipped, ...}."""
    out: dict[str, dict] = {}
    for task, meta in shipped_registry().items():
        out[task] = {**meta, "path": str(SHIPPED_DIR / meta["file"]), "source": "shipped"}
    for task, entry in read_local_registry().items():
        version = entry.get("active")
        if version and version in entry.get("versions", {}):
            out[task] = {**entry["versions"][version], "version": version, "source": "local"}
    for task, meta in _active_from_db().items():
        out[task] = {**meta, "source": "db"}
    return {t: e for t, e in out.items() if Path(e["path"]).exists()}


_cache: dict[str, object] = {"models": None, "scorer": None}


def active_models() -> dict[str, TaskModel]:
    """Loaded active models, cached per process (cleared when a model is activated)."""
    if _cache["models"] is None:
        models = {}
        for task, entry in active_entries().items():
            try:
                model = load_model(Path(entry["path"]))
            except Exception:  # a broken or incompatible artefact must not stop the analyser
                continue
            model.meta = {**model.meta, "version": entry.get("version", ""), "source": entry["source"]}
            models[task] = model
        _cache["models"] = models
    return _cache["models"]


def active_scorer() -> Scorer | None:
    """One `Scorer` over all active models (cached with them): every model scored in one pass."""
    models = active_models()
    if not models:
        return None
    if _cache["scorer"] is None or [id(m) for m in _cache["scorer"].models] != [id(m) for m in models.values()]:
        _cache["scorer"] = Scorer(list(models.values()))
    return _cache["scorer"]


def clear_cache() -> None:
    _cache["models"] = None
    _cache["scorer"] = None
