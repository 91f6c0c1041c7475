"""Turning hostile records into clean item fields: the fields picked from a record, plain text,
dates and hashes. Canonical URLs come from `haidang.sources.canonical`.

Pure functions, no database: the ingest pipeline, the push API and the tests share them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import time
import unicodedata
from zoneinfo import ZoneInfo

import ftfy
import nh3

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Clocks differ and time zones get mislabelled; beyond this a date is treated as wrong.
FUTURE_TOLERANCE = dt.timedelta(days=1)
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
MAX_TIMESTAMP = 10**14  # epoch milliseconds around the year 5000
MAX_DATE_LENGTH = 100  # the longest written date is far shorter; longer strings are not dates

# Records may name fields as common exporters do; the first name is the schema's.
ALIASES = {
    "id": ("id", "external_id", "guid", "post_id"),
    "url": ("url", "link", "permalink", "permalink_url"),
    "title": ("title", "headline"),
    "text": ("text", "content", "body", "message", "description", "summary"),
    "author": ("author", "author_name", "from_name"),
    "author_handle": ("author_handle", "handle", "username", "from_id"),
    "published_at": ("published_at", "published", "date", "created_time", "created_at", "timestamp"),
}


# Block-level closers and <br> become line breaks before all tags are stripped.
_BLOCK_END = re.compile(r"(?i)(<br\s*/?>|</(p|div|li|h[1-6]|tr|blockquote|pre|section|article|header|footer)\s*>)")
# Everything inside these is dropped with the tag: it is code or embedded content, never text.
_DROP_CONTENT = {"script", "style", "iframe", "noscript", "template", "object", "embed", "svg", "math", "head"}
# Control characters, zero-width marks and the bidi embeddings, overrides and isolates
# (U+202A–U+202E, U+2066–U+2069, U+061C): they can make a title read differently than it is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
# Ids are keys, not prose: every C0 control (newlines too) goes.
_ID_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# Mojibake: a UTF-8 lead byte read as Windows-1252/Latin-1 ([\u00c2-\u00c6] or [\u00e1\u00e2]) followed by a
# continuation byte read the same way. Vietnamese NFC text is full of á and â, so the search looks for the
# rarer second character and checks the pair behind it: the same matches as the plain
# "[\u00c2-\u00c6][…]|[\u00e1\u00e2][\u00ba\u00bb\u20ac]" (test_mojibake_pattern_is_the_plain_one), at half the cost.
_MOJIBAKE_FOLLOW = "\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122"  # contains \u00ba, \u00bb and \u20ac
_MOJIBAKE = re.compile(f"[{_MOJIBAKE_FOLLOW}](?<=[\u00c2-\u00c6].|[\u00e1\u00e2][\u00ba\u00bb\u20ac])")


def describe(value, limit: int = 40) -> str:
    """A short, safe description of a hostile value for a message: never the repr of a deep
    structure (RecursionError) or str() of a huge integer (ValueError over 4,300 digits)."""
    if isinstance(value, str):
        return repr(value[:limit])
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return repr(value) if value.bit_length() < 128 else f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    if isinstance(value, float):
        return repr(value)
    return f"a {type(value).__name__}"


def has_lone_surrogate(value: str) -> bool:
    """True for text that is not valid Unicode (a lone UTF-16 surrogate, e.g. JSON "\\ud800"): it
    cannot be encoded to UTF-8, so neither the database nor a response could hold it."""
    if value.isascii():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def clean_id(value: str) -> str:
    if value.isprintable():  # no control or format character at all: nothing for the pattern to remove
        return value.strip()
    return _ID_CONTROL.sub("", value).strip()


def pick(record: dict, field: str):
    for name in ALIASES.get(field, (field,)):
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def clean_text(value) -> str:
    """Plain text from whatever came in: markup stripped (script/iframe contents dropped),
    entities decoded, mojibake repaired by ftfy, Unicode NFC, whitespace tidied."""
    if value is None:
        return ""
    text = str(value)
    if _already_clean(text):
        return text
    return _clean_text(text)


def _already_clean(text: str) -> bool:
    """True when `_clean_text(text)` would give `text` back unchanged, decided by a few scans in C
    (most posts arrive clean; the full pass was a tenth of the ingest). `isprintable()` rules out every
    control, format (zero-width, bidi) and space character but the plain space; the rest are the
    cleaner's steps one by one. Held equal to the full pass by test_already_clean_text_is_kept_as_is."""
    if "\n" in text:
        if ("\n\n\n" in text or " \n" in text or "\n " in text or text[0] == "\n" or text[-1] == "\n"
                or not text.replace("\n", " ").isprintable()):
            return False
    elif not text.isprintable():
        return False
    if "  " in text or "&" in text or ("<" in text and ">" in text) or text[:1] == " " or text[-1:] == " ":
        return False
    return text.isascii() or (not _MOJIBAKE.search(text) and unicodedata.is_normalized("NFC", text))


def _clean_text(text: str) -> str:
    """The full cleaning pass (clean_text without the shortcut for text that is already clean)."""
    if "<" in text and ">" in text:
        text = _BLOCK_END.sub(lambda m: m.group(0) + "\n", text)
        # nh3 with no allowed tags keeps only text; what it escapes we then unescape:
        # the result is stored as text and always rendered escaped, never as HTML.
        text = nh3.clean(text, tags=set(), clean_content_tags=_DROP_CONTENT, strip_comments=True)
    if "&" in text:
        text = html.unescape(text)
    # ftfy's full pass is the slowest step of ingest, so only text showing a mojibake signature
    # (UTF-8 lead bytes read as Windows-1252/Latin-1) goes through it; clean text skips it.
    if not text.isascii() and _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, normalization="NFC")
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()
    return unicodedata.normalize("NFC", text)


def content_hash(title: str, text: str) -> str:
    """SHA-256 of the normalised text (the title when there is no text): equal for exact reposts
    that differ only in case, spacing or Unicode form."""
    basis = unicodedata.normalize("NFC", text or title).casefold()
    # Splitting on whitespace and joining with single spaces changes nothing in printable text (no
    # whitespace but the plain space) without doubled, leading or trailing spaces: most cleaned posts.
    if not basis.isprintable() or "  " in basis or basis[:1] == " " or basis[-1:] == " ":
        basis = " ".join(basis.split())
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


class DateProblem(ValueError):
    """A date that was given but cannot be used (unparseable, or in the future)."""


def parse_date(value, *, now: dt.datetime | None = None) -> dt.datetime | None:
    """A timezone-aware datetime from an ISO string, an RFC 2822 string, dd/mm/yyyy, epoch seconds,
    a struct_time (feedparser) or a datetime. Naive values are Vietnam time.
    Returns None for empty input; raises DateProblem for unusable dates."""
    if value is None or value == "":
        return None
    result: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        result = value
    elif isinstance(value, time.struct_time):
        # feedparser normalises parsed dates to UTC.
        result = dt.datetime(*value[:6], tzinfo=dt.UTC)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        # Beyond about year 5000 in milliseconds nothing is a date (and a huge int cannot be divided).
        if not -MAX_TIMESTAMP < value < MAX_TIMESTAMP:
            raise DateProblem(f"timestamp out of range: {describe(value)}")
        seconds = value / 1000 if value > 1e11 else value  # milliseconds from JavaScript exporters
        try:
            result = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            raise DateProblem(f"timestamp out of range: {describe(value)}")
    elif isinstance(value, str):
        if len(value) > MAX_DATE_LENGTH:
            raise DateProblem(f"unparseable date: {value[:40]!r}… ({len(value)} characters)")
        result = _parse_date_string(value.strip())
    else:
        raise DateProblem(f"not a date: {describe(value)}")
    if result.tzinfo is None or result.tzinfo.utcoffset(result) is None:
        result = result.replace(tzinfo=VN_TZ)
    now = now or dt.datetime.now(dt.UTC)
    if result > now + FUTURE_TOLERANCE:
        raise DateProblem(f"date in the future: {result.isoformat()}")
    if result < EARLIEST:
        raise DateProblem(f"date too early: {result.isoformat()}")
    return result


def _parse_date_string(value: str) -> dt.datetime:
    if not value:
        raise DateProblem("empty date")
    if value.isdigit() and len(value) >= 9:
        return parse_date(int(value))
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value)
    except Exception:  # noqa: BLE001 - hostile input: any failure means "not this format"
        pass
    from dateutil import parser as dateparser

    try:
        # Vietnamese writes day first: 05/03/2026 is the 5th of March.
        return dateparser.parse(value, dayfirst=True)
    except Exception:  # noqa: BLE001 - hostile input: any failure means unparseable
        raise DateProblem(f"unparseable date: {value[:80]!r}")
