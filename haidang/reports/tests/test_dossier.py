"""The case dossier: summary, evidence files and WARC snapshots in one ZIP with a SHA-256 manifest;
`haidang dossier verify` passes on a fresh one and names the file when one byte changes."""

import datetime as dt
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from haidang.cases import actions as cases
from haidang.cases.choices import EvidenceKind
from haidang.content.evidence import write_resource
from haidang.content.models import Snapshot
from haidang.reports import actions, queue
from haidang.reports.dossier import MANIFEST_JSON, verify_dossier

EVIDENCE = b"%PDF-1.4 screenshot of the fake page, as the officer saved it"


def _dossier(dataset, tmp_path, capture):
    p, case = dataset.p, dataset.closed_case
    stored = write_resource(uri="https://scam.example.net/post/1", body=b"<html>fake SYT page</html>",
                            content_type="text/html", fetched_at=timezone.now() - dt.timedelta(days=1))
    snapshot = Snapshot.objects.create(url="https://scam.example.net/post/1", sha256=stored.sha256,
                                       payload_sha256=stored.payload_sha256, path=stored.path)
    cases.do_add_evidence(case, acting_user=p.alice, kind=EvidenceKind.SNAPSHOT, ref_id=str(snapshot.pk))
    cases.do_add_evidence(case, acting_user=p.alice, kind=EvidenceKind.FILE,
                          file=SimpleUploadedFile("anh chup.pdf", EVIDENCE, content_type="application/pdf"))
    with capture(execute=True):
        job = queue.start("dossier", {"case_id": case.pk}, acting_user=p.alice, obj=case)
    job.refresh_from_db()
    assert job.status == "succeeded", job.log
    assert job.progress_done == job.progress_total and job.progress_total >= 4
    path = actions.job_file(job)
    assert path is not None and path.suffix == ".zip"
    return path, snapshot


def _tamper(src, dst, member_suffix):
    """Copy the ZIP with one byte of one member changed (what a careless or hostile edit does)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith(member_suffix):
                data = bytes([data[0] ^ 0x01]) + data[1:]
                changed = info.filename
            zout.writestr(info, data)
    return changed


@pytest.mark.django_db
def test_a_fresh_dossier_verifies_and_a_changed_byte_is_named(dataset, tmp_path, django_capture_on_commit_callbacks,
                                                                capsys):
    path, snapshot = _dossier(dataset, tmp_path, django_capture_on_commit_callbacks)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read(MANIFEST_JSON))
        assert "SHA-256" in zf.read("manifest.txt").decode()
    code = dataset.closed_case.code
    assert {f"{code}-tom-tat.docx", f"{code}-tom-tat.pdf", f"snapshots/{snapshot.sha256}.warc.gz"} <= names
    evidence = [n for n in names if n.startswith("evidence/")]
    assert len(evidence) == 1 and evidence[0].endswith("anh_chup.pdf")
    assert {e["path"] for e in manifest["files"]} == names - {MANIFEST_JSON, "manifest.txt"}

    assert verify_dossier(path) == []
    call_command("dossier", "verify", str(path))
    assert "OK" in capsys.readouterr().out

    bad = tmp_path / "bad.zip"
    changed = _tamper(path, bad, "anh_chup.pdf")
    problems = verify_dossier(bad)
    assert len(problems) == 1 and problems[0].startswith(changed)
    with pytest.raises(SystemExit) as exit_info:
        call_command("dossier", "verify", str(bad))
    assert exit_info.value.code == 1
    assert changed in capsys.readouterr().err


@pytest.mark.django_db
def test_an_outsider_cannot_build_the_dossier(dataset):
    p = dataset.p
    response = p.client_for(p.charlie).post(f"/reports/cases/{dataset.secret_case.pk}/dossier/")
    assert response.status_code == 404
