"""Issue #18 item 17: attachments above HAIDANG_UPLOAD_MAX_BYTES (default 20 MB) are refused before they
are stored, with a clear message (in Vietnamese for Vietnamese pages)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haidang.cases import actions
from haidang.cases.errors import CaseError
from haidang.cases.models import CaseEvidence, Report, ReportAttachment

from .helpers import accepted_case


def _file(name="big.pdf", size=2048):
    return SimpleUploadedFile(name, b"x" * size, content_type="application/pdf")


def _stored(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [f for f in root.rglob("*") if f.is_file()] if root.exists() else []


def test_the_default_limit_is_20_mb():
    from django.conf import settings

    assert settings.HAIDANG_UPLOAD_MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.django_db
def test_the_report_form_refuses_a_large_attachment_before_storing_it(personas, settings):
    settings.HAIDANG_UPLOAD_MAX_BYTES = 1024
    client = personas.client_for(personas.bob)
    data = {"url": "https://scam.example.net/p/1", "description": "Fake", "category": "scam", "urgency": "high"}
    response = client.post(reverse("cases:report_new"), {**data, "attachments": [_file()]})
    assert response.status_code == 200
    assert "“big.pdf” is 2.0\xa0KB; a file may be at most 1.0\xa0KB." in response.content.decode()
    assert not Report.objects.exists() and not ReportAttachment.objects.exists() and not _stored(settings)
    # Several files under the limit each but over it together are refused too.
    response = client.post(reverse("cases:report_new"),
                           {**data, "attachments": [_file("a.png", 600), _file("b.png", 600)]})
    assert "The attachments together are 1.2\xa0KB" in response.content.decode()
    assert not Report.objects.exists() and not _stored(settings)
    # Within the limit, the file is kept.
    response = client.post(reverse("cases:report_new"), {**data, "attachments": [_file("ok.png", 1000)]})
    assert response.status_code == 302 and ReportAttachment.objects.count() == 1


@pytest.mark.django_db
def test_the_message_is_vietnamese_on_vietnamese_pages(personas, settings):
    settings.HAIDANG_UPLOAD_MAX_BYTES = 1024
    client = personas.client_for(personas.bob)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    response = client.post(reverse("cases:report_new"), {"description": "Fake", "category": "scam",
                                                         "urgency": "high", "attachments": [_file()]})
    assert "Tệp “big.pdf” có dung lượng 2,0\xa0KB; mỗi tệp chỉ được tối đa 1,0\xa0KB." in response.content.decode()


@pytest.mark.django_db
def test_evidence_and_proof_files_and_the_actions_refuse_large_files(personas, settings):
    settings.HAIDANG_UPLOAD_MAX_BYTES = 1024
    p = personas
    case = accepted_case(p)
    before = CaseEvidence.objects.count()
    response = p.client_for(p.alice).post(reverse("cases:evidence_add", args=[case.pk]),
                                          {"file": _file(), "note": "scan"})
    assert response.status_code == 400 and "a file may be at most" in response.content.decode()
    assert CaseEvidence.objects.count() == before and not _stored(settings)
    # The actions check too, whoever calls them.
    with pytest.raises(CaseError):
        actions.do_add_evidence(case, acting_user=p.alice, kind="file", file=_file(), note="scan")
    with pytest.raises(CaseError):
        actions.do_create_report(acting_user=p.bob, description="x", attachments=[_file()])
    assert CaseEvidence.objects.count() == before and not _stored(settings)
