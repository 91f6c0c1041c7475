"""Every bad input named in the [Ingest] issue gives a clear result and loses nothing good."""

import json
from pathlib import Path

import pytest

from haidang.content.models import Item

from .helpers import file_source, run_ingest

FIXTURES = Path(__file__).resolve().parents[2] / "sources" / "tests" / "fixtures"


def jsonl(path: Path, records) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records),
                    encoding="utf-8")
    return path


def test_a_good_feed_is_imported(personas):
    code, result, _ = run_ingest(str(FIXTURES / "feed.rss"), "--source", "feed")
    assert code == 0
    assert result["read"] == 3 and result["new"] == 3 and result["rejected"] == 0
    item = Item.objects.get(external_id="tin-1")
    assert item.canonical_url == "https://quangtri.example.vn/tin/cau-song-hieu"
    assert item.text == "Sáng nay tỉnh khởi công cầu mới qua sông Hiếu."
    assert item.published_at.isoformat() == "2026-01-05T01:00:00+00:00"
    assert item.language == "vi"
    assert Item.objects.get(external_id="tin-3").published_at is None


def test_an_atom_feed_is_imported(personas):
    code, result, _ = run_ingest(str(FIXTURES / "feed.atom"), "--format", "atom")
    assert code == 0 and result["new"] == 1
    assert Item.objects.get().author_name == "Ban biên tập"


def test_malformed_xml_keeps_what_can_be_read_and_says_so(personas):
    code, result, _ = run_ingest(str(FIXTURES / "malformed.rss"))
    assert code == 0
    assert result["new"] == 2
    assert any("not well-formed" in w["warning"] for w in result["warnings"])
    assert "<" not in Item.objects.get(external_id="b1").text


def test_a_wrong_declared_encoding_is_repaired(personas):
    code, result, _ = run_ingest(str(FIXTURES / "wrong-encoding.rss"))
    assert code == 0 and result["new"] == 1
    item = Item.objects.get(external_id="enc-1")
    assert "\ufffd" not in item.title and "Café" in item.title


def test_an_unknown_encoding_label_is_read(personas):
    code, result, _ = run_ingest(str(FIXTURES / "unknown-encoding.rss"))
    assert code == 0 and result["new"] == 1
    assert Item.objects.get(external_id="unk-1").title == "Một tin"


def test_a_csv_in_utf16_is_decoded(personas, tmp_path):
    path = tmp_path / "posts.csv"
    path.write_bytes("id,text\n1,Cà phê ở Đông Hà rất ngon\n2,Trời mưa to ở Hải Lăng\n".encode("utf-16"))
    code, result, _ = run_ingest(str(path))
    assert code == 0 and result["new"] == 2
    assert Item.objects.get(external_id="1").text == "Cà phê ở Đông Hà rất ngon"


@pytest.mark.parametrize("content", [b"", b"   \n\n"])
def test_an_empty_file_is_a_clear_error(personas, tmp_path, content):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    code, result, error = run_ingest(str(path))
    assert code == 2 and "empty" in error and "\n" not in error


def test_binary_garbage_is_a_clear_error(personas, tmp_path):
    path = tmp_path / "garbage.json"
    path.write_bytes(bytes(range(256)) * 64)
    code, _, error = run_ingest(str(path))
    assert code == 2 and "binary" in error
    assert not Item.objects.exists()


def test_a_missing_file_is_a_clear_error(personas, tmp_path):
    code, _, error = run_ingest(str(tmp_path / "nope.jsonl"))
    assert code == 2 and "no such file" in error


def test_the_command_exits_2_without_a_traceback(personas, tmp_path):
    import subprocess
    import sys

    path = tmp_path / "garbage.bin"
    path.write_bytes(b"\x00\x01\x02" * 1000)
    proc = subprocess.run([sys.executable, "-m", "haidang.cli", "ingest", str(path)], capture_output=True,
                          text=True, timeout=60, env=_env(tmp_path))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert proc.stdout == ""


def _env(tmp_path):
    import os

    env = dict(os.environ)
    env["HAIDANG_VAR"] = str(tmp_path / "var")
    env.pop("DATABASE_URL", None)  # the subprocess has its own throwaway SQLite database
    return env


def test_a_50_mb_feed_is_refused_clearly_and_quickly(personas, tmp_path, settings):
    settings.HAIDANG_FETCH_MAX_BYTES = 10 * 1024 * 1024
    path = tmp_path / "big.rss"
    entry = "<item><title>Tin</title><guid>g{}</guid><description>{}</description></item>"
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Big</title>')
        filler = "Nội dung dài " * 80
        for i in range(50 * 1024 * 1024 // (len(filler.encode()) + 60) + 1):
            fh.write(entry.format(i, filler))
        fh.write("</channel></rss>")
    assert path.stat().st_size >= 50 * 1024 * 1024
    code, _, error = run_ingest(str(path))
    assert code == 2 and "MB" in error and "JSONL" in error


def test_a_50_mb_feed_over_http_is_refused_at_the_cap(personas, loopback, settings):
    from haidang.sources.tests import server as srv

    loopback.routes["/big.rss"] = lambda h: srv.streamed(h, size=50 * 1024 * 1024)
    code, _, error = run_ingest(loopback.url("/big.rss"))
    assert code == 2 and "too large" in error


@pytest.mark.slow
def test_a_feed_with_100k_entries_is_imported_completely(personas, tmp_path):
    path = tmp_path / "many.rss"
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Many</title>')
        for i in range(100_000):
            fh.write(f"<item><title>Tin số {i}</title><guid>m{i}</guid></item>")
        fh.write("</channel></rss>")
    code, result, _ = run_ingest(str(path), "--source", "many")
    assert code == 0
    assert result["read"] == 100_000 and result["new"] == 100_000 and result["rejected"] == 0
    assert Item.objects.filter(source__name="many").count() == 100_000


def test_records_missing_required_fields_are_rejected_with_a_reason(personas, tmp_path):
    path = jsonl(tmp_path / "x.jsonl", [
        {"id": "ok-1", "text": "Bài hợp lệ"},
        {"text": "không có id và url"},
        {"id": "no-text"},
        {"url": "javascript:alert(1)", "text": "url độc"},
        "{not json",
        "[1, 2]",
        {"url": "https://ok.example.vn/2", "title": "Hợp lệ thứ hai"},
    ])
    code, result, _ = run_ingest(str(path))
    assert code == 0
    assert (result["read"], result["new"], result["rejected"]) == (7, 2, 5)
    reasons = {e["record"]: e["error"] for e in result["errors"]}
    assert reasons[2] == "missing required field: id or url"
    assert reasons[3] == "missing required field: text or title"
    assert "not an http(s) URL" in reasons[4]
    assert "not valid JSON" in reasons[5]
    assert "not an object" in reasons[6]


def test_duplicate_ids_within_one_file_are_counted_once(personas, tmp_path):
    path = jsonl(tmp_path / "d.jsonl", [
        {"id": "a", "text": "một"}, {"id": "a", "text": "một (lặp)"}, {"id": "b", "text": "hai"},
        {"url": "https://x.vn/p?utm_source=fb", "text": "ba"}, {"url": "https://X.vn/p#top", "text": "ba lặp"},
    ])
    code, result, _ = run_ingest(str(path))
    assert (result["new"], result["duplicates"]) == (3, 2)
    assert Item.objects.get(external_id="a").text == "một"
    code, again, _ = run_ingest(str(path))
    assert (again["new"], again["updated"], again["duplicates"]) == (0, 0, 5)


def test_unparseable_and_far_future_dates_are_dropped_with_a_warning(personas, tmp_path):
    path = jsonl(tmp_path / "dates.jsonl", [
        {"id": "1", "text": "a", "published_at": "hôm qua lúc nào đó"},
        {"id": "2", "text": "b", "published_at": "2099-01-01T00:00:00Z"},
        {"id": "3", "text": "c", "published_at": "05/03/2025 14:30"},
        {"id": "4", "text": "d", "published_at": "2025-03-05T14:30:00"},
        {"id": "5", "text": "e", "published_at": 1741160000},
    ])
    code, result, _ = run_ingest(str(path))
    assert code == 0 and result["new"] == 5
    assert len(result["warnings"]) == 2
    dates = dict(Item.objects.values_list("external_id", "published_at"))
    assert dates["1"] is None and dates["2"] is None
    # Naive dates are Vietnam time; day first.
    assert dates["3"].isoformat() == "2025-03-05T07:30:00+00:00"
    assert dates["4"] == dates["3"]
    assert dates["5"].tzinfo is not None


def test_hostile_html_becomes_plain_text(personas, tmp_path):
    html = ('<p onclick="steal()">Xin chào <b>Quảng Trị</b></p><script>alert("x")</script>'
            '<iframe src="https://evil.example">khung</iframe><a href="javascript:alert(1)">bấm</a>'
            '<img src=x onerror=alert(1)><style>body{display:none}</style>')
    path = jsonl(tmp_path / "h.jsonl", [{"id": "h1", "text": html, "title": "<i>Tiêu đề</i>"}])
    run_ingest(str(path))
    item = Item.objects.get()
    assert item.title == "Tiêu đề"
    assert "Xin chào Quảng Trị" in item.text and "bấm" in item.text
    for bad in ("<", ">", "alert", "onclick", "javascript", "display:none", "evil.example"):
        assert bad not in item.text


def test_an_article_page_is_extracted_without_markup(personas):
    code, result, _ = run_ingest(str(FIXTURES / "article.html"))
    assert code == 0 and result["new"] == 1
    item = Item.objects.get()
    assert item.title == "Cảnh báo lừa đảo chuyển khoản nhầm"
    assert "không cung cấp mã OTP" in item.text
    for bad in ("<", "alert", "document.cookie", "javascript", "onerror"):
        assert bad not in item.text


def test_csv_rows_with_extra_values_are_rejected(personas, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,text,likes\n1,"Một, hai",5\n2,ba,4,thừa\n3,bốn,không phải số\n', encoding="utf-8")
    code, result, _ = run_ingest(str(path))
    assert (result["new"], result["rejected"]) == (2, 1)
    assert result["errors"][0]["record"] == 3
    assert Item.objects.get(external_id="1").likes == 5
    assert Item.objects.get(external_id="3").likes == 0


def test_file_source_is_reused_by_name(personas, tmp_path):
    source = file_source(personas, name="kho")
    path = jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": "x"}])
    run_ingest(str(path), "--source", "kho")
    assert Item.objects.get().source == source


def test_mojibake_is_repaired(personas, tmp_path):
    path = jsonl(tmp_path / "m.jsonl", [{"id": "1", "text": "Ná»™i dung tá»« Quáº£ng Trá»‹"},
                                        {"id": "2", "text": "Nội dung sạch ở Quảng Trị"}])
    run_ingest(str(path))
    assert Item.objects.get(external_id="1").text == "Nội dung từ Quảng Trị"
    assert Item.objects.get(external_id="2").text == "Nội dung sạch ở Quảng Trị"
