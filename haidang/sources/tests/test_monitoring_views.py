"""Sources page: edit, fetch now (queued), import a file as a Job with progress; others refused."""

import json

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from haidang.content.models import Item
from haidang.core.models import Job
from haidang.sources.actions import do_create_source
from haidang.sources.models import Source


def test_edit_a_source(personas):
    source = do_create_source(name="Cổng", kind="feed", agency=personas.health, url="https://h.example.vn/rss")
    client = personas.client_for(personas.bob)
    url = reverse("sources:edit", args=[source.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Cổng Sở Y tế", "kind": "feed", "url": "https://h.example.vn/rss",
                                 "platform": "news", "interval_minutes": 30, "credibility": 0.9, "active": "on"})
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.name == "Cổng Sở Y tế" and source.interval_minutes == 30
    assert personas.client_for(personas.charlie).get(url).status_code == 404


def test_import_a_file_runs_as_a_job(personas, settings):
    source = do_create_source(name="Nhập", kind="file", agency=personas.health)
    body = "\n".join(json.dumps({"id": str(n), "text": f"Bài số {n}"}) for n in range(5)).encode()
    client = personas.client_for(personas.bob)
    response = client.post(reverse("sources:import"), {
        "source": source.pk, "format": "auto", "file": SimpleUploadedFile("posts.jsonl", body)})
    job = Job.objects.get(kind="ingest.import")
    assert response.status_code == 302 and response["Location"] == reverse("job_detail", args=[job.pk])
    assert job.status == "succeeded" and job.counts["new"] == 5 and job.progress_done == 5
    assert Item.objects.filter(source=source).count() == 5
    assert not list((settings.MEDIA_ROOT / "uploads").iterdir())  # the upload is not kept twice
    progress = client.get(reverse("job_detail", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert f"job-{job.pk}" in progress and "hx-get" not in progress  # finished: polling stops


def test_import_refused_for_sources_one_does_not_manage(personas):
    source = do_create_source(name="Nhập", kind="file", agency=personas.health)
    response = personas.client_for(personas.charlie).post(reverse("sources:import"), {
        "source": source.pk, "format": "auto", "file": SimpleUploadedFile("a.jsonl", b'{"id": "1", "text": "x"}')})
    assert response.status_code == 302 and not Job.objects.exists() and not Item.objects.exists()
    nobody = get_user_model().objects.create_user("nobody", password="x" * 12)
    assert personas.client_for(nobody).post(reverse("sources:import"), {}).status_code == 404
    assert Client().post(reverse("sources:import"), {}).status_code == 302


def test_list_shows_health_markers(personas):
    source = do_create_source(name="Hỏng", kind="feed", agency=personas.lead, url="https://x.example.vn/rss")
    Source.objects.filter(pk=source.pk).update(consecutive_failures=2, last_error="timeout")
    page = personas.client_for(personas.alice).get(reverse("sources:list")).content.decode()
    assert 'data-health="failing"' in page and 'id="sources-failing"' in page
    assert reverse("sources:edit", args=[source.pk]) in page and 'id="import-form"' in page
