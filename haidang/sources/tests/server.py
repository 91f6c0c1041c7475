"""A loopback HTTP server for tests: the only network the tests ever touch.

Routes map a path to a handler `(handler) -> None` or a simple `(status, headers, body)` tuple.
"""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

_BOMB: bytes | None = None


def gzip_bomb() -> bytes:
    """~50 KB of gzip that inflates to 50 MB of zeros."""
    global _BOMB
    if _BOMB is None:
        _BOMB = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)
    return _BOMB


class LoopbackServer:
    def __init__(self):
        self.routes: dict[str, object] = {}
        self.requests: list[dict] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                server.requests.append({"path": self.path, "headers": dict(self.headers), "at": time.monotonic()})
                route = server.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self._send(404, {"Content-Type": "text/plain"}, b"not found")
                elif callable(route):
                    route(self)
                else:
                    self._send(*route)

            def _send(self, status, headers, body):
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.handler = Handler
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path, status=200, headers=None, body=b""):
        self.routes[path] = (status, headers or {"Content-Type": "text/html; charset=utf-8"},
                             body.encode() if isinstance(body, str) else body)

    def close(self):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


# --- special behaviours ---------------------------------------------------------------
def slow(handler, *, chunks=50, delay=0.2):
    """Sends headers, then trickles a byte at a time: never trips a read timeout."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", str(chunks))
    handler.end_headers()
    for _ in range(chunks):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(delay)


def hang(handler):
    """Accepts the connection and never answers."""
    handler.server_stop = True
    time.sleep(10)


def streamed(handler, *, size, chunk=64 * 1024):
    """A body with no Content-Length (chunked), of `size` bytes."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    sent = 0
    try:
        while sent < size:
            part = b"x" * min(chunk, size - sent)
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            sent += len(part)
        handler.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up at its cap, as it should


def bomb(handler):
    body = gzip_bomb()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass


@pytest.fixture
def loopback(settings):
    """A started loopback server whose host is allowed past the SSRF guard."""
    from haidang.sources import fetch

    server = LoopbackServer()
    settings.HAIDANG_FETCH_ALLOW = ["127.0.0.1"]
    settings.HAIDANG_FETCH_HOST_DELAY = 0
    fetch.clear_caches()
    yield server
    server.close()
    fetch.clear_caches()
