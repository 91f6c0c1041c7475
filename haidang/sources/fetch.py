"""Safe HTTP fetching: every URL we fetch is chosen by someone outside, so treat it as hostile.

- SSRF guard: the host is resolved and *every* address checked (loopback, private, link-local,
  multicast, reserved, unspecified are refused) before each hop, including after redirects, unless
  the host is listed in settings.HAIDANG_FETCH_ALLOW. The connection is then made to the address we
  checked (Host header and TLS SNI keep the name), so a DNS answer that changes between the check
  and the connect (DNS rebinding) cannot send us elsewhere.
- Redirects are followed by hand, at most MAX_REDIRECTS, only to http(s).
- Connect/read timeouts plus a total deadline checked while streaming (a server that trickles one
  byte a second never trips a read timeout).
- The body is streamed and capped at settings.HAIDANG_FETCH_MAX_BYTES *after* decompression,
  so a gzip bomb is refused without being inflated.
- Content types are checked against what the caller expects.
- robots.txt is honoured for page crawling; requests to one host are spaced by a politeness delay
  (per process: consumers on several machines each keep their own spacing).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
from django.conf import settings

MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
TOTAL_TIMEOUT = 30.0
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_TTL = 3600.0

FEED_TYPES = ("xml", "rss", "atom", "rdf", "json", "text/")
PAGE_TYPES = ("text/html", "application/xhtml+xml")
ANY_TEXT = ("xml", "rss", "atom", "rdf", "json", "text/", "html")


class FetchError(Exception):
    """A fetch that could not be completed; `str()` is a one-line reason fit for a health column."""


class BlockedAddress(FetchError):
    """The URL points (or redirects) to an address we refuse to connect to."""


class TooLarge(FetchError):
    """The body exceeds the cap (before or after decompression)."""


class BadContentType(FetchError):
    pass


class RobotsDisallowed(FetchError):
    pass


@dataclass
class FetchResult:
    url: str
    final_url: str
    status_code: int
    reason: str
    content: bytes
    content_type: str
    headers: list[tuple[str, str]]
    request_headers: list[tuple[str, str]]
    fetched_at: dt.datetime
    http_version: str = "HTTP/1.1"
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status_code == 304

    @property
    def ok(self) -> bool:
        return 200 <= self.status_code < 300

    def header(self, name: str) -> str:
        lowered = name.lower()
        return next((v for k, v in self.headers if k.lower() == lowered), "")

    @property
    def charset(self) -> str | None:
        ctype = self.header("content-type")
        for part in ctype.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified or not ip.is_global)


def host_allowed(host: str) -> bool:
    allow = {h.lower().strip("[]") for h in settings.HAIDANG_FETCH_ALLOW}
    return host.lower().strip("[]") in allow


def resolve_checked(host: str, port: int) -> str:
    """Resolve `host` and return one address to connect to, after checking every address."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}")
    addresses = []
    for info in infos:
        raw = info[4][0].split("%", 1)[0]  # drop an IPv6 scope id
        addresses.append(ipaddress.ip_address(raw))
    if not addresses:
        raise FetchError(f"cannot resolve {host}")
    if not host_allowed(host):
        for ip in addresses:
            if _refused(ip):
                raise BlockedAddress(f"refused: {host} resolves to a non-public address ({ip})")
    # Prefer IPv4: many hosts publish AAAA records without working IPv6 routes to them.
    addresses.sort(key=lambda ip: ip.version)
    return str(addresses[0])


# --- politeness ---------------------------------------------------------------
_host_lock = threading.Lock()
_host_next: dict[str, float] = {}


def _politeness_wait(host: str, delay: float) -> None:
    if delay <= 0:
        return
    with _host_lock:
        now = time.monotonic()
        start = max(now, _host_next.get(host, 0.0))
        _host_next[host] = start + delay
    if start > now:
        time.sleep(start - now)


def host_delay() -> float:
    return float(getattr(settings, "HAIDANG_FETCH_HOST_DELAY", 1.0))


# --- robots.txt ---------------------------------------------------------------
_robots_cache: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}


def robots_allows(url: str) -> bool:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    cached = _robots_cache.get(origin)
    if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL:
        parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
        try:
            result = fetch(origin + "/robots.txt", accept=None, max_bytes=ROBOTS_MAX_BYTES, robots=False)
            if result.status_code in (401, 403):
                parser.disallow_all = True
            elif result.ok:
                parser.parse(result.content.decode("utf-8", "replace").splitlines())
            else:
                parser = None  # no robots.txt: everything allowed
        except FetchError:
            parser = None
        cached = (time.monotonic(), parser)
        _robots_cache[origin] = cached
    parser = cached[1]
    return parser is None or parser.can_fetch(settings.HAIDANG_USER_AGENT, url)


def clear_caches() -> None:
    """For tests: forget robots.txt answers and politeness slots."""
    _robots_cache.clear()
    with _host_lock:
        _host_next.clear()


# --- fetch --------------------------------------------------------------------
def _content_type_ok(ctype: str, accept: tuple[str, ...] | None) -> bool:
    if accept is None or not ctype:
        return True  # no declared type: the parser decides
    ctype = ctype.lower()
    return any(token in ctype for token in accept)


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] | None = ANY_TEXT,
    etag: str = "",
    last_modified: str = "",
    max_bytes: int | None = None,
    connect_timeout: float | None = None,
    read_timeout: float | None = None,
    total_timeout: float | None = None,
    robots: bool = False,
    allow_error_status: bool = True,
) -> FetchResult:
    """GET `url` safely; see the module docstring. Raises FetchError (or a subclass)."""
    max_bytes = max_bytes or settings.HAIDANG_FETCH_MAX_BYTES
    total = total_timeout or getattr(settings, "HAIDANG_FETCH_TOTAL_TIMEOUT", TOTAL_TIMEOUT)
    timeout = httpx.Timeout(
        connect=connect_timeout or CONNECT_TIMEOUT, read=read_timeout or READ_TIMEOUT,
        write=read_timeout or READ_TIMEOUT, pool=connect_timeout or CONNECT_TIMEOUT,
    )
    deadline = time.monotonic() + total
    redirects: list[str] = []
    current = url
    if robots and not robots_allows(url):
        raise RobotsDisallowed(f"robots.txt disallows {url}")
    # trust_env=False: a proxy from the environment would bypass the address check.
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False, http2=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            parts = urlsplit(current)
            scheme = parts.scheme.lower()
            if scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"not an http(s) URL: {current[:200]}")
            host = parts.hostname
            try:
                port = parts.port or (443 if scheme == "https" else 80)
            except ValueError:
                raise FetchError(f"bad port in {current[:200]}")
            ip = resolve_checked(host, port)
            ip_host = f"[{ip}]" if ":" in ip else ip
            pinned = urlunsplit((scheme, f"{ip_host}:{port}", parts.path or "/", parts.query, ""))
            host_header = parts.netloc.rsplit("@", 1)[-1]
            headers = {
                "Host": host_header,
                "User-Agent": settings.HAIDANG_USER_AGENT,
                "Accept-Encoding": "gzip, deflate",
                "Accept": "*/*",
            }
            if etag and not redirects:
                headers["If-None-Match"] = etag
            if last_modified and not redirects:
                headers["If-Modified-Since"] = last_modified
            _politeness_wait(host.lower(), host_delay())
            request = client.build_request("GET", pinned, headers=headers,
                                           extensions={"sni_hostname": host})
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out connecting to {host} ({exc.__class__.__name__})")
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot connect to {host}: {exc.__class__.__name__}: {exc}"[:300])
            try:
                if response.is_redirect and response.headers.get("location"):
                    redirects.append(current)
                    current = urljoin(current, response.headers["location"])
                    continue
                fetched_at = dt.datetime.now(dt.UTC)
                ctype = response.headers.get("content-type", "")
                if response.status_code < 300 and not _content_type_ok(ctype, accept):
                    raise BadContentType(f"unexpected content type {ctype[:100]!r}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise TooLarge(f"body too large: {declared} bytes declared, limit {max_bytes}")
                chunks: list[bytes] = []
                size = 0
                try:
                    # iter_bytes() yields *decoded* bytes, so the cap also bounds decompression.
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise TooLarge(f"body too large: over {max_bytes} bytes (after decompression)")
                        if time.monotonic() > deadline:
                            raise FetchError(f"timed out: {host} took more than {total:.0f} s")
                        chunks.append(chunk)
                except httpx.TimeoutException:
                    raise FetchError(f"timed out reading from {host}")
                except httpx.DecodingError as exc:
                    raise FetchError(f"cannot decode the body from {host}: {exc}"[:300])
                except httpx.HTTPError as exc:
                    raise FetchError(f"connection to {host} failed: {exc.__class__.__name__}"[:300])
                if not allow_error_status and response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} from {host}")
                request_headers = [(k, v) for k, v in request.headers.items()]
                return FetchResult(
                    url=url, final_url=current, status_code=response.status_code,
                    reason=response.reason_phrase, content=b"".join(chunks), content_type=ctype,
                    headers=list(response.headers.multi_items()), request_headers=request_headers,
                    fetched_at=fetched_at, http_version=response.http_version, redirects=redirects,
                )
            finally:
                response.close()
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
