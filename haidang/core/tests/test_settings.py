import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _settings(env: dict, expr: str) -> subprocess.CompletedProcess:
    code = f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='haidang.settings'; from django.conf import settings; print({expr})"
    return subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def _clean_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}}
    env["HAIDANG_VAR"] = str(tmp_path / "var")
    return env


def test_defaults_sqlite_wal_and_generated_key(tmp_path):
    env = _clean_env(tmp_path)
    code = ("import os; os.environ['DJANGO_SETTINGS_MODULE']='haidang.settings'; from django.conf import settings as s;"
            "print(s.DATABASES['default']['ENGINE']); print(s.DATABASES['default']['NAME']);"
            "print(s.DATABASES['default']['OPTIONS']['transaction_mode']);"
            "print(s.LANGUAGE_CODE, s.TIME_ZONE, s.USE_TZ); print(s.HUEY['huey_class']); print(s.SECRET_KEY)")
    first = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "haidang.core.db_sqlite"  # Django's SQLite backend + the write gate
    assert lines[1] == str(tmp_path / "var" / "haidang.sqlite3")
    assert lines[2] == "IMMEDIATE"
    assert lines[3] == "vi Asia/Ho_Chi_Minh True"
    assert lines[4] == "huey.SqliteHuey"
    assert (tmp_path / "var" / "secret_key").exists()
    second = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert second.stdout.splitlines()[-1] == lines[-1], "the generated key is reused"


def test_overrides_postgres_and_redis(tmp_path):
    env = _clean_env(tmp_path) | {"DATABASE_URL": "postgres://u:p@127.0.0.1:5432/hd", "REDIS_URL": "redis://127.0.0.1:6379/0",
                                  "SECRET_KEY": "given-key"}
    result = _settings(env, "settings.DATABASES['default']['ENGINE'], settings.HUEY['huey_class'], settings.SECRET_KEY")
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql" in result.stdout
    assert "RedisHuey" in result.stdout
    assert "given-key" in result.stdout


def test_wrong_database_url_is_one_line_error(tmp_path):
    env = _clean_env(tmp_path) | {"DATABASE_URL": "nonsense://what"}
    result = _settings(env, "settings.DATABASES")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("haidang: invalid DATABASE_URL")
    assert len(result.stderr.strip().splitlines()) == 1
