"""Benchmark of ingestion: items/s and peak memory for a generated 100k-record JSONL file and a
1k-entry RSS feed imported into a fresh SQLite database, against a bare json.loads + bulk_create loop.

    .venv/bin/python bench/ingest.py [--records 100000] [--entries 1000]

Each phase runs in its own process (own temporary HAIDANG_VAR, migrated SQLite, peak RSS measured
alone). The last line is one JSON object with jsonl_items_per_s, rss_items_per_s, peak_rss_mb and
ratio_vs_bulk_create (our pipeline's JSONL rate divided by the bare loop's: below 1 is the price
of validation, cleaning, deduplication, evidence and audit). On a shared machine the wall clock
depends on the neighbours, so the same ratio per CPU-second of the importing process is given
too (ratio_vs_bulk_create_cpu; the fsync waits are then left out of both sides).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("người dân Quảng Trị phản ánh đường sá ngập nước sau mưa lớn ở Đông Hà Lệ Thủy Đồng Hới "
         "chuyển khoản nhầm ngân hàng mã OTP bệnh viện chờ đợi lâu giá hồ tiêu tăng biển Cửa Việt "
         "du lịch Phong Nha tin đồn vỡ đập chính quyền xã phường cán bộ hồ sơ đất đai").split()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_jsonl(path: Path, n: int) -> None:
    rng = random.Random(44)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 60)))
            fh.write(json.dumps({
                "id": f"fb-{i}", "url": f"https://www.facebook.com/groups/qt/posts/{i}?fbclid=x{i}&utm_source=fb",
                "text": text.capitalize() + ".", "author": f"Người dùng {i % 997}",
                "published_at": (start + dt.timedelta(seconds=37 * i)).isoformat(), "platform": "facebook",
                "likes": rng.randint(0, 500), "shares": rng.randint(0, 50), "comments": rng.randint(0, 80),
            }, ensure_ascii=False) + "\n")


def make_rss(path: Path, n: int) -> None:
    rng = random.Random(7)
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>']
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(40))
        parts.append(f"<item><title>Tin {i}: {text[:60]}</title><link>https://baoquangtri.example.vn/tin-{i}.htm"
                     f"?utm_source=rss</link><guid>tin-{i}</guid><description>&lt;p&gt;{text}&lt;/p&gt;"
                     f"</description><pubDate>Mon, 05 Jan 2026 08:{i % 60:02d}:00 +0700</pubDate></item>")
    parts.append("</channel></rss>")
    path.write_text("".join(parts), encoding="utf-8")


def phase(name: str, path: Path) -> dict:
    """Runs inside a child process with a fresh HAIDANG_VAR."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haidang.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from haidang.agencies.actions import do_create_agency
    from haidang.content.actions import do_import
    from haidang.sources.actions import do_create_source

    agency = do_create_agency(name="Sở Thông tin và Truyền thông", short_name="STTTT", kind="lead")
    source = do_create_source(name="bench", kind="file", agency=agency)
    before = rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    if name == "bulk":
        count = bare_bulk_create(path, source)
    else:
        stats = do_import(str(path), source=source)
        assert stats.rejected == 0, stats.errors[:3]
        count = stats.new
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"phase": name, "items": count, "seconds": round(elapsed, 2), "cpu_seconds": round(cpu, 2),
            "items_per_s": round(count / elapsed, 1), "items_per_cpu_s": round(count / cpu, 1),
            "peak_rss_mb": round(rss_mb(), 1),
            "rss_before_mb": round(before, 1)}


def bare_bulk_create(path: Path, source) -> int:
    """The floor: parse each line and insert it, with no validation, cleaning, evidence or audit."""
    import hashlib

    from django.db import transaction
    from django.utils import timezone

    from haidang.content.models import Item

    count = 0
    batch = []
    now = timezone.now()
    with path.open("rb") as fh:
        for line in fh:
            record = json.loads(line)
            batch.append(Item(source=source, external_id=record["id"], url=record["url"], text=record["text"],
                              content_hash=hashlib.sha256(record["text"].encode()).hexdigest(), fetched_at=now))
            if len(batch) == 1000:
                with transaction.atomic():
                    Item.objects.bulk_create(batch)
                count += len(batch)
                batch = []
    if batch:
        with transaction.atomic():
            Item.objects.bulk_create(batch)
        count += len(batch)
    return count


def run_child(name: str, path: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="haidang-bench-") as var:
        # Tasks (e.g. analysis queued by items_ingested receivers) go to the queue, as with a real consumer:
        # the figure is the ingest rate, not ingest plus analysis.
        env = {**os.environ, "HAIDANG_VAR": var, "HAIDANG_HUEY_IMMEDIATE": "0"}
        env.pop("DATABASE_URL", None)  # the figures are for the embedded SQLite configuration
        proc = subprocess.run([sys.executable, __file__, "--phase", name, "--path", str(path)], env=env,
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.exit(f"bench phase {name} failed:\n{proc.stderr[-3000:]}")
        return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=1_000)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, Path(args.path))))
        return
    with tempfile.TemporaryDirectory(prefix="haidang-bench-data-") as tmp:
        jsonl, rss = Path(tmp) / "items.jsonl", Path(tmp) / "feed.rss"
        make_jsonl(jsonl, args.records)
        make_rss(rss, args.entries)
        results = {name: run_child(name, path) for name, path in
                   (("jsonl", jsonl), ("rss", rss), ("bulk", jsonl))}
    for result in results.values():
        print(f"{result['phase']:>6}: {result['items']:>7} items in {result['seconds']:>6.2f} s = "
              f"{result['items_per_s']:>8.1f} items/s ({result['items_per_cpu_s']:>8.1f} per CPU-s), "
              f"peak RSS {result['peak_rss_mb']} MB")
    print(json.dumps({
        "jsonl_items_per_s": results["jsonl"]["items_per_s"],
        "rss_items_per_s": results["rss"]["items_per_s"],
        "bulk_create_items_per_s": results["bulk"]["items_per_s"],
        "ratio_vs_bulk_create": round(results["jsonl"]["items_per_s"] / results["bulk"]["items_per_s"], 3),
        "ratio_vs_bulk_create_cpu": round(results["jsonl"]["items_per_cpu_s"] / results["bulk"]["items_per_cpu_s"], 3),
        "jsonl_items_per_cpu_s": results["jsonl"]["items_per_cpu_s"],
        "bulk_create_items_per_cpu_s": results["bulk"]["items_per_cpu_s"],
        "peak_rss_mb": max(results["jsonl"]["peak_rss_mb"], results["rss"]["peak_rss_mb"]),
        "jsonl_peak_rss_mb": results["jsonl"]["peak_rss_mb"],
        "rss_peak_rss_mb": results["rss"]["peak_rss_mb"],
        "records": args.records, "entries": args.entries,
    }))


if __name__ == "__main__":
    main()
