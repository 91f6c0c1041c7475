"""Responsiveness under concurrent writes on the embedded default (SQLite, Huey on SQLite).

    .venv/bin/python bench/concurrency.py [--seconds 60] [--pushers 2] [--readers 1] [--answerers 1]

A fresh HAIDANG_VAR is migrated and given the test personas, a push token, 2,000 analysed items and a
case with an open consultation. Then the bench starts, as `haidang run` does, gunicorn (2 workers ×
4 threads) on 127.0.0.1 on a free port and one Huey consumer (2 threads), and runs its clients on
loopback for `--seconds`:

- pushers: a batch of `--batch` (100) new items to the push API with a `push`-scoped token, every
  `--push-interval` s; each batch is analysed and assigned to stories by the worker meanwhile;
- readers: an officer logged in reads the feed (plain, filtered, searched) every `--read-interval` s;
- answerers: an officer of an invited agency answers the consultation (each answer after the first
  is a signed revision) every `--answer-interval` s.

An interval is from the start of one request to the start of the next: a slow answer is not waited
for twice. The last line is one JSON object: per request type p50_ms, p95_ms, max_ms, requests,
errors; the total `errors`; how far the worker got (`items_pushed`, `items_analysed` at the end of
the run); the load average.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("người dân Quảng Trị phản ánh đường sá ngập nước sau mưa lớn ở Đông Hà Lệ Thủy Đồng Hới "
         "chuyển khoản nhầm ngân hàng mã OTP bệnh viện chờ đợi lâu giá hồ tiêu tăng biển Cửa Việt "
         "du lịch Phong Nha tin đồn vỡ đập chính quyền xã phường cán bộ hồ sơ đất đai lừa đảo "
         "mạo danh công an tài khoản trúng thưởng").split()
FEED_PATHS = ["/content/", "/content/?category=scam", "/content/?q=lua+dao", "/content/?priority=high",
              "/content/?q=quang+tri"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post_text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 60))).capitalize() + "."


def seed(n_items: int) -> dict:
    """Personas, a push token, analysed items, a case with a consultation; sessions for two officers."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from haidang.agencies.testing import Personas
    from haidang.api.actions import do_issue_token
    from haidang.content.ingest import ingest_records
    from haidang.coordination.tests.helpers import consultation, new_case
    from haidang.sources.actions import do_create_source

    p = Personas()
    _token, raw = do_issue_token(name="bench collector", agency=p.lead, scopes=["push"], days=30, acting_user=p.alice)
    source = do_create_source(name="bench seed", kind="file", agency=p.lead, platform="facebook")
    rng = random.Random(19)
    # Analysed in this process (Huey runs inline here): the worker starts with no backlog.
    ingest_records(source, [{"id": f"seed-{i}", "url": f"https://www.facebook.com/groups/qt/posts/{i}",
                             "text": post_text(rng), "author": f"Người dùng {i % 97}"} for i in range(n_items)])
    case = new_case(p)
    consult = consultation(p, case, agencies=[p.health])

    def session_for(user) -> str:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return session.session_key

    return {"token": raw, "reader": session_for(p.alice), "answerer": session_for(p.bob),
            "consultation": consult.pk}


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.first_error: dict[str, str] = {}

    def add(self, kind: str, ms: float, error: str | None = None) -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(ms)
            if error:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                self.first_error.setdefault(kind, error)

    def summary(self) -> dict:
        out = {}
        for kind, times in sorted(self.times.items()):
            q = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
            out[kind] = {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(q[94], 1),
                         "max_ms": round(max(times), 1), "requests": len(times), "errors": self.errors.get(kind, 0)}
            if kind in self.first_error:
                out[kind]["first_error"] = self.first_error[kind][:300]
        return out


class Client:
    """One keep-alive connection; reconnects after an error."""

    def __init__(self, port: int, headers: dict):
        self.port, self.headers = port, headers
        self.conn = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            self.conn.request(method, path, body=body, headers={**self.headers, **(headers or {})})
            response = self.conn.getresponse()
            return response.status, response.read(), response
        except Exception:
            self.conn.close()
            self.conn = None
            raise


def timed(recorder: Recorder, kind: str, call, ok) -> None:
    started = time.perf_counter()
    try:
        status, body, _response = call()
        error = None if ok(status) else f"HTTP {status}: {body[:200]!r}"
    except Exception as exc:  # noqa: BLE001 - a failed request is counted, the client goes on
        error = f"{exc.__class__.__name__}: {exc}"
    recorder.add(kind, (time.perf_counter() - started) * 1000, error)


def paced(stop_at: float, interval: float, step) -> None:
    """Call `step` every `interval` seconds (start to start) until `stop_at`."""
    next_at = time.perf_counter()
    while time.perf_counter() < stop_at:
        step()
        next_at += interval
        time.sleep(max(0.0, next_at - time.perf_counter()))


def pusher(number: int, port: int, data: dict, args, recorder: Recorder, stop_at: float, pushed: list) -> None:
    client = Client(port, {"Authorization": f"Bearer {data['token']}", "Content-Type": "application/json"})
    rng = random.Random(number)
    counter = iter(range(10**9))

    def step():
        batch = [{"id": f"p{number}-{next(counter)}", "text": post_text(rng), "author": f"Người dùng {rng.randint(1, 500)}",
                  "url": f"https://www.facebook.com/groups/qt/posts/{number}{rng.randint(0, 10**9)}"}
                 for _ in range(args.batch)]
        body = json.dumps(batch, ensure_ascii=False).encode()
        timed(recorder, "push", lambda: client.request("POST", "/api/v1/items", body), lambda s: s in (200, 201))
        pushed.append(len(batch))

    paced(stop_at, args.push_interval, step)


def reader(number: int, port: int, data: dict, args, recorder: Recorder, stop_at: float) -> None:
    client = Client(port, {"Cookie": f"sessionid={data['reader']}", "Accept-Language": "vi"})
    paths = iter(range(10**9))

    def step():
        path = FEED_PATHS[(next(paths) + number) % len(FEED_PATHS)]
        timed(recorder, "feed_read", lambda: client.request("GET", path), lambda s: s == 200)

    paced(stop_at, args.read_interval, step)


def answerer(number: int, port: int, data: dict, args, recorder: Recorder, stop_at: float) -> None:
    path = f"/coordination/consultations/{data['consultation']}/"
    client = Client(port, {"Accept-Language": "vi"})
    cookies = {"sessionid": data["answerer"]}

    def cookie_header():
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}

    # The officer opens the page once (the form's CSRF token), then answers again and again.
    status, body, response = client.request("GET", path, headers=cookie_header())
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not match:
        recorder.add("answer", 0.0, f"consultation page: HTTP {status}, no answer form")
        return
    csrf = match.group(1).decode()
    counter = iter(range(10**9))

    def step():
        form = urlencode({"csrfmiddlewaretoken": csrf, "position": "agree",
                          "text": f"Sở Y tế đồng ý gỡ bỏ (lần {next(counter)})."}).encode()
        timed(recorder, "answer", lambda: client.request(
            "POST", path, form, {**cookie_header(), "Content-Type": "application/x-www-form-urlencoded"}),
            lambda s: s == 302)

    paced(stop_at, args.answer_interval, step)


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit("bench: the web server stopped while starting")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("bench: the web server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pushers", type=int, default=2)
    parser.add_argument("--readers", type=int, default=1)
    parser.add_argument("--answerers", type=int, default=1)
    parser.add_argument("--batch", type=int, default=100, help="items per push")
    parser.add_argument("--push-interval", type=float, default=1.0)
    parser.add_argument("--read-interval", type=float, default=0.25)
    parser.add_argument("--answer-interval", type=float, default=1.0)
    parser.add_argument("--seed-items", type=int, default=2000)
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the temporary HAIDANG_VAR")
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="haidang-bench-concurrency-")
    settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "haidang.settings")  # another one for an A/B run
    env = {**os.environ, "HAIDANG_VAR": var, "DJANGO_SETTINGS_MODULE": settings_module,
           "HAIDANG_HUEY_IMMEDIATE": "0", "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)  # the embedded default: SQLite, Huey on SQLite
    env.pop("REDIS_URL", None)
    os.environ.update({"HAIDANG_VAR": var, "DJANGO_SETTINGS_MODULE": settings_module,
                       "HAIDANG_HUEY_IMMEDIATE": "1"})  # the seed is analysed inline, in this process
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    procs: list[subprocess.Popen] = []
    try:
        print(f"seeding {args.seed_items} items in {var} ...", file=sys.stderr)
        with contextlib.redirect_stdout(sys.stderr):  # the console e-mails of the set-up
            data = seed(args.seed_items)
        from django.db import connections

        connections.close_all()
        port = free_port()
        web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "haidang.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.web_workers), "--threads", "4", "--timeout", "120", "--log-level", "warning"],
            env=env, cwd=ROOT)
        procs.append(web)
        procs.append(subprocess.Popen([sys.executable, "-m", "django", "run_huey", "--workers", "2",
                                       "--worker-type", "thread"], env=env, cwd=ROOT,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for_port(port, web)
        warm = Client(port, {"Cookie": f"sessionid={data['reader']}"})
        for path in FEED_PATHS:  # imports, templates and caches of both web workers
            warm.request("GET", path)
            warm.request("GET", path)
        recorder, pushed = Recorder(), []
        stop_at = time.perf_counter() + args.seconds
        threads = (
            [threading.Thread(target=pusher, args=(i, port, data, args, recorder, stop_at, pushed))
             for i in range(args.pushers)]
            + [threading.Thread(target=reader, args=(i, port, data, args, recorder, stop_at))
               for i in range(args.readers)]
            + [threading.Thread(target=answerer, args=(i, port, data, args, recorder, stop_at))
               for i in range(args.answerers)])
        print(f"running {len(threads)} clients for {args.seconds:g} s on 127.0.0.1:{port} ...", file=sys.stderr)
        for thread in threads:
            thread.start()
        load = []
        while any(t.is_alive() for t in threads):
            load.append(os.getloadavg()[0])
            time.sleep(1)
        for thread in threads:
            thread.join()
        from haidang.analysis.models import ItemSignals
        from haidang.content.models import Item

        items_pushed = sum(pushed)
        total_items = Item.objects.count()
        analysed = ItemSignals.objects.count()
        results = recorder.summary()
        print(json.dumps({
            **results,
            "errors": sum(r["errors"] for r in results.values()),
            "seconds": args.seconds,
            "clients": {"pushers": args.pushers, "readers": args.readers, "answerers": args.answerers},
            "items_pushed": items_pushed,
            "items_analysed_of_pushed": analysed - args.seed_items,
            "items_total": total_items,
            "load_average_1min": {"max": round(max(load), 2) if load else None,
                                  "mean": round(statistics.mean(load), 2) if load else None},
            "load_average_end": [round(x, 2) for x in os.getloadavg()],
        }))
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if args.keep:
            print(f"kept HAIDANG_VAR={var}", file=sys.stderr)
        else:
            shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
