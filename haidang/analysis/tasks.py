"""Thin Huey tasks: take item ids, call the analyser and the actions. Idempotent (re-analysing an item
replaces its signals)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

BATCH = 500


def analyse_items(item_ids: list[int]) -> int:
    """Analyse items in bulk, store their signals, then send `items_analyzed`."""
    from haidang.content.models import Item

    from . import registry, rules
    from .actions import do_store_item_signals
    from .analyzer import analyze_many
    from .signals import items_analyzed

    done = 0
    ids = sorted(set(int(i) for i in item_ids))
    for start in range(0, len(ids), BATCH):
        chunk = list(Item.objects.filter(pk__in=ids[start:start + BATCH]).select_related("source"))
        if not chunk:
            continue
        results = analyze_many(
            [(i.title + "\n" + i.text).strip() for i in chunk],
            engagements=[i.likes + i.shares + i.comments for i in chunk],
            source_credibilities=[getattr(i.source, "credibility", None) for i in chunk],
            province_hints=[getattr(i.source, "place_hint", "") or None for i in chunk],
            author_names=[i.author_name for i in chunk],
            # Registered press and official sites need stronger evidence (still scanned for scams and data).
            stricts=[i.is_press or rules.is_official_host(rules.host_of(i.url or "")) for i in chunk],
        )
        versions = {t: m.meta.get("version", "") for t, m in registry.active_models().items()}
        do_store_item_signals({i.pk: r for i, r in zip(chunk, results, strict=True)}, model_versions=versions)
        stored = [i.pk for i in chunk]
        items_analyzed.send(sender=analyse_items, item_ids=stored)
        done += len(stored)
    return done


@db_task(retries=5, retry_delay=30, retry_backoff=2)
def analyse_items_task(item_ids: list[int]) -> int:
    return analyse_items(item_ids)
