"""Canonical URLs: one stable address per page, whatever tracking parameters or spelling it came with.

Pure functions: sources validate addresses with them, content keys items on them.
"""

from __future__ import annotations

import hashlib
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


def canonical_url(url: str | None) -> str:
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


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest() if url else ""
