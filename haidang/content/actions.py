"""Writes for content: evidence snapshots, and collecting items from sources (fetch now, import a
file or URL, a push from an external collector, a re-fetch for proof).

Routine snapshots are not audited one by one: the `ingest.batch` audit row that follows names
the snapshot's digest. A deliberate re-fetch (`do_refetch_url`) is audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.audit.actions import record
from haidang.core.jobs import finish_job, heartbeat, set_progress, start_job
from haidang.sources import actions as source_actions
from haidang.sources import fetch as fetching
from haidang.sources import parsers
from haidang.sources.canonical import canonical_url, url_hash
from haidang.sources.choices import SourceKind
from haidang.sources.models import Source

from . import evidence
from .choices import SnapshotKind
from .ingest import BATCH_SIZE as INGEST_BATCH_SIZE
from .ingest import IngestStats, ingest_records
from .models import Item, Snapshot


def _snapshot_from(stored: evidence.StoredEvidence, **fields) -> Snapshot:
    # The file is content-addressed: the same bytes give the same row.
    snapshot, _created = Snapshot.objects.get_or_create(
        sha256=stored.sha256,
        defaults={"payload_sha256": stored.payload_sha256, "size": stored.size, "path": stored.path, **fields},
    )
    return snapshot


@transaction.atomic
def do_record_http_snapshot(result, *, source=None, item=None, acting_user=None) -> Snapshot:
    """Store a fetch result (sources.fetch.FetchResult) as request+response WARC records."""
    stored = evidence.write_http_exchange(
        url=result.final_url, request_headers=result.request_headers, status=result.status_code,
        reason=result.reason, response_headers=result.headers, body=result.content,
        fetched_at=result.fetched_at, http_version=result.http_version,
    )
    return _snapshot_from(
        stored, kind=SnapshotKind.HTTP, url=result.url[:2000], final_url=result.final_url[:2000],
        status_code=result.status_code, content_type=result.content_type[:200], fetched_at=result.fetched_at,
        source=source, item=item, created_by=_user(acting_user),
    )


@transaction.atomic
def do_record_error_snapshot(url: str, error: str, *, source=None, item=None, acting_user=None) -> Snapshot:
    """A fetch that got no response (DNS gone, refused, timed out) is evidence too."""
    now = timezone.now()
    body = json.dumps({"url": url, "error": error, "at": now.isoformat()}, ensure_ascii=False).encode()
    stored = evidence.write_resource(uri=url or "urn:haidang:error", body=body, content_type="application/json",
                                     fetched_at=now, metadata={"Fetch-Error": error})
    return _snapshot_from(stored, kind=SnapshotKind.ERROR, url=url[:2000], final_url=url[:2000], error=error,
                          fetched_at=now, source=source, item=item, created_by=_user(acting_user))


@transaction.atomic
def do_record_data_snapshot(body: bytes, *, kind: str, content_type: str, uri: str = "", source=None,
                            acting_user=None, fetched_at: dt.datetime | None = None) -> Snapshot:
    """Pushed JSON or an imported file, kept byte for byte."""
    now = fetched_at or timezone.now()
    stored = evidence.write_resource(uri=uri or evidence.push_uri(), body=body, content_type=content_type,
                                     fetched_at=now)
    return _snapshot_from(stored, kind=kind, url=uri[:2000], content_type=content_type, fetched_at=now,
                          source=source, created_by=_user(acting_user))


def verify_snapshots(stdout=None) -> tuple[int, list[tuple[int, str]]]:
    """Recompute every snapshot's digests. Returns (checked, [(snapshot id, problem)])."""
    problems: list[tuple[int, str]] = []
    checked = 0
    for snap in Snapshot.objects.order_by("pk").only("pk", "path", "sha256", "payload_sha256").iterator():
        checked += 1
        problem = evidence.verify_file(snap.path, snap.sha256, snap.payload_sha256)
        if problem:
            problems.append((snap.pk, problem))
    return checked, problems


def _user(user):
    return user if (user is not None and getattr(user, "is_authenticated", False)) else None


# --- collecting: fetch a source now, import a file or URL, take a push, re-fetch for proof ----------
# Records walk one way: sources fetch and parse bytes, content keeps the evidence and the items.
PAGE_ARTICLES_PER_RUN = 20
# Feeds and JSON documents are parsed in memory; JSONL and CSV stream and have no limit.
IN_MEMORY_FACTOR = 4
EVIDENCE_FILE_MAX = 64 * 1024 * 1024


def do_fetch_source(source: Source, *, acting_user=None):
    """Collect one feed or page source now. Returns the Job row (counts, errors, duration).
    Never raises for a bad source: the failure is on the job and in the source's health."""
    if acting_user is not None:
        source_actions.require_manager(acting_user, source.agency)
    job = start_job("ingest.fetch", name=source.name, user=acting_user, agency=source.agency, obj=source)
    stats = IngestStats()
    try:
        if source.kind == SourceKind.FEED:
            result = _fetch_feed(source, stats, job, acting_user)
        elif source.kind == SourceKind.PAGE:
            result = _fetch_page(source, stats, job, acting_user)
        else:
            raise fetching.FetchError(_("Only feed and page sources are fetched; this one receives files or pushes."))
    except (fetching.FetchError, parsers.Unreadable) as exc:
        source_actions.mark_fetch_failure(source, str(exc), job=job)
        return finish_job(job, counts=stats.counts(), errors=[{"record": None, "error": str(exc)}, *stats.errors],
                          failed=True, log=f"{exc}\n")
    except Exception as exc:
        # A bug must not stop the scheduler or leave the source claimed forever.
        source_actions.mark_fetch_failure(source, f"{exc.__class__.__name__}: {exc}", job=job)
        finish_job(job, counts=stats.counts(), failed=True, log=f"{exc.__class__.__name__}: {exc}\n")
        raise
    source_actions.mark_fetch_success(source, etag=result.header("etag") if result else source.etag,
                  last_modified=result.header("last-modified") if result else source.last_modified, job=job)
    log = "".join(f"{w['warning']}\n" for w in stats.warnings[:50])
    return finish_job(job, counts=stats.counts(), errors=stats.errors, log=log)


def _fetch_feed(source, stats, job, acting_user):
    result = fetching.fetch(source.url, accept=fetching.FEED_TYPES, etag=source.etag,
                            last_modified=source.last_modified)
    if result.not_modified:
        return result
    if not result.ok:
        raise fetching.FetchError(f"HTTP {result.status_code} from {source.url}")
    snapshot = do_record_http_snapshot(result, source=source, acting_user=acting_user)
    parsed = parsers.parse_feed(result.content, content_type=result.content_type, base_url=result.final_url)
    for warning in parsed.warnings:
        stats.warn(None, warning)
    ingest_records(source, parsed.records, snapshot=snapshot, acting_user=acting_user, job=job, stats=stats,
                   progress=lambda n: set_progress(job, n, parsed.total))
    return result


def _fetch_page(source, stats, job, acting_user):
    result = fetching.fetch(source.url, accept=fetching.PAGE_TYPES, robots=True)
    if not result.ok:
        raise fetching.FetchError(f"HTTP {result.status_code} from {source.url}")
    do_record_http_snapshot(result, source=source, acting_user=acting_user)
    links = parsers.listing_links(result.content, url=result.final_url, link_filter=source.link_filter,
                                  charset=result.charset)
    known = set(Item.objects.filter(source=source, canonical_url_hash__in=[url_hash(canonical_url(u)) for u in links])
                .values_list("canonical_url_hash", flat=True))
    todo = [u for u in links if url_hash(canonical_url(u)) not in known][:PAGE_ARTICLES_PER_RUN]
    set_progress(job, 0, len(todo))
    for done, link in enumerate(todo, 1):
        try:
            page = fetching.fetch(link, accept=fetching.PAGE_TYPES, robots=True, allow_error_status=False)
            snapshot = do_record_http_snapshot(page, source=source, acting_user=acting_user)
            article = parsers.parse_article(page.content, url=page.final_url, charset=page.charset)
        except (fetching.FetchError, parsers.Unreadable) as exc:
            stats.read += 1
            stats.reject(link, str(exc))
            continue
        ingest_records(source, [article], snapshot=snapshot, acting_user=acting_user, job=job, stats=stats)
        set_progress(job, done)
    return None


def do_import(target: str, *, source: Source, fmt: str = "auto", acting_user=None, progress=None,
              job=None) -> IngestStats:
    """Import a file path or an http(s) URL into `source`. Raises parsers.Unreadable when the
    input cannot be read at all; bad records are counted and listed, not raised.

    `job`: a Job row made beforehand (the web import shows its progress while a worker runs this)."""
    if fmt not in parsers.FORMATS:
        raise parsers.Unreadable(f"unknown format {fmt!r}")
    if job is None:
        job = start_job("ingest.import", name=target[:200], user=acting_user, agency=source.agency, obj=source)
    else:
        heartbeat(job)  # a queued job: its worker has started
    stats = IngestStats()
    try:
        if target.startswith(("http://", "https://")):
            parsed, snapshot = _open_url(target, fmt, source, acting_user)
        else:
            parsed, snapshot = _open_file(Path(target), fmt, source, acting_user)
        for warning in parsed.warnings:
            stats.warn(None, warning)

        def report(n):
            set_progress(job, n, parsed.total)
            if progress:
                progress(n, parsed.total)

        ingest_records(source, parsed.records, snapshot=snapshot, acting_user=acting_user, job=job,
                       stats=stats, progress=report)
    except (fetching.FetchError, parsers.Unreadable, OSError) as exc:
        finish_job(job, counts=stats.counts(), errors=stats.errors, failed=True, log=f"{exc}\n")
        if isinstance(exc, parsers.Unreadable):
            raise
        raise parsers.Unreadable(str(exc) if not isinstance(exc, OSError) else f"cannot read {target}: {exc.strerror}")
    finish_job(job, counts=stats.counts(), errors=stats.errors)
    return stats


def _open_url(url, fmt, source, acting_user):
    result = fetching.fetch(url, accept=fetching.ANY_TEXT)
    if not result.ok:
        raise parsers.Unreadable(f"HTTP {result.status_code} from {url}")
    snapshot = do_record_http_snapshot(result, source=source, acting_user=acting_user)
    if not result.content.strip():
        raise parsers.Unreadable("empty input")
    if fmt == "auto":
        fmt = parsers.detect_format(result.final_url, result.content[:8192], result.content_type)
    return _parse_bytes(result.content, fmt, url=result.final_url, content_type=result.content_type,
                        charset=result.charset), snapshot


def check_file(path: Path) -> bytes:
    """Refuse a missing, empty or binary file before anything is created for it; returns its head."""
    if not path.exists():
        raise parsers.Unreadable(f"no such file: {path}")
    if not path.is_file():
        raise parsers.Unreadable(f"not a file: {path}")
    size = path.stat().st_size
    if size == 0:
        raise parsers.Unreadable("empty input")
    with path.open("rb") as fh:
        head = fh.read(8192)
    if size <= len(head) and not head.strip():
        raise parsers.Unreadable("empty input (only whitespace)")
    if parsers.looks_binary(head):
        raise parsers.Unreadable("binary data, not a feed, page or record file")
    return head


def _open_file(path: Path, fmt, source, acting_user):
    head = check_file(path)
    size = path.stat().st_size
    if fmt == "auto":
        fmt = parsers.detect_format(path.name, head)
    snapshot = None
    if size <= EVIDENCE_FILE_MAX:
        snapshot = do_record_data_snapshot(path.read_bytes(), kind=SnapshotKind.FILE, uri=path.resolve().as_uri(),
                                           content_type=_FILE_TYPES.get(fmt, "application/octet-stream"),
                                           source=source, acting_user=acting_user)
    if fmt in ("jsonl", "csv"):
        stream = path.open("rb")  # closed when the generator is exhausted or collected
        return (parsers.parse_jsonl_stream(stream) if fmt == "jsonl" else parsers.parse_csv_stream(stream)), snapshot
    limit = settings.HAIDANG_FETCH_MAX_BYTES * IN_MEMORY_FACTOR
    if size > limit:
        raise parsers.Unreadable(
            f"{fmt} file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for documents parsed "
            "in memory; split it or convert it to JSONL")
    return _parse_bytes(path.read_bytes(), fmt, url=""), snapshot


_FILE_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/json",
               "jsonl": "application/jsonl", "csv": "text/csv", "html": "text/html"}


def _parse_bytes(data: bytes, fmt: str, *, url: str, content_type: str = "", charset: str | None = None):
    if fmt in ("rss", "atom"):
        return parsers.parse_feed(data, content_type=content_type, base_url=url)
    if fmt == "json":
        return parsers.parse_json(data)
    if fmt == "html":
        article = parsers.parse_article(data, url=url, charset=charset)
        if not article["url"]:
            # A saved page with no address still needs a stable id: its content digest.
            article["id"] = "sha256:" + hashlib.sha256(data).hexdigest()
        return parsers.ParsedInput(records=[article], format="html", warnings=[], total=1)
    stream = io.BufferedReader(io.BytesIO(data))
    return parsers.parse_jsonl_stream(stream) if fmt == "jsonl" else parsers.parse_csv_stream(stream)


def do_push_items(records: list, *, source: Source, body: bytes, acting_user=None, token=None) -> IngestStats:
    """Items pushed by an external collector: the request body is kept as evidence, then ingested.

    `token`: the API token the push came with; without one, `acting_user` must hold a working role
    (coordinator, officer, leader) in the source's agency: viewers read, never write.
    Every snapshot is accounted for in the audit log: `ingest.batch` rows for what was stored,
    `ingest.rejected` when nothing was (all records refused), `ingest.failed` when the push broke off."""
    if source.kind != SourceKind.PUSH:
        raise PermissionDenied(_("Items can only be pushed to a push source."))
    _require_pusher(source, acting_user, token)
    if isinstance(records, list) and len(records) <= INGEST_BATCH_SIZE:
        return _push_in_one_transaction(records, source=source, body=body, acting_user=acting_user)
    snapshot = do_record_data_snapshot(body, kind=SnapshotKind.PUSH, content_type="application/json",
                                       source=source, acting_user=acting_user)
    stats = IngestStats()
    try:
        ingest_records(source, records, snapshot=snapshot, acting_user=acting_user, stats=stats)
    except Exception as exc:
        _record_push_outcome("ingest.failed", source, snapshot, stats, acting_user,
                             error=f"{exc.__class__.__name__}: {exc}"[:500])
        raise
    if not stats.batches:
        _record_push_outcome("ingest.rejected", source, snapshot, stats, acting_user)
    Source.objects.filter(pk=source.pk).update(last_success_at=timezone.now(), last_fetch_at=timezone.now())
    return stats


def _push_in_one_transaction(records: list, *, source: Source, body: bytes, acting_user) -> IngestStats:
    """A push of at most one ingest batch: its snapshot row, items, audit rows and the source's time are
    one transaction instead of three. On SQLite each transaction queues for the write lock behind the
    worker's (and pays an fsync): one wait instead of three. The evidence file is written first,
    outside; if the transaction fails, its row is recorded again, alone, with the `ingest.failed` row."""
    now = timezone.now()
    stored = evidence.write_resource(uri=evidence.push_uri(), body=body, content_type="application/json",
                                     fetched_at=now)
    fields = {"kind": SnapshotKind.PUSH, "url": "", "content_type": "application/json", "fetched_at": now,
              "source": source, "created_by": _user(acting_user)}
    stats = IngestStats()
    try:
        with transaction.atomic():
            snapshot = _snapshot_from(stored, **fields)
            ingest_records(source, records, snapshot=snapshot, acting_user=acting_user, stats=stats)
            if not stats.batches:
                _record_push_outcome("ingest.rejected", source, snapshot, stats, acting_user)
            Source.objects.filter(pk=source.pk).update(last_success_at=timezone.now(), last_fetch_at=timezone.now())
    except Exception as exc:
        try:
            with transaction.atomic():
                snapshot = _snapshot_from(stored, **fields)
                _record_push_outcome("ingest.failed", source, snapshot, stats, acting_user,
                                     error=f"{exc.__class__.__name__}: {exc}"[:500])
        except Exception:  # noqa: BLE001 - the push's own error is the one to report
            logging.getLogger(__name__).exception("push evidence %s: could not record the failure", stored.sha256)
        raise
    return stats


def _require_pusher(source: Source, user, token) -> None:
    if token is not None:
        if token.revoked or not token.agency.active or token.agency_id != source.agency_id:
            raise PermissionDenied(_("This token cannot push to that source."))
        return
    if user is None or user.is_superuser:
        return  # the system itself, or an administrator
    if not access.has_role(user, source.agency, access.WORKING_ROLES):
        raise PermissionDenied(_("Only coordinators, officers and leaders of the source's agency can push items."))


def _record_push_outcome(action: str, source, snapshot: Snapshot, stats: IngestStats, acting_user, **extra) -> None:
    try:
        record(action, actor=acting_user, obj=source, agency=source.agency,
               changes={**stats.counts(), "snapshot": snapshot.sha256, **extra})
    except Exception:  # noqa: BLE001 - the push's own error is the one to report
        logging.getLogger(__name__).exception("push snapshot %s: could not record %s", snapshot.sha256, action)


def do_refetch_url(url: str, *, acting_user=None, item: Item | None = None) -> Snapshot:
    """Fetch `url` again now and keep the response as evidence (e.g. proof that content was removed:
    look at `snapshot.status_code`, None with `snapshot.error` when nothing answered)."""
    if acting_user is not None and not acting_user.is_superuser and not access.agency_ids(acting_user):
        raise PermissionDenied(_("Only officers of a participating agency can re-fetch content."))
    source = item.source if item is not None else None
    try:
        result = fetching.fetch(url, accept=None)
    except fetching.FetchError as exc:
        snapshot = do_record_error_snapshot(url, str(exc), source=source, item=item, acting_user=acting_user)
    else:
        snapshot = do_record_http_snapshot(result, source=source, item=item, acting_user=acting_user)
        if snapshot.item_id is None and item is not None:
            # The same bytes were already stored (content-addressed); link this item to them too.
            Snapshot.objects.filter(pk=snapshot.pk).update(item=item)
            snapshot.item = item
    record("snapshot.refetch", actor=acting_user, obj=snapshot, changes={
        "url": url, "status": snapshot.status_code, "error": snapshot.error, "sha256": snapshot.sha256,
        "item": item.pk if item is not None else None})
    return snapshot
