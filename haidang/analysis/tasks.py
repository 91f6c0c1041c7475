"""Thin Huey tasks: take item ids, call the analyser and the actions. Idempotent (re-analysing an item
replaces its signals)."""

from __future__ import annotations

import logging

from django.db import connection, transaction
from huey.contrib.djhuey import db_task

BATCH = 500  # items analysed together: the analyser vectorises per batch
# Items whose signals are written in one transaction. On SQLite a transaction holds the one write
# lock: the collectors' pushes and the officers' answers wait for it, so the worker commits often.
STORE_CHUNK = 100
SQLITE_STORE_CHUNK = 50  # there a web write waits for the worker's transaction in progress: keep it short
# A batch is claimed before it is analysed (two consumers never analyse one item at once). A
# consumer that died keeps its claims this long; then the catch-up or a retry takes them over.
CLAIM_KIND = "analysis"
CLAIM_LEASE_SECONDS = 600


def analyse_items(item_ids: list[int], *, only_pending: bool = True) -> int:
    """Analyse items in bulk, store their signals STORE_CHUNK at a time (each chunk committed, then
    `items_analyzed` sent for it). Returns how many items were analysed.

    Each BATCH is claimed first (`haidang.core.claims`); items another consumer holds are left to it.
    `only_pending` (default): after claiming, skip the items whose signals are current
    (`not_yet_analysed`), checked after the claim so that an item another consumer analysed a moment
    ago is not done twice; False re-analyses them all.
    A chunk's claims are released in the transaction that stores its signals; on an error the rest
    are released too (a retry takes them); a consumer that dies leaves them to the lease."""
    from haidang.content.models import Item
    from haidang.core import claims

    from . import rules
    from .actions import do_store_item_signals
    from .analyzer import analyze_many
    from .signals import items_analyzed

    done = 0
    ids = sorted(set(int(i) for i in item_ids))
    for start in range(0, len(ids), BATCH):
        owner, mine = claims.claim(CLAIM_KIND, ids[start:start + BATCH], lease_seconds=CLAIM_LEASE_SECONDS)
        left = set(mine)
        try:
            todo = not_yet_analysed(mine) if only_pending else mine
            chunk = list(Item.objects.filter(pk__in=todo).select_related("source")) if todo else []
            if not chunk:
                continue
            versions = _active_versions()
            # All the analysis happens here, outside any transaction; only the writes below hold the lock.
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
            size = min(STORE_CHUNK, SQLITE_STORE_CHUNK) if connection.vendor == "sqlite" else STORE_CHUNK
            for part_start in range(0, len(pairs), size):
                part = pairs[part_start:part_start + size]
                stored = [i.pk for i, _r in part]
                with transaction.atomic():
                    do_store_item_signals({i.pk: r for i, r in part}, model_versions=versions)
                    claims.release(CLAIM_KIND, stored, owner)
                left.difference_update(stored)
                items_analyzed.send(sender=analyse_items, item_ids=stored)
                done += len(stored)
        finally:
            if left:  # the skipped ones, or what an error left undone
                try:
                    claims.release(CLAIM_KIND, left, owner)
                except Exception:  # noqa: BLE001 - the first error is the one to raise; the lease frees them
                    logging.getLogger(__name__).exception("could not release %d analysis claims", len(left))
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
    # are not analysed, nor sent to stories, a second time; items another consumer has claimed are
    # left to it.
    return analyse_items(item_ids)
