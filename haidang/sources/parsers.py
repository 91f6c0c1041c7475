"""Parsers: bytes in, records out. A record is a plain dict in the push item schema (docs/ingest.md);
the ingest pipeline (content/ingest.py) validates and normalises it.

Parsers never raise for one bad record: they yield a `BadRecord` and go on. They raise
`Unreadable` only when the input as a whole cannot be read (binary garbage, not a feed at all).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import feedparser

FORMATS = ("auto", "rss", "atom", "html", "json", "jsonl", "csv")
class Unreadable(Exception):
    """The input cannot be read at all; the message is one line for the user."""


@dataclass
class BadRecord:
    """A record that could not even be parsed (e.g. a JSONL line that is not JSON)."""

    number: int
    error: str
    raw: str = ""


@dataclass
class ParsedInput:
    records: Iterable[dict | BadRecord]
    format: str
    warnings: list[str]
    total: int | None = None  # when known in advance, for progress bars


def looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls / len(sample) > 0.05


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: the declared charset if it really decodes, else UTF-8, else detection."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # unknown or wrong charset label: servers lie; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if looks_binary(data[:8192]):
        raise Unreadable("binary data, not text")
    best = charset_normalizer.from_bytes(data[:2_000_000]).best()
    if best is None:
        raise Unreadable("unknown text encoding")
    return data.decode(best.encoding, "replace")


def detect_format(name: str, head: bytes, content_type: str = "") -> str:
    lowered = name.lower().split("?", 1)[0]
    for ext, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv"),
                     (".rss", "rss"), (".atom", "atom"), (".xml", "rss"), (".html", "html"), (".htm", "html")):
        if lowered.endswith(ext):
            return fmt
    ctype = content_type.lower()
    if any(t in ctype for t in ("rss", "atom", "xml")):
        return "rss"
    if "json" in ctype:
        return "json"
    if "csv" in ctype:
        return "csv"
    text = head.lstrip(codecs.BOM_UTF8).lstrip()[:2048]
    if looks_binary(head):
        raise Unreadable("binary data, not a feed, page or record file")
    lower = text.lower()
    if lower.startswith(b"<"):
        if b"<rss" in lower or b"<feed" in lower or b"<rdf" in lower or lower.startswith(b"<?xml"):
            return "rss"
        return "html"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"{"):
        first_line = text.split(b"\n", 1)[0].strip()
        try:
            json.loads(first_line)
            return "jsonl"
        except (ValueError, RecursionError):
            return "json"
    if ctype.startswith("text/html"):
        return "html"
    return "csv"


# --- feeds ----------------------------------------------------------------------
def parse_feed(data: bytes, *, content_type: str = "", base_url: str = "") -> ParsedInput:
    if not data.strip():
        raise Unreadable("empty input")
    headers = {"content-type": content_type} if content_type else {}
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    warnings: list[str] = []
    if parsed.bozo:
        # A "bozo" feed is broken somewhere; feedparser's lenient parser still recovers what it can.
        warnings.append(f"feed is not well-formed: {parsed.get('bozo_exception')}"[:300])
    if not parsed.entries and parsed.bozo and not parsed.feed.get("title"):
        raise Unreadable(f"not a readable feed: {parsed.get('bozo_exception')}"[:300])
    entries = parsed.entries
    return ParsedInput(records=(_feed_record(e, base_url) for e in entries), format="rss",
                       warnings=warnings, total=len(entries))


def _feed_record(entry, base_url: str) -> dict:
    text = ""
    if entry.get("content"):
        text = entry["content"][0].get("value", "")
    text = text or entry.get("summary", "")
    link = entry.get("link", "")
    if link and base_url:
        link = urljoin(base_url, link)
    published = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published") or entry.get("updated")
    return {
        "id": entry.get("id") or None,
        "url": link,
        "title": entry.get("title", ""),
        "text": text,
        "author": entry.get("author", ""),
        "published_at": published,
        "language": (entry.get("language") or "")[:16],
    }


# --- web pages ------------------------------------------------------------------
def parse_article(data: bytes, *, url: str, charset: str | None = None) -> dict:
    """One article page → one record, via trafilatura (title, text, author, date, language).
    The text is trafilatura's plain-text output; scripts, frames and attributes never reach it."""
    import trafilatura

    if not data.strip():
        raise Unreadable("empty page")
    html = decode(data, charset)
    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    if doc is None:
        raise Unreadable("no article text found on the page")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {
        "id": None,
        "url": url,
        "title": meta.get("title") or "",
        "text": meta.get("text") or meta.get("raw_text") or "",
        "author": meta.get("author") or "",
        "published_at": meta.get("date") or None,
        "language": (meta.get("language") or "")[:16],
    }


def listing_links(data: bytes, *, url: str, link_filter: str = "", charset: str | None = None,
                  limit: int = 50) -> list[str]:
    """Article links on a listing page: same host (or containing `link_filter`), http(s) only."""
    import lxml.html

    html = decode(data, charset)
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    host = urlsplit(url).hostname
    seen: list[str] = []
    for element in tree.iter("a"):
        href = element.get("href") or ""
        absolute = urljoin(url, href.strip()).split("#", 1)[0]
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or absolute == url or absolute in seen:
            continue
        if link_filter:
            if link_filter not in absolute:
                continue
        elif parts.hostname != host or parts.path in ("", "/"):
            continue
        seen.append(absolute)
        if len(seen) >= limit:
            break
    return seen


# --- record files -----------------------------------------------------------------
def parse_json(data: bytes) -> ParsedInput:
    if not data.strip():
        raise Unreadable("empty input")
    try:
        value = json.loads(decode(data))
    except ValueError as exc:
        raise Unreadable(f"not valid JSON: {exc}")
    except RecursionError:
        # Hostile nesting (a thousand "[" deep) overflows the parser's stack; say so in one line.
        raise Unreadable("not valid JSON: nested too deeply")
    if isinstance(value, dict):
        value = value.get("items", value.get("data", [value] if ("id" in value or "url" in value) else None))
    if not isinstance(value, list):
        raise Unreadable("JSON must be a list of records or an object with an \"items\" list")

    def records():
        for number, record in enumerate(value, 1):
            yield record if isinstance(record, dict) else BadRecord(number, "record is not an object", str(record)[:200])

    return ParsedInput(records=records(), format="json", warnings=[], total=len(value))


def parse_jsonl_stream(stream: io.BufferedIOBase) -> ParsedInput:
    """Line by line, so a 100k-line file is never held in memory at once."""

    def records() -> Iterator[dict | BadRecord]:
        for number, line in enumerate(stream, 1):
            line = line.strip()
            if not line:
                continue
            try:
                value = json.loads(line)
            except ValueError as exc:
                yield BadRecord(number, f"not valid JSON: {exc}", line[:200].decode("utf-8", "replace"))
                continue
            except RecursionError:
                # One hostile line is rejected; the good lines beside it are kept.
                yield BadRecord(number, "not valid JSON: nested too deeply", line[:200].decode("utf-8", "replace"))
                continue
            if not isinstance(value, dict):
                yield BadRecord(number, "record is not an object", line[:200].decode("utf-8", "replace"))
                continue
            yield value

    return ParsedInput(records=records(), format="jsonl", warnings=[])


def parse_csv_stream(stream: io.BufferedIOBase) -> ParsedInput:
    head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A cut multi-byte character at the end of the sample is not a wrong encoding.
        if exc.start < len(head) - 4:
            best = charset_normalizer.from_bytes(head).best()
            if best is None:
                raise Unreadable("unknown text encoding")
            encoding = best.encoding
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    sample = text.read(8192)
    if not sample.strip():
        raise Unreadable("empty input")
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rest = io.StringIO(sample)

    def lines():
        yield from rest
        yield from text

    reader = csv.DictReader(lines(), dialect=dialect)
    if not reader.fieldnames or not ({"id", "url", "link", "text", "content", "title"} & {f.strip().lower() for f in reader.fieldnames if f}):
        raise Unreadable("CSV needs a header row naming at least one of id, url, title, text")

    def records():
        for number, row in enumerate(reader, 2):
            if None in row:
                yield BadRecord(number, "more values than columns", "")
                continue
            yield {(k or "").strip().lower(): v for k, v in row.items()}

    return ParsedInput(records=records(), format="csv", warnings=[])
