"""Benchmark of the web pages through gunicorn on SQLite or PostgreSQL: dashboard, feed (filtered and
searched), item page, case page and alert queue, each requested many times with a logged-in session.

    .venv/bin/python bench/web.py                         # SQLite, 1,000,000 items, 100,000 cases
    .venv/bin/python bench/web.py --database postgres     # PostgreSQL: its own server, or DATABASE_URL
    .venv/bin/python bench/web.py --database both --items 100000 --cases 10000 --requests 300
    DATABASE_URL=postgres://… .venv/bin/python bench/web.py --database postgres --no-seed   # measure again

A fresh database is seeded with fast bulk inserts (SQLite in a temporary HAIDANG_VAR; PostgreSQL in a
server the bench starts with the Debian binaries, initdb into a temporary directory on a free
loopback port, unless DATABASE_URL is set, then that database is emptied and used), then ANALYZEd.
gunicorn serves it on 127.0.0.1 on a free port (loopback only), and one keep-alive client measures
each page in turn. The last line is one JSON object, per database:
{"sqlite": {"dashboard": {"p50_ms", "p95_ms", "p99_ms", "max_ms", "requests", "errors"}, ..., "seed": {...}},
 "postgres": {...}}
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
from urllib.parse import urlsplit

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


class FastLoader:
    """Rows straight into one model's table: COPY on PostgreSQL, executemany on SQLite. Every column
    gets the model's default, converted once, unless the row gives it (by attname); the bench's seed
    at a million rows is then bound by the database, not by building a million model instances."""

    def __init__(self, model, connection, **template):
        from django.db.models import JSONField

        self.model, self.connection = model, connection
        self.fields = [f for f in model._meta.concrete_fields]
        self.columns = [f.column for f in self.fields]
        self.json = {f.attname for f in self.fields if isinstance(f, JSONField)}
        instance = model(**template)
        self.defaults = {f.attname: self._prep(f, getattr(instance, f.attname)) for f in self.fields}

    def _prep(self, field, value):
        if field.attname in self.json:
            return json.dumps(value)  # jsonb/text both accept JSON text
        return field.get_db_prep_save(value, self.connection)

    def load(self, rows: list[dict]) -> None:
        fields = self.fields
        values = [tuple(self._prep(f, row[f.attname]) if f.attname in row else self.defaults[f.attname]
                        for f in fields) for row in rows]
        table = self.connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(self.connection.ops.quote_name(c) for c in self.columns)
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                # Names from the model, values as parameters.
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)  # noqa: S608


def reset_sequences(connection, models) -> None:
    """After rows loaded with explicit ids, the next id a normal insert gets must follow them."""
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def seed(n_items: int, n_cases: int, n_alerts: int, batch: int = 20000) -> dict:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from haidang.agencies.actions import do_create_agency, do_create_officer
    from haidang.agencies.choices import AgencyKind
    from haidang.alerts.models import Alert, Story
    from haidang.analysis.models import ItemSignals
    from haidang.cases.models import Case
    from haidang.content import search
    from haidang.content.models import Item
    from haidang.sources.actions import do_create_source
    from haidang.text.normalize import fold

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - started
    lead = do_create_agency(name="Sở Thông tin và Truyền thông", short_name="STTTT", kind=AgencyKind.LEAD)
    officer = do_create_officer(username="bench", password="bench-password-123", agency=lead,
                                role="coordinator", full_name="Bench Officer", email="bench@example.test")
    sources = [do_create_source(name=f"Nguồn {i}", kind="push", agency=lead, platform="facebook",
                                acting_user=None) for i in range(20)]
    rng = random.Random(7)
    now = timezone.now()
    span = dt.timedelta(days=60)
    # fold() is word by word, so the folded text is the folded words joined: folded once here.
    folded = {w: fold(w) for w in WORDS}
    # The search index is built once after the load: maintaining it row by row is the slow part
    # (the FTS5 triggers on SQLite, the trigram GIN index on PostgreSQL).
    search.uninstall(connection)
    items = FastLoader(Item, connection, source_id=sources[0].pk, platform="facebook", language="vi",
                       content_hash="")
    signals = FastLoader(ItemSignals, connection, item_id=1)
    made = 0
    while made < n_items:
        item_rows, signal_rows, count = [], [], min(batch, n_items - made)
        for k in range(count):
            i = made + k
            words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
            title_words = [rng.choice(WORDS) for _ in range(6)]
            title = " ".join(title_words).capitalize()
            when = now - span * (1 - i / max(1, n_items)) + dt.timedelta(seconds=rng.randint(0, 600))
            item_rows.append({"id": i + 1, "source_id": sources[i % len(sources)].pk, "external_id": f"b{i}",
                              "published_at": when, "fetched_at": when, "created_at": when, "updated_at": when,
                              "title": title, "text": " ".join(words),
                              "text_folded": " ".join(folded[w] for w in title_words + words),
                              "content_hash": f"{i:064x}", "likes": rng.randint(0, 500)})
            signal_rows.append({"id": i + 1, "item_id": i + 1, "top_category": rng.choice(CATEGORIES),
                                "priority": rng.choice(PRIORITIES), "risk": rng.random(),
                                "places": [{"name": rng.choice(PLACES)}] if rng.random() < .3 else []})
        with transaction.atomic():
            items.load(item_rows)
            signals.load(signal_rows)
        made += count
    reset_sequences(connection, [Item, ItemSignals])
    items_s = time.perf_counter() - started - migrate_s
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
    # Stories with one alert each, routed to the lead agency or another one, in every status.
    other = do_create_agency(name="Công an tỉnh", short_name="CAT", kind=AgencyKind.DEPARTMENT)
    statuses = ["open", "open", "acknowledged", "dismissed", "reported"]
    reasons = [["priority"], ["urgent_topic"], ["spike"], ["growth"], ["priority", "growth"]]
    made = 0
    while made < n_alerts:
        count = min(batch, n_alerts - made)
        with transaction.atomic():
            stories = Story.objects.bulk_create([
                Story(title=" ".join(rng.choice(WORDS) for _ in range(8)), first_seen=now - dt.timedelta(hours=made + k),
                      last_seen=now - dt.timedelta(minutes=made + k), item_count=rng.randint(1, 200),
                      source_count=rng.randint(1, 20), dominant_category=rng.choice(CATEGORIES),
                      max_priority=rng.choice(PRIORITIES),
                      place_counts={"44": [rng.choice(PLACES), rng.randint(1, 50)]} if rng.random() < .5 else {})
                for k in range(count)], batch_size=1000)
            if stories[0].pk is None:
                stories = list(Story.objects.order_by("-id")[:count])
            Alert.objects.bulk_create([
                Alert(dedupe_key=f"story:{story.pk}", story_id=story.pk, title=story.title,
                      priority=rng.choice(PRIORITIES), category=story.dominant_category,
                      reasons=rng.choice(reasons), details={}, agency=lead if rng.random() < .5 else other,
                      status=rng.choice(statuses), item_count=story.item_count,
                      created_at=story.first_seen, updated_at=story.last_seen)
                for story in stories], batch_size=1000)
        made += count
    search.install(connection)  # FTS5 rebuild / CREATE INDEX … gin_trgm_ops, once, over the loaded rows
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {**visit(officer, sources[3].pk), "seed_s": round(time.perf_counter() - started, 1),
            "items_s": round(items_s, 1), "migrate_s": round(migrate_s, 1)}


def visit(officer, source_id) -> dict:
    """A logged-in session for the client, and the items and cases it will open."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from haidang.cases.models import Case
    from haidang.content import search
    from haidang.content.models import Item

    session = SessionStore()
    session[SESSION_KEY] = str(officer.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = officer.get_session_auth_hash()
    session.create()
    top = Item.objects.order_by("-id").values_list("id", flat=True).first() or 0
    rng = random.Random(5)
    # Random ids rather than ORDER BY random(): that sorts a million rows.
    item_ids = list(Item.objects.filter(id__in=[rng.randint(1, top) for _ in range(3000)]).values_list("id", flat=True))
    case_ids = list(Case.objects.order_by("-id").values_list("id", flat=True)[:100000:50])
    return {"session": session.session_key, "source": source_id, "item_ids": item_ids, "case_ids": case_ids,
            "search_backend": search.search_backend()}


def reuse() -> dict:
    """--no-seed: measure a database a previous run seeded (kept with --keep or in DATABASE_URL)."""
    from django.contrib.auth import get_user_model

    from haidang.content.models import Item
    from haidang.sources.models import Source

    officer = get_user_model().objects.get(username="bench")
    sources = list(Source.objects.order_by("id").values_list("id", flat=True))
    return {**visit(officer, sources[3]), "seed_s": 0.0, "items_s": 0.0, "migrate_s": 0.0,
            "items": Item.objects.count()}


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
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
            "max_ms": round(max(times), 1), "requests": n, "errors": errors}


def _as_postgres_user(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root: the server runs as the "postgres" system user, as in .ci/run.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def start_postgres(work: str) -> tuple[str, callable]:
    """A throw-away PostgreSQL on 127.0.0.1 (fsync off: a benchmark's data need not survive a crash).
    Returns (DATABASE_URL, stop)."""
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    if not bins:
        sys.exit("bench: no PostgreSQL binaries under /usr/lib/postgresql/*/bin; set DATABASE_URL instead")
    pgbin, data, port = bins[-1], Path(work) / "pgdata", free_port()
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(work, "postgres", "postgres")
        shutil.chown(data, "postgres", "postgres")
    subprocess.run(_as_postgres_user([str(pgbin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                                      "-E", "UTF8"]), check=True, stdout=subprocess.DEVNULL)
    subprocess.run(_as_postgres_user([
        str(pgbin / "pg_ctl"), "-D", str(data), "-w", "-l", str(Path(work) / "pg.log"), "-o",
        f"-p {port} -k {work} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c shared_buffers=256MB -c max_wal_size=4GB -c maintenance_work_mem=512MB", "start"]),
        check=True, stdout=subprocess.DEVNULL)
    subprocess.run(_as_postgres_user([str(pgbin / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                                      "haidang"]), check=True)

    def stop():
        subprocess.run(_as_postgres_user([str(pgbin / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return f"postgres://postgres@127.0.0.1:{port}/haidang", stop


def empty_postgres(url: str) -> None:
    """DATABASE_URL given: start from an empty schema there, so the seed figures mean the same."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(url.replace(parts.scheme + "://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def run_one(args, database: str) -> dict:
    """Seed one database, serve it with gunicorn, measure every page."""
    reused_var = args.no_seed and database == "sqlite" and os.environ.get("HAIDANG_VAR")
    var = reused_var or tempfile.mkdtemp(prefix="haidang-bench-web-")
    env = {**os.environ, "HAIDANG_VAR": var, "DJANGO_SETTINGS_MODULE": "haidang.settings",
           "HAIDANG_HUEY_IMMEDIATE": "0", "LOG_LEVEL": "WARNING"}
    stop_postgres = None
    if database == "postgres":
        url = os.environ.get("DATABASE_URL", "").strip()
        if url:
            if not args.no_seed:
                empty_postgres(url)
        else:
            url, stop_postgres = start_postgres(var)
        env["DATABASE_URL"] = url
    else:
        env.pop("DATABASE_URL", None)
    os.environ.update({k: env[k] for k in ("HAIDANG_VAR", "DJANGO_SETTINGS_MODULE", "HAIDANG_HUEY_IMMEDIATE")})
    if "DATABASE_URL" in env:
        os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    server = None
    try:
        print(f"[{database}] " + ("measuring the database as it is ..." if args.no_seed else
                                  f"seeding {args.items:,} items, {args.cases:,} cases, {args.alerts:,} alerts ..."),
              file=sys.stderr)
        data = reuse() if args.no_seed else seed(args.items, args.cases, args.alerts)
        print(f"  seeded in {data['seed_s']} s (items {data['items_s']} s)", file=sys.stderr)
        from django.db import connections

        connections.close_all()
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
        filters = [f"source={data['source']}", "category=scam", "priority=urgent",
                   f"source={data['source']}&priority=high", "category=impersonation&priority=urgent"]
        alert_tabs = ["", "status=all", "priority=urgent", "status=dismissed", "agency=mine"]
        pages = {
            "dashboard": lambda i: "/",
            "feed_filtered": lambda i: "/content/?" + filters[i % len(filters)],
            "feed_searched": lambda i: "/content/?q=" + searches[i % len(searches)].replace(" ", "+"),
            "item": lambda i: f"/content/items/{rng.choice(items)}/",
            "case": lambda i: f"/cases/{rng.choice(cases)}/",
            "alert_queue": lambda i: "/alerts/?" + alert_tabs[i % len(alert_tabs)],
        }
        only = set(args.pages.split(",")) if args.pages else set(pages)
        results = {}
        for name, paths in pages.items():
            if name not in only:
                continue
            measure(port, data["session"], paths, 5)  # warm-up: caches, imported modules
            results[name] = measure(port, data["session"], paths, args.requests)
            print(f"  [{database}] {name}: {results[name]}", file=sys.stderr)
        results["seed"] = {"items": data.get("items", args.items), "cases": args.cases, "alerts": args.alerts, "seconds": data["seed_s"],
                           "items_seconds": data["items_s"], "migrate_seconds": data["migrate_s"],
                           "search_backend": data["search_backend"],
                           "load_average": [round(x, 2) for x in os.getloadavg()]}
        return results
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        if stop_postgres is not None:
            stop_postgres()
        if args.keep or reused_var:
            print(f"  kept HAIDANG_VAR={var}", file=sys.stderr)
        else:
            shutil.rmtree(var, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--alerts", type=int, default=None, help="stories with one alert each (default items/100)")
    parser.add_argument("--requests", type=int, default=1000, help="requests per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--pages", default="", help="comma-separated subset of the pages to measure")
    parser.add_argument("--keep", action="store_true", help="keep the temporary HAIDANG_VAR")
    parser.add_argument("--no-seed", action="store_true",
                        help="measure the database already in DATABASE_URL (or HAIDANG_VAR for SQLite) as it is")
    args = parser.parse_args()
    if args.alerts is None:
        args.alerts = max(1, args.items // 100)
    if args.database != "both":
        print(json.dumps({args.database: run_one(args, args.database)}))
        return
    # Django is set up once per process, so each database gets its own run of this script.
    merged = {}
    for database in ("sqlite", "postgres"):
        raw = sys.argv[1:]
        argv = [a for i, a in enumerate(raw)
                if not a.startswith("--database") and not (i > 0 and raw[i - 1] == "--database")]
        out = subprocess.run([sys.executable, __file__, *argv, "--database", database], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        merged.update(json.loads(out.strip().splitlines()[-1]))
    print(json.dumps(merged))


if __name__ == "__main__":
    main()
