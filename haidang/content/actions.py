"""Writes for content: evidence snapshots.

Routine snapshots are not audited one by one: the `ingest.batch` audit row that follows names
the snapshot's digest. A deliberate re-fetch (sources.actions.do_refetch_url) is audited.
"""

from __future__ import annotations

import datetime as dt
import json

from django.db import transaction
from django.utils import timezone

from . import evidence
from .choices import SnapshotKind
from .models import Snapshot


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

