"""Canonical URLs: one stable address per page, whatever tracking parameters or spelling it came with.

Pure functions: sources validate addresses with them, content keys items on them.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the click; they make one page look like many.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "_ga", "_gl", "ref_src", "ref_url", "spm", "zarsrc", "__tn__", "__cft__", "mibextid", "si",
    "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "s_cid",
})
TRACKING_PREFIXES = ("utm_", "__cft__", "hsa_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _canonical_url_full(url: str | None) -> str:
    """A stable form of an http(s) URL: lower-case scheme and host, no default port, no credentials,
    no fragment, no tracking parameters, the rest of the query sorted by name.
    Anything that is not http(s) (javascript:, data:, file:) gives "" — it is never a page to keep."""
    if not url:
        return ""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return ""
    host = parts.hostname.lower().rstrip(".")
    if not host:
        return ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    # A stable sort by name: the order of parameters rarely matters, and repeats keep their order.
    query.sort(key=lambda kv: kv[0])
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


# A link urllib would split the plain way: http(s), a host of letters, digits, dots and hyphens (no port,
# no credentials, no IPv6), then path, query and fragment; checked for printable ASCII without spaces first.
_PLAIN_URL = re.compile(r"(https?)://([a-z0-9.-]*[a-z0-9-])(/[^?#]*)?(?:\?([^#]*))?(?:#.*)?", re.ASCII | re.IGNORECASE | re.DOTALL)
# Query names and values that parse_qsl's unquoting and urlencode's quoting both leave as they are.
_PLAIN_PARAM = re.compile(r"[A-Za-z0-9_.~-]*")


def canonical_url(url: str | None) -> str:
    """A stable form of an http(s) URL (see `_canonical_url_full`), by a shorter road for the links most
    records carry: no query, or a query of plain names and values (tracking parameters among them). Splitting,
    parsing the query and encoding it again through urllib was a sixth of the ingest. Anything else
    (percent-escapes, a port, credentials, non-ASCII, spaces, another scheme) goes the full way; the two
    are held equal by content/tests/test_ingest_fast_path.py on tricky and random links."""
    if url and url.isascii() and " " not in url and url.isprintable():
        match = _PLAIN_URL.fullmatch(url)
        if match:
            scheme, host, path, query = match.groups()
            base = f"{scheme.lower()}://{host.lower()}{path or '/'}"
            if not query:
                return base
            kept = []
            for piece in query.split("&"):
                if not piece:
                    continue
                name, _, value = piece.partition("=")
                if not _PLAIN_PARAM.fullmatch(name):
                    break
                if is_tracking_param(name):
                    continue
                if not _PLAIN_PARAM.fullmatch(value):
                    break
                kept.append((name, value))
            else:
                if not kept:
                    return base
                kept.sort(key=lambda kv: kv[0])  # stable, as the full function's
                return base + "?" + "&".join([f"{name}={value}" for name, value in kept])
    return _canonical_url_full(url)


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest() if url else ""
