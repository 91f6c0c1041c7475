"""Issue #18: concurrent pushes against a real SQLite file chosen with DATABASE_URL=sqlite:///…
all succeed (the IMMEDIATE transactions and the busy timeout queue the writers)."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from haidang.agencies.actions import do_issue_api_token

ROOT = Path(__file__).resolve().parents[3]
WRITERS, PUSHES, ITEMS = 4, 6, 25

SCRIPT = """
import json, os, sys, threading
os.environ["DJANGO_SETTINGS_MODULE"] = "haidang.settings"
import django
django.setup()
from django.db import connection
from django.test import Client

token, writers, pushes, items = sys.argv[1], *map(int, sys.argv[2:5])
results = []
start = threading.Barrier(writers)

def writer(n):
    client = Client(raise_request_exception=False)
    start.wait()
    for k in range(pushes):
        body = [{"id": f"w{n}-{k}-{i}", "text": f"bài {n} {k} {i} về Quảng Trị"} for i in range(items)]
        r = client.post("/api/v1/items", data=json.dumps(body), content_type="application/json",
                        HTTP_AUTHORIZATION=f"Bearer {token}")
        results.append([r.status_code, r.content[:300].decode("utf-8", "replace")])
    connection.close()

threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(results))
"""


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_concurrent_pushes_to_a_sqlite_file_from_database_url_all_succeed(personas, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("this is about SQLite chosen through DATABASE_URL")
    _, raw = do_issue_api_token(name="collector", agency=personas.lead, user=personas.alice)
    # The migrated test database (with the personas) copied into a file: no 40-second migrate.
    db = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(db)
    connection.connection.backup(target)
    target.close()
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "HAIDANG_TESTING"}}
    env |= {"DATABASE_URL": f"sqlite:///{db}", "HAIDANG_VAR": str(tmp_path / "var"), "HAIDANG_HUEY_IMMEDIATE": "0",
            "LOG_LEVEL": "ERROR"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, raw, str(WRITERS), str(PUSHES), str(ITEMS)], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.splitlines()[-1])
    failures = [r for r in results if r[0] != 200]
    assert len(results) == WRITERS * PUSHES
    assert not failures, (failures[:3], proc.stderr[-4000:])
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from content_item").fetchone()[0] == WRITERS * PUSHES * ITEMS
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
        batches = conn.execute("select count(*) from audit_auditentry where action = 'ingest.batch'").fetchone()[0]
    assert batches == WRITERS * PUSHES
