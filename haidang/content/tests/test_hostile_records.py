"""Issue #18: wrong types, hostile characters and absurd values in single records are rejected or
warned about per record; the pipeline never loses the good records around them."""

import pytest
from django.db import DataError

from haidang.content import ingest
from haidang.content.models import Item

from .helpers import file_source, run_ingest


def run(personas, records):
    return ingest.ingest_records(file_source(personas), records)


@pytest.mark.parametrize("bad", [
    {"id": "t", "text": ["a", "b"]},
    {"id": "t", "title": {"k": "v"}},
    {"id": "t", "text": "ok", "author": ["Nguyễn", "A"]},
    {"id": {"nested": 1}, "text": "ok"},
    {"url": ["https://x.example.vn/"], "text": "ok"},
], ids=["text list", "title object", "author list", "id object", "url list"])
def test_a_field_of_the_wrong_type_is_rejected_not_stringified(personas, bad):
    stats = run(personas, [{"id": "ok", "text": "tốt"}, bad])
    assert (stats.new, stats.rejected) == (1, 1)
    assert stats.errors[0]["record"] == 2 and "must be a string" in stats.errors[0]["error"]
    assert not Item.objects.filter(text__startswith="[").exists()
    assert not Item.objects.filter(title__startswith="{").exists()


def test_numeric_ids_are_still_accepted(personas):
    stats = run(personas, [{"id": 12345, "text": "số", "parent_id": 7}])
    assert stats.new == 1 and Item.objects.get().external_id == "12345"


@pytest.mark.parametrize(("value", "deleted"), [
    (False, False), ("false", False), ("False", False), ("0", False), (0, False), ("", False),
    (True, True), ("true", True), ("1", True), (1, True),
])
def test_deleted_accepts_booleans_and_their_usual_spellings(personas, value, deleted):
    source = file_source(personas)
    ingest.ingest_records(source, [{"id": "1", "text": "bài"}])
    stats = ingest.ingest_records(source, [{"id": "1", "text": "bài", "deleted": value}])
    assert stats.rejected == 0
    assert (Item.objects.get().deleted_at is not None) is deleted


@pytest.mark.parametrize("value", ["maybe", "no thanks", 2, [True], {"x": 1}])
def test_deleted_with_any_other_value_is_rejected(personas, value):
    stats = run(personas, [{"id": "1", "text": "bài", "deleted": value}])
    assert stats.rejected == 1 and "deleted" in stats.errors[0]["error"]
    assert not Item.objects.exists()


def test_ids_longer_than_255_characters_are_rejected_not_merged(personas):
    base = "x" * 255
    stats = run(personas, [{"id": base + "A", "text": "một"}, {"id": base + "B", "text": "hai"},
                           {"id": base, "text": "ba"}])
    assert (stats.new, stats.rejected, stats.duplicates) == (1, 2, 0)
    assert all("255" in e["error"] for e in stats.errors)
    assert Item.objects.get().external_id == base


def test_a_title_over_2000_characters_is_cut_with_a_warning(personas):
    stats = run(personas, [{"id": "1", "title": "t" * 2500, "text": "x"}])
    assert stats.new == 1 and len(Item.objects.get().title) == 2000
    assert stats.warnings[0]["record"] == 1 and "2000" in stats.warnings[0]["warning"]


def test_bidi_controls_are_stripped_from_titles_authors_and_text(personas):
    bidi = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    run(personas, [{"id": "1", "title": f"Tin{bidi} nóng", "author": f"\u202eAdmin{bidi}", "text": f"a{bidi}b",
                    "author_handle": "\u2066handle\u2069"}])
    item = Item.objects.get()
    assert (item.title, item.author_name, item.text, item.author_handle) == ("Tin nóng", "Admin", "ab", "handle")


def test_nul_bytes_are_stripped_from_ids_and_extra(personas):
    run(personas, [{"id": "a\x00b", "text": "x", "extra": {"k\x00ey": "v\x00al", "list": ["\x00x", {"d": "\x00"}]},
                    "parent_id": "p\x00"}])
    item = Item.objects.get()
    assert item.external_id == "ab"
    assert item.extra == {"key": "val", "list": ["x", {"d": ""}], "parent_id": "p"}


@pytest.mark.parametrize("field", ["text", "title", "id", "author", "url", "author_handle", "html"])
def test_a_lone_surrogate_rejects_the_record(personas, field):
    record = {"id": "s", "text": "chữ"}
    record[field] = "https://x.example.vn/\ud800" if field == "url" else "lẻ \ud800"
    if field == "html":
        record["text"] = ""
    stats = run(personas, [{"id": "ok", "text": "tốt"}, record])
    assert (stats.new, stats.rejected) == (1, 1) and "surrogate" in stats.errors[0]["error"]


def test_a_lone_surrogate_in_extra_rejects_the_record(personas):
    stats = run(personas, [{"id": "s", "text": "x", "extra": {"a": ["\udc80"]}}])
    assert stats.rejected == 1 and "surrogate" in stats.errors[0]["error"]


@pytest.mark.parametrize("value", [10**400, "9" * 5000, "1" * 30, 2**70, "2026-" + "1" * 5000],
                         ids=["huge int", "5000 digits", "30 digits", "2**70", "long garbage"])
def test_absurd_dates_are_kept_without_a_date_and_warned(personas, value):
    stats = run(personas, [{"id": "1", "text": "x", "published_at": value}])
    assert stats.new == 1 and len(stats.warnings) == 1
    assert Item.objects.get().published_at is None


@pytest.mark.parametrize("value", [10**5000, "9" * 5000, [[["x"]]]], ids=["5001-digit int", "5000 digits", "list"])
def test_absurd_engagement_numbers_become_zero_with_a_warning(personas, value):
    stats = run(personas, [{"id": "1", "text": "x", "likes": value}])
    assert stats.new == 1 and Item.objects.get().likes == 0 and len(stats.warnings) == 1


def test_a_record_the_database_refuses_is_rejected_alone(personas, monkeypatch):
    """A record that passes validation but fails at the database must not take its batch with it."""
    real = ingest._insert_new

    def picky(source, rows):
        if any(r["text"] == "boom" for r in rows):
            raise DataError("value too long for the column")
        return real(source, rows)

    monkeypatch.setattr(ingest, "_insert_new", picky)
    records = [{"id": f"r{i}", "text": "boom" if i == 7 else f"bài {i}"} for i in range(20)]
    stats = ingest.ingest_records(file_source(personas), records, batch_size=10)
    assert (stats.new, stats.rejected) == (19, 1)
    assert stats.errors == [{"record": 8, "error": stats.errors[0]["error"]}]
    assert "could not be stored" in stats.errors[0]["error"]
    assert Item.objects.count() == 19


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "127.1"])
def test_ingest_of_a_numeric_or_short_ip_url_exits_2_with_one_line(personas, host):
    code, result, error = run_ingest(f"http://{host}:8765/items.json")
    assert code == 2 and result is None
    assert error and "\n" not in error and host in error
