"""No English left in the Vietnamese UI: "how long ago" and job counters are words of the catalogue."""

from __future__ import annotations

import datetime as dt

from django.template import Context, Template
from django.utils import timezone, translation

from haidang.core.models import Job


def test_how_long_ago_is_all_vietnamese():
    now = timezone.now()
    with translation.override("vi"):
        rendered = Template("{% load haidang_tags humanize %}{{ a|ago }} / {{ b|ago }} / {{ b|naturaltime }}").render(
            Context({"a": now - dt.timedelta(minutes=3), "b": now - dt.timedelta(days=3)}))
    assert rendered.replace("\xa0", " ") == "3 phút trước / 3 ngày trước / 3 ngày trước"


def test_job_counters_are_labelled(db):
    job = Job.objects.create(kind="ingest", counts={"read": 1200, "duplicates": 3, "custom_key": 1})
    with translation.override("vi"):
        html = Template('{% include "core/job_progress.html" %}').render(Context({"job": job}))
    assert "bản ghi đã đọc" in html and "1.200" in html and "trùng lặp, bỏ qua" in html
    assert ">duplicates<" not in html and "custom key" in html
