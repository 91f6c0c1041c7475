"""The evidence store: WARC files, content-addressed by their SHA-256, under settings.EVIDENCE_DIR.

Layout: `<EVIDENCE_DIR>/<aa>/<bb>/<sha256>.warc.gz`. A file is written once under a temporary
name and renamed into place, so a crash never leaves a half-written file under a digest name.
Bodies are stored as received after content-decoding (the cap applies to decoded bytes); the
original Content-Encoding header is kept as X-Archive-Orig-Content-Encoding so WARC readers
do not try to decompress it a second time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import tempfile
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAYLOAD_DIGEST_HEADER = "WARC-X-Payload-SHA256"
# warcio compresses at level 9: for an imported file of 100,000 posts that was a tenth of the import,
# for files 3 % smaller than at the default level 6.
GZIP_LEVEL = 6
_RENAMED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass
class StoredEvidence:
    path: str  # relative to EVIDENCE_DIR
    sha256: str
    payload_sha256: str
    size: int


def _warc_date(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Gzipping:
    """warcio's GzippingWrapper at GZIP_LEVEL: one gzip member per record, compressed as it is written."""

    def __init__(self, out):
        self.compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        self.out = out

    def write(self, buff):
        self.out.write(self.compressor.compress(buff))

    def flush(self):  # warcio flushes once, at the end of each record
        self.out.write(self.compressor.flush())
        self.out.flush()


class _Writer(WARCWriter):
    def __init__(self, out):
        super().__init__(out, gzip=False)

    def _write_warc_record(self, out, record):
        super()._write_warc_record(_Gzipping(out), record)


def _store(data: bytes) -> tuple[str, str]:
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{digest[:2]}/{digest[2:4]}/{digest}.warc.gz"
    target = Path(settings.EVIDENCE_DIR) / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return relative, digest


def write_http_exchange(
    *, url: str, method: str = "GET", request_headers: list[tuple[str, str]], status: int, reason: str,
    response_headers: list[tuple[str, str]], body: bytes, fetched_at: dt.datetime, http_version: str = "HTTP/1.1",
) -> StoredEvidence:
    """One request + response record pair."""
    buffer = io.BytesIO()
    writer = _Writer(buffer)
    date = _warc_date(fetched_at)
    path = url.split("://", 1)[-1].partition("/")[2]
    request = writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), length=0,
        warc_headers_dict={"WARC-Date": date},
        http_headers=StatusAndHeaders(f"{method} /{path} {http_version}", request_headers, is_http_request=True),
    )
    headers = [
        (f"X-Archive-Orig-{name}" if name.lower() in _RENAMED_HEADERS else name, value)
        for name, value in response_headers
    ]
    headers.append(("Content-Length", str(len(body))))
    payload_sha = hashlib.sha256(body).hexdigest()
    response = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body),
        warc_headers_dict={"WARC-Date": date, PAYLOAD_DIGEST_HEADER: payload_sha},
        http_headers=StatusAndHeaders(f"{status} {reason or 'Unknown'}", headers, protocol=http_version),
    )
    writer.write_record(request)
    writer.write_record(response)
    data = buffer.getvalue()
    relative, digest = _store(data)
    return StoredEvidence(relative, digest, payload_sha, len(data))


def write_resource(*, uri: str, body: bytes, content_type: str, fetched_at: dt.datetime,
                   metadata: dict[str, str] | None = None) -> StoredEvidence:
    """One resource record: pushed JSON, an imported file, or the note of a failed fetch."""
    buffer = io.BytesIO()
    writer = _Writer(buffer)
    payload_sha = hashlib.sha256(body).hexdigest()
    headers = {"WARC-Date": _warc_date(fetched_at), PAYLOAD_DIGEST_HEADER: payload_sha}
    for key, value in (metadata or {}).items():
        headers[f"WARC-X-{key}"] = value.replace("\n", " ")[:2000]
    record = writer.create_warc_record(uri, "resource", payload=io.BytesIO(body), length=len(body),
                                       warc_content_type=content_type, warc_headers_dict=headers)
    writer.write_record(record)
    data = buffer.getvalue()
    relative, digest = _store(data)
    return StoredEvidence(relative, digest, payload_sha, len(data))


def push_uri() -> str:
    return f"urn:haidang:push:{uuid.uuid4()}"


def verify_file(relative: str, sha256: str, payload_sha256: str) -> str | None:
    """None when the file is intact; otherwise what is wrong."""
    target = Path(settings.EVIDENCE_DIR) / relative
    try:
        data = target.read_bytes()
    except OSError as exc:
        return f"missing file ({exc.__class__.__name__})"
    if hashlib.sha256(data).hexdigest() != sha256:
        return "file digest mismatch"
    if not target.name.startswith(sha256):
        return "file name does not match its digest"
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type in ("response", "resource"):
                body = record.raw_stream.read()
                if hashlib.sha256(body).hexdigest() != payload_sha256:
                    return "payload digest mismatch"
                return None
    except Exception as exc:  # noqa: BLE001 - any parse failure means the file is damaged
        return f"unreadable WARC ({exc.__class__.__name__})"
    return "no response record"


def read_payload(relative: str) -> tuple[dict, bytes]:
    """The HTTP/WARC headers and body of the first response or resource record (for display)."""
    data = (Path(settings.EVIDENCE_DIR) / relative).read_bytes()
    for record in ArchiveIterator(io.BytesIO(data)):
        if record.rec_type in ("response", "resource"):
            headers = dict(record.http_headers.headers) if record.http_headers else {}
            return headers, record.raw_stream.read()
    return {}, b""
