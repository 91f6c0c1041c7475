"""The lead coordinator produces the monthly report on /reports/ and downloads it (issue #14)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

pytestmark = pytest.mark.browser


def test_lead_coordinator_produces_the_monthly_report_and_downloads_it(page, login, personas):
    login(page, "alice", next_url="/reports/")
    page.goto("/reports/")
    page.get_by_test_id("periodic-new").click()
    page.fill("#id_assessment", "Tình hình cơ bản ổn định.\nĐề xuất tăng cường phối hợp với các nền tảng.")
    page.get_by_test_id("periodic-produce-docx").click()
    page.wait_for_url("**/reports/jobs/*/")
    # Huey runs the job at once in tests; in production the page polls until the link appears.
    link = page.get_by_test_id("job-download")
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.startswith("bao-cao-") and download.suggested_filename.endswith(".docx")
    doc = Document(io.BytesIO(Path(download.path()).read_bytes()))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(c.text for t in doc.tables for c in t._cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Đề xuất tăng cường phối hợp" in text
    assert not page.hd_log.csp_violations() and not page.hd_log.page_errors
