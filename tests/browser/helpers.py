"""Given-steps for the browser tests: data made through the apps' own actions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.utils import timezone

from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.sources.actions import do_create_source


def source_for(personas, name: str = "Nguồn thử nghiệm", platform: str = "facebook", **kw):
    return do_create_source(name=name, kind="push", agency=personas.lead, platform=platform,
                            acting_user=personas.alice, **kw)


def ingest(source, records: list[dict]):
    """Through the real ingest pipeline; analysis runs inline (the on_commit signal would not fire
    inside a test transaction, and live_server tests are transactional, so call it explicitly)."""
    stats = ingest_records(source, records)
    analyse(Item.objects.filter(source=source))
    return stats


def analyse(items) -> None:
    try:
        from haidang.analysis.tasks import analyse_items
    except ImportError:  # pragma: no cover - analysis is installed
        return
    analyse_items(list(items.values_list("id", flat=True)))


DEMO_ITEMS = Path(__file__).resolve().parents[2] / "haidang" / "content" / "demo_items.jsonl"


def demo_records(limit: int = 40) -> list[dict]:
    """The content app's invented demo posts, dated relative to now."""
    now = timezone.now()
    records = []
    for line in DEMO_ITEMS.read_text(encoding="utf-8").splitlines()[:limit]:
        if line.strip():
            record = json.loads(line)
            record.pop("source", None)
            record["published_at"] = (now - dt.timedelta(hours=record.pop("hours_ago", 0))).isoformat()
            records.append(record)
    return records
