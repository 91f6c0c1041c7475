"""Issue #15 item 4: proof you can open. Files and snapshots go through the case's access rule, download
as attachments with nosniff, and downloads of a confidential case's proof are audited."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haidang.audit.models import AuditEntry
from haidang.cases import actions
from haidang.cases.choices import ProofKind
from haidang.cases.models import ActionProof

from .helpers import accepted_case, add_removal, appraised_case, report


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _html_upload():
    return SimpleUploadedFile("proof.html", b"<script>alert(1)</script>", content_type="text/html")


@pytest.mark.django_db
@pytest.mark.parametrize("confidentiality", ["normal", "confidential"])
def test_an_evidence_file_downloads_for_a_participant_404s_for_an_outsider(personas, confidentiality):
    p = personas
    case = accepted_case(p, confidentiality=confidentiality)
    evidence = actions.do_add_evidence(case, acting_user=p.bob, file=_html_upload(), note="screenshot")
    url = reverse("cases:file", args=[case.pk, "evidence", evidence.pk])
    response = p.client_for(p.bob).get(url)  # bob's agency takes part
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;") and "proof.html" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/octet-stream"
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"
    assert p.client_for(p.charlie).get(url).status_code == 404
    audited = AuditEntry.objects.filter(action="case.file_download", actor=p.bob).count()
    assert audited == (1 if confidentiality == "confidential" else 0)
    # The evidence tab links to it.
    page = p.client_for(p.bob).get(reverse("cases:detail", args=[case.pk]), {"tab": "evidence"}).content.decode()
    assert url in page


@pytest.mark.django_db
def test_a_file_of_another_case_is_not_reachable_through_this_one(personas):
    p = personas
    case = accepted_case(p)
    other = accepted_case(p, url="https://scam.example.net/post/2", confidentiality="confidential",
                          participants=[p.police])
    evidence = actions.do_add_evidence(other, acting_user=p.alice, file=_html_upload())
    assert p.client_for(p.bob).get(reverse("cases:file", args=[case.pk, "evidence", evidence.pk])).status_code == 404


@pytest.mark.django_db
def test_a_report_attachment_downloads_for_the_reporter_and_the_lead_only(personas):
    p = personas
    r = report(p, attachments=[SimpleUploadedFile("shot.png", b"\x89PNG...", content_type="image/png")])
    attachment = r.attachments.get()
    url = reverse("cases:report_attachment", args=[r.pk, attachment.pk])
    for user in (p.bob, p.alice):
        response = p.client_for(user).get(url)
        assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
        assert 'filename="shot.png"' in response["Content-Disposition"]
    assert p.client_for(p.charlie).get(url).status_code == 404
    assert url in p.client_for(p.bob).get(reverse("cases:report_detail", args=[r.pk])).content.decode()


@pytest.mark.django_db
def test_proof_files_download_and_the_refetch_is_said_in_words(personas, monkeypatch):
    p = personas
    case = appraised_case(p, confidentiality="confidential")
    removal = add_removal(p, case)
    actions.do_approve_plan(case, acting_user=p.lena)
    actions.do_second_approve_action(removal, acting_user=p.lars)
    actions.do_start_action(removal, acting_user=p.alice)
    proof = actions.do_record_proof(removal, acting_user=p.alice, file=SimpleUploadedFile("letter.pdf", b"%PDF-1"))
    url = reverse("cases:file", args=[case.pk, "proof", proof.pk])
    assert p.client_for(p.alice).get(url).status_code == 200
    assert AuditEntry.objects.filter(action="case.file_download", object_id=str(proof.pk)).count() == 1
    assert p.client_for(p.charlie).get(url).status_code == 404

    class Gone:
        pk = None
        status_code = 404

    monkeypatch.setattr("haidang.cases.actions._refetch", lambda url, user: Gone())
    gone = actions.do_record_proof(removal, acting_user=p.alice, refetch=True)
    page = p.client_for(p.alice).get(reverse("cases:detail", args=[case.pk]), {"tab": "actions"}).content.decode()
    assert "404 – removed" in page and url in page
    assert gone.refetch_result == "404 – removed"
    assert ActionProof(kind=ProofKind.REFETCH, http_status=200).refetch_result == "still up (HTTP 200)"
    assert ActionProof(kind=ProofKind.REFETCH, http_status=None).refetch_result == "could not connect"
    assert ActionProof(kind=ProofKind.TEXT).refetch_result == ""


@pytest.mark.django_db
def test_the_refetch_words_are_vietnamese_in_the_vietnamese_ui():
    from django.utils import translation

    with translation.override("vi"):
        assert ActionProof(kind=ProofKind.REFETCH, http_status=404).refetch_result == "404 – đã gỡ"
        assert ActionProof(kind=ProofKind.REFETCH, http_status=200).refetch_result.startswith("vẫn còn")
        assert ActionProof(kind=ProofKind.REFETCH, http_status=None).refetch_result == "không kết nối được"


@pytest.mark.django_db
def test_a_proof_snapshot_downloads_through_the_case_and_is_audited(personas, settings, tmp_path):
    from haidang.content.models import Snapshot

    p = personas
    settings.EVIDENCE_DIR = tmp_path / "evidence"
    (settings.EVIDENCE_DIR / "x").mkdir(parents=True)
    (settings.EVIDENCE_DIR / "x" / "1.warc.gz").write_bytes(b"WARC")
    case = appraised_case(p, confidentiality="confidential", participants=[p.health])
    action = add_removal(p, case)
    snap = Snapshot.objects.create(url="https://scam.example.net/post/1", sha256="1" * 64, payload_sha256="1" * 64,
                                   path="x/1.warc.gz", status_code=404)
    ActionProof.objects.create(action=action, kind=ProofKind.REFETCH, http_status=404, snapshot_id=str(snap.pk),
                               recorded_by=p.alice)
    url = reverse("cases:snapshot", args=[case.pk, snap.pk])
    response = p.client_for(p.bob).get(url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert AuditEntry.objects.filter(action="case.file_download", actor=p.bob).count() == 1
    assert p.client_for(p.charlie).get(url).status_code == 404
    # A snapshot the case does not rely on is not reachable through it.
    assert p.client_for(p.bob).get(reverse("cases:snapshot", args=[case.pk, snap.pk + 99])).status_code == 404
