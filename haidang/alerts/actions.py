"""The only place that writes stories, counters and alerts.

- `process_items(item_ids)`: the pipeline step (called by the Huey task after analysis):
  assign items to stories, count them per hour, evaluate spikes and alert conditions.
- `do_assign_items(item_ids)`: story assignment alone (batched, idempotent).
- `do_acknowledge_alert`, `do_dismiss_alert`, `do_report_alert`: an officer handling an alert.
- `do_save_routing_rule`, `do_send_digests`: the routing table and the daily digest.

Assignment is serialised database-wide (an advisory lock on PostgreSQL, the IMMEDIATE write
transaction on SQLite), so two consumers never build two stories out of one burst and the
shared LSH index always matches what was committed before.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, models, transaction
from django.db.models import Count, F, Q
from django.db.models.base import ModelState
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.audit.actions import record
from haidang.text.normalize import fold
from haidang.text.privacy import mask_personal_data

from . import reporting
from . import spikes as spikes_mod
from .choices import (
    PRIORITY_RANK,
    AlertKind,
    AlertReason,
    AlertStatus,
    HarmCategory,
    JoinReason,
    Priority,
    SpikeDimension,
    at_least,
    max_priority,
)
from .conf import conf
from .lsh import StoryIndex, get_index
from .models import (
    Alert,
    DigestSent,
    NotificationSetting,
    RoutingRule,
    Story,
    StoryItem,
    StoryMerge,
    VolumeCount,
)
from .signals import alert_event, stories_assigned
from .textsig import (
    TextSignature,
    jaccard,
    pack_shingles,
    pack_signature,
    signatures,
    unpack_shingles,
    unpack_signature,
)

log = logging.getLogger(__name__)

BATCH = 500
# On SQLite the assignment transaction is the database's one write lock, which web requests (pushes,
# answers) wait for: smaller chunks there. On PostgreSQL the lock only orders the consumers.
SQLITE_BATCH = 50
WRITE_CHUNK = 50  # counter rows per transaction after assignment (each transaction short on SQLite)
_PG_STORIES_LOCK = 727_005  # any constant, the same in every process
_SQL_CHUNK = 900  # stay under SQLite's bound-parameter limit


def _chunks(values, size):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _select_in(model, columns: list[str], key: str, values) -> list[tuple]:
    """SELECT columns FROM model's table WHERE key IN values: plain SQL, because the ORM prepares
    every value of a foreign-key `__in` lookup one by one (most of the time of these queries)."""
    meta = model._meta
    qn = connection.ops.quote_name
    cols = ", ".join(qn(meta.get_field(c).column) for c in columns)
    out: list[tuple] = []
    with connection.cursor() as cursor:
        for chunk in _chunks([int(v) for v in values], _SQL_CHUNK):
            # Identifiers come from the model's own metadata (never from input); values are parameters.
            cursor.execute("SELECT {} FROM {} WHERE {} IN ({})".format(  # noqa: S608
                cols, qn(meta.db_table), qn(meta.get_field(key).column), ", ".join(["%s"] * len(chunk))), chunk)
            out.extend(cursor.fetchall())
    return out


def _serialise() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_STORIES_LOCK])


# --- story assignment --------------------------------------------------------------------------


@dataclass
class AssignResult:
    assigned: int = 0
    skipped: int = 0
    stories_created: int = 0
    merges: int = 0
    stories: set[int] = field(default_factory=set)
    new_members: list[dict] = field(default_factory=list)  # what the counters need, per new member
    # Wall seconds: before the assignment lock, waiting for it, holding it (to the commit).
    timing: dict[str, float] = field(default_factory=lambda: {"prepare_s": 0.0, "lock_wait_s": 0.0,
                                                               "lock_held_s": 0.0})

    def as_dict(self) -> dict:
        return {"assigned": self.assigned, "skipped": self.skipped, "stories_created": self.stories_created,
                "merges": self.merges, "stories_touched": len(self.stories)}


def _item_time(row: dict) -> dt.datetime:
    return row["published_at"] or row["fetched_at"]


def _usable_url(url: str) -> bool:
    # A bare host ("https://facebook.com/") is shared by unrelated posts: never a reason to join.
    path = url.split("://", 1)[-1].partition("/")[2]
    return bool(url) and bool(path.strip("/") or "?" in url)


def _places(signals: dict | None, min_conf: float = 0.5) -> list[tuple[str, str]]:
    out = []
    for p in (signals or {}).get("places") or []:
        if p.get("confidence", 0) >= min_conf and p.get("code") is not None:
            out.append((str(p["code"]), p.get("name", "")))
    return out


def _subtopics(signals: dict | None) -> set[str]:
    return {w["subtopic"] for w in (signals or {}).get("why") or [] if isinstance(w, dict) and w.get("subtopic")}


def _apply_member(story: Story, row: dict, signals: dict | None) -> None:
    """Fold one new member into the story's running aggregates."""
    seen = _item_time(row)
    engagement = row["likes"] + row["shares"] + row["comments"]
    story.item_count += 1
    story.total_engagement += engagement
    story.first_seen = min(story.first_seen, seen) if story.first_seen else seen
    story.last_seen = max(story.last_seen, seen) if story.last_seen else seen
    if story.representative_id is None or engagement > story.representative_engagement:
        story.representative_id = row["id"]
        story.representative_engagement = engagement
        story.title = (row["title"] or row["text"] or "")[:300]
    if signals:
        cat = signals.get("top_category") or ""
        if cat:
            story.category_counts[cat] = story.category_counts.get(cat, 0) + 1
        for code, name in _places(signals):
            name_count = story.place_counts.get(code, [name, 0])
            story.place_counts[code] = [name_count[0] or name, name_count[1] + 1]
        story.subtopics = sorted(set(story.subtopics) | _subtopics(signals))
        hits = signals.get("watchlist_hits") or []
        story.topic_ids = sorted(set(story.topic_ids) | {int(h["id"]) for h in hits if "id" in h})
        story.urgent_hit = story.urgent_hit or any(h.get("urgent") for h in hits)
        story.max_priority = max_priority(story.max_priority, signals.get("priority") or "")
        story.max_risk = max(story.max_risk, float(signals.get("risk") or 0.0))


def _dominant(counts: dict) -> str:
    harmful = {c: n for c, n in counts.items() if c not in ("", HarmCategory.OTHER)}
    pool = harmful or counts
    return max(sorted(pool), key=lambda c: pool[c]) if pool else ""


def _absorb(into: Story, other: Story) -> None:
    into.item_count += other.item_count
    into.total_engagement += other.total_engagement
    into.first_seen = min(into.first_seen, other.first_seen)
    into.last_seen = max(into.last_seen, other.last_seen)
    into.indexed_count += other.indexed_count
    if other.representative_engagement > into.representative_engagement and other.representative_id:
        into.representative_id = other.representative_id
        into.representative_engagement = other.representative_engagement
        into.title = other.title
    for cat, n in other.category_counts.items():
        into.category_counts[cat] = into.category_counts.get(cat, 0) + n
    for code, (name, n) in other.place_counts.items():
        into.place_counts[code] = [name, into.place_counts.get(code, [name, 0])[1] + n]
    into.subtopics = sorted(set(into.subtopics) | set(other.subtopics))
    into.topic_ids = sorted(set(into.topic_ids) | set(other.topic_ids))
    into.urgent_hit = into.urgent_hit or other.urgent_hit
    into.max_priority = max_priority(into.max_priority, other.max_priority)
    into.max_risk = max(into.max_risk, other.max_risk)


_story_defaults: dict | None = None


def _blank_story(**values) -> Story:
    """`Story(**values)` without `Model.__init__` (a tenth of a millisecond per story, a burst makes
    thousands): the defaults of one `Story()` are copied, then `values` set. No pre/post_init receivers
    watch Story; mutable defaults must be passed fresh in `values` (new_story does)."""
    global _story_defaults
    if _story_defaults is None:
        _story_defaults = {k: v for k, v in Story().__dict__.items() if k != "_state"}
    story = Story.__new__(Story)
    story.__dict__.update(_story_defaults)
    story.__dict__.update(values)
    story._state = ModelState()
    return story


class _Batch:
    """The state of one chunk's assignment: stories by key, known candidates, pending members."""

    def __init__(self, index: StoryIndex, now: dt.datetime):
        self.index = index
        self.now = now
        self.stories: dict[int, Story] = {}  # key: pk for existing, negative for new
        self.redirect: dict[int, int] = {}   # merged key -> survivor key
        self.next_new = -1
        self.known: dict[int, tuple[int, np.ndarray]] = {}  # item id -> (story key, shingles)
        self.absent: set[int] = set()
        self.url_story: dict[str, int] = {}
        self.hash_story: dict[str, int] = {}
        self.merges: list[tuple[int, int, int]] = []  # (survivor key, merged key, linking item id)
        # Keys of stories that got a member: only these are written back (a story loaded as a
        # candidate's and not joined is left as it is).
        self.touched: set[int] = set()

    def resolve(self, key: int) -> int:
        while key in self.redirect:
            key = self.redirect[key]
        return key

    def story(self, key: int) -> Story:
        key = self.resolve(key)
        if key not in self.stories:
            self.stories[key] = Story.objects.get(pk=key)
        return self.stories[key]

    def load_stories(self, keys) -> None:
        missing = [k for k in {self.resolve(k) for k in keys} if k > 0 and k not in self.stories]
        for chunk in _chunks(missing, _SQL_CHUNK):
            for story in Story.objects.filter(pk__in=chunk):
                self.stories[story.pk] = story
        # A story merged earlier by another batch: follow it to where it lives now.
        for key in missing:
            story = self.stories.get(key)
            while story is not None and story.merged_into_id:
                self.redirect[story.pk] = story.merged_into_id
                story = self.stories.get(story.merged_into_id) or Story.objects.filter(pk=story.merged_into_id).first()
                if story is not None:
                    self.stories[story.pk] = story

    def new_story(self, row: dict) -> int:
        key = self.next_new
        self.next_new -= 1
        seen = _item_time(row)
        self.stories[key] = _blank_story(first_seen=seen, last_seen=seen, category_counts={}, place_counts={},
                                         subtopics=[], topic_ids=[], max_priority="", created_at=self.now)
        return key

    def load_candidates(self, item_ids, *, stories: bool = True) -> None:
        missing = [i for i in item_ids if i not in self.known and i not in self.absent]
        for item_id, story_id, shingles in _select_in(StoryItem, ["item_id", "story_id", "shingles"], "item_id",
                                                      missing):
            self.known[item_id] = (story_id, unpack_shingles(shingles))
        self.absent.update(i for i in missing if i not in self.known)  # stale index keys: ask once
        if stories:
            self.load_stories([self.known[i][0] for i in missing if i in self.known])

    def forget_gone(self) -> None:
        """Look-ups made before the lock may name a story deleted since (with its members): as a look-up
        under the lock would not find them, leave them out."""
        gone = {k for k in {*self.url_story.values(), *self.hash_story.values(), *(s for s, _ in self.known.values())}
                if k > 0 and self.resolve(k) not in self.stories}
        if not gone:
            return
        self.url_story = {h: k for h, k in self.url_story.items() if k not in gone}
        self.hash_story = {h: k for h, k in self.hash_story.items() if k not in gone}
        for item_id in [i for i, (k, _s) in self.known.items() if k in gone]:
            del self.known[item_id]
            self.absent.add(item_id)

    def merge(self, keys: set[int], linking_item: int) -> int:
        """Merge the stories behind `keys`; the oldest existing story survives."""
        keys = {self.resolve(k) for k in keys}
        existing = sorted(k for k in keys if k > 0)
        survivor = existing[0] if existing else max(keys)  # new keys are negative: -1 is the oldest
        for key in keys - {survivor}:
            _absorb(self.stories[survivor], self.stories[key])
            self.redirect[key] = survivor
            if key > 0:
                self.merges.append((survivor, key, linking_item))
        return survivor


def _lookup_keys(rows: list[dict], sigs: dict[int, TextSignature]) -> tuple[set[str], set[str]]:
    urls = {r["canonical_url_hash"] for r in rows if r["canonical_url_hash"] and _usable_url(r["canonical_url"])}
    hashes = {r["content_hash"] for r in rows if r["content_hash"] and sigs[r["id"]].joinable}
    return urls, hashes


def _lookup_existing(batch: _Batch, rows: list[dict], sigs: dict[int, TextSignature], *, stories: bool = True) -> None:
    """Stories already holding the batch's canonical URLs or (long enough) texts."""
    urls, hashes = _lookup_keys(rows, sigs)
    min_shingles = int(conf("MIN_SHINGLES"))
    for chunk in _chunks(urls, _SQL_CHUNK):
        for h, story_id in StoryItem.objects.filter(item__canonical_url_hash__in=chunk).values_list(
                "item__canonical_url_hash", "story_id").order_by("story_id"):
            batch.url_story.setdefault(h, story_id)
    for chunk in _chunks(hashes, _SQL_CHUNK):
        for h, story_id in StoryItem.objects.filter(
                item__content_hash__in=chunk, shingle_count__gte=min_shingles).values_list(
                "item__content_hash", "story_id").order_by("story_id"):
            batch.hash_story.setdefault(h, story_id)
    if stories:
        batch.load_stories(set(batch.url_story.values()) | set(batch.hash_story.values()))


def _last_story_item() -> int:
    return StoryItem.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _catch_up(batch: _Batch, since: int, rows: list[dict], sigs: dict[int, TextSignature],
              found: dict[int, list[int]], bands: dict[int, list[int]]) -> None:
    """Under the lock, after the index, the URLs, the texts and the candidates were looked up before it:
    add what other consumers committed in between. Story members are only inserted under the assignment
    lock, so those are exactly the StoryItem rows above `since` (the largest id before the look-ups).
    Members moved by a merge meanwhile keep their old story id here; `load_stories` follows the merge.
    The candidate lists come out as the index would have answered under the lock (ascending ids; keys
    of rows that never committed are ignored either way)."""
    delta = list(StoryItem.objects.filter(pk__gt=since).values_list(
        "item_id", "story_id", "shingles", "shingle_count", "indexed", "signature", "item__canonical_url_hash",
        "item__content_hash"))
    if not delta:
        return
    urls, hashes = _lookup_keys(rows, sigs)
    min_shingles = int(conf("MIN_SHINGLES"))
    index = batch.index
    exemplars: list[tuple[int, np.ndarray]] = []
    for item_id, story_id, shingles, count, indexed, signature, url_hash, content_hash in delta:
        batch.known[item_id] = (story_id, unpack_shingles(shingles))
        batch.absent.discard(item_id)
        # As `_lookup_existing`'s queries: the lowest story id per URL or text.
        if url_hash and url_hash in urls:
            batch.url_story[url_hash] = min(story_id, batch.url_story.get(url_hash, story_id))
        if content_hash and content_hash in hashes and count >= min_shingles:
            batch.hash_story[content_hash] = min(story_id, batch.hash_story.get(content_hash, story_id))
        if indexed and signature and len(signature) == 4 * index.num_perm:
            exemplars.append((item_id, unpack_signature(signature)))
    if exemplars and found:
        by_band: dict[int, list[int]] = {}
        new_bands = index.band_hashes(np.stack([v for _k, v in exemplars])).tolist()
        for (item_id, _v), hs in zip(exemplars, new_bands, strict=True):
            for h in hs:
                by_band.setdefault(h, []).append(item_id)
        for item_id, hs in bands.items():
            more = {c for h in hs for c in by_band.get(h, ())}
            if more and not more.issubset(found[item_id]):
                found[item_id] = sorted(more.union(found[item_id]))


def _assign_chunk(item_ids: list[int], result: AssignResult, index: StoryIndex, now: dt.datetime) -> None:
    from haidang.analysis.models import ItemSignals
    from haidang.content.models import Item

    t_start = time.perf_counter()
    # Reading the items and computing their signatures (most of the CPU) needs no lock: it is done
    # before taking it, so several consumers do it in parallel. Under the lock, what another consumer
    # committed meanwhile is looked up again and left out: each item is claimed exactly once.
    done = {r[0] for r in _select_in(StoryItem, ["item_id"], "item_id", item_ids)}
    todo = [i for i in item_ids if i not in done]
    if not todo:
        result.skipped += len(done)
        return
    rows = list(Item.objects.filter(pk__in=todo).values(
        "id", "source_id", "title", "text", "canonical_url", "canonical_url_hash", "content_hash",
        "published_at", "fetched_at", "likes", "shares", "comments"))
    rows.sort(key=lambda r: (_item_time(r), r["id"]))
    signals = {s["item_id"]: s for s in ItemSignals.objects.filter(item_id__in=todo).values(
        "item_id", "top_category", "priority", "risk", "watchlist_hits", "places", "why")}
    sigs = dict(zip([r["id"] for r in rows], signatures([(r["title"] + "\n" + r["text"]).strip() for r in rows]),
                    strict=True))
    joinable = [r["id"] for r in rows if sigs[r["id"]].joinable]
    values = np.stack([sigs[i].values for i in joinable]) if joinable else np.zeros((0, index.num_perm), np.uint64)
    bands = dict(zip(joinable, index.band_hashes(values).tolist(), strict=True)) if joinable else {}
    batch = _Batch(index, now)
    # With the shared (Redis) index, once this process has seen it built, the look-ups are made before
    # the lock too: the index query, the stories holding the batch's URLs and texts, the candidates'
    # rows. Under the lock only what other consumers committed since is read (`_catch_up`), so the
    # decisions are those a look-up under the lock would give. (The in-process index is caught up
    # and queried under the lock, as before: it is one per process and threads may share it.)
    since = None
    found: dict[int, list[int]] = {}
    if index.shared and index.loaded:
        since = _last_story_item()
        found = dict(zip(joinable, index.query_many(values), strict=True))
        _lookup_existing(batch, rows, sigs, stories=False)
        batch.load_candidates({c for cands in found.values() for c in cands}, stories=False)
    timing = result.timing
    t_lock = time.perf_counter()
    timing["prepare_s"] += t_lock - t_start
    t_held = None
    try:
        with transaction.atomic():
            _serialise()
            t_held = time.perf_counter()
            timing["lock_wait_s"] += t_held - t_lock
            _assign_locked(rows, done, signals, sigs, joinable, values, bands, batch, since, found, result, now)
    finally:
        if t_held is not None:
            timing["lock_held_s"] += time.perf_counter() - t_held


def _assign_locked(rows: list[dict], done: set[int], signals: dict, sigs: dict[int, TextSignature], joinable: list[int],
                   values: np.ndarray, bands: dict[int, list[int]], batch: _Batch, since: int | None,
                   found: dict[int, list[int]], result: AssignResult, now: dt.datetime) -> None:
    """The membership decisions and their writes, under the assignment lock."""
    index = batch.index
    threshold = float(conf("THRESHOLD"))
    exemplar_similarity = float(conf("EXEMPLAR_SIMILARITY"))
    max_exemplars = int(conf("MAX_EXEMPLARS"))
    claimed = {r[0] for r in _select_in(StoryItem, ["item_id"], "item_id", [r["id"] for r in rows])}
    if claimed:
        rows = [r for r in rows if r["id"] not in claimed]
    result.skipped += len(done) + len(claimed)
    if not rows:
        return
    index.ensure_loaded()
    if since is None:
        _lookup_existing(batch, rows, sigs)
        # One query for the candidates already in the index; the exemplars this batch adds are found
        # through `local` (the same bands, held here until the batch is done).
        found = dict(zip(joinable, index.query_many(values), strict=True))
        batch.load_candidates({c for cands in found.values() for c in cands})
    else:
        _catch_up(batch, since, rows, sigs, found, bands)
        batch.load_stories({*batch.url_story.values(), *batch.hash_story.values(),
                            *(story_id for story_id, _s in batch.known.values())})
        batch.forget_gone()
    local: dict[int, list[int]] = {}  # band hash -> item ids indexed by this batch
    members: list[tuple[dict, int, str, float | None, bool]] = []
    to_index: list[tuple[int, np.ndarray]] = []
    for row in rows:
        sig = sigs[row["id"]]
        linked: set[int] = set()
        reason, best = JoinReason.NEW, None
        url_key = row["canonical_url_hash"] if _usable_url(row["canonical_url"]) else ""
        if url_key and url_key in batch.url_story:
            linked.add(batch.url_story[url_key])
            reason = JoinReason.URL
        if sig.joinable and row["content_hash"] in batch.hash_story:
            linked.add(batch.hash_story[row["content_hash"]])
            reason = JoinReason.HASH if reason == JoinReason.NEW else reason
            best = 1.0
        if sig.joinable and best is None:
            candidates = found[row["id"]]
            if local:
                more = {c for h in bands[row["id"]] for c in local.get(h, ())}
                candidates = candidates + sorted(more.difference(candidates)) if more else candidates
            unknown = [c for c in candidates if c not in batch.known and c not in batch.absent]
            if unknown:
                batch.load_candidates(unknown)
            for cand in candidates:
                known = batch.known.get(cand)
                if known is None:
                    continue  # a key whose row never committed: ignore it
                if batch.resolve(known[0]) in {batch.resolve(k) for k in linked}:
                    continue  # already linked to that story: its other exemplars add nothing
                sim = jaccard(sig.shingles, known[1])
                if sim >= threshold:
                    linked.add(known[0])
                    best = sim if best is None else max(best, sim)
            if best is not None and reason == JoinReason.NEW:
                reason = JoinReason.SIMILAR
        if not linked:
            key = batch.new_story(row)
            result.stories_created += 1
        elif len({batch.resolve(k) for k in linked}) == 1:
            key = batch.resolve(next(iter(linked)))
        else:
            before = len(batch.merges)
            key = batch.merge(linked, row["id"])
            result.merges += len(batch.merges) - before
        story = batch.story(key)
        batch.touched.add(key)
        _apply_member(story, row, signals.get(row["id"]))
        indexed = bool(sig.joinable and (best is None or best < exemplar_similarity)
                       and story.indexed_count < max_exemplars)
        if indexed:
            story.indexed_count += 1
            # Findable at once by later items of this very batch; into the index below.
            for h in bands[row["id"]]:
                local.setdefault(h, []).append(row["id"])
            to_index.append((row["id"], sig.values))
        batch.known[row["id"]] = (key, sig.shingles)
        if url_key:
            batch.url_story.setdefault(url_key, key)
        if sig.joinable and row["content_hash"]:
            batch.hash_story.setdefault(row["content_hash"], key)
        members.append((row, key, reason, best, indexed))
    # Redis inserts the exemplars while the rows are written: done before the commit either way.
    indexed_wait = index.insert_many_started(to_index)
    try:
        _store_batch(batch, members, sigs, signals, result, now)
    except BaseException:
        indexed_wait(failed=True)
        raise
    indexed_wait()


def _growth(times: list[dt.datetime], now: dt.datetime) -> tuple[float, float, float]:
    ages = [(now - t).total_seconds() for t in times]
    recent = [a for a in ages if -300 <= a]
    return (float(sum(a < 3600 for a in recent)), round(sum(a < 6 * 3600 for a in recent) / 6, 3),
            round(sum(a < 24 * 3600 for a in recent) / 24, 3))


_STORY_FIELDS = [
    "title", "representative_id", "representative_engagement", "first_seen", "last_seen", "item_count",
    "source_count", "total_engagement", "growth_1h", "growth_6h", "growth_24h", "category_counts",
    "place_counts", "subtopics", "topic_ids", "dominant_category", "max_priority", "max_risk", "urgent_hit",
    "indexed_count", "updated_at"]


def _store_batch(batch: _Batch, members, sigs, signals, result: AssignResult, now: dt.datetime) -> None:
    # New stories are complete in memory (all their members are in this batch): their counts and
    # growth are computed here and they are inserted in bulk. Existing stories get one UPDATE each
    # (Django's bulk_update builds CASE expressions that cost more than the rest of the batch).
    live = {batch.resolve(k) for k in batch.touched}
    new_keys = sorted((k for k in live if k < 0), reverse=True)
    batch_members: dict[int, list[dict]] = defaultdict(list)
    for row, key, *_rest in members:
        batch_members[batch.resolve(key)].append(row)
    for k in new_keys:
        story = batch.stories[k]
        rows_k = batch_members[k]
        story.source_count = len({r["source_id"] for r in rows_k})
        story.growth_1h, story.growth_6h, story.growth_24h = _growth([_item_time(r) for r in rows_k], now)
        story.dominant_category = _dominant(story.category_counts)
        story.updated_at = now
    created = _insert_stories([batch.stories[k] for k in new_keys])
    pk_of = dict(zip(new_keys, created, strict=True))
    for k in live:
        if k > 0:
            pk_of[k] = k

    def story_pk(key: int) -> int:
        return pk_of[batch.resolve(key)]

    rows = []
    for row, key, reason, best, indexed in members:
        sig = sigs[row["id"]]
        rows.append((
            story_pk(key), row["id"], row["source_id"], _item_time(row), row["likes"] + row["shares"] + row["comments"],
            str(reason), best, sig.count, pack_shingles(sig.shingles) if sig.joinable else b"",
            pack_signature(sig.values) if indexed else b"", indexed, now))
        result.new_members.append({"item_id": row["id"], "story_id": story_pk(key), "seen_at": _item_time(row),
                                   "signals": signals.get(row["id"])})
    if rows:
        _insert_rows(StoryItem, _STORYITEM_FIELDS, rows)
        # Under the assignment lock, so the newest rows are ours.
        top = StoryItem.objects.order_by("-pk").values_list("pk", flat=True).first()
        if top:
            batch.index.note_stored(top)

    for survivor, merged, linking in batch.merges:
        into_pk, merged_pk = story_pk(survivor), merged
        moved = StoryItem.objects.filter(story_id=merged_pk).update(story_id=into_pk)
        Story.objects.filter(pk=merged_pk).update(merged_into_id=into_pk, updated_at=now)
        StoryMerge.objects.create(into_id=into_pk, merged_id=merged_pk, linking_item_id=linking, items_moved=moved)
        _merge_alerts(into_pk, merged_pk, now)

    existing = [batch.stories[k] for k in live if k > 0]
    counts = _counts_for([s.pk for s in existing], now)
    for story in existing:
        story.dominant_category = _dominant(story.category_counts)
        story.updated_at = now
        story.source_count, story.growth_1h, story.growth_6h, story.growth_24h = counts.get(
            story.pk, (story.source_count, 0.0, 0.0, 0.0))
    _update_stories(existing)
    result.assigned += len(rows)
    result.stories |= {pk_of[k] for k in live}


_STORYITEM_FIELDS = ["story_id", "item_id", "source_id", "seen_at", "engagement", "joined_by", "similarity",
                     "shingle_count", "shingles", "signature", "indexed", "added_at"]
_PLAIN_FIELDS = (models.IntegerField, models.BigIntegerField, models.PositiveIntegerField, models.FloatField,
                 models.BooleanField, models.CharField, models.TextField)


_DATETIME, _JSON = "datetime", "json"


def _preparers(model, names: list[str]):
    """Per field: None when the DB takes the Python value as is (numbers, booleans, text, bytes,
    foreign keys), else the field's own `get_db_prep_save` (datetimes, JSON): values are stored exactly
    as the ORM would store them, without its per-value compilation (most of a bulk_create's time)."""
    out = []
    for name in names:
        field = model._meta.get_field(name)  # a name or a foreign key's attname
        target = field.target_field if field.is_relation else field
        if isinstance(target, models.AutoField | models.BigAutoField | models.SmallAutoField) or (
                isinstance(target, _PLAIN_FIELDS) and not isinstance(target, models.DateTimeField)):
            out.append((field, None, None))
        elif isinstance(target, models.BinaryField):
            # Django wraps bytes in `Database.Binary`; sqlite3 and psycopg store plain bytes the same way.
            out.append((field, None, None))
        elif isinstance(target, models.DateTimeField):
            out.append((field, target, _DATETIME))
        elif isinstance(target, models.JSONField):
            out.append((field, target, _JSON))
        else:
            out.append((field, target, ""))
    return out


def _prepared(preps, values, times: dict) -> list:
    """Values ready for the cursor. `times` caches adapted datetimes (a batch repeats `now`)."""
    conn = connections[DEFAULT_DB_ALIAS]  # not the `connection` proxy: one lookup, not one per value
    out = []
    for (_f, target, kind), v in zip(preps, values, strict=True):
        if target is None or v is None:
            out.append(v)
        elif kind == _DATETIME and isinstance(v, dt.datetime) and v.tzinfo is not None:
            adapted = times.get(v)
            if adapted is None:
                # What the field's get_db_prep_save ends with for an aware datetime.
                adapted = times[v] = conn.ops.adapt_datetimefield_value(v)
            out.append(adapted)
        elif kind == _JSON:
            # What JSONField.get_db_prep_save ends with for a plain (non-expression) value.
            out.append(conn.ops.adapt_json_value(v, target.encoder))
        else:
            out.append(target.get_db_prep_save(v, conn))
    return out


def _executemany(sql: str, params: list[list]) -> None:
    """Run one statement per parameter row. On PostgreSQL with psycopg's server-side binding (the
    statement is parsed once and the rows are sent in one pipeline): Django's client-side binding
    cursor composes the SQL text of every row in Python, under the assignment lock."""
    if connection.vendor == "postgresql":
        import psycopg

        connection.ensure_connection()
        with psycopg.Cursor(connection.connection) as raw:
            raw.executemany(sql, params)
        return
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _copy_rows(model, columns: str, params: list[list], *, returning: bool) -> list[int]:
    """PostgreSQL: COPY the rows in (the fastest way in, a few microseconds a row). With `returning`,
    the primary keys are taken from the table's sequence first, in ascending order, as the rows' own
    INSERT would have drawn them."""
    qn = connection.ops.quote_name
    meta = model._meta
    pks: list[int] = []
    with connection.cursor() as cursor:
        if returning:
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [meta.db_table, meta.pk.column, len(params)])
            pks = sorted(int(r[0]) for r in cursor.fetchall())
            params = [[pk, *row] for pk, row in zip(pks, params, strict=True)]
            columns = f"{qn(meta.pk.column)}, {columns}"
        # Identifiers come from the model's own metadata (never from input); values are data.
        with cursor.cursor.copy(f"COPY {qn(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in params:
                copy.write_row(row)
    return pks


def _insert_rows(model, names: list[str], rows: list[tuple], *, returning: bool = False) -> list[int]:
    """INSERT rows (tuples of values in `names` order) with few statements; with `returning`, the new
    primary keys in row order (multi-row INSERT ... RETURNING, as Django's bulk_create does)."""
    preps = _preparers(model, names)
    qn = connection.ops.quote_name
    columns = ", ".join(qn(f.column) for f, _t, _k in preps)
    table = qn(model._meta.db_table)
    placeholder = "(" + ", ".join(["%s"] * len(names)) + ")"
    times: dict = {}
    params = [_prepared(preps, r, times) for r in rows]
    pks: list[int] = []
    if connection.vendor == "postgresql":
        # Under the assignment lock: a multi-row VALUES list of ~1,000 parameters cost psycopg more to
        # convert (client side, uncached) than the database took to insert it.
        return _copy_rows(model, columns, params, returning=returning)
    with connection.cursor() as cursor:
        if not returning:
            # Identifiers come from the model's own metadata (never from input); values are parameters.
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES {placeholder}", params)  # noqa: S608
            return pks
        per = max(1, (connection.features.max_query_params or 999) // len(names))
        for chunk in _chunks(params, per):
            sql = "INSERT INTO {} ({}) VALUES {} RETURNING {}".format(  # noqa: S608
                table, columns, ", ".join([placeholder] * len(chunk)), qn(model._meta.pk.column))
            cursor.execute(sql, [v for r in chunk for v in r])
            pks.extend(int(r[0]) for r in cursor.fetchall())
    return pks


def _insert_stories(stories: list[Story]) -> list[int]:
    if not stories:
        return []
    if not connection.features.can_return_rows_from_bulk_insert:
        return [s.pk for s in Story.objects.bulk_create(stories, batch_size=BATCH)]
    names = ["created_at", *_STORY_FIELDS]
    pks = _insert_rows(Story, names, [tuple(getattr(s, n) for n in names) for s in stories], returning=True)
    for story, pk in zip(stories, pks, strict=True):
        story.pk = pk
        story._state.adding = False
    return pks


def _update_stories(stories: list[Story]) -> None:
    """One executemany UPDATE for all touched existing stories (values prepared as the ORM would)."""
    if not stories:
        return
    preps = _preparers(Story, _STORY_FIELDS)
    qn = connection.ops.quote_name
    # Identifiers come from the model's own metadata (never from input); values are parameters.
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608
        qn(Story._meta.db_table), ", ".join(f"{qn(f.column)} = %s" for f, _t, _k in preps), qn("id"))
    times: dict = {}
    params = [_prepared(preps, [getattr(s, n) for n in _STORY_FIELDS], times) + [s.pk] for s in stories]
    _executemany(sql, params)


def _counts_for(story_ids, now: dt.datetime) -> dict[int, tuple[int, float, float, float]]:
    out: dict[int, list] = {}
    ids = list(story_ids)
    for chunk in _chunks(ids, _SQL_CHUNK):
        for row in StoryItem.objects.filter(story_id__in=chunk).values("story_id").annotate(
                n=Count("source_id", distinct=True)):
            out[row["story_id"]] = [row["n"], 0.0, 0.0, 0.0]
        recent = StoryItem.objects.filter(story_id__in=chunk, seen_at__gt=now - dt.timedelta(hours=24),
                                          seen_at__lte=now + dt.timedelta(minutes=5))
        for row in recent.values("story_id").annotate(
                h1=Count("id", filter=Q(seen_at__gt=now - dt.timedelta(hours=1))),
                h6=Count("id", filter=Q(seen_at__gt=now - dt.timedelta(hours=6))),
                h24=Count("id")):
            entry = out.setdefault(row["story_id"], [0, 0.0, 0.0, 0.0])
            entry[1:] = [float(row["h1"]), round(row["h6"] / 6, 3), round(row["h24"] / 24, 3)]
    return {k: tuple(v) for k, v in out.items()}


def do_assign_items(item_ids, *, acting_user=None, now: dt.datetime | None = None,
                    index: StoryIndex | None = None) -> AssignResult:
    """Put each item into a story (new, joined, or merging the stories it links). Idempotent:
    an item already in a story is skipped.

    Audit: one `stories.assign` row per call (not per item): assignment is derived, reproducible
    data and a burst may bring tens of thousands of items an hour.
    """
    now = now or timezone.now()
    index = index if index is not None else get_index()  # not `or`: an empty index is falsy (__len__)
    result = AssignResult()
    ids = sorted({int(i) for i in item_ids})
    for chunk in _chunks(ids, SQLITE_BATCH if connection.vendor == "sqlite" else BATCH):
        _assign_chunk(chunk, result, index, now)
    if result.assigned:
        record("stories.assign", actor=acting_user, object_type="alerts.story",
               changes={**result.as_dict(), "first_item": ids[0], "last_item": ids[-1]})
    return result


def _merge_alerts(into_pk: int, merged_pk: int, now: dt.datetime) -> None:
    """Keep one alert per story after a merge: the survivor's, else the merged story's moves over."""
    old = Alert.objects.filter(story_id=merged_pk).first()
    if old is None:
        return
    keep = Alert.objects.filter(story_id=into_pk).first()
    if keep is None:
        Alert.objects.filter(pk=old.pk).update(story_id=into_pk, dedupe_key=f"story:{into_pk}", updated_at=now)
        return
    keep.reasons = sorted(set(keep.reasons) | set(old.reasons))
    keep.priority = max_priority(keep.priority, old.priority)
    keep.updated_at = now
    keep.save(update_fields=["reasons", "priority", "updated_at"])
    Alert.objects.filter(pk=old.pk).update(status=AlertStatus.MERGED, merged_into=keep, updated_at=now)
    record("alert.merge", object_type="alerts.alert", object_id=old.pk, changes={"into": keep.pk})


def do_join_story(story: Story, into: Story, *, linking_item_id: int | None, reason: str,
                  actor=None) -> Story:
    """Two stories found to be one by a layer above (the claim library: an item repeats the claim whose story
    is `into`): `story` is merged into `into` as an assignment merge would (members, counters, alert, a
    `StoryMerge` row), under the same lock. Returns the surviving story. Call inside a transaction."""
    _serialise()
    now = timezone.now()

    def live(s: Story) -> Story:
        s = Story.objects.select_for_update().get(pk=s.pk)
        while s.merged_into_id:
            s = Story.objects.select_for_update().get(pk=s.merged_into_id)
        return s

    story, into = live(story), live(into)
    if story.pk == into.pk:
        return into
    moved = StoryItem.objects.filter(story_id=story.pk).update(story_id=into.pk)
    _absorb(into, story)
    Story.objects.filter(pk=story.pk).update(merged_into_id=into.pk, updated_at=now)
    StoryMerge.objects.create(into_id=into.pk, merged_id=story.pk, linking_item_id=linking_item_id, items_moved=moved)
    _merge_alerts(into.pk, story.pk, now)
    into.dominant_category = _dominant(into.category_counts)
    into.updated_at = now
    into.source_count, into.growth_1h, into.growth_6h, into.growth_24h = _counts_for([into.pk], now).get(
        into.pk, (into.source_count, 0.0, 0.0, 0.0))
    into.save(update_fields=_STORY_FIELDS)
    record("stories.join", actor=actor, obj=into, changes={"merged": story.pk, "items_moved": moved,
                                                           "item": linking_item_id, "reason": reason})
    return into


# --- hourly counters and spikes ----------------------------------------------------------------


def _hour(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)


def _series_keys(signals: dict | None) -> list[tuple[str, str]]:
    if not signals:
        return []
    keys = []
    cat = signals.get("top_category") or ""
    if cat and cat != HarmCategory.OTHER:
        keys.append((SpikeDimension.CATEGORY, cat))
    for code, _name in _places(signals, float(conf("SPIKE_PLACE_MIN_CONFIDENCE"))):
        keys.append((SpikeDimension.PLACE, code))
    for hit in signals.get("watchlist_hits") or []:
        if "id" in hit:
            keys.append((SpikeDimension.TOPIC, str(hit["id"])))
    return keys


def do_count_items(new_members: list[dict]) -> set[tuple[str, str, dt.datetime]]:
    """Add first-time members to the hourly counters. Items are counted once, when they join a story
    (re-analysis does not count them again)."""
    counts: Counter = Counter()
    for m in new_members:
        for dim, key in set(_series_keys(m["signals"])):
            counts[(dim, key, _hour(m["seen_at"]))] += 1
    # Increments commute: no lock beyond the rows' own, WRITE_CHUNK counters per short transaction.
    for part in _chunks(sorted(counts.items()), WRITE_CHUNK):
        with transaction.atomic():
            for (dim, key, hour), n in part:
                if not VolumeCount.objects.filter(dimension=dim, key=key, hour=hour).update(count=F("count") + n):
                    try:
                        with transaction.atomic():
                            VolumeCount.objects.create(dimension=dim, key=key, hour=hour, count=n)
                    except IntegrityError:
                        # Another worker created the row first: add to it.
                        VolumeCount.objects.filter(dimension=dim, key=key, hour=hour).update(count=F("count") + n)
    return set(counts)


def evaluate_spike(dim: str, key: str, hour: dt.datetime) -> spikes_mod.SpikeResult | None:
    """Test one series' hour against its baseline; None when the history is too short to judge."""
    days = int(conf("SPIKE_HISTORY_DAYS"))
    since = hour - dt.timedelta(days=days)
    rows = list(VolumeCount.objects.filter(dimension=dim, key=key, hour__gte=since, hour__lte=hour)
                .values_list("hour", "count"))
    if not rows:
        return None
    first = min(h for h, _c in rows)
    if hour - first < dt.timedelta(hours=72):
        return None  # a new series has no baseline yet: no spike on day one
    start = first
    n = int((hour - start).total_seconds() // 3600)
    history = np.zeros(n)
    current = 0
    for h, c in rows:
        i = int((h - start).total_seconds() // 3600)
        if i == n:
            current = c
        elif 0 <= i < n:
            history[i] = c
    local_start = timezone.localtime(start).replace(tzinfo=None)
    return spikes_mod.detect(history, local_start, current, alpha=float(conf("SPIKE_ALPHA")),
                             min_count=int(conf("SPIKE_MIN_COUNT")))


# --- routing ------------------------------------------------------------------------------------


@dataclass
class RouteInput:
    category: str = ""
    subtopics: tuple[str, ...] = ()
    topic_ids: tuple[int, ...] = ()
    place_codes: tuple[str, ...] = ()
    text: str = ""


def _word_in(needle: str, haystack: str) -> bool:
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def route(data: RouteInput, rules: list[RoutingRule] | None = None):
    """(agency, rule name) for an alert: the first matching active rule, else the lead agency."""
    from haidang.agencies.models import Agency

    if rules is None:
        rules = list(RoutingRule.objects.filter(active=True).select_related("agency").order_by("order", "id"))
    folded = fold(data.text or "")
    for rule in rules:
        if rule.category and rule.category != data.category:
            continue
        if rule.subtopic and rule.subtopic not in data.subtopics:
            continue
        if rule.topic_id and rule.topic_id not in data.topic_ids:
            continue
        if rule.place_code and rule.place_code not in data.place_codes:
            continue
        if rule.keywords:
            words = [fold(w.strip()) for w in rule.keywords.split(",") if w.strip()]
            if not any(_word_in(w, folded) for w in words):
                continue
        if rule.to_place_agency:
            agency = _place_agency(data.place_codes, folded, Agency)
            if agency is None:
                continue
            return agency, rule.name
        if rule.agency is not None and rule.agency.active:
            return rule.agency, rule.name
    # A watch-list topic without a rule goes to the agency that watches it.
    if data.topic_ids:
        from haidang.analysis.models import WatchList

        owner = WatchList.objects.filter(pk__in=data.topic_ids).select_related("owner").order_by("pk").first()
        if owner is not None:
            return owner.owner, _("owner of the watch-list")
    return access.lead_agency(), _("default: the lead agency")


def _place_agency(place_codes, folded_text: str, Agency):
    agencies = Agency.objects.filter(active=True).exclude(place_code="", place_name="")
    by_code = {a.place_code: a for a in agencies if a.place_code}
    for code in place_codes:
        if code in by_code:
            return by_code[code]
    for agency in agencies:
        if agency.place_name and _word_in(fold(agency.place_name), folded_text):
            return agency
    return None


def _story_route_input(story: Story) -> RouteInput:
    text = ""
    if story.representative_id:
        from haidang.content.models import Item

        rep = Item.objects.filter(pk=story.representative_id).values("title", "text").first()
        if rep:
            text = (rep["title"] + "\n" + rep["text"])[:5000]
    codes = tuple(code for code, _ in sorted(story.place_counts.items(), key=lambda kv: -kv[1][1]))
    return RouteInput(category=story.dominant_category, subtopics=tuple(story.subtopics),
                      topic_ids=tuple(story.topic_ids), place_codes=codes, text=text)


@transaction.atomic
def do_save_routing_rule(*, acting_user=None, rule: RoutingRule | None = None, **fields) -> RoutingRule:
    """Create or change a routing-table row (lead agency's working roles, or a superuser)."""
    if acting_user is not None and not access.is_lead_member(acting_user, access.WORKING_ROLES) \
            and not getattr(acting_user, "is_superuser", False):
        raise PermissionDenied(_("Only the lead agency edits the routing table."))
    rule = rule or RoutingRule()
    for name, value in fields.items():
        setattr(rule, name, value)
    rule.full_clean()
    created = rule.pk is None
    rule.save()
    record("routing.create" if created else "routing.update", actor=acting_user, obj=rule,
           changes={k: (v.pk if hasattr(v, "pk") else v) for k, v in fields.items()})
    return rule


# --- alerts -------------------------------------------------------------------------------------


def _evidence(story: Story, alert_key: str, now: dt.datetime):
    """Snapshot the story's items (their stored text and metadata) as JSON evidence."""
    from haidang.content.actions import do_record_data_snapshot
    from haidang.content.choices import SnapshotKind
    from haidang.content.models import Item

    limit = int(conf("EVIDENCE_MAX_ITEMS"))
    items = Item.objects.filter(story_membership__story=story).select_related("source", "snapshot").order_by(
        "published_at", "id")[:limit]
    body = {
        "kind": "haidang.story-evidence", "story": story.pk, "alert": alert_key, "taken_at": now.isoformat(),
        "item_count": story.item_count, "items_included": 0,
        "items": [{
            "id": i.pk, "source": i.source.name, "url": i.url, "canonical_url": i.canonical_url,
            "title": i.title, "text": i.text[:20000], "author_name": i.author_name, "author_handle": i.author_handle,
            "published_at": i.published_at.isoformat() if i.published_at else None,
            "fetched_at": i.fetched_at.isoformat(), "content_hash": i.content_hash,
            "likes": i.likes, "shares": i.shares, "comments": i.comments,
            "snapshot_sha256": i.snapshot.sha256 if i.snapshot_id else None,
        } for i in items],
    }
    body["items_included"] = len(body["items"])
    data = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return do_record_data_snapshot(data, kind=SnapshotKind.FILE, content_type="application/json",
                                   uri=f"urn:haidang:story:{story.pk}", fetched_at=now)


def _recipients(alert: Alert):
    """Who hears of an alert: the routed agency's designated officers; the lead agency's for high/urgent."""
    from haidang.agencies.queries import designated_officers

    users = []
    if alert.agency_id:
        users.extend(designated_officers(alert.agency))
    lead = access.lead_agency()
    if lead is not None and at_least(alert.priority, Priority.HIGH) and lead.pk != alert.agency_id:
        users.extend(designated_officers(lead))
    return users


def _notify_alert(alert: Alert, event: str) -> None:
    from haidang.core.notifications import notify

    users = {u.pk: u for u in _recipients(alert)}
    if not users:
        return
    prefs = {s.user_id: s for s in NotificationSetting.objects.filter(user_id__in=list(users))}
    by_email: dict[bool, list] = defaultdict(list)
    for pk, user in users.items():
        pref = prefs.get(pk)
        if at_least(alert.priority, pref.min_priority if pref else Priority.HIGH):
            by_email[pref.email if pref else True].append(user)
    url = reverse("alerts:story", args=[alert.story_id]) if alert.story_id else reverse("alerts:queue")
    text = (_("Alert (%(priority)s): %(title)s") if event == "raised"
            else _("Alert escalated to %(priority)s: %(title)s")) % {
        "priority": Priority(alert.priority).label, "title": mask_personal_data(alert.title[:300])}
    for email, group in by_email.items():
        notify(group, verb=f"alerts.{event}", text=text, url=url, target=alert, email=email)


def _webhook_later(alert: Alert, event: str) -> None:
    # Announced after commit; receivers.py queues the webhook task (actions never import tasks).
    transaction.on_commit(lambda: alert_event.send(sender=Alert, alert_id=alert.pk, event=event))


def _upsert_alert(*, key: str, kind: str, story: Story | None, reasons: list[str], priority: str, title: str,
                  category: str, details: dict, route_input: RouteInput, item_count: int, now: dt.datetime,
                  spike: tuple[str, str] | None = None) -> tuple[Alert, str]:
    """Create the alert for `key` or update it. Returns (alert, event) with event in
    {"raised", "escalated", "updated"}. The unique `dedupe_key` makes this safe under races."""
    alert = Alert.objects.select_for_update().filter(dedupe_key=key).first()
    event = "updated"
    if alert is None:
        agency, rule = route(route_input)
        try:
            with transaction.atomic():
                alert = Alert.objects.create(
                    dedupe_key=key, kind=kind, story=story, title=title[:300], priority=priority, category=category,
                    reasons=sorted(set(reasons)), details=details, agency=agency, routed_by=str(rule)[:200],
                    item_count=item_count, spike_dimension=spike[0] if spike else "",
                    spike_key=spike[1] if spike else "", created_at=now, updated_at=now)
            event = "raised"
        except IntegrityError:
            alert = Alert.objects.select_for_update().get(dedupe_key=key)
    if event != "raised":
        escalated = PRIORITY_RANK[priority] > PRIORITY_RANK.get(alert.priority, -1)
        alert.priority = max_priority(alert.priority, priority)
        alert.reasons = sorted(set(alert.reasons) | set(reasons))
        alert.details = {**alert.details, **details}
        alert.item_count = max(alert.item_count, item_count)
        alert.title = title[:300] or alert.title
        alert.updated_at = now
        fields = ["priority", "reasons", "details", "item_count", "title", "updated_at"]
        if escalated:
            event = "escalated"
            if alert.status in (AlertStatus.ACKNOWLEDGED, AlertStatus.DISMISSED):
                alert.status = AlertStatus.OPEN  # it got worse: back in the queue
                fields.append("status")
        alert.save(update_fields=fields)
    if event in ("raised", "escalated"):
        if story is not None:
            alert.evidence = _evidence(story, key, now)
            alert.save(update_fields=["evidence"])
        record(f"alert.{'raise' if event == 'raised' else 'escalate'}", obj=alert, agency=alert.agency,
               changes={"priority": alert.priority, "reasons": alert.reasons, "agency": alert.agency_id,
                        "routed_by": alert.routed_by, "items": alert.item_count,
                        "evidence": alert.evidence.sha256 if alert.evidence_id else None})
        _notify_alert(alert, event)
        _webhook_later(alert, event)
    return alert, event


def do_extend_or_raise_known_claim_alert(*, key: str, story: Story | None, title: str, details: dict,
                                        item_count: int, agency, routed_by: str, changes: dict,
                                        actor=None) -> tuple[Alert, str]:
    """An item repeats a claim already verified (the claim library, above us, asks): the alert on its
    story gains the reason and the claim's details, or one is raised for the agency that owns the claim.
    Returns (alert, "extended" | "raised"). Call inside a transaction."""
    alert = Alert.objects.select_for_update().filter(dedupe_key=key).first()
    now = timezone.now()
    if alert is not None:
        alert.reasons = sorted(set(alert.reasons) | {AlertReason.KNOWN_CLAIM.value})
        alert.details = {**alert.details, **details}
        alert.item_count = max(alert.item_count, item_count)
        alert.updated_at = now
        alert.save(update_fields=["reasons", "details", "item_count", "updated_at"])
        record("alert.extend", actor=actor, obj=alert, agency=alert.agency, changes=changes)
        return alert, "extended"
    alert = Alert.objects.create(
        dedupe_key=key, kind=AlertKind.STORY, story=story, title=mask_personal_data(title)[:300],
        priority=Priority.HIGH, category=HarmCategory.MISINFORMATION, reasons=[AlertReason.KNOWN_CLAIM.value],
        details=details, agency=agency, routed_by=routed_by[:200], status=AlertStatus.OPEN,
        item_count=item_count, created_at=now, updated_at=now)
    record("alert.raise", actor=actor, obj=alert, agency=alert.agency, changes={**changes, "agency": alert.agency_id})
    return alert, "raised"


def _alert_reasons(story) -> tuple[list[str], str]:
    """(reasons, priority) of a story's alert conditions; `story` is a Story or anything with its
    max_priority, urgent_hit, growth_1h and item_count."""
    reasons: list[str] = []
    priority = ""
    if at_least(story.max_priority, str(conf("ALERT_MIN_PRIORITY"))):
        reasons.append(AlertReason.PRIORITY)
        priority = story.max_priority
    if story.urgent_hit:
        reasons.append(AlertReason.URGENT_TOPIC)
        priority = Priority.URGENT
    if story.growth_1h >= float(conf("GROWTH_PER_HOUR")) and story.item_count >= int(conf("GROWTH_MIN_ITEMS")):
        reasons.append(AlertReason.GROWTH)
        priority = max_priority(priority, Priority.HIGH)
    return reasons, priority


def evaluate_story(story: Story, now: dt.datetime, *, has_alert: bool | None = None) -> Alert | None:
    """Raise or update the story's one alert when a condition holds. `has_alert`: whether the story
    already has one, when the caller looked it up for many stories at once."""
    reasons, priority = _alert_reasons(story)
    existing = Alert.objects.filter(story=story).exists() if has_alert is None else has_alert
    if not reasons and not existing:
        return None
    if not reasons:
        # Already alerted: keep the count and growth current without changing the verdict.
        Alert.objects.filter(story=story).update(item_count=story.item_count, updated_at=now)
        return None
    details = {"items": story.item_count, "sources": story.source_count, "growth_1h": story.growth_1h,
               "growth_24h": story.growth_24h, "engagement": story.total_engagement}
    alert, _event = _upsert_alert(
        key=f"story:{story.pk}", kind=AlertKind.STORY, story=story, reasons=reasons, priority=priority,
        title=story.title or f"#{story.pk}", category=story.dominant_category, details=details,
        route_input=_story_route_input(story), item_count=story.item_count, now=now)
    return alert


def evaluate_spikes(series: set[tuple[str, str, dt.datetime]], now: dt.datetime) -> list[Alert]:
    """Check the current (and previous) hour of each touched series; raise one alert per series and day."""
    current = _hour(now)
    recent = {(d, k, h) for d, k, h in series if current - dt.timedelta(hours=1) <= h <= current}
    alerts = []
    for dim, key, hour in sorted(recent):
        result = evaluate_spike(dim, key, hour)
        if result is None or not result.is_spike:
            continue
        label = _series_label(dim, key)
        day = timezone.localtime(hour).date().isoformat()
        route_input = RouteInput(
            category=key if dim == SpikeDimension.CATEGORY else "",
            topic_ids=(int(key),) if dim == SpikeDimension.TOPIC else (),
            place_codes=(key,) if dim == SpikeDimension.PLACE else (), text=label)
        with transaction.atomic():  # one short transaction per alert (the unique key settles races)
            alert, _event = _upsert_alert(
                key=f"spike:{dim}:{key}:{day}", kind=AlertKind.SPIKE, story=None, reasons=[AlertReason.SPIKE],
                priority=Priority.HIGH, title=_("Volume spike: %(label)s") % {"label": label},
                category=key if dim == SpikeDimension.CATEGORY else "",
                details={"hour": hour.isoformat(), **result.as_dict()}, route_input=route_input,
                item_count=result.count, now=now, spike=(dim, key))
        alerts.append(alert)
    return alerts


def _series_label(dim: str, key: str) -> str:
    if dim == SpikeDimension.CATEGORY:
        try:
            return str(HarmCategory(key).label)
        except ValueError:
            return key
    if dim == SpikeDimension.TOPIC:
        from haidang.analysis.models import WatchList

        name = WatchList.objects.filter(pk=key).values_list("name", flat=True).first()
        return name or key
    counts = (Story.objects.filter(place_counts__has_key=key).order_by("-updated_at")
              .values_list("place_counts", flat=True).first())
    return (counts or {}).get(key, [key])[0] or key


def _evaluate_live_story(story_pk: int, now: dt.datetime, *, has_alert: bool) -> Alert | None:
    """Evaluate one story in its own transaction, unless another consumer merged it since it was
    read (the survivor is evaluated by that consumer). The row lock (PostgreSQL; SQLite has one
    writer) orders this against a concurrent merge: either the merge waits and then moves the alert
    made here to the survivor, or this sees the merge and leaves the story alone."""
    with transaction.atomic():
        story = Story.objects.select_for_update().filter(pk=story_pk, merged_into__isnull=True).first()
        if story is None:
            return None
        if not has_alert:
            has_alert = Alert.objects.filter(story_id=story_pk).exists()  # raised meanwhile by another consumer
        return evaluate_story(story, now, has_alert=has_alert)


def process_items(item_ids, *, now: dt.datetime | None = None, acting_user=None) -> dict:
    """The pipeline step after analysis: stories, counters, spikes, alerts. Idempotent."""
    now = now or timezone.now()
    started = time.perf_counter()
    result = do_assign_items(item_ids, acting_user=acting_user, now=now)
    assigned_at = time.perf_counter()
    # Counters and alerts run after the assignment lock is released, in short transactions (one per
    # alert evaluated): other consumers assign meanwhile, and on SQLite a web write waits for one
    # of these at most, not for the whole batch's alerts with their evidence and notifications.
    series = do_count_items(result.new_members)
    raised = 0
    for chunk in _chunks(sorted(result.stories), _SQL_CHUNK):
        # Most touched stories meet no condition and have no alert: decided from a few columns
        # and one query for the chunk, instead of loading each story and asking about its alert.
        alerted = set(Alert.objects.filter(story_id__in=chunk).values_list("story_id", flat=True))
        due = [row.pk for row in Story.objects.filter(pk__in=chunk, merged_into__isnull=True).only(
            "max_priority", "urgent_hit", "growth_1h", "item_count") if row.pk in alerted or _alert_reasons(row)[0]]
        for pk in due:
            raised += _evaluate_live_story(pk, now, has_alert=pk in alerted) is not None
    raised += len(evaluate_spikes(series, now))
    ids = sorted({int(i) for i in item_ids})
    if ids:
        # Rooms above (grievances) pick the stories up from here, once they are committed.
        transaction.on_commit(lambda: stories_assigned.send(sender=process_items, item_ids=ids))
    timing = {**result.timing, "after_s": time.perf_counter() - assigned_at,
              "assign_s": assigned_at - started}
    # The profile of scale-out (bench/consumers.py sums these lines): where a chunk's time goes, and
    # how long it held or waited for the database-wide assignment lock.
    log.info("stories: %d items, %d assigned; assign %.3fs (prepare %.3fs, lock wait %.3fs, lock held %.3fs), "
             "counters and alerts %.3fs", len(ids), result.assigned, timing["assign_s"], timing["prepare_s"],
             timing["lock_wait_s"], timing["lock_held_s"], timing["after_s"])
    return {**result.as_dict(), "alerts_touched": raised}


# --- officers handling alerts ------------------------------------------------------------------


def _require_handler(alert: Alert, user) -> None:
    if not Alert.objects.restrict(user, "change").filter(pk=alert.pk).exists():
        raise PermissionDenied(_("Only the agency the alert is routed to, or the lead agency, can handle it."))


def _locked(alert: Alert) -> Alert:
    return Alert.objects.select_for_update().get(pk=alert.pk)


@transaction.atomic
def do_acknowledge_alert(alert: Alert, *, acting_user) -> Alert:
    _require_handler(alert, acting_user)
    alert = _locked(alert)
    if alert.status != AlertStatus.OPEN:
        raise ValidationError(_("Only an open alert can be acknowledged."))
    alert.status, alert.handled_by, alert.handled_at = AlertStatus.ACKNOWLEDGED, acting_user, timezone.now()
    alert.save(update_fields=["status", "handled_by", "handled_at"])
    record("alert.acknowledge", actor=acting_user, obj=alert)
    return alert


@transaction.atomic
def do_dismiss_alert(alert: Alert, *, reason: str, acting_user) -> Alert:
    _require_handler(alert, acting_user)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the alert is dismissed."))
    alert = _locked(alert)
    if alert.status not in (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED):
        raise ValidationError(_("This alert is no longer open."))
    alert.status, alert.dismiss_reason = AlertStatus.DISMISSED, reason[:2000]
    alert.handled_by, alert.handled_at = acting_user, timezone.now()
    alert.save(update_fields=["status", "dismiss_reason", "handled_by", "handled_at"])
    record("alert.dismiss", actor=acting_user, obj=alert, changes={"reason": alert.dismiss_reason})
    return alert


@transaction.atomic
def do_report_alert(alert: Alert, *, acting_user, reason: str = ""):
    """Report the alert to the lead agency: creates the Report that [Cases] triages, through the
    report maker the cases app registers (`reporting.py`)."""
    _require_handler(alert, acting_user)
    alert = _locked(alert)
    if alert.report_id:
        raise ValidationError(_("This alert has already been reported."))
    if alert.status not in (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED):
        raise ValidationError(_("This alert is no longer open."))
    url = ""
    if alert.story_id and alert.story.representative_id:
        url = alert.story.representative.url
    description = alert.title
    if alert.story_id:
        description += "\n" + _("Story #%(id)s: %(items)s items from %(sources)s sources.") % {
            "id": alert.story_id, "items": alert.story.item_count, "sources": alert.story.source_count}
    report = reporting.create_report(
        acting_user=acting_user, agency=_acting_agency(alert, acting_user), url=url[:2000], description=description,
        category=alert.category or "", urgency=alert.priority, reason=reason, alert_id=alert.pk)
    alert.status, alert.report_id = AlertStatus.REPORTED, report.pk
    alert.handled_by, alert.handled_at = acting_user, timezone.now()
    alert.save(update_fields=["status", "report_id", "handled_by", "handled_at"])
    record("alert.report", actor=acting_user, obj=alert, changes={"report": report.pk})
    return report


def _acting_agency(alert: Alert, user):
    """Report as the alert's agency when the officer belongs to it, else as their own agency."""
    if alert.agency_id and access.has_role(user, alert.agency):
        return alert.agency
    return access.primary_agency(user)


# --- digest ------------------------------------------------------------------------------------


def do_send_digests(*, now: dt.datetime | None = None) -> int:
    """Send each officer who asked for it one digest of the last day's alerts. Idempotent: the
    `DigestSent(user, day)` row is claimed first, so a rerun (or a second consumer) sends nothing."""
    from django.contrib.auth import get_user_model

    from haidang.core.notifications import notify

    now = now or timezone.now()
    day = timezone.localtime(now).date()
    sent = 0
    User = get_user_model()
    for user in User.objects.filter(is_active=True, officer__digest_enabled=True).order_by("pk"):
        with transaction.atomic():
            try:
                with transaction.atomic():
                    claim = DigestSent.objects.create(user=user, day=day, sent_at=now)
            except IntegrityError:
                continue  # already sent today
            alerts = list(Alert.objects.restrict(user).filter(updated_at__gte=now - dt.timedelta(days=1))
                          .exclude(status=AlertStatus.MERGED).order_by("-priority", "-updated_at")[:200])
            claim.alert_count = len(alerts)
            claim.save(update_fields=["alert_count"])
            if not alerts:
                continue
            by_priority = Counter(a.priority for a in alerts)
            titles = "; ".join(mask_personal_data(a.title[:60]) for a in alerts[:5])
            text = _("Daily digest: %(n)s alerts in the last 24 hours (%(urgent)s urgent, %(high)s high). %(titles)s") % {
                "n": len(alerts), "urgent": by_priority.get(Priority.URGENT, 0),
                "high": by_priority.get(Priority.HIGH, 0), "titles": titles}
            notify([user], verb="alerts.digest", text=text, url=reverse("alerts:queue"))
            sent += 1
    if sent:
        record("alerts.digest", object_type="alerts.digestsent", changes={"day": day.isoformat(), "sent": sent})
    return sent
