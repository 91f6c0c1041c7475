"""Issue #18 item 16: with HAIDANG_HTTPS=1 the production settings pass `haidang check --deploy` with no
warning (HSTS, the HTTPS redirect, Secure cookies). Run as a subprocess: settings are read once."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("HAIDANG_", "DJANGO_")) and k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY",
                                                                     "DEBUG", "ALLOWED_HOSTS", "PYTEST_CURRENT_TEST"}}
    return {**env, "HAIDANG_VAR": str(tmp_path / "var"), "DEBUG": "0", "ALLOWED_HOSTS": "haidang.example.gov.vn",
            "DJANGO_SETTINGS_MODULE": "haidang.settings", **extra}


def _run(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).parent / "haidang"), *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_check_deploy_is_clean_under_https(tmp_path):
    result = _run(_env(tmp_path, HAIDANG_HTTPS="1"), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_https_turns_on_hsts_the_redirect_and_secure_cookies(tmp_path):
    code = ("from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0, "
            "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_SAMESITE, "
            "s.SECURE_PROXY_SSL_HEADER)")
    on = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path, HAIDANG_HTTPS="1"), cwd=ROOT,
                        capture_output=True, text=True, timeout=60)
    assert on.stdout.split() == ["True", "True", "True", "True", "True", "Lax", "('HTTP_X_FORWARDED_PROTO',",
                                 "'https')"], on.stderr
    off = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert off.stdout.split() == ["False", "False", "False", "False", "False", "Lax", "None"], off.stderr


def test_plain_http_still_warns(tmp_path):
    result = _run(_env(tmp_path), "check", "--deploy")
    assert "security.W004" in result.stderr + result.stdout and "security.W008" in result.stderr + result.stdout
