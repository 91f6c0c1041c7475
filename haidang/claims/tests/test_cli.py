"""`haidang claims import FILE.jsonl` and `haidang claims match`."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from haidang.claims.models import Claim

from .helpers import PAPAYA, PAPAYA_CORRECTION, PAPAYA_REWORDED, UNRELATED

pytestmark = pytest.mark.django_db

ROWS = [
    {"claim_id": "syt-2026-001", "statement": PAPAYA, "verdict": "false", "correction": PAPAYA_CORRECTION},
    {"claim_id": "syt-2026-002", "statement": "Tiêm vắc xin phòng Covid-19 gây vô sinh ở phụ nữ",
     "verdict": "false", "correction": "Bộ Y tế khẳng định vắc xin không gây vô sinh."},
]


def _file(tmp_path, lines, name="claims.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _import(path) -> dict:
    out = io.StringIO()
    call_command("claims", "import", path, stdout=out)
    return json.loads(out.getvalue())


def test_import_is_idempotent_on_claim_id(tmp_path):
    path = _file(tmp_path, [json.dumps(r, ensure_ascii=False) for r in ROWS])
    assert _import(path) == {"created": 2, "updated": 0, "unchanged": 0}
    assert _import(path) == {"created": 0, "updated": 0, "unchanged": 2}
    changed = [dict(ROWS[0], correction="Đính chính mới."), ROWS[1]]
    assert _import(_file(tmp_path, [json.dumps(r) for r in changed])) == {"created": 0, "updated": 1, "unchanged": 1}
    assert Claim.objects.count() == 2
    assert Claim.objects.get(claim_id="syt-2026-001").correction == "Đính chính mới."


@pytest.mark.parametrize("bad, needle", [
    ('{"claim_id": "x", "statement": "s"', "line 2: not JSON"),
    ('{"claim_id": "x", "statement": "s", "verdict": "maybe"}', "line 2: verdict must be"),
    ('{"statement": "s", "verdict": "false"}', "line 2: missing claim_id"),
    ('["not", "an", "object"]', "line 2: not a JSON object"),
])
def test_a_bad_line_is_rejected_with_its_number(tmp_path, bad, needle):
    path = _file(tmp_path, [json.dumps(ROWS[0]), bad])
    with pytest.raises(CommandError) as exc:
        call_command("claims", "import", path)
    assert exc.value.returncode == 2 and needle in str(exc.value) and "\n" not in str(exc.value)
    assert not Claim.objects.exists()  # all or nothing


def test_unreadable_file(tmp_path):
    with pytest.raises(CommandError) as exc:
        call_command("claims", "import", str(tmp_path / "missing.jsonl"))
    assert exc.value.returncode == 2
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes("{\"claim_id\": \"é\"}".encode("latin-1"))
    with pytest.raises(CommandError) as exc:
        call_command("claims", "import", str(latin))
    assert exc.value.returncode == 2 and "UTF-8" in str(exc.value)


def test_match_reads_json_lines(tmp_path, monkeypatch):
    _import(_file(tmp_path, [json.dumps(r) for r in ROWS]))
    lines = [json.dumps({"text": PAPAYA_REWORDED}), "", json.dumps({"text": UNRELATED})]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    call_command("claims", "match", stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert results[0]["claim_id"] == "syt-2026-001" and results[0]["score"] >= 0.5
    assert results[1]["claim_id"] is None and results[1]["score"] < 0.5
    assert len(results) == 2


@pytest.mark.parametrize("line", ["not json", json.dumps({"txt": "x"}), json.dumps(["text"])])
def test_match_unreadable_input(monkeypatch, line):
    monkeypatch.setattr("sys.stdin", io.StringIO(line + "\n"))
    with pytest.raises(CommandError) as exc:
        call_command("claims", "match", stdout=io.StringIO())
    assert exc.value.returncode == 2 and str(exc.value).startswith("line 1:")


def test_exit_status_from_the_shell(tmp_path):
    import subprocess
    import sys

    from django.conf import settings

    result = subprocess.run([sys.executable, "-m", "haidang.cli", "claims", "import", str(tmp_path / "none.jsonl")],
                            capture_output=True, text=True, timeout=120,
                            env={"HAIDANG_VAR": str(tmp_path), "PATH": "/usr/bin:/bin",
                                 "DJANGO_SETTINGS_MODULE": "haidang.settings"}, cwd=str(settings.BASE_DIR))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "none.jsonl" in result.stderr
