"""Items arriving through ingest form stories: ingest → analysis → items_analyzed → stories task."""

import pytest
from django.db import transaction

from haidang.alerts.models import Story, StoryItem
from haidang.content.ingest import ingest_records

from .helpers import SCAM, repost, source


@pytest.mark.django_db(transaction=False)
def test_ingested_items_form_stories(personas, django_capture_on_commit_callbacks):
    src = source(personas)
    records = [
        {"id": "a", "text": SCAM, "url": "https://fb.example/a"},
        {"id": "b", "text": repost(SCAM), "url": "https://fb.example/b"},
        {"id": "c", "text": "Giá hồ tiêu tại Gio Linh tăng mạnh trong tuần này, nông dân phấn khởi", "url": "https://x.example/c"},
    ]
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            ingest_records(src, records)
    assert StoryItem.objects.count() == 3
    assert Story.objects.filter(item_count=2).count() == 1
