"""Writes for sources: create/update, fetch (scheduled or now), file/URL import, push, re-fetch.

Health columns (last success/error, failures, next due, ETag) are operational state written with
plain UPDATEs and not audited, like Job progress; what was collected is audited per batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.audit.actions import record
from haidang.content.actions import (
    do_record_data_snapshot,
    do_record_error_snapshot,
    do_record_http_snapshot,
)
from haidang.content.choices import SnapshotKind
from haidang.content.ingest import IngestStats, ingest_records
from haidang.content.models import Item, Snapshot
from haidang.content.normalize import canonical_url, url_hash
from haidang.core import access
from haidang.core.jobs import finish_job, set_progress, start_job

from . import fetch as fetching
from . import parsers
from .choices import SourceKind
from .models import Source

EDITABLE_FIELDS = {"name", "kind", "url", "platform", "interval_minutes", "active", "is_press", "credibility",
                   "place_hint", "link_filter"}
MAX_BACKOFF = dt.timedelta(hours=24)
CLAIM_TIMEOUT = dt.timedelta(minutes=30)  # a claim older than this belongs to a dead worker
PAGE_ARTICLES_PER_RUN = 20
# Feeds and JSON documents are parsed in memory; JSONL and CSV stream and have no limit.
IN_MEMORY_FACTOR = 4
EVIDENCE_FILE_MAX = 64 * 1024 * 1024


def _require_manager(acting_user, agency) -> None:
    """The owner agency's working roles, or the lead agency's, manage a source. None is the system."""
    if acting_user is None:
        return
    if access.is_lead_member(acting_user, access.WORKING_ROLES):
        return
    access.require_role(acting_user, agency, access.WORKING_ROLES,
                        _("Only the owner agency or the lead agency can manage this source."))


def _validate(source: Source) -> None:
    if source.kind in (SourceKind.FEED, SourceKind.PAGE) and not canonical_url(source.url):
        raise ValidationError({"url": _("Feeds and pages need an http(s) URL.")})
    source.full_clean()


@transaction.atomic
def do_create_source(*, name: str, kind: str, agency, acting_user=None, url: str = "", **fields) -> Source:
    _require_manager(acting_user, agency)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown source fields: {sorted(unknown)}")
    source = Source(name=name, kind=kind, agency=agency, url=url, created_by=_person(acting_user), **fields)
    _validate(source)
    source.save()
    record("source.create", actor=acting_user, obj=source, agency=agency,
           changes={"name": name, "kind": kind, "url": url, **{k: str(v) for k, v in fields.items()}})
    return source


@transaction.atomic
def do_update_source(source: Source, *, acting_user=None, **fields) -> Source:
    _require_manager(acting_user, source.agency)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown source fields: {sorted(unknown)}")
    before = {k: str(getattr(source, k)) for k in fields}
    for key, value in fields.items():
        setattr(source, key, value)
    if "interval_minutes" in fields or "active" in fields:
        source.next_due_at = timezone.now()
    _validate(source)
    source.save()
    if "is_press" in fields:
        # "Items from a press source are press everywhere": keep the copy on items in step.
        Item.objects.filter(source=source).update(is_press=source.is_press)
    record("source.update", actor=acting_user, obj=source, agency=source.agency,
           changes={"before": before, "after": {k: str(v) for k, v in fields.items()}})
    return source


# --- scheduling ---------------------------------------------------------------------
def claim_due_sources(now: dt.datetime | None = None, limit: int = 50) -> list[int]:
    """Claim due feed/page sources for this worker. Two consumers never claim the same source."""
    now = now or timezone.now()
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    claimed = []
    for pk in Source.objects.due(now).filter(free).order_by("next_due_at").values_list("pk", flat=True)[:limit]:
        if Source.objects.due(now).filter(free, pk=pk).update(claimed_at=now) != 1:
            continue  # Nothing got updated: another worker got there first.
        claimed.append(pk)
    return claimed


def backoff_delay(source: Source, failures: int) -> dt.timedelta:
    base = dt.timedelta(minutes=source.interval_minutes)
    return min(base * (2 ** min(failures, 10)), max(MAX_BACKOFF, base))


def _mark_success(source: Source, *, etag: str = "", last_modified: str = "", job=None) -> None:
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        last_fetch_at=now, last_success_at=now, consecutive_failures=0, claimed_at=None,
        next_due_at=now + dt.timedelta(minutes=source.interval_minutes),
        etag=etag[:500], last_modified=last_modified[:100], last_job=job,
    )


def _mark_failure(source: Source, error: str, *, job=None) -> None:
    now = timezone.now()
    failures = source.consecutive_failures + 1
    Source.objects.filter(pk=source.pk).update(
        last_fetch_at=now, last_error_at=now, last_error=error[:2000], consecutive_failures=failures,
        claimed_at=None, next_due_at=now + backoff_delay(source, failures), last_job=job,
    )


def do_fetch_source(source: Source, *, acting_user=None):
    """Collect one feed or page source now. Returns the Job row (counts, errors, duration).
    Never raises for a bad source: the failure is on the job and in the source's health."""
    if acting_user is not None:
        _require_manager(acting_user, source.agency)
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
        _mark_failure(source, str(exc), job=job)
        return finish_job(job, counts=stats.counts(), errors=[{"record": None, "error": str(exc)}, *stats.errors],
                          failed=True, log=f"{exc}\n")
    except Exception as exc:
        # A bug must not stop the scheduler or leave the source claimed forever.
        _mark_failure(source, f"{exc.__class__.__name__}: {exc}", job=job)
        finish_job(job, counts=stats.counts(), failed=True, log=f"{exc.__class__.__name__}: {exc}\n")
        raise
    _mark_success(source, etag=result.header("etag") if result else source.etag,
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


# --- imports (CLI), push (API) --------------------------------------------------------
def resolve_source(name: str | None, *, target: str, acting_user=None) -> Source:
    """The named source, or one created for this file/URL, owned by the lead agency."""
    is_url = target.startswith(("http://", "https://"))
    if not name:
        name = (f"import: {target}" if is_url else f"import: {Path(target).name}")[:200]
    source = Source.objects.filter(name=name).first()
    if source is not None:
        return source
    from haidang.agencies.models import Agency

    agency = access.lead_agency() or Agency.objects.filter(active=True).order_by("pk").first()
    if agency is None:
        raise parsers.Unreadable("no agency exists yet: run `haidang demo` or create an agency first")
    return do_create_source(name=name, kind=SourceKind.FEED if is_url else SourceKind.FILE, agency=agency,
                            url=target if is_url else "", active=False, acting_user=acting_user)


def do_import(target: str, *, source: Source, fmt: str = "auto", acting_user=None, progress=None,
              job=None) -> IngestStats:
    """Import a file path or an http(s) URL into `source`. Raises parsers.Unreadable when the
    input cannot be read at all; bad records are counted and listed, not raised.

    `job`: a Job row made beforehand (the web import shows its progress while a worker runs this)."""
    if fmt not in parsers.FORMATS:
        raise parsers.Unreadable(f"unknown format {fmt!r}")
    if job is None:
        job = start_job("ingest.import", name=target[:200], user=acting_user, agency=source.agency, obj=source)
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
    import io

    stream = io.BufferedReader(io.BytesIO(data))
    return parsers.parse_jsonl_stream(stream) if fmt == "jsonl" else parsers.parse_csv_stream(stream)


def push_source_for(token) -> Source:
    """The default push source of an API token: one per token, owned by the token's agency."""
    name = f"push: {token.agency.short_name} / {token.name}"[:200]
    source = Source.objects.filter(name=name).first()
    if source is None:
        source = do_create_source(name=name, kind=SourceKind.PUSH, agency=token.agency, platform="other",
                                  acting_user=None)
    return source


def do_push_items(records: list, *, source: Source, body: bytes, acting_user=None) -> IngestStats:
    """Items pushed by an external collector: the request body is kept as evidence, then ingested."""
    if source.kind != SourceKind.PUSH:
        raise PermissionDenied(_("Items can only be pushed to a push source."))
    if acting_user is not None and not acting_user.is_superuser and source.agency_id not in access.agency_ids(acting_user):
        raise PermissionDenied(_("This source belongs to another agency."))
    snapshot = do_record_data_snapshot(body, kind=SnapshotKind.PUSH, content_type="application/json",
                                       source=source, acting_user=acting_user)
    stats = ingest_records(source, records, snapshot=snapshot, acting_user=acting_user)
    Source.objects.filter(pk=source.pk).update(last_success_at=timezone.now(), last_fetch_at=timezone.now())
    return stats


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


def _person(user):
    return user if (user is not None and getattr(user, "is_authenticated", False)) else None
