"""Hostile nesting in a record file: one bad line is rejected with its reason, the rest are kept (#18 item 3)."""

import io

import pytest

from haidang.sources.parsers import BadRecord, Unreadable, detect_format, parse_json, parse_jsonl_stream

DEEP = b"[" * 100_000 + b"]" * 100_000


def test_a_deeply_nested_jsonl_line_is_one_bad_record_and_its_neighbours_are_kept():
    data = b'{"id": "a", "text": "one"}\n{"x": ' + DEEP + b'}\n{"id": "b", "text": "two"}\n'
    records = list(parse_jsonl_stream(io.BufferedReader(io.BytesIO(data))).records)
    assert [r["id"] for r in records if isinstance(r, dict)] == ["a", "b"]
    bad = [r for r in records if isinstance(r, BadRecord)]
    assert len(bad) == 1 and bad[0].number == 2 and "nested too deeply" in bad[0].error


def test_a_deeply_nested_json_file_is_unreadable_in_one_line():
    with pytest.raises(Unreadable, match="nested too deeply"):
        parse_json(DEEP)


def test_format_sniffing_survives_a_deep_first_line():
    assert detect_format("upload", b'{"x": ' + DEEP + b"}") == "json"
