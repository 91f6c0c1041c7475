"""The case dossier: one ZIP holding the case summary (DOCX and PDF), every evidence file and WARC
snapshot, and a manifest of SHA-256 hashes (`manifest.json`, and `manifest.txt` for people).

`verify_dossier(path)` re-hashes every file offline against the manifest; `haidang dossier verify`
calls it. The manifest does not list itself.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from haidang.cases.choices import EvidenceKind
from haidang.cases.models import ActionProof, CaseEvidence, ReportAttachment
from haidang.content.models import Item, Snapshot

from . import casedocs
from .docx import render_docx
from .pdf import render_pdf

MANIFEST_JSON = "manifest.json"
MANIFEST_TXT = "manifest.txt"


def _safe(name: str) -> str:
    name = Path(name).name
    return re.sub(r"[^\w.\-]+", "_", name)[:120] or "file"


def _snapshots(case) -> list[Snapshot]:
    ids: set[int] = set()
    for kind, ref in case.evidence.filter(kind__in=[EvidenceKind.SNAPSHOT, EvidenceKind.ITEM]).values_list("kind", "ref_id"):
        if not str(ref).isdigit():
            continue
        if kind == EvidenceKind.SNAPSHOT:
            ids.add(int(ref))
        else:
            snapshot_id = Item.objects.filter(pk=int(ref)).values_list("snapshot_id", flat=True).first()
            if snapshot_id:
                ids.add(snapshot_id)
    ids |= {int(s) for s in ActionProof.objects.filter(action__case=case).values_list("snapshot_id", flat=True)
            if str(s).isdigit()}
    return list(Snapshot.objects.filter(pk__in=ids).order_by("pk"))


def _files(case) -> list[tuple[str, Callable[[], bytes], str]]:
    """(archive name, reader, what it is) of every stored file of the case."""
    out = []
    for ev in CaseEvidence.objects.filter(case=case).exclude(file=""):
        out.append((f"evidence/{ev.pk}-{_safe(ev.file.name)}", ev.file.read, f"chứng cứ #{ev.pk}"))
    for proof in ActionProof.objects.filter(action__case=case).exclude(file=""):
        out.append((f"proofs/{proof.pk}-{_safe(proof.file.name)}", proof.file.read, f"minh chứng #{proof.pk}"))
    for att in ReportAttachment.objects.filter(report__case=case).exclude(file=""):
        out.append((f"reports/{att.pk}-{_safe(att.name or att.file.name)}", att.file.read, f"tệp đính kèm thông báo #{att.pk}"))
    for snap in _snapshots(case):
        path = Path(settings.EVIDENCE_DIR) / snap.path
        out.append((f"snapshots/{snap.sha256}.warc.gz", path.read_bytes, f"bản lưu WARC #{snap.pk} {snap.url[:80]}"))
    return out


def _read(reader) -> bytes:
    data = reader()
    return data if isinstance(data, bytes) else data.encode()


def build_dossier(case, out_path: Path, *, progress: Callable[[int, int], None] | None = None) -> dict:
    """Write the ZIP; returns the manifest. `progress(done, total)` is called after each file."""
    summary = casedocs.case_conclusion(case)
    files = _files(case)
    total = len(files) + 2
    entries = []
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def add(name: str, data: bytes, what: str) -> None:
            zf.writestr(name, data)
            entries.append({"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "what": what})
            if progress:
                progress(len(entries), total)

        add(f"{case.code}-tom-tat.docx", render_docx(summary), "tóm tắt hồ sơ (DOCX)")
        add(f"{case.code}-tom-tat.pdf", render_pdf(summary), "tóm tắt hồ sơ (PDF)")
        for name, reader, what in files:
            try:
                add(name, _read(reader), what)
            except (OSError, ValueError) as exc:  # a missing file is recorded, not silently skipped
                entries.append({"path": name, "sha256": "", "size": 0, "what": what, "error": str(exc)})
        manifest = {"case": case.code, "title": case.title, "created_at": timezone.now().isoformat(),
                    "algorithm": "sha256", "files": entries}
        zf.writestr(MANIFEST_JSON, json.dumps(manifest, ensure_ascii=False, indent=2))
        lines = [f"Hồ sơ vụ việc {case.code} — lập lúc {timezone.localtime():%H:%M %d/%m/%Y}", "",
                 f"{'SHA-256':64}  {'byte':>10}  tệp"]
        lines += [f"{e['sha256'] or '(thiếu tệp)':64}  {e['size']:>10}  {e['path']}" for e in entries]
        zf.writestr(MANIFEST_TXT, "\n".join(lines) + "\n")
    return manifest


def verify_dossier(path: Path) -> list[str]:
    """Problems found (empty when the dossier holds): one line per bad, missing or unlisted file."""
    problems = []
    with zipfile.ZipFile(path) as zf:
        try:
            manifest = json.loads(zf.read(MANIFEST_JSON))
        except KeyError:
            return [f"{MANIFEST_JSON}: missing"]
        listed = set()
        names = set(zf.namelist())
        for entry in manifest.get("files", []):
            name = entry["path"]
            listed.add(name)
            if name not in names:
                problems.append(f"{name}: missing from the archive")
                continue
            try:
                digest = hashlib.sha256(zf.read(name)).hexdigest()
            except (zipfile.BadZipFile, zlib.error) as exc:  # bytes changed inside the ZIP: its CRC fails
                problems.append(f"{name}: damaged ({exc})")
                continue
            if digest != entry.get("sha256"):
                problems.append(f"{name}: sha256 {digest} does not match the manifest's {entry.get('sha256') or '(none)'}")
        for name in sorted(names - listed - {MANIFEST_JSON, MANIFEST_TXT}):
            problems.append(f"{name}: not in the manifest")
    return problems
