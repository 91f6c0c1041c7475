"""Issue #18: SQLite chosen through DATABASE_URL keeps the lock-safe options of the default."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CODE = ("import json, os; os.environ['DJANGO_SETTINGS_MODULE']='haidang.settings';"
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(json.dumps({'engine': d['ENGINE'], 'name': str(d['NAME']), 'options': d.get('OPTIONS', {})}))")


def _database(tmp_path, **env) -> dict:
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    base["HAIDANG_VAR"] = str(tmp_path / "var")
    proc = subprocess.run([sys.executable, "-c", CODE], env={**base, **env}, cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def test_sqlite_from_database_url_has_the_same_lock_safe_options(tmp_path):
    default = _database(tmp_path)
    path = tmp_path / "other.sqlite3"
    from_url = _database(tmp_path, DATABASE_URL=f"sqlite:///{path}")
    assert from_url["engine"] == "haidang.core.db_sqlite" and from_url["name"] == str(path)  # SQLite + write gate
    assert from_url["options"] == default["options"]
    options = from_url["options"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 20
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=", "foreign_keys=ON"):
        assert pragma in options["init_command"]
