"""Screenshots of the dashboard, the feed and a case page.

Always taken (and checked to be real, small PNGs); written to the folder named by
HAIDANG_SCREENSHOTS (e.g. docs/screenshots, as the README shows them) when that is set.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from haidang.cases import actions as case_actions

from .helpers import demo_records, ingest, source_for

pytestmark = pytest.mark.browser

MAX_BYTES = 300_000


def test_screenshots(page, login, personas, tmp_path):
    ingest(source_for(personas, name="Trang cộng đồng Quảng Trị"), demo_records(40))
    report = case_actions.do_create_report(
        acting_user=personas.bob, url="https://facebook.example/so-y-te-gia-mao/posts/1",
        description="Trang mạo danh Sở Y tế kêu gọi chuyển tiền đăng ký tiêm chủng.", category="impersonation",
        urgency="high", reason="Mạo danh cơ quan nhà nước để lừa đảo.")
    case = case_actions.do_accept_report(report, acting_user=personas.alice,
                                         title="Trang mạo danh Sở Y tế thu tiền tiêm chủng",
                                         participants=[personas.health, personas.police])
    case_actions.do_start_verification(case, acting_user=personas.alice)
    out = Path(os.environ.get("HAIDANG_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    login(page, "alice")
    shots = {
        "dashboard": reverse("dashboard"),
        "feed": reverse("content:feed") + "?q=lua+dao",
        "case": reverse("cases:detail", args=[case.pk]),
    }
    for name, url in shots.items():
        page.goto(url)
        page.wait_for_load_state("load")
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and 10_000 < len(data) < MAX_BYTES, (name, len(data))
    assert page.hd_log.csp_violations() == []
