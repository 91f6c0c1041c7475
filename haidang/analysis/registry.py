"""The model registry: versioned artefacts with metadata, one active model per task.

Layout: every locally trained model is its own file, `MODELS_DIR/<task>/<version>.joblib`, never
overwritten; `MODELS_DIR/registry.json` holds `{task: {"active": version, "versions": {version: meta}}}`
with each file's SHA-256. Activation is a separate step (`haidang models activate`, or `haidang train`
without `--no-activate`).

Where the active model of a task comes from, first found (with its file present) wins:
1. the active `ModelVersion` row (set by `haidang train` / `haidang models activate` when a database is there);
2. `settings.MODELS_DIR/registry.json` (written by the same commands, so the CLI works without a database);
3. the shipped default in `analysis/shipped/` (trained only on ViHOS, MIT, and on project-owned data).

Every load checks the file's SHA-256 against the recorded one (`ModelIntegrityError` otherwise): a joblib
file is a pickle, so bytes nobody registered are never unpickled.

Models trained on research-only data (ViHSD, ViSpamReviews, UIT-VSFC, SMS) live only under MODELS_DIR:
they are never committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import logging
import os
import subprocess
from pathlib import Path

import joblib
import numpy as np
from django.conf import settings

from .classify import FEATURES_VERSION, Scorer, TaskModel

log = logging.getLogger(__name__)

SHIPPED_DIR = Path(__file__).resolve().parent / "shipped"
TASKS = {
    "toxicity": ["CLEAN", "HATE", "OFFENSIVE"],
    "hate_offensive": ["CLEAN", "HATE_OR_OFFENSIVE"],
    "spam": ["NO_SPAM", "SPAM"],
    "sentiment": ["negative", "neutral", "positive"],
    "scam": ["HAM", "SCAM"],
}


class ModelIntegrityError(ValueError):
    """A model file whose SHA-256 is not the recorded one: it is refused before unpickling."""

    def __init__(self, path, expected: str, actual: str):
        self.path, self.expected, self.actual = str(path), expected, actual
        super().__init__(f"{path}: SHA-256 mismatch, expected {expected or '(none recorded)'}, got {actual}: "
                         "refusing to load this model file")


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


def save_model(model: TaskModel, path: Path, meta: dict, *, half: bool = False, overwrite: bool = False) -> str:
    """Write an artefact (joblib, compressed); returns its SHA-256. `half` stores weights as float16.

    Refuses an existing file unless `overwrite` (the shipped default, or a file reserved by
    `reserve_version`); the write goes through a temporary file so a crash never leaves half a model."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists: a model file is never overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = _payload(model, half)
    payload["meta"] = {**model.meta, **meta}
    if model.folded_twin is not None:  # the model for posts typed without accents, in the same file
        payload["folded_twin"] = _payload(model.folded_twin, half)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        joblib.dump(payload, tmp, compress=("zlib", 6))
        sha = sha256_file(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return sha


def _payload(model: TaskModel, half: bool) -> dict:
    dtype = np.float16 if half else np.float32
    return {"task": model.task, "classes": model.classes, "blocks": model.blocks,
            "idf": {b: v.astype(dtype) for b, v in model.idf.items()},
            "coef": {b: v.astype(dtype) for b, v in model.coef.items()},
            "intercept": model.intercept, "priors": model.priors, "subclasses": model.subclasses,
            "label_of": model.label_of, "meta": model.meta}


def _from_payload(payload: dict) -> TaskModel:
    return TaskModel(task=payload["task"], classes=list(payload["classes"]), blocks=dict(payload["blocks"]),
                     idf={b: v.astype(np.float32) for b, v in payload["idf"].items()},
                     coef={b: np.ascontiguousarray(v.astype(np.float32)) for b, v in payload["coef"].items()},
                     intercept=np.asarray(payload["intercept"]), priors=np.asarray(payload["priors"]),
                     subclasses=payload.get("subclasses"), label_of=payload.get("label_of"), meta=payload["meta"])


def _read_verified(path: Path, expected: list[str]) -> bytes:
    """The file's bytes, if their SHA-256 is one of `expected` (no check when `expected` is empty).

    The bytes hashed are the bytes unpickled, so a file swapped after the check cannot slip through; no
    digest cache: hashing costs ~1 ms per MB against ~80 ms to unpickle it."""
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if expected and actual not in expected:
        raise ModelIntegrityError(path, " or ".join(dict.fromkeys(expected)), actual)
    return data


def read_verified(path: Path, sha256: str) -> bytes:
    """The bytes of a model file kept outside the registries (the span tagger, the hate-context model),
    refused with ModelIntegrityError unless their SHA-256 is `sha256`."""
    return _read_verified(Path(path), [str(sha256 or "").lower()])


def sha256_beside(path: Path) -> str:
    """The SHA-256 recorded in the `<name>.json` written beside such a file when it was trained."""
    meta_path = Path(path).with_suffix(".json")
    if not meta_path.exists():
        raise FileNotFoundError(f"{meta_path} is missing: cannot check {path}")
    expected = json.loads(meta_path.read_text(encoding="utf-8")).get("sha256")
    if not expected:
        raise ValueError(f"{meta_path} records no sha256")
    return expected


def load_model(path: Path, sha256: str | None = None) -> TaskModel:
    """Load an artefact after checking its SHA-256: against `sha256` when given (an empty string means
    nothing was recorded, which is refused), else against what the registries record for this path (DB
    rows, MODELS_DIR/registry.json, shipped/registry.json). A file recorded nowhere (an explicit
    `evaluate --model` path) loads unchecked."""
    path = Path(path)
    expected = [sha256] if sha256 is not None else [r["sha256"] or "" for r in recorded(path)]
    payload = joblib.load(io.BytesIO(_read_verified(path, expected)))
    if payload["meta"].get("features") != FEATURES_VERSION or "blocks" not in payload:
        raise ValueError(f"{path}: trained with features {payload['meta'].get('features')}, "
                         f"this code computes {FEATURES_VERSION}: retrain it")
    model = _from_payload(payload)
    if payload.get("folded_twin"):
        model.folded_twin = _from_payload(payload["folded_twin"])
    return model


# --- local registry (MODELS_DIR/registry.json) -----------------------------------------------------

def new_version(task: str) -> str:
    return f"{task}-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S}"


def version_path(task: str, version: str) -> Path:
    return Path(settings.MODELS_DIR) / task / f"{version}.joblib"


def _local_registry_path() -> Path:
    return Path(settings.MODELS_DIR) / "registry.json"


@contextlib.contextmanager
def _registry_lock():
    """Serialises read-modify-write of registry.json between processes (two trainings at once).
    Not re-entrant: flock on a second descriptor of the same file would wait for the first."""
    path = _local_registry_path().with_name(".registry.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            fcntl = None
        if fcntl:
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl:
                fcntl.flock(fh, fcntl.LOCK_UN)


def read_local_registry() -> dict:
    path = _local_registry_path()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_local_registry(reg: dict) -> None:
    path = _local_registry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".registry.json.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(reg, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def write_local_entry(task: str, version: str, meta: dict, *, activate: bool = True) -> None:
    with _registry_lock():
        reg = read_local_registry()
        entry = reg.setdefault(task, {"active": None, "versions": {}})
        entry["versions"][version] = meta
        if activate:
            entry["active"] = version
        _write_local_registry(reg)


def check_out(out: Path | None, *, use_db: bool = True) -> bool:
    """Whether `out` names a file (else a directory or None); an existing file, or the recorded file of a
    version, is refused (ValueError). Called before training too, so a bad --out fails fast."""
    if out is None or Path(out).suffix != ".joblib" or Path(out).is_dir():
        return False
    taken = recorded(Path(out), use_db=use_db)
    if Path(out).exists() or taken:
        owner = f" (the file of {taken[0]['version']})" if taken else ""
        raise ValueError(f"{out} already exists{owner}: a model file is never overwritten; "
                         "give a directory or a new file name")
    return True


def reserve_version(task: str, out: Path | None = None, *, use_db: bool = True) -> tuple[str, Path]:
    """A new version label and its file, created empty with O_EXCL so that no other training can take it.

    `out`: None (MODELS_DIR/<task>/<version>.joblib), a directory (`<out>/<version>.joblib`), or a new
    `.joblib` file; an existing file, or the recorded file of another version, is refused (ValueError).
    `use_db=False` never reads the database (the benchmark's trainings)."""
    explicit = check_out(out, use_db=use_db)
    if explicit:
        out = Path(out)
    directory = out.parent if explicit else Path(out or Path(settings.MODELS_DIR) / task)
    directory.mkdir(parents=True, exist_ok=True)
    with _registry_lock():
        taken_versions = set(read_local_registry().get(task, {}).get("versions", {}))
        taken_versions |= {r["version"] for r in (_db_records(task) if use_db else [])}
        base = new_version(task)
        for n in range(1, 1000):
            version = base if n == 1 else f"{base}-{n}"  # a counter when two trainings share the second
            if version in taken_versions or version_path(task, version).exists():
                continue
            path = out if explicit else directory / f"{version}.joblib"
            try:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            except FileExistsError:
                if explicit:
                    raise ValueError(f"{path} already exists: a model file is never overwritten") from None
                continue
            return version, path
    raise ValueError(f"no free version name for {task} in {directory}")


def shipped_registry() -> dict:
    path = SHIPPED_DIR / "registry.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


# --- what is recorded where ------------------------------------------------------------------------

def _db_records(task: str | None = None) -> list[dict]:
    try:
        from .models import ModelVersion

        rows = ModelVersion.objects.all() if task is None else ModelVersion.objects.filter(task=task)
        return [{"task": mv.task, "version": mv.version, "path": mv.path, "sha256": mv.sha256,
                 "dev_metrics": mv.metrics, "data": mv.data, "code_version": mv.code_version,
                 "date": mv.created_at.isoformat(timespec="seconds"), "source": "db", "active_here": mv.active}
                for mv in rows]
    except Exception:  # no database or not migrated: the files are the registry
        return []


def db_available() -> bool:
    try:
        from .models import ModelVersion

        ModelVersion.objects.exists()
        return True
    except Exception:
        return False


def records(task: str | None = None, *, use_db: bool = True) -> list[dict]:
    """Every recorded version, once per place that records it (source db, local, shipped)."""
    out = _db_records(task) if use_db else []
    for t, entry in read_local_registry().items():
        if task in (None, t):
            for version, meta in entry.get("versions", {}).items():
                out.append({**meta, "task": t, "version": version, "source": "local",
                            "active_here": entry.get("active") == version})
    for t, meta in shipped_registry().items():
        if task in (None, t):
            out.append({**meta, "task": t, "path": str(SHIPPED_DIR / meta["file"]), "source": "shipped",
                        "active_here": True})
    return out


def recorded(path: Path, *, use_db: bool = True) -> list[dict]:
    """The records whose file is `path`."""
    target = Path(path).resolve()
    return [r for r in records(use_db=use_db) if r.get("path") and Path(r["path"]).resolve() == target]


def _active_from_db() -> dict[str, dict]:
    try:
        from .models import ModelVersion

        return {mv.task: {"version": mv.version, "path": mv.path, "sha256": mv.sha256, "metrics": mv.metrics}
                for mv in ModelVersion.objects.filter(active=True)}
    except Exception:  # no database or not migrated: fall back to files
        return {}


def active_entries() -> dict[str, dict]:
    """task -> {"version", "path", "sha256", "source": db|local|shipped, ...}: per task the first source
    whose file exists (a missing file falls through to the next source, with a warning)."""
    candidates: dict[str, list[dict]] = {}
    for task, meta in shipped_registry().items():
        candidates.setdefault(task, []).insert(0, {**meta, "path": str(SHIPPED_DIR / meta["file"]),
                                                   "source": "shipped"})
    for task, entry in read_local_registry().items():
        version = entry.get("active")
        if version and version in entry.get("versions", {}):
            candidates.setdefault(task, []).insert(0, {**entry["versions"][version], "version": version,
                                                       "source": "local"})
    for task, meta in _active_from_db().items():
        candidates.setdefault(task, []).insert(0, {**meta, "source": "db"})
    out = {}
    for task, entries in candidates.items():
        for e in entries:
            if Path(e["path"]).exists():
                out[task] = e
                break
            log.warning("active %s model %s (%s): file %s is missing", task, e.get("version"), e["source"],
                        e["path"])
    return out


def list_versions(task: str | None = None) -> list[dict]:
    """One row per (task, version): path and sha256 as the registry resolves them (db, then local, then
    shipped), dev metrics and date from the richest record, `sources`, and `active` (what loads)."""
    rank = {"db": 0, "local": 1, "shipped": 2}
    merged: dict[tuple, dict] = {}
    for r in sorted(records(task), key=lambda r: rank[r["source"]]):
        row = merged.setdefault((r["task"], r["version"]), {
            "task": r["task"], "version": r["version"], "path": r["path"], "sha256": r.get("sha256") or "",
            "sources": [], "records": []})
        row["sources"].append(r["source"])
        row["records"].append(r)
        for key in ("dev_metrics", "date", "data", "code_version"):
            if r.get(key) and (r["source"] != "db" or not row.get(key)):
                row[key] = r[key]
    active = {t: e.get("version") for t, e in active_entries().items()}
    rows = sorted(merged.values(), key=lambda r: (r["task"], r.get("date") or "", r["version"]))
    for row in rows:
        row["active"] = active.get(row["task"]) == row["version"]
        row["macro_f1"] = (row.get("dev_metrics") or {}).get("macro_f1")
        row["exists"] = Path(row["path"]).exists()
    return rows


def get_version(version: str) -> dict | None:
    return next((r for r in list_versions() if r["version"] == version), None)


# --- loaded models ---------------------------------------------------------------------------------

_cache: dict[str, object] = {"models": None, "scorer": None, "errors": {}}


def active_models() -> dict[str, TaskModel]:
    """Loaded active models, cached per process (cleared when a model is activated). A file that fails
    its SHA-256 check is refused (logged, see `load_errors()`): the task then runs without a model."""
    if _cache["models"] is None:
        models, errors = {}, {}
        for task, entry in active_entries().items():
            try:
                model = load_model(Path(entry["path"]), sha256=entry.get("sha256") or "")
            except ModelIntegrityError as exc:
                log.error("%s", exc)
                errors[task] = str(exc)
                continue
            except Exception as exc:  # a broken or incompatible artefact must not stop the analyser
                log.warning("%s model %s not loaded: %s", task, entry.get("version"), exc)
                errors[task] = str(exc)
                continue
            model.meta = {**model.meta, "version": entry.get("version", ""), "source": entry["source"]}
            models[task] = model
        _cache["models"], _cache["errors"] = models, errors
    return _cache["models"]


def load_errors() -> dict[str, str]:
    """task -> why its active model was not loaded (after `active_models()`)."""
    active_models()
    return dict(_cache["errors"])


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
    _cache["errors"] = {}
