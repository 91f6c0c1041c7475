"""Demo items: about forty invented posts and articles about Quảng Trị and the former Quảng Bình
(a bank-transfer scam and its reposts, a false dam-break rumour in Lệ Thủy, a hospital grievance in
Đồng Hới, lawful criticism of a policy, a page impersonating the provincial police, exposed citizen
ID numbers, ordinary news). They go through the real ingest pipeline. All text is written for the
demo; any resemblance to real accounts is accidental."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.utils import timezone

from .ingest import ingest_records
from .models import Item

FIXTURE = Path(__file__).with_name("demo_items.jsonl")


def load(stdout=None) -> dict:
    from haidang.sources.demo import demo_sources

    sources = demo_sources()
    if not sources or Item.objects.filter(source__in=sources.values()).exists():
        return {}  # idempotent: the demo items are loaded once
    now = timezone.now()
    by_source: dict[str, list[dict]] = {}
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        record["published_at"] = (now - dt.timedelta(hours=record.pop("hours_ago", 0))).isoformat()
        by_source.setdefault(record.pop("source"), []).append(record)
    created = 0
    for key, records in by_source.items():
        if key in sources:
            created += ingest_records(sources[key], records).new
    return {"items": created}
