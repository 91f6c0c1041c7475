"""The ingest pipeline: records (dicts in the push item schema) → validated, normalised Items.

Used by every way in: scheduled fetches, `haidang ingest`, the push API. Writes happen in
batches, each batch one transaction: killing the process loses at most the batch in flight,
and running again finds the committed items (counted as duplicates) and adds the rest, so the
final state is the same as one clean run.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import (
    DataError,
    IntegrityError,
    InternalError,
    NotSupportedError,
    ProgrammingError,
    connection,
    models,
    transaction,
)
from django.utils import timezone

from haidang.audit.actions import record as audit_record
from haidang.sources.canonical import canonical_url, url_hash
from haidang.sources.choices import Platform
from haidang.sources.parsers import BadRecord
from haidang.text.normalize import fold

from .models import Item, ItemRevision, Snapshot
from .normalize import (
    DateProblem,
    clean_id,
    clean_text,
    content_hash,
    describe,
    has_lone_surrogate,
    parse_date,
    pick,
)
from .signals import items_ingested

BATCH_SIZE = 1000
MAX_LISTED_ERRORS = 1000  # the counts stay exact; the list only shows the first problems
CONTENT_FIELDS = ("title", "text", "text_folded", "content_hash")
OTHER_FIELDS = ("url", "canonical_url", "canonical_url_hash", "author_name", "author_handle", "published_at",
                "language", "likes", "shares", "comments", "views", "platform", "is_press")
log = logging.getLogger(__name__)
_PLATFORMS = frozenset(Platform.values)  # Platform.values rebuilds its list on every call
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
    batches: int = 0  # committed batches (each with its ingest.batch audit row)

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
        warn(f"{name} is not a number: {describe(value)}")
        return 0
    if number < 0 or number > 2**62:
        warn(f"{name} out of range: {describe(number)}")
        return 0
    return number


def guess_language(text: str) -> str:
    return "vi" if _VIETNAMESE.search(text[:2000]) else ""


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    return fold(word)


def fold_text(text: str) -> str:
    """`fold(text)`, word by word through a cache: posts repeat the same few thousand words, and
    folding them character by character was a sixth of the ingest time. Equal to `fold` because
    nothing it does (lower-casing, NFD/NFC, dropping marks) reaches across a plain space."""
    if text.isascii():
        return text.lower()
    return " ".join([_fold_word(word) for word in text.split(" ")])


def _clean(value) -> str:
    return clean_text(value) if value else ""


TITLE_MAX = 2000
AUTHOR_MAX = 300
ID_MAX = 255
EXTRA_MAX_DEPTH = 32
_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no", ""}


def _string(value, name: str) -> str:
    """A text field as given: None/absent is empty; anything but a string is refused (a list
    would otherwise be stored as "['a', 'b']"); invalid Unicode is refused."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Rejected(f"{name} must be a string, not {describe(value)}")
    if has_lone_surrogate(value):
        raise Rejected(f"{name} contains a lone surrogate (invalid Unicode)")
    return value


def _key_string(value, name: str) -> str | None:
    """An id: a string or an integer, control characters (NUL included) removed."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > 850:  # over 255 digits; str() of a huge int would raise
            raise Rejected(f"{name} longer than {ID_MAX} characters")
        value = str(value)
    if not isinstance(value, str):
        raise Rejected(f"{name} must be a string or an integer, not {describe(value)}")
    value = clean_id(_string(value, name))
    if len(value) > ID_MAX:
        raise Rejected(f"{name} longer than {ID_MAX} characters ({len(value)})")
    return value or None


def _deleted(value) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise Rejected(f"deleted must be true or false, not {describe(value)}")


def _clean_extra(value):
    """`extra` kept as is, except what no database stores: NUL characters are removed (PostgreSQL
    refuses them), lone surrogates and nesting deeper than EXTRA_MAX_DEPTH refuse the record,
    NaN/Infinity become null. Iterative: a deep structure must not exhaust the stack here."""
    root: dict = {}
    stack = [(value, root, None, 1)]
    while stack:
        node, parent, slot, depth = stack.pop()
        if depth > EXTRA_MAX_DEPTH:
            raise Rejected(f"extra is nested too deeply (more than {EXTRA_MAX_DEPTH} levels)")
        if isinstance(node, dict):
            copy: dict | list = {}
            for key, child in node.items():
                key = _extra_string(key) if isinstance(key, str) else key
                stack.append((child, copy, key, depth + 1))
        elif isinstance(node, list):
            copy = [None] * len(node)
            for i, child in enumerate(node):
                stack.append((child, copy, i, depth + 1))
        elif isinstance(node, str):
            copy = _extra_string(node)
        elif isinstance(node, float) and not math.isfinite(node):
            copy = None
        elif isinstance(node, int) and not isinstance(node, bool) and node.bit_length() > 14000:
            raise Rejected("extra holds a number with more than 4300 digits")
        else:
            copy = node
        if slot is None:
            root = copy
        else:
            parent[slot] = copy
    return root


def _extra_string(value: str) -> str:
    if has_lone_surrogate(value):
        raise Rejected("extra contains a lone surrogate (invalid Unicode)")
    return value.replace("\x00", "") if "\x00" in value else value


def _bounded(value: str, limit: int, name: str, warn) -> str:
    if len(value) > limit:
        warn(f"{name} cut to {limit} characters (was {len(value)})")
        return value[:limit]
    return value


def prepare(record: dict, *, source, now: dt.datetime, warn: Callable[[str], None]) -> dict:
    """Validate and normalise one record into Item field values; raises Rejected.

    Each field is checked for its type before anything is made of it: hostile records carry lists
    where text belongs, invalid Unicode, absurd numbers and deep nesting."""
    if not isinstance(record, dict):
        raise Rejected("record is not an object")
    ext_id = _key_string(pick(record, "id"), "id")
    raw_url = _string(pick(record, "url"), "url").strip()
    canon = canonical_url(raw_url)
    if raw_url and not canon:
        if ext_id is None:
            raise Rejected(f"url is not an http(s) URL: {raw_url[:80]!r}")
        warn(f"url dropped, not http(s): {raw_url[:80]!r}")
    if ext_id is None and not canon:
        raise Rejected("missing required field: id or url")
    if len(canon) > 2000:
        raise Rejected("url longer than 2000 characters")
    title = _bounded(_clean(_string(pick(record, "title"), "title")), TITLE_MAX, "title", warn)
    text = _clean(_string(pick(record, "text"), "text"))
    html = _string(record.get("html"), "html")
    if not text and html:
        text = clean_text(html)
    deleted = _deleted(record.get("deleted"))
    author = _bounded(_clean(_string(pick(record, "author"), "author")), AUTHOR_MAX, "author", warn)
    handle = _bounded(_clean(_string(pick(record, "author_handle"), "author_handle")), AUTHOR_MAX,
                      "author_handle", warn)
    # A deletion notice needs only the key: the stored text is what is kept as evidence.
    if not title and not text and not deleted:
        raise Rejected("missing required field: text or title")
    try:
        published = parse_date(pick(record, "published_at"), now=now)
    except DateProblem as exc:
        warn(f"{exc}; kept without a date")
        published = None
    platform = record.get("platform")
    if platform is not None and not isinstance(platform, str):
        warn(f"platform must be a string, not {describe(platform)}; the source's is used")
        platform = None
    platform = clean_id(platform or "").lower() or source.platform
    if platform not in _PLATFORMS:
        warn(f"unknown platform {platform[:30]!r}; recorded as other")
        platform = Platform.OTHER
    extra = record.get("extra")
    if extra is not None and not isinstance(extra, dict):
        warn(f"extra must be an object, not {describe(extra)}; ignored")
    extra = _clean_extra(extra) if isinstance(extra, dict) else {}
    try:
        parent_id = _key_string(record.get("parent_id"), "parent_id")
    except Rejected as exc:
        warn(f"{exc}; not linked")
        parent_id = None
    if parent_id:
        extra = {**extra, "parent_id": parent_id}
    language = record.get("language")
    if language is not None and not isinstance(language, str):
        warn(f"language must be a string, not {describe(language)}; guessed instead")
        language = None
    language = clean_id(language or "")[:16]
    if has_lone_surrogate(language):
        language = ""
    language = language or guess_language(title + " " + text)
    return {
        "source_id": source.pk,
        "platform": platform,
        "external_id": ext_id,
        "url": raw_url[:2000] if canon else "",
        "canonical_url": canon,
        "canonical_url_hash": url_hash(canon),
        "author_name": author,
        "author_handle": handle,
        "published_at": published,
        "fetched_at": now,
        "title": title,
        "text": text,
        "text_folded": fold_text(f"{title} {text}"),
        "language": language,
        "likes": _int(record.get("likes"), "likes", warn),
        "shares": _int(record.get("shares"), "shares", warn),
        "comments": _int(record.get("comments"), "comments", warn),
        "views": _int(record.get("views"), "views", warn),
        "content_hash": content_hash(title, text),
        "is_press": source.is_press,
        "extra": extra,
        "_deleted": deleted,
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


# Field types whose database value is the Python value itself on every supported backend;
# the others (dates, JSON) go through the field's own get_db_prep_save.
_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


@functools.cache
def _insert_plan(vendor: str) -> tuple[str, tuple]:
    """The INSERT statement for new items and, per column, (attribute name, field, converted?)."""
    fields = [f for f in Item._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    # Names from the model's own metadata, values as parameters.
    sql = (f"INSERT INTO {quote(Item._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    return sql, tuple((f.attname, f, not isinstance(f, _PLAIN_FIELDS)) for f in fields)


def item_rows(rows: list[dict]) -> tuple[str, list[list]]:
    """The statement and parameters that insert `rows` (Item attribute values by attribute name).

    Django's bulk_create compiles every value of every row through the ORM: for a 27-column item that
    was half of the ingest time, more than validating and cleaning the record. The values are the
    same ones it would send (`test_fast_insert_matches_the_orm` holds the two together)."""
    sql, columns = _insert_plan(connection.vendor)
    for name, model_field, _convert in columns:
        if name not in rows[0]:  # a column the pipeline does not fill (added later): its default
            for values in rows:
                values[name] = model_field.get_default()
    converted: dict = {}  # `now` is in every row: convert it once
    adapt_datetime = connection.ops.adapt_datetimefield_value

    def prep(model_field, value):
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            key = (model_field.attname, id(value))
            if key not in converted:  # the value is kept with its conversion, so its id is not reused
                if type(model_field) is models.DateTimeField and value.utcoffset() is not None:
                    # What get_db_prep_save comes to for an aware datetime: its get_prep_value returns it as
                    # it is, and the backend adapts it. Each row's own published_at makes this worth it.
                    converted[key] = (value, adapt_datetime(value))
                else:
                    converted[key] = (value, model_field.get_db_prep_save(value, connection))
            return converted[key][1]
        if type(value) is dict and not value:  # most items' `extra`: convert the empty object once
            key = (model_field.attname, "{}")
            if key not in converted:
                converted[key] = model_field.get_db_prep_save({}, connection)
            return converted[key]
        return model_field.get_db_prep_save(value, connection)

    params = [[prep(f, values[name]) if convert else values[name] for name, f, convert in columns]
              for values in rows]
    return sql, params


def _insert_new(source, rows: list[dict]) -> dict[tuple[str, str], int]:
    """Insert new items; returns their ids by key: from RETURNING (SQLite 3.35+, PostgreSQL), which
    names each row's key, so the order rows come back in does not matter; else one look-up per 500 keys."""
    if not rows:
        return {}
    sql, params = item_rows(rows)
    head, _, one = sql.partition(" VALUES ")
    returning = connection.features.can_return_rows_from_bulk_insert
    tail = ""
    if returning:
        quote = connection.ops.quote_name
        tail = f" RETURNING {quote('id')}, {quote('external_id')}, {quote('canonical_url_hash')}"
    # Many rows per statement: a third less database time than executemany() of one-row INSERTs.
    per = max(1, min(500, _max_params() // len(params[0])))
    found: dict[tuple[str, str], int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(params), per):
            part = params[start:start + per]
            cursor.execute(f"{head} VALUES {', '.join([one] * len(part))}{tail}", [v for row in part for v in row])
            if returning:
                for pk, ext, url in cursor.fetchall():
                    found[("id", ext) if ext is not None else ("url", url)] = pk
    return found if returning else _ids(source, [_key(r) for r in rows])


def _max_params() -> int:
    """Bound parameters per statement: SQLite's real limit (32766 since 3.32) where the driver can
    tell it, rather than the 999 Django assumes."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        try:
            import sqlite3

            return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        except AttributeError:  # Python < 3.11
            pass
    return connection.features.max_query_params or 65535


def _ids(source, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    ids = [k[1] for k in keys if k[0] == "id"]
    hashes = [k[1] for k in keys if k[0] == "url"]
    for chunk in _chunks(ids):
        for ext, pk in Item.objects.filter(source=source, external_id__in=chunk).values_list("external_id", "pk"):
            found[("id", ext)] = pk
    for chunk in _chunks(hashes):
        for url, pk in (Item.objects.filter(source=source, external_id__isnull=True, canonical_url_hash__in=chunk)
                        .values_list("canonical_url_hash", "pk")):
            found[("url", url)] = pk
    return found


def _previous_state(item: Item) -> dict:
    return {
        "author_name": item.author_name, "published_at": item.published_at.isoformat() if item.published_at else None,
        "likes": item.likes, "shares": item.shares, "comments": item.comments, "views": item.views,
        "url": item.url,
    }


def _flush(source, batch: dict, *, snapshot: Snapshot | None, acting_user, job, now) -> tuple[dict, list, list]:
    """Store one batch (inside the caller's transaction). Returns (counts, [(record, error)], item ids):
    the caller adds them to the stats once the transaction has committed."""
    existing = _existing(source, batch.keys())
    rejects: list[tuple[int, str]] = []
    new_rows: list[dict] = []
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
                rejects.append((number, "deletion of an item that was never collected"))
                continue
            new_rows.append({**fields, "snapshot_id": snapshot.pk if snapshot else None, "created_at": now,
                             "updated_at": now, "parent_id": None, "deleted_at": None})
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
    new_ids = _insert_new(source, new_rows)
    if len(new_ids) != len(new_rows):
        # Cannot happen inside one transaction; refuse to report items that are not there.
        raise RuntimeError(f"ingest: {len(new_rows)} items inserted, {len(new_ids)} returned")
    counts["new"] = len(new_rows)
    if changed:
        Item.objects.bulk_update(
            changed, [*CONTENT_FIELDS, *OTHER_FIELDS, "extra", "deleted_at", "updated_at", "snapshot"], batch_size=500)
    if revisions:
        ItemRevision.objects.bulk_create(revisions, batch_size=500)
    if parents:
        created = {key: Item(pk=pk, external_id=key[1] if key[0] == "id" else None) for key, pk in new_ids.items()
                   if key in parents}
        _link_parents(source, parents, {**existing, **created})
    # One audit row per batch, not per item: 100k rows of audit for a 100k-line import would
    # dominate the run and bury the entries inspectors need. The batch row names the source,
    # the counts and the evidence snapshot the items came from.
    audit_record("ingest.batch", actor=acting_user, obj=source, agency=source.agency, changes={
        **counts, "snapshot": snapshot.sha256 if snapshot else None, "job": job.pk if job else None})
    ids = list(new_ids.values()) + [i.pk for i in changed]
    if ids:
        transaction.on_commit(lambda: items_ingested.send(sender=Item, item_ids=ids))
    return counts, rejects, ids


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
        except Exception as exc:  # noqa: BLE001 - a record we failed to foresee still costs only itself
            log.exception("ingest: record %s of source %s could not be read", number, source.pk)
            stats.reject(number, f"could not be read: {exc.__class__.__name__}")
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


# Errors that one record's values can cause in the database or the driver (too long, NUL, bad
# Unicode, a type it cannot bind). Not OperationalError/InterfaceError: a locked or lost database is
# nobody's record, and the caller must hear about it.
_RECORD_ERRORS = (DataError, IntegrityError, InternalError, ProgrammingError, NotSupportedError,
                  ValueError, TypeError, OverflowError, RecursionError)


def _commit_batch(source, batch, stats, **kwargs) -> None:
    """Store a batch in one transaction. When the database refuses it for a reason in the data,
    the batch is halved until the record at fault is alone, and that record is rejected: one bad
    record must not cost the others."""
    try:
        counts, rejects, ids = _store_batch(source, batch, **kwargs)
    except _RECORD_ERRORS as exc:
        if len(batch) == 1:
            number = next(iter(batch.values()))[0]
            log.warning("ingest: record %s of source %s could not be stored: %r", number, source.pk, exc)
            stats.reject(number, f"could not be stored: {exc.__class__.__name__}")
            return
        items = list(batch.items())
        half = len(items) // 2
        _commit_batch(source, dict(items[:half]), stats, **kwargs)
        _commit_batch(source, dict(items[half:]), stats, **kwargs)
        return
    stats.batches += 1
    stats.new += counts["new"]
    stats.updated += counts["updated"]
    stats.duplicates += counts["duplicates"]
    stats.item_ids.extend(ids)
    for number, error in rejects:
        stats.reject(number, error)


def _store_batch(source, batch, **kwargs):
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _flush(source, batch, **kwargs)
        except IntegrityError:
            # Another process stored some of these keys between our lookup and our insert:
            # the second attempt finds them and updates instead.
            if attempt:
                raise
