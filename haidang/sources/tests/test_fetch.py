"""Safe fetching against a loopback server: SSRF guard, redirects, caps, timeouts, robots, politeness."""

import ipaddress
import socket
import time

import pytest

from haidang.sources import fetch
from haidang.sources.fetch import BadContentType, BlockedAddress, FetchError, RobotsDisallowed, TooLarge

from . import server as srv

RSS = {"Content-Type": "application/rss+xml"}


def test_it_fetches_from_the_allowed_loopback_server(loopback, settings):
    loopback.add("/feed", headers=RSS, body="<rss/>")
    result = fetch.fetch(loopback.url("/feed"))
    assert result.status_code == 200 and result.content == b"<rss/>"
    sent = loopback.requests[-1]["headers"]
    assert sent["User-Agent"] == settings.HAIDANG_USER_AGENT
    assert sent["Host"] == f"127.0.0.1:{loopback.httpd.server_address[1]}"


def test_it_refuses_loopback_when_the_host_is_not_allowed(loopback, settings):
    settings.HAIDANG_FETCH_ALLOW = []
    loopback.add("/feed", headers=RSS, body="<rss/>")
    with pytest.raises(BlockedAddress):
        fetch.fetch(loopback.url("/feed"))
    assert loopback.requests == []


@pytest.mark.parametrize("target", [
    "http://10.0.0.1/", "http://192.168.1.1/admin", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/", "http://0.0.0.0/", "http://224.0.0.1/", "http://localhost/",
])
def test_it_refuses_redirects_to_private_addresses(loopback, target):
    loopback.add("/go", status=302, headers={"Location": target}, body="")
    with pytest.raises(BlockedAddress):
        fetch.fetch(loopback.url("/go"))


@pytest.mark.parametrize("address,refused", [
    ("127.0.0.1", True), ("10.1.2.3", True), ("172.16.0.1", True), ("192.168.0.1", True),
    ("169.254.1.1", True), ("224.0.0.1", True), ("240.0.0.1", True), ("0.0.0.0", True), ("100.64.0.1", True),
    ("::1", True), ("fe80::1", True), ("fc00::1", True), ("::ffff:127.0.0.1", True), ("ff02::1", True),
    ("8.8.8.8", False), ("2001:4860:4860::8888", False), ("14.225.0.1", False),
])
def test_refused_address_ranges(address, refused):
    assert fetch._refused(ipaddress.ip_address(address)) is refused


def test_every_resolved_address_is_checked(monkeypatch, settings):
    settings.HAIDANG_FETCH_ALLOW = []

    def fake(host, port, *args, **kwargs):
        # One public and one private answer: a classic way to slip past a check of the first only.
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("8.8.8.8", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(BlockedAddress):
        fetch.resolve_checked("mixed.example", 80)


def test_it_connects_to_the_address_it_checked(loopback, monkeypatch, settings):
    """DNS rebinding: the name resolves once, we connect to that address. `pinned.test` does not
    exist in real DNS, so the fetch only works if the checked address is the one used."""
    settings.HAIDANG_FETCH_ALLOW = ["pinned.test"]
    real = socket.getaddrinfo
    calls = []

    def fake(host, port, *args, **kwargs):
        if host == "pinned.test":
            calls.append(host)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    loopback.add("/feed", headers=RSS, body="<rss/>")
    port = loopback.httpd.server_address[1]
    result = fetch.fetch(f"http://pinned.test:{port}/feed")
    assert result.content == b"<rss/>"
    assert calls == ["pinned.test"]
    assert loopback.requests[-1]["headers"]["Host"] == f"pinned.test:{port}"


def test_it_follows_five_redirects_and_not_six(loopback):
    for i in range(6):
        loopback.add(f"/r{i}", status=301, headers={"Location": f"/r{i + 1}"})
    loopback.add("/r6", headers=RSS, body="<rss/>")
    assert fetch.fetch(loopback.url("/r1")).final_url == loopback.url("/r6")  # five hops
    with pytest.raises(FetchError, match="too many redirects"):
        fetch.fetch(loopback.url("/r0"))  # six hops


def test_it_refuses_non_http_redirects(loopback):
    loopback.add("/go", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not an http"):
        fetch.fetch(loopback.url("/go"))


def test_a_declared_huge_body_is_refused_before_reading(loopback, settings):
    settings.HAIDANG_FETCH_MAX_BYTES = 1024 * 1024
    loopback.routes["/huge"] = (200, {**RSS, "Content-Length": str(50 * 1024 * 1024)}, b"")
    with pytest.raises(TooLarge):
        fetch.fetch(loopback.url("/huge"))


def test_a_streamed_body_is_cut_at_the_cap(loopback, settings):
    settings.HAIDANG_FETCH_MAX_BYTES = 1024 * 1024
    loopback.routes["/stream"] = lambda h: srv.streamed(h, size=5 * 1024 * 1024)
    with pytest.raises(TooLarge):
        fetch.fetch(loopback.url("/stream"))


def test_a_gzip_bomb_is_refused(loopback):
    loopback.routes["/bomb"] = srv.bomb
    started = time.monotonic()
    with pytest.raises(TooLarge, match="after decompression"):
        fetch.fetch(loopback.url("/bomb"))
    assert time.monotonic() - started < 10


def test_a_slow_server_hits_the_total_deadline(loopback):
    loopback.routes["/slow"] = lambda h: srv.slow(h, chunks=40, delay=0.1)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch.fetch(loopback.url("/slow"), read_timeout=1.0, total_timeout=0.5)
    assert time.monotonic() - started < 3


def test_a_hanging_connection_times_out(loopback):
    loopback.routes["/hang"] = srv.hang
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch.fetch(loopback.url("/hang"), read_timeout=0.5, total_timeout=5)
    assert time.monotonic() - started < 3


def test_unexpected_content_types_are_refused(loopback):
    loopback.add("/img", headers={"Content-Type": "image/png"}, body=b"\x89PNG")
    with pytest.raises(BadContentType):
        fetch.fetch(loopback.url("/img"), accept=fetch.FEED_TYPES)


def test_robots_txt_is_honoured_for_pages(loopback):
    loopback.add("/robots.txt", headers={"Content-Type": "text/plain"}, body="User-agent: *\nDisallow: /private/\n")
    loopback.add("/private/page", body="<html></html>")
    loopback.add("/public/page", body="<html></html>")
    assert fetch.fetch(loopback.url("/public/page"), robots=True).ok
    with pytest.raises(RobotsDisallowed):
        fetch.fetch(loopback.url("/private/page"), robots=True)
    assert not any(r["path"] == "/private/page" for r in loopback.requests)


def test_requests_to_one_host_are_spaced(loopback, settings):
    settings.HAIDANG_FETCH_HOST_DELAY = 0.3
    loopback.add("/a", headers=RSS, body="<rss/>")
    # Measured on the client: the second request may not start before the first one's slot ends.
    # (Arrival times at the server jitter under load, so they only show both requests came.)
    started = time.monotonic()
    fetch.fetch(loopback.url("/a"))
    fetch.fetch(loopback.url("/a"))
    assert time.monotonic() - started >= 0.3
    assert len([r for r in loopback.requests if r["path"] == "/a"]) == 2


def test_conditional_requests_send_etag_and_understand_304(loopback):
    def route(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            handler._send(304, {}, b"")
        else:
            handler._send(200, {**RSS, "ETag": '"v1"'}, b"<rss/>")

    loopback.routes["/feed"] = route
    first = fetch.fetch(loopback.url("/feed"))
    assert first.header("etag") == '"v1"'
    assert fetch.fetch(loopback.url("/feed"), etag='"v1"').not_modified
