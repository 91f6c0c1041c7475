"""Every action code the code base writes to the audit log has words for the people who read it."""

import re
from pathlib import Path

from django.utils import translation

from haidang.audit import labels

ROOT = Path(labels.__file__).resolve().parents[1]
# record("x.y", …), _audit("x.y", …) and action="x.y" keyword arguments, as written in the source.
CODE_RE = re.compile(r'(?:\brecord|_audit)\(\s*"([a-z_]+(?:\.[a-z_.]+)?)"|\baction\s*=\s*"([a-z_]+\.[a-z_.]+)"')


def _codes_in_source() -> set[str]:
    codes = set()
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for m in CODE_RE.finditer(path.read_text(encoding="utf-8")):
            codes.add(m.group(1) or m.group(2))
    return codes


def test_every_code_written_has_a_label():
    codes = _codes_in_source()
    assert "case.open" in codes and "grievance.answer_approve" in codes  # the scan finds real calls
    missing = sorted(c for c in codes if labels.label(c) == c)
    assert missing == []


def test_labels_speak_vietnamese_and_unknown_codes_stay_visible():
    with translation.override("vi"):
        assert labels.label("alert.dismiss") == "đã bỏ qua cảnh báo"
        assert "nhắc việc phản ánh" in labels.label("grievance.reminder_due")
    assert labels.label("something.new") == "something.new"
    labels.register({"something.new": "something new"})
    try:
        assert labels.label("something.new") == "something new"
    finally:
        labels.LABELS.pop("something.new")


def test_the_admin_list_shows_the_words(admin_client):
    from haidang.audit.actions import record

    record("alert.dismiss", object_type="alerts.alert", object_id=1)
    with translation.override("vi"):
        page = admin_client.get("/admin/audit/auditentry/", HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200
    assert "đã bỏ qua cảnh báo · alert.dismiss" in page.content.decode()
