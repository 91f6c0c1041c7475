"""The ingest pipeline: records (dicts in the push item schema) → validated, normalised Items.

Used by every way in: scheduled fetches, `haidang ingest`, the push API. Writes happen in
batches, each batch one transaction: killing the process loses at most the batch in flight,
and running again finds the committed items (counted as duplicates) and adds the rest, so the
final state is the same as one clean run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from haidang.audit.actions import record as audit_record
from haidang.sources.canonical import canonical_url, url_hash
from haidang.sources.choices import Platform
from haidang.sources.parsers import BadRecord
from haidang.text.normalize import fold

from .models import Item, ItemRevision, Snapshot
from .normalize import DateProblem, clean_text, content_hash, parse_date, pick
from .signals import items_ingested

BATCH_SIZE = 1000
MAX_LISTED_ERRORS = 1000  # the counts stay exact; the list only shows the first problems
CONTENT_FIELDS = ("title", "text", "text_folded", "content_hash")
OTHER_FIELDS = ("url", "canonical_url", "canonical_url_hash", "author_name", "author_handle", "published_at",
                "language", "likes", "shares", "comments", "views", "platform", "is_press")
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


class Rejected(ValueError):
    """A record that cannot become an item; the message says why."""


@dataclass
class IngestStats:
    read: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    rejected: int = 0
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)

    def reject(self, number, error: str) -> None:
        self.rejected += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append({"record": number, "error": error})

    def warn(self, number, warning: str) -> None:
        if len(self.warnings) < MAX_LISTED_ERRORS:
            self.warnings.append({"record": number, "warning": warning})

    def as_dict(self) -> dict:
        """The `haidang ingest` contract (plus `warnings`: records kept with a field dropped)."""
        return {"read": self.read, "new": self.new, "updated": self.updated, "duplicates": self.duplicates,
                "rejected": self.rejected, "errors": self.errors, "warnings": self.warnings}

    def counts(self) -> dict:
        return {k: getattr(self, k) for k in ("read", "new", "updated", "duplicates", "rejected")}


def _int(value, name: str, warn) -> int:
    if value in (None, ""):
        return 0
    try:
        number = int(float(value))
    except (TypeError, ValueError, OverflowError):
        warn(f"{name} is not a number: {str(value)[:40]!r}")
        return 0
    if number < 0 or number > 2**62:
        warn(f"{name} out of range: {number}")
        return 0
    return number


def guess_language(text: str) -> str:
    return "vi" if _VIETNAMESE.search(text[:2000]) else ""


def prepare(record: dict, *, source, now: dt.datetime, warn: Callable[[str], None]) -> dict:
    """Validate and normalise one record into Item field values; raises Rejected."""
    if not isinstance(record, dict):
        raise Rejected("record is not an object")
    ext_id = pick(record, "id")
    ext_id = str(ext_id).strip()[:255] if ext_id not in (None, "") else None
    raw_url = pick(record, "url")
    raw_url = str(raw_url).strip() if raw_url else ""
    canon = canonical_url(raw_url)
    if raw_url and not canon:
        if ext_id is None:
            raise Rejected(f"url is not an http(s) URL: {raw_url[:80]!r}")
        warn(f"url dropped, not http(s): {raw_url[:80]!r}")
    if ext_id is None and not canon:
        raise Rejected("missing required field: id or url")
    if len(canon) > 2000:
        raise Rejected("url longer than 2000 characters")
    title = clean_text(pick(record, "title"))[:2000]
    text = clean_text(pick(record, "text"))
    if not text and record.get("html"):
        text = clean_text(record["html"])
    # A deletion notice needs only the key: the stored text is what is kept as evidence.
    if not title and not text and not record.get("deleted"):
        raise Rejected("missing required field: text or title")
    try:
        published = parse_date(pick(record, "published_at"), now=now)
    except DateProblem as exc:
        warn(f"{exc}; kept without a date")
        published = None
    platform = str(record.get("platform") or source.platform).lower()
    if platform not in Platform.values:
        warn(f"unknown platform {platform[:30]!r}; recorded as other")
        platform = Platform.OTHER
    extra = record.get("extra") if isinstance(record.get("extra"), dict) else {}
    parent_id = record.get("parent_id")
    if parent_id not in (None, ""):
        extra = {**extra, "parent_id": str(parent_id)[:255]}
    language = str(record.get("language") or "").strip()[:16] or guess_language(title + " " + text)
    return {
        "source_id": source.pk,
        "platform": platform,
        "external_id": ext_id,
        "url": raw_url[:2000] if canon else "",
        "canonical_url": canon,
        "canonical_url_hash": url_hash(canon),
        "author_name": clean_text(pick(record, "author"))[:300],
        "author_handle": clean_text(pick(record, "author_handle"))[:300],
        "published_at": published,
        "fetched_at": now,
        "title": title,
        "text": text,
        "text_folded": fold(f"{title} {text}"),
        "language": language,
        "likes": _int(record.get("likes"), "likes", warn),
        "shares": _int(record.get("shares"), "shares", warn),
        "comments": _int(record.get("comments"), "comments", warn),
        "views": _int(record.get("views"), "views", warn),
        "content_hash": content_hash(title, text),
        "is_press": source.is_press,
        "extra": extra,
        "_deleted": bool(record.get("deleted")),
    }


def _key(fields: dict) -> tuple[str, str]:
    if fields["external_id"] is not None:
        return ("id", fields["external_id"])
    return ("url", fields["canonical_url_hash"])


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _existing(source, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Item]:
    ids = [k[1] for k in keys if k[0] == "id"]
    hashes = [k[1] for k in keys if k[0] == "url"]
    found: dict[tuple[str, str], Item] = {}
    for chunk in _chunks(ids):
        for item in Item.objects.filter(source=source, external_id__in=chunk):
            found[("id", item.external_id)] = item
    for chunk in _chunks(hashes):
        for item in Item.objects.filter(source=source, external_id__isnull=True, canonical_url_hash__in=chunk):
            found[("url", item.canonical_url_hash)] = item
    return found


def _previous_state(item: Item) -> dict:
    return {
        "author_name": item.author_name, "published_at": item.published_at.isoformat() if item.published_at else None,
        "likes": item.likes, "shares": item.shares, "comments": item.comments, "views": item.views,
        "url": item.url,
    }


def _flush(source, batch: dict, stats: IngestStats, *, snapshot: Snapshot | None, acting_user, job, now) -> None:
    existing = _existing(source, batch.keys())
    new_items: list[Item] = []
    changed: list[Item] = []
    revisions: list[ItemRevision] = []
    parents: dict[tuple[str, str], str] = {}
    counts = {"new": 0, "updated": 0, "duplicates": 0, "rejected": 0}
    for key, (number, fields) in batch.items():
        fields = dict(fields)
        deleted = fields.pop("_deleted")
        item = existing.get(key)
        if fields["extra"].get("parent_id"):
            parents[key] = fields["extra"]["parent_id"]
        if item is None:
            if deleted:
                counts["rejected"] += 1
                stats.reject(number, "deletion of an item that was never collected")
                continue
            new_items.append(Item(**fields, snapshot=snapshot, created_at=now, updated_at=now))
            continue
        if deleted:
            if item.deleted_at is None:
                revisions.append(ItemRevision(item=item, kind="delete", title=item.title, text=item.text,
                                              content_hash=item.content_hash, data=_previous_state(item),
                                              snapshot=snapshot, recorded_at=now))
                item.deleted_at = now
                item.updated_at = now
                changed.append(item)
                counts["updated"] += 1
            else:
                counts["duplicates"] += 1
            continue
        content_changed = item.content_hash != fields["content_hash"] or item.title != fields["title"]
        other_changed = any(getattr(item, f) != fields[f] for f in OTHER_FIELDS)
        if not content_changed and not other_changed:
            counts["duplicates"] += 1
            continue
        if content_changed:
            # The old wording is evidence: keep it before overwriting.
            revisions.append(ItemRevision(item=item, kind="edit", title=item.title, text=item.text,
                                          content_hash=item.content_hash, data=_previous_state(item),
                                          snapshot=item.snapshot, recorded_at=now))
            if snapshot is not None:
                item.snapshot = snapshot
        for name in CONTENT_FIELDS + OTHER_FIELDS:
            setattr(item, name, fields[name])
        item.extra = {**item.extra, **fields["extra"]}
        item.deleted_at = None
        item.updated_at = now
        changed.append(item)
        counts["updated"] += 1
    Item.objects.bulk_create(new_items, batch_size=500)
    counts["new"] = len(new_items)
    if changed:
        Item.objects.bulk_update(
            changed, [*CONTENT_FIELDS, *OTHER_FIELDS, "extra", "deleted_at", "updated_at", "snapshot"], batch_size=500)
    if revisions:
        ItemRevision.objects.bulk_create(revisions, batch_size=500)
    if parents:
        _link_parents(source, parents, {**existing, **{_key_of(i): i for i in new_items}})
    # One audit row per batch, not per item: 100k rows of audit for a 100k-line import would
    # dominate the run and bury the entries inspectors need. The batch row names the source,
    # the counts and the evidence snapshot the items came from.
    audit_record("ingest.batch", actor=acting_user, obj=source, agency=source.agency, changes={
        **counts, "snapshot": snapshot.sha256 if snapshot else None, "job": job.pk if job else None})
    ids = [i.pk for i in new_items] + [i.pk for i in changed]
    if ids:
        transaction.on_commit(lambda: items_ingested.send(sender=Item, item_ids=ids))
    stats.new += counts["new"]
    stats.updated += counts["updated"]
    stats.duplicates += counts["duplicates"]
    stats.item_ids.extend(ids)


def _key_of(item: Item) -> tuple[str, str]:
    return ("id", item.external_id) if item.external_id is not None else ("url", item.canonical_url_hash)


def _link_parents(source, parents: dict, items: dict) -> None:
    wanted = set(parents.values())
    by_ext = {i.external_id: i.pk for i in items.values() if i.external_id in wanted}
    missing = list(wanted - by_ext.keys())
    for chunk in _chunks(missing):
        by_ext.update(Item.objects.filter(source=source, external_id__in=chunk).values_list("external_id", "pk"))
    linked = []
    for key, parent_ext in parents.items():
        item = items.get(key)
        parent_pk = by_ext.get(parent_ext)
        # A parent not collected yet stays in extra["parent_id"]; it is linked when the reply is seen again.
        if item is not None and parent_pk and parent_pk != item.pk and item.parent_id != parent_pk:
            item.parent_id = parent_pk
            linked.append(item)
    if linked:
        Item.objects.bulk_update(linked, ["parent"], batch_size=500)


def ingest_records(
    source,
    records: Iterable[dict | BadRecord],
    *,
    snapshot: Snapshot | None = None,
    acting_user=None,
    job=None,
    batch_size: int | None = None,
    progress: Callable[[int], None] | None = None,
    stats: IngestStats | None = None,
) -> IngestStats:
    """Validate, deduplicate and store `records` for `source`, one transaction per batch."""
    stats = stats or IngestStats()
    batch_size = batch_size or BATCH_SIZE
    seen: set[tuple[str, str]] = set()
    batch: dict[tuple[str, str], tuple[int, dict]] = {}
    now = timezone.now()
    number = 0
    for number, record in enumerate(records, 1):
        stats.read += 1
        if isinstance(record, BadRecord):
            stats.reject(record.number, record.error)
            continue
        try:
            fields = prepare(record, source=source, now=now,
                             warn=lambda message, n=number: stats.warn(n, message))
        except Rejected as exc:
            stats.reject(number, str(exc))
            continue
        key = _key(fields)
        if key in seen:
            # The same id twice in one input: the first one wins, the repeat is counted.
            stats.duplicates += 1
            continue
        seen.add(key)
        batch[key] = (number, fields)
        if len(batch) >= batch_size:
            _commit_batch(source, batch, stats, snapshot=snapshot, acting_user=acting_user, job=job, now=now)
            batch = {}
            if progress:
                progress(number)
    if batch:
        _commit_batch(source, batch, stats, snapshot=snapshot, acting_user=acting_user, job=job, now=now)
    if progress:
        progress(number)
    return stats


def _commit_batch(source, batch, stats, **kwargs) -> None:
    for attempt in range(2):
        try:
            with transaction.atomic():
                _flush(source, batch, stats, **kwargs)
            return
        except IntegrityError:
            # Another process stored some of these keys between our lookup and our insert:
            # the second attempt finds them and updates instead.
            if attempt:
                raise
