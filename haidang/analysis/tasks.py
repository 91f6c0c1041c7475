"""Thin Huey tasks: take item ids, call the analyser and the actions. Idempotent (re-analysing an item
replaces its signals)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

BATCH = 500  # items analysed together: the analyser vectorises per batch
# Items whose signals are written in one transaction. On SQLite a transaction holds the one write
# lock: the collectors' pushes and the officers' answers wait for it, so the worker commits often.
STORE_CHUNK = 100


def analyse_items(item_ids: list[int]) -> int:
    """Analyse items in bulk, store their signals STORE_CHUNK at a time (each chunk committed, then
    `items_analyzed` sent for it). Returns how many items were analysed."""
    from haidang.content.models import Item

    from . import rules
    from .actions import do_store_item_signals
    from .analyzer import analyze_many
    from .signals import items_analyzed

    done = 0
    ids = sorted(set(int(i) for i in item_ids))
    for start in range(0, len(ids), BATCH):
        chunk = list(Item.objects.filter(pk__in=ids[start:start + BATCH]).select_related("source"))
        if not chunk:
            continue
        versions = _active_versions()
        results = analyze_many(
            [(i.title + "\n" + i.text).strip() for i in chunk],
            engagements=[i.likes + i.shares + i.comments for i in chunk],
            source_credibilities=[getattr(i.source, "credibility", None) for i in chunk],
            province_hints=[getattr(i.source, "place_hint", "") or None for i in chunk],
            author_names=[i.author_name for i in chunk],
            # Registered press and official sites need stronger evidence (still scanned for scams and data).
            stricts=[i.is_press or rules.is_official_host(rules.host_of(i.url or "")) for i in chunk],
        )
        pairs = list(zip(chunk, results, strict=True))
        for part_start in range(0, len(pairs), STORE_CHUNK):
            part = pairs[part_start:part_start + STORE_CHUNK]
            do_store_item_signals({i.pk: r for i, r in part}, model_versions=versions)
            stored = [i.pk for i, _r in part]
            items_analyzed.send(sender=analyse_items, item_ids=stored)
            done += len(stored)
    return done


def _active_versions() -> dict:
    from . import registry

    return {t: m.meta.get("version", "") for t, m in registry.active_models().items()}


def not_yet_analysed(item_ids: list[int]) -> list[int]:
    """The ids of `item_ids` whose signals are missing, older than the item, or made by other models
    than the active ones (ids of no item are kept: the analyser passes over them)."""
    from haidang.content.models import Item

    versions = _active_versions()
    ids = sorted(set(int(i) for i in item_ids))
    done: set[int] = set()
    for start in range(0, len(ids), BATCH):
        rows = (Item.objects.filter(pk__in=ids[start:start + BATCH], signals__isnull=False)
                .values_list("pk", "updated_at", "signals__analyzed_at", "signals__model_versions"))
        done.update(pk for pk, updated, analysed, made_by in rows if analysed >= updated and made_by == versions)
    return [i for i in ids if i not in done]


@db_task(retries=5, retry_delay=30, retry_backoff=2)
def analyse_items_task(item_ids: list[int]) -> int:
    # Queued for new or changed items. A retry resumes: the chunks an interrupted attempt committed
    # are not analysed, nor sent to stories, a second time.
    return analyse_items(not_yet_analysed(item_ids))
