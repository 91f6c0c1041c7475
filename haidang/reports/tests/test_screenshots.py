"""PNG renderings of the first PDF pages for the docs (pdftoppm), on the generated data set.

    HAIDANG_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest haidang/reports/tests/test_screenshots.py
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from haidang.reports import actions, casedocs
from haidang.reports.demo import load
from haidang.reports.pdf import render_pdf

TARGET = os.environ.get("HAIDANG_SCREENSHOTS", "")
pytestmark = pytest.mark.skipif(not TARGET or not shutil.which("pdftoppm"),
                                reason="set HAIDANG_SCREENSHOTS=<folder> (needs pdftoppm)")


def _png(pdf: bytes, name: str, tmp_path) -> None:
    src = tmp_path / f"{name}.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(src),
                    str(Path(TARGET) / name)], check=True)


@pytest.mark.django_db
def test_render_report_pages(dataset, period, tmp_path):
    load()
    report = actions.do_save_periodic_report(
        acting_user=dataset.p.alice, date_from=period[0], date_to=period[1], period_kind="month",
        assessment="Tình hình thông tin trên không gian mạng về địa phương cơ bản ổn định; các vụ giả mạo cơ quan "
                   "nhà nước được phát hiện và xử lý kịp thời.\nĐề xuất UBND tỉnh chỉ đạo các sở, ngành cử cán bộ "
                   "đầu mối và trả lời phản ánh của người dân đúng hạn.")
    Path(TARGET).mkdir(parents=True, exist_ok=True)
    _png(actions.render_periodic(report, "pdf")[1], "report-periodic", tmp_path)
    _png(render_pdf(casedocs.case_conclusion(dataset.closed_case)), "report-case-conclusion", tmp_path)
    _png(actions.render_transparency(period[0], period[1], "pdf")[1], "report-transparency", tmp_path)
