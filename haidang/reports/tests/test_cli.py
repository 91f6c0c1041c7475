"""`haidang report periodic|transparency`: the same files as the UI; bad input exits 2 with one line."""

import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document


@pytest.mark.django_db
def test_periodic_docx_and_transparency_csv_from_the_command_line(dataset, period, tmp_path):
    out = tmp_path / "bc.docx"
    call_command("report", "periodic", "--from", period[0].isoformat(), "--to", period[1].isoformat(),
                 "--format", "docx", "--out", str(out), stdout=io.StringIO())
    text = "\n".join(c.text for t in Document(str(out)).tables for c in t._cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    csv_out = tmp_path / "mb.csv"
    call_command("report", "transparency", "--from", period[0].isoformat(), "--to", period[1].isoformat(),
                 "--format", "csv", "--out", str(csv_out), stdout=io.StringIO())
    body = csv_out.read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = body.decode("utf-8-sig").splitlines()
    assert rows[0] == "Kết quả,Phân theo,Giá trị,Số lượng"
    assert "Yêu cầu gỡ bỏ đã gửi,Tổng số,,1" in rows  # the confidential case's removal is not counted
    assert dataset.secret_case.code not in body.decode("utf-8-sig")


@pytest.mark.django_db
@pytest.mark.parametrize("argv", [
    ["periodic", "--from", "2026-13-01", "--to", "2026-12-31", "--format", "docx", "--out", "x.docx"],
    ["periodic", "--from", "2026-12-31", "--to", "2026-01-01", "--format", "docx", "--out", "x.docx"],
    ["periodic", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "html", "--out", "x.html"],
    ["transparency", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "docx", "--out", "x.docx"],
    ["weekly", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "docx", "--out", "x.docx"],
    ["periodic", "--to", "2026-01-31", "--format", "docx", "--out", "x.docx"],
])
def test_bad_input_is_one_line_and_exit_2(argv, personas):
    with pytest.raises(CommandError) as info:
        call_command("report", *argv)
    assert info.value.returncode == 2 and "\n" not in str(info.value)


def test_the_console_script_exits_2_with_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "haidang.cli", "report", "periodic", "--from", "yesterday",
                             "--to", "2026-01-31", "--format", "docx", "--out", str(tmp_path / "x.docx")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--from" in result.stderr
