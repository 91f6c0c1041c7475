"""The /reports/ pages: what each person may produce; the periodic report saved, produced as a Job, downloaded."""

import io

import pytest
from docx import Document

from haidang.core.models import Job


@pytest.mark.django_db
def test_the_page_lists_what_each_person_may_produce(personas):
    p = personas
    lead = p.client_for(p.alice).get("/reports/").content.decode()
    assert 'data-testid="periodic-new"' in lead and 'data-testid="export-cases-xlsx"' in lead
    other = p.client_for(p.bob).get("/reports/").content.decode()
    assert 'data-testid="periodic-new"' not in other and 'data-testid="export-cases-xlsx"' in other
    assert p.client_for(p.bob).get("/reports/periodic/new/").status_code == 404
    assert p.client_for(p.vera).get("/reports/periodic/new/").status_code == 404  # viewers read, never write


@pytest.mark.django_db
def test_periodic_report_saved_produced_and_downloaded(dataset, period, django_capture_on_commit_callbacks):
    p = dataset.p
    client = p.client_for(p.alice)
    data = {"period_kind": "month", "date_from": period[0].isoformat(), "date_to": period[1].isoformat(),
            "number": "", "assessment": "Đánh giá: tình hình ổn định.\nĐề xuất: tăng cường phối hợp.", "produce": "docx"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/reports/periodic/new/", data)
    assert response.status_code == 302
    job = Job.objects.get(kind="reports.periodic")
    assert response["Location"] == f"/reports/jobs/{job.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="job-download"' in page
    download = client.get(f"/reports/jobs/{job.pk}/download/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    body = b"".join(download.streaming_content)
    text = "\n".join(para.text for para in Document(io.BytesIO(body)).paragraphs)
    assert "Đề xuất: tăng cường phối hợp." in text
    # The file is its producer's: a colleague's link gives nothing.
    assert p.client_for(p.lena).get(f"/reports/jobs/{job.pk}/download/").status_code == 404


@pytest.mark.django_db
def test_bad_period_is_refused_on_the_form(personas):
    response = personas.client_for(personas.alice).post("/reports/periodic/new/", {
        "period_kind": "month", "date_from": "2026-02-01", "date_to": "2026-01-01", "produce": ""})
    assert response.status_code == 200 and not Job.objects.exists()


@pytest.mark.django_db
def test_transparency_page_and_case_documents(dataset):
    p = dataset.p
    page = p.client_for(p.alice).get("/reports/transparency/").content.decode()
    assert "BÁO CÁO MINH BẠCH" in page and dataset.secret_case.code not in page
    docs = p.client_for(p.alice).get(f"/reports/cases/{dataset.open_case.pk}/")
    assert docs.status_code == 200
    action = dataset.open_case.actions.get(kind="request_correction")
    response = p.client_for(p.alice).get(f"/reports/cases/{dataset.open_case.pk}/action/{action.pk}.docx")
    assert response.status_code == 200
    assert p.client_for(p.charlie).get(f"/reports/cases/{dataset.secret_case.pk}/conclusion.docx").status_code == 404
