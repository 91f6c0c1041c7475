"""Scale-out benchmark (issue #19, item 6): Huey consumers on Redis working through a backlog.

    .venv/bin/python bench/consumers.py [--items 200000] [--database postgres|sqlite] [--chunk 500]
                                        [--redeliver 0.01] [--check-items 20000] [--timeout 3600]

What it does, all on loopback and in a temporary directory (stopped and removed at the end):
- starts its own redis-server on a free port, and (default) its own PostgreSQL, as `.ci/run` does;
- seeds `--items` items of real Vietnamese text with reposts (`bench/stories.py`'s sample: ViHSD, ViHOS,
  ... dev splits under ../shared/data, read at run time) into a template database, migrated once;
- for 1 and then 2 consumers (separate `haidang run_huey -w 1` processes): a fresh copy of the
  template, an empty Redis, the backlog enqueued as `analyse_items_task` chunks (the pipeline's entry:
  analysis, then `process_items_task` for stories, counters, spikes and alerts). A fraction
  `--redeliver` of the chunks is enqueued twice, as a consumer crash or the catch-up would: those items
  must still be put into stories once;
- times each run until every item has signals and a story, and reads the claims back from the audit
  log (`signals.store` lists the items analysed, `stories.assign` counts the items claimed);
- checks that stories built with the Redis-shared index equal those of the in-process index on the
  same items in the same order (`--check-items`, on the template database).

Prints progress to stderr and ONE JSON object as its last line: `consumer_scaling` (items/s with 2
consumers / with 1), `duplicates` (items put into a story more than once, over both runs), `lost`
(backlog items without signals or story), per-run items/s, CPU seconds of the consumers, Redis and
PostgreSQL, and the load average (the machine is shared: read the scaling with it).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
# This tree's code, whatever the venv's console script points at (an editable install elsewhere).
HAIDANG = [sys.executable, "-m", "django"]
TICKS = os.sysconf("SC_CLK_TCK")
TASK_LINE = re.compile(r"INFO:huey:[\w-]+:([\w.]+): \S+ .*?executed in ([0-9.]+)s")
# haidang.alerts.actions.process_items, one line per chunk: where the stories step's time goes.
STORIES_LINE = re.compile(r"stories: \d+ items, \d+ assigned; assign ([0-9.]+)s \(prepare ([0-9.]+)s, lock wait "
                          r"([0-9.]+)s, lock held ([0-9.]+)s\), counters and alerts ([0-9.]+)s")
STORIES_KEYS = ("assign_s", "prepare_s", "lock_wait_s", "lock_held_s", "counters_alerts_s")


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int, children: bool = True) -> float:
    """utime + stime (+ reaped children's) of a process, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)
    return ticks / TICKS


def child_pids(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


# --- services ------------------------------------------------------------------------------------


def start_redis(work: Path) -> tuple[str, subprocess.Popen]:
    binary = shutil.which("redis-server")
    if not binary:
        sys.exit("bench: redis-server not found")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(work)], stdout=subprocess.DEVNULL)
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(200):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    return f"redis://127.0.0.1:{port}/0", proc


def _as_postgres_user(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root: the server runs as the "postgres" system user, as in .ci/run.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class Postgres:
    """A throw-away PostgreSQL on 127.0.0.1 (fsync off: a benchmark's data need not survive a crash)."""

    def __init__(self, work: Path):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                      key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
        if not bins:
            sys.exit("bench: no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
        self.bin, self.data, self.port, self.work = bins[-1], work / "pgdata", free_port(), work
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(work, "postgres", "postgres")
            shutil.chown(self.data, "postgres", "postgres")
        subprocess.run(_as_postgres_user([str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U",
                                          "postgres", "-E", "UTF8"]), check=True, stdout=subprocess.DEVNULL)
        subprocess.run(_as_postgres_user([
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l", str(work / "pg.log"), "-o",
            f"-p {self.port} -k {work} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c shared_buffers=256MB -c max_wal_size=4GB", "start"]),
            check=True, stdout=subprocess.DEVNULL)
        self.pid = int((self.data / "postmaster.pid").read_text().split()[0])

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(statement)

    def cpu(self) -> float:
        """CPU of the server and its live backends (exited backends are in the postmaster's cutime)."""
        return cpu_seconds(self.pid) + sum(cpu_seconds(p, children=False) for p in child_pids(self.pid))

    def stop(self) -> None:
        subprocess.run(_as_postgres_user([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Database:
    """The template (migrated, seeded) and per-run copies, on PostgreSQL or in SQLite files."""

    def __init__(self, kind: str, work: Path):
        self.kind, self.work = kind, work
        self.pg = Postgres(work) if kind == "postgres" else None
        if self.pg:
            self.pg.sql("CREATE DATABASE template_db")

    def template_url(self) -> str:
        return self.pg.url("template_db") if self.pg else f"sqlite:///{self.work / 'template.sqlite3'}"

    def fresh_copy(self, name: str) -> str:
        if self.pg:
            self.pg.sql(f"DROP DATABASE IF EXISTS {name}")
            self.pg.sql(f"CREATE DATABASE {name} TEMPLATE template_db")
            return self.pg.url(name)
        target = self.work / f"{name}.sqlite3"
        with sqlite3.connect(self.work / "template.sqlite3") as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return f"sqlite:///{target}"

    def query(self, url: str, sql: str):
        if self.pg:
            import psycopg

            with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as conn:
                return conn.execute(sql).fetchall()
        with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=60) as conn:
            return conn.execute(sql).fetchall()

    def cpu(self) -> float:
        return self.pg.cpu() if self.pg else 0.0

    def stop(self) -> None:
        if self.pg:
            self.pg.stop()


# --- the parts that run inside Django (the template database) ------------------------------------


def seed(n: int, seed_value: int) -> list[int]:
    """Migrate the template and insert the backlog's items (no signals yet: the consumers analyse them)."""
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from stories import build_sample

    from haidang.agencies.actions import do_create_agency
    from haidang.content.models import Item
    from haidang.content.normalize import content_hash
    from haidang.sources.actions import do_create_source

    texts, _families = build_sample(n, seed_value)
    agency = do_create_agency(name="Bench", short_name="STTTT", kind="lead")
    source = do_create_source(name="bench", kind="file", agency=agency)
    now = timezone.now()
    Item.objects.bulk_create([Item(source=source, external_id=str(i), text=t, content_hash=content_hash("", t),
                                   published_at=now, fetched_at=now) for i, t in enumerate(texts)], batch_size=2000)
    return list(Item.objects.order_by("pk").values_list("pk", flat=True))


def partition(rows) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for item_id, story_id in rows:
        groups.setdefault(story_id, set()).add(item_id)
    return {frozenset(g) for g in groups.values()}


def index_check(ids: list[int], redis_url: str, chunk: int) -> dict:
    """Stories of the same items, in the same order, with the in-process and the Redis-shared index."""
    from haidang.alerts.actions import do_assign_items
    from haidang.alerts.lsh import StoryIndex
    from haidang.alerts.models import Story, StoryItem

    result = {}
    for name, index in (("in_process", StoryIndex(redis_url=None)),
                        ("redis", StoryIndex(redis_url=redis_url, basename="bench:index-check"))):
        index.clear()
        t0 = time.perf_counter()
        for start in range(0, len(ids), chunk):
            do_assign_items(ids[start:start + chunk], index=index)
        result[name] = (partition(StoryItem.objects.values_list("item_id", "story_id")),
                        round(time.perf_counter() - t0, 1))
        index.clear()
        Story.objects.all().delete()
    (local, local_s), (shared, shared_s) = result["in_process"], result["redis"]
    return {"index_check_items": len(ids), "index_check_stories": len(local),
            "index_check_same_stories": local == shared, "index_check_in_process_s": local_s,
            "index_check_redis_s": shared_s}


def enqueue(ids: list[int], chunk: int, redeliver: float, seed_value: int) -> tuple[int, int]:
    from haidang.analysis.tasks import analyse_items_task

    chunks = [ids[s:s + chunk] for s in range(0, len(ids), chunk)]
    rng = random.Random(seed_value)
    again = [c for c in chunks if rng.random() < redeliver]
    for c in chunks + again:
        analyse_items_task(c)
    return len(chunks), sum(len(c) for c in again)


# --- one run ------------------------------------------------------------------------------------------


def run(consumers: int, db: Database, redis_url: str, ids: list[int], args, redis_proc, work: Path) -> dict:
    import redis
    from huey.contrib.djhuey import HUEY

    name = f"run_{consumers}"
    url = db.fresh_copy(name)
    client = redis.Redis.from_url(redis_url)
    client.flushall()
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": redis_url, "HAIDANG_VAR": str(work / name),
           "HAIDANG_HUEY_IMMEDIATE": "0", "LOG_LEVEL": "INFO", "DJANGO_SETTINGS_MODULE": "haidang.settings"}
    env.pop("HAIDANG_TESTING", None)
    procs, logs = [], []
    for k in range(consumers):
        fh = open(work / f"{name}-consumer{k}.log", "w")  # noqa: SIM115 - closed below
        logs.append(fh)
        procs.append(subprocess.Popen([*HAIDANG, "run_huey", "-w", "1", "-k", "thread", "-n", "-m", "0.5"],
                                      env=env, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT))
    # Wait for the consumers to be up (Django and the app loaded) before the clock starts.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        up = sum("consumer started" in (work / f"{name}-consumer{k}.log").read_text(errors="replace").lower()
                 or "huey consumer" in (work / f"{name}-consumer{k}.log").read_text(errors="replace").lower()
                 for k in range(consumers))
        if up == consumers:
            break
        time.sleep(0.2)
    n = len(ids)
    cpu0 = [cpu_seconds(p.pid) for p in procs]
    redis0, db0 = cpu_seconds(redis_proc.pid), db.cpu()
    load_samples = []
    t0 = time.perf_counter()
    chunks, redelivered = enqueue(ids, args.chunk, args.redeliver, args.seed)
    progress, marks, last_log, stories_done = [], {}, 0.0, None
    count_sql = ("SELECT (SELECT count(*) FROM analysis_itemsignals), (SELECT count(*) FROM alerts_storyitem)")
    while True:
        time.sleep(1.0)
        signals_n, stories_n = db.query(url, count_sql)[0]
        elapsed = time.perf_counter() - t0
        done = (signals_n + stories_n) / (2 * n)
        progress.append((elapsed, done))
        load_samples.append(os.getloadavg()[0])
        for mark in (0.1, 0.9):
            if done >= mark and mark not in marks:
                marks[mark] = elapsed
        if elapsed - last_log >= 15:
            log(f"  {consumers} consumer(s): {elapsed:.0f}s, analysed {signals_n}, in stories {stories_n} / {n}, "
                f"load {os.getloadavg()[0]:.2f}")
            last_log = elapsed
        if stories_n >= n and signals_n >= n and stories_done is None:
            stories_done = elapsed
        # Worked through: every item analysed and in a story, and the queue drained (the tasks the
        # pipeline fans out to, claims matching, grievances, webhooks, are part of the backlog's work).
        if stories_done is not None and not HUEY.pending_count():
            break
        if elapsed > args.timeout or any(p.poll() is not None for p in procs):
            log(f"  {consumers} consumer(s): stopped after {elapsed:.0f}s (timeout or a consumer died)")
            break
    wall = time.perf_counter() - t0
    # Let the last tasks (spikes/alerts of the last chunk, the grievances hook) finish before reading.
    time.sleep(2.0)
    cpu = sum(cpu_seconds(p.pid) - c for p, c in zip(procs, cpu0, strict=True))
    redis_cpu, db_cpu = cpu_seconds(redis_proc.pid) - redis0, db.cpu() - db0
    for p in procs:
        p.send_signal(signal.SIGINT)
    for p in procs:
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
    for fh in logs:
        fh.close()
    # Every item of the database is in the backlog.
    lost_rows = db.query(url, "SELECT count(*) FROM content_item i WHERE ("
                              "NOT EXISTS (SELECT 1 FROM analysis_itemsignals s WHERE s.item_id = i.id) OR "
                              "NOT EXISTS (SELECT 1 FROM alerts_storyitem m WHERE m.item_id = i.id))")
    audit = db.query(url, "SELECT action, changes FROM audit_auditentry WHERE action IN "
                          "('stories.assign', 'signals.store')")
    claimed, analysed = 0, 0
    for action, changes in audit:
        changes = json.loads(changes) if isinstance(changes, str) else changes
        if action == "stories.assign":
            claimed += int(changes.get("assigned", 0))
        else:
            analysed += len(changes.get("items", []))
    in_stories = db.query(url, "SELECT count(*), count(DISTINCT item_id) FROM alerts_storyitem")[0]
    stories = partition(db.query(url, "SELECT item_id, story_id FROM alerts_storyitem"))
    steady = None
    if 0.1 in marks and 0.9 in marks and marks[0.9] > marks[0.1]:
        steady = round(0.8 * n / (marks[0.9] - marks[0.1]), 1)  # items (both steps) per second, 10% -> 90%
    errors, task_s, stories_s = 0, {}, dict.fromkeys(STORIES_KEYS, 0.0)
    for k in range(consumers):
        text = (work / f"{name}-consumer{k}.log").read_text(errors="replace")
        errors += text.count("Traceback")
        for task, seconds in TASK_LINE.findall(text):
            task_s[task] = round(task_s.get(task, 0.0) + float(seconds), 1)
        for values in STORIES_LINE.findall(text):
            for key, v in zip(STORIES_KEYS, values, strict=True):
                stories_s[key] += float(v)
    return {
        "consumers": consumers, "items": n, "chunks": chunks, "redelivered_items": redelivered,
        "wall_s": round(wall, 1), "items_per_s": round(n / wall, 1), "steady_items_per_s": steady,
        "stories_done_s": round(stories_done, 1) if stories_done else None,
        "items_per_s_to_stories": round(n / stories_done, 1) if stories_done else None,
        "task_wall_s": dict(sorted(task_s.items())),
        # process_items_task's parts, summed over chunks and consumers (lock_held_s: the assignment lock,
        # serial across consumers; lock_wait_s: a consumer queued for it).
        "stories_step_s": {k: round(v, 1) for k, v in stories_s.items()},
        "consumer_cpu_s": round(cpu, 1), "items_per_consumer_cpu_s": round(n / cpu, 1) if cpu else None,
        "redis_cpu_s": round(redis_cpu, 1), "database_cpu_s": round(db_cpu, 1),
        "load_avg_1m_mean": round(sum(load_samples) / max(1, len(load_samples)), 2),
        "load_avg_end": [round(x, 2) for x in os.getloadavg()],
        "lost": int(lost_rows[0][0]), "claimed_by_story_assignment": claimed,
        "story_memberships": int(in_stories[0]), "duplicates": claimed - int(in_stories[1]) + (
            int(in_stories[0]) - int(in_stories[1])),
        "analysed_item_runs": analysed, "reanalysed_items": analysed - n,
        "stories": len(stories), "consumer_tracebacks": errors, "_partition": stories,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=200_000)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    ap.add_argument("--redeliver", type=float, default=0.01, help="fraction of chunks enqueued twice")
    ap.add_argument("--check-items", type=int, default=20_000)
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="haidang-bench-consumers-"))
    out: dict = {"machine": {"cpus": os.cpu_count(), "load_avg_start": [round(x, 2) for x in os.getloadavg()]},
                 "database": args.database, "chunk": args.chunk}
    redis_url, redis_proc = start_redis(work)
    db = Database(args.database, work)
    try:
        os.environ.update({"DATABASE_URL": db.template_url(), "REDIS_URL": redis_url, "HAIDANG_VAR": str(work / "var"),
                           "HAIDANG_HUEY_IMMEDIATE": "0", "LOG_LEVEL": "WARNING",
                           "DJANGO_SETTINGS_MODULE": "haidang.settings"})
        os.environ.pop("HAIDANG_TESTING", None)
        import django

        django.setup()
        from django.db import connections

        t0 = time.perf_counter()
        ids = seed(args.items, args.seed)
        log(f"seeded {len(ids)} items in {time.perf_counter() - t0:.0f}s")
        connections.close_all()  # CREATE DATABASE ... TEMPLATE needs the template unused
        runs = []
        for consumers in (1, 2):
            log(f"run: {consumers} consumer(s), load {os.getloadavg()}")
            runs.append(run(consumers, db, redis_url, ids, args, redis_proc, work))
            log(f"  {json.dumps({k: v for k, v in runs[-1].items() if not k.startswith('_')})}")
        one, two = runs
        out["runs"] = [{k: v for k, v in r.items() if not k.startswith("_")} for r in runs]
        out["consumer_scaling"] = round(two["items_per_s"] / one["items_per_s"], 3)
        if one["items_per_s_to_stories"] and two["items_per_s_to_stories"]:
            out["consumer_scaling_to_stories"] = round(two["items_per_s_to_stories"] / one["items_per_s_to_stories"], 3)
        if one["steady_items_per_s"] and two["steady_items_per_s"]:
            out["consumer_scaling_steady"] = round(two["steady_items_per_s"] / one["steady_items_per_s"], 3)
        out["cpu_per_item_ratio"] = round(two["consumer_cpu_s"] / one["consumer_cpu_s"], 3) if one["consumer_cpu_s"] else None
        out["duplicates"] = one["duplicates"] + two["duplicates"]
        out["lost"] = one["lost"] + two["lost"]
        same = one["_partition"] & two["_partition"]
        out["items_in_identical_stories_1_vs_2"] = round(sum(len(g) for g in same) / max(1, len(ids)), 4)
        import redis

        redis.Redis.from_url(redis_url).flushall()
        out.update(index_check(ids[: args.check_items], redis_url, args.chunk))
        out["machine"]["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
        out["notes"] = (
            "items_per_s: backlog items per wall second, from enqueue until every item is analysed and in a "
            "story and the queue is drained (claims matching, grievances, webhook fan-out included); "
            "*_to_stories: until the last item is in a story; task_wall_s: Huey's per-task times summed; "
            "stories_step_s: process_items' parts summed (lock_held_s is serial across consumers); steady_*: between 10% and 90% of (signals + memberships); consumer_scaling = "
            "2-consumer items_per_s / 1-consumer items_per_s. duplicates: story memberships claimed more than "
            "once (audit 'stories.assign' sums vs distinct items); reanalysed_items: analysis re-runs of the "
            "redelivered chunks (harmless: signals are replaced, not added). Story assignment holds one "
            "database-wide lock per chunk, so the two consumers' runs may group a few items differently "
            "(order); index_check compares the in-process and the Redis index on the same order.")
        print(json.dumps(out, ensure_ascii=False))
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001, S110 - best effort before stopping the server
            pass
        db.stop()
        redis_proc.terminate()
        redis_proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
