"""Benchmark of the web pages through gunicorn on SQLite: dashboard, feed (filtered and searched),
item page and case page, each requested many times with a logged-in session.

    .venv/bin/python bench/web.py                         # 1,000,000 items, 100,000 cases, 1,000 requests/page
    .venv/bin/python bench/web.py --items 100000 --cases 10000 --requests 300

A fresh SQLite database is seeded with fast bulk inserts in a temporary HAIDANG_VAR (deleted
afterwards), gunicorn serves it on 127.0.0.1 on a free port (loopback only), and one keep-alive
client measures each page in turn. The last line is one JSON object:
{"dashboard": {"p50_ms", "p95_ms", "requests"}, ...} plus "seed" figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("lừa đảo chuyển khoản tài khoản ngân hàng mạo danh công an tỉnh Quảng Trị Quảng Bình Đồng Hới "
         "Đông Hà Lệ Thủy Phong Nha lũ lụt mưa lớn bệnh viện phản ánh người dân tin đồn vỡ đập giá hồ tiêu "
         "học sinh trường học du lịch biển đường ven biển hội chợ").split()
CATEGORIES = ["other", "other", "other", "scam", "misinformation", "grievance", "hate_harassment",
              "impersonation", "personal_data"]
PRIORITIES = ["low", "low", "medium", "high", "urgent"]
PLACES = ["Phường Đồng Hới", "Phường Đông Hà", "Xã Lệ Thủy", "Xã Phong Nha", "Quảng Trị"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(n_items: int, n_cases: int, batch: int = 5000) -> dict:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from haidang.agencies.actions import do_create_agency, do_create_officer
    from haidang.agencies.choices import AgencyKind
    from haidang.analysis.models import ItemSignals
    from haidang.cases.models import Case
    from haidang.content.models import Item
    from haidang.sources.actions import do_create_source
    from haidang.text.normalize import fold

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    lead = do_create_agency(name="Sở Thông tin và Truyền thông", short_name="STTTT", kind=AgencyKind.LEAD)
    officer = do_create_officer(username="bench", password="bench-password-123", agency=lead,
                                role="coordinator", full_name="Bench Officer", email="bench@example.test")
    sources = [do_create_source(name=f"Nguồn {i}", kind="push", agency=lead, platform="facebook",
                                acting_user=None) for i in range(20)]
    rng = random.Random(7)
    now = timezone.now()
    span = dt.timedelta(days=60)
    made = 0
    while made < n_items:
        rows, count = [], min(batch, n_items - made)
        for k in range(count):
            i = made + k
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
            title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
            when = now - span * (1 - i / max(1, n_items)) + dt.timedelta(seconds=rng.randint(0, 600))
            rows.append(Item(source_id=sources[i % len(sources)].pk, platform="facebook", external_id=f"b{i}",
                             published_at=when, fetched_at=when, created_at=when, updated_at=when,
                             title=title, text=text, text_folded=fold(f"{title} {text}"), language="vi",
                             content_hash=f"{i:064x}", likes=rng.randint(0, 500)))
        with transaction.atomic():
            Item.objects.bulk_create(rows, batch_size=1000)
            ids = list(Item.objects.filter(external_id__in=[r.external_id for r in rows])
                       .values_list("id", flat=True))
            ItemSignals.objects.bulk_create([
                ItemSignals(item_id=item_id, top_category=rng.choice(CATEGORIES), priority=rng.choice(PRIORITIES),
                            risk=rng.random(), places=[{"name": rng.choice(PLACES)}] if rng.random() < .3 else [])
                for item_id in ids], batch_size=1000)
        made += count
    items_s = time.perf_counter() - started
    year = timezone.localdate().year
    made = 0
    while made < n_cases:
        count = min(batch, n_cases - made)
        with transaction.atomic():
            Case.objects.bulk_create([
                Case(code=f"BV-{year}-{made + k + 1:06d}", year=year, number=made + k + 1,
                     title=" ".join(rng.choice(WORDS) for _ in range(8)), category=rng.choice(CATEGORIES),
                     priority=rng.choice(PRIORITIES), state=rng.choice(["new", "verifying", "handling", "closed"]),
                     lead_agency=lead, lead_officer=officer, created_by=officer,
                     created_at=now - dt.timedelta(minutes=made + k), updated_at=now,
                     due_at=now + dt.timedelta(days=rng.randint(-5, 10)))
                for k in range(count)], batch_size=1000)
        made += count
    session = SessionStore()
    session[SESSION_KEY] = str(officer.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = officer.get_session_auth_hash()
    session.create()
    item_ids = list(Item.objects.order_by("?").values_list("id", flat=True)[:2000])
    case_ids = list(Case.objects.order_by("?").values_list("id", flat=True)[:2000])
    return {"session": session.session_key, "source": sources[3].pk, "item_ids": item_ids, "case_ids": case_ids,
            "seed_s": round(time.perf_counter() - started, 1), "items_s": round(items_s, 1)}


def measure(port: int, cookie: str, paths, n: int) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": f"sessionid={cookie}", "Accept-Language": "vi"}
    times, errors = [], 0
    for i in range(n):
        path = paths(i)
        t0 = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter() - t0) * 1000)
        if response.status != 200:
            errors += 1
            if errors == 1:
                print(f"  {path}: HTTP {response.status}", file=sys.stderr)
    conn.close()
    q = statistics.quantiles(times, n=100)
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(q[94], 1), "requests": n,
            "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=1000, help="requests per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--keep", action="store_true", help="keep the temporary HAIDANG_VAR")
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="haidang-bench-web-")
    env = {**os.environ, "HAIDANG_VAR": var, "DJANGO_SETTINGS_MODULE": "haidang.settings",
           "HAIDANG_HUEY_IMMEDIATE": "0", "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)  # the bench is about SQLite
    os.environ.update({k: env[k] for k in ("HAIDANG_VAR", "DJANGO_SETTINGS_MODULE", "HAIDANG_HUEY_IMMEDIATE")})
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    server = None
    try:
        print(f"seeding {args.items:,} items and {args.cases:,} cases into {var} ...", file=sys.stderr)
        data = seed(args.items, args.cases)
        print(f"  seeded in {data['seed_s']} s (items {data['items_s']} s)", file=sys.stderr)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "haidang.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.workers), "--log-level", "warning"], env=env, cwd=ROOT)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        rng = random.Random(11)
        items, cases = data["item_ids"], data["case_ids"]
        searches = ["lua dao", "quang binh", "mao danh cong an", "ho tieu", "dong hoi"]
        pages = {
            "dashboard": lambda i: "/",
            "feed_filtered": lambda i: f"/content/?source={data['source']}&page={1 + i % 5}",
            "feed_searched": lambda i: "/content/?q=" + searches[i % len(searches)].replace(" ", "+"),
            "item": lambda i: f"/content/items/{rng.choice(items)}/",
            "case": lambda i: f"/cases/{rng.choice(cases)}/",
        }
        results = {}
        for name, paths in pages.items():
            measure(port, data["session"], paths, 5)  # warm-up: caches, imported modules
            results[name] = measure(port, data["session"], paths, args.requests)
            print(f"  {name}: {results[name]}", file=sys.stderr)
        results["seed"] = {"items": args.items, "cases": args.cases, "seconds": data["seed_s"]}
        print(json.dumps(results))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
