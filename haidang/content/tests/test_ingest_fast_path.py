"""The ingest's fast paths give what the slow ones would: the INSERT of new items bypasses the ORM's
compiler, the folded text is folded word by word through a cache, already-clean text skips the cleaner,
plain links skip urllib's canonicalisation, and ids and content hashes skip steps that change nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import unicodedata
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from haidang.content import ingest, normalize
from haidang.content.models import Item
from haidang.content.tests.helpers import file_source
from haidang.sources import canonical
from haidang.sources.canonical import _canonical_url_full as full_canonical_url
from haidang.text.normalize import fold

TRICKY = [
    "", " ", "  hai  khoảng trắng  ", "Quảng Trị ĐÔNG HÀ đường", "ΟΔΟΣ ΟΔΟΣ σ", "Straße İstanbul",
    "e\u0301 a\u0323\u0302 \u0301đầu", "tab\tvà\nxuống dòng", "😀 ok 👍🏽", "\u200bm\u200bày", "ǅ ǈ Ⅻ ﬁ",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fold_text_is_fold(text):
    assert ingest.fold_text(text) == fold(text)


def test_fold_text_is_fold_on_random_mixtures():
    rng = random.Random(19)
    alphabet = list("aAđĐeEơƠưƯ ΣσςİıßẞǅⅫ\t\n.,-") + ["\u0301", "\u0323", "\u0302", "\u0300", "\u200b", "😀", "ế", "Ỹ"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert ingest.fold_text(text) == fold(text), repr(text)


def _fields(personas, **overrides):
    source = file_source(personas)
    record = {"id": "x1", "url": "https://www.facebook.com/groups/qt/posts/1?utm_source=a&b=2",
              "title": "Tiêu đề", "text": "Người dân phản ánh lừa đảo", "author": "Người dùng",
              "author_handle": "@nd", "published_at": "2026-01-05T08:30:00+07:00", "likes": 3, "shares": 2,
              "comments": 1, "views": 9, "extra": {"nhóm": "QT", "n": [1, 2.5, None]}, **overrides}
    fields = ingest.prepare(record, source=source, now=timezone.now(), warn=lambda m: None)
    fields.pop("_deleted")
    return source, fields


def test_fast_insert_sends_the_values_the_orm_would(personas):
    source, fields = _fields(personas)
    now = timezone.now()
    row = {**fields, "snapshot_id": None, "created_at": now, "updated_at": now, "parent_id": None,
           "deleted_at": None}
    _sql, [params] = ingest.item_rows([dict(row)])
    orm = Item(**row)
    expected = [f.get_db_prep_save(f.pre_save(orm, add=True), connection)
                for f in Item._meta.concrete_fields if not f.primary_key]
    assert [_comparable(v) for v in params] == [_comparable(v) for v in expected]


def _comparable(value):
    # psycopg's Jsonb wrapper has no equality of its own: compare what it wraps.
    if type(value).__name__ in ("Jsonb", "Json") and hasattr(value, "obj"):
        return ("json", value.obj)
    return value


def test_fast_insert_reads_back_as_an_orm_insert(personas):
    from haidang.content.ingest import ingest_records

    source, fields = _fields(personas)
    stats = ingest_records(source, [{"id": "x1", "url": "https://www.facebook.com/groups/qt/posts/1?utm_source=a&b=2",
                                     "title": "Tiêu đề", "text": "Người dân phản ánh lừa đảo", "author": "Người dùng",
                                     "author_handle": "@nd", "published_at": "2026-01-05T08:30:00+07:00", "likes": 3,
                                     "shares": 2, "comments": 1, "views": 9,
                                     "extra": {"nhóm": "QT", "n": [1, 2.5, None]}}])
    assert stats.new == 1 and stats.item_ids == [Item.objects.get(external_id="x1").pk]
    fast = Item.objects.get(external_id="x1")
    other = file_source(personas, name="orm")
    [orm] = Item.objects.bulk_create([Item(**{**fields, "source_id": other.pk, "created_at": fast.created_at,
                                              "updated_at": fast.updated_at, "fetched_at": fast.fetched_at})])
    orm.refresh_from_db()
    skip = {"id", "source"}
    for f in Item._meta.concrete_fields:
        if f.name not in skip:
            assert getattr(fast, f.attname) == getattr(orm, f.attname), f.name
    assert fast.published_at == dt.datetime(2026, 1, 5, 1, 30, tzinfo=dt.UTC)


def test_items_without_an_id_get_their_ids_back_by_url(personas):
    from haidang.content.ingest import ingest_records

    source = file_source(personas)
    records = [{"url": f"https://baoquangtri.example.vn/tin-{i}.htm", "text": f"tin {i}"} for i in range(5)]
    records.append({"id": "có-id", "text": "một bài có id"})
    stats = ingest_records(source, records)
    assert stats.new == 6
    assert sorted(stats.item_ids) == sorted(Item.objects.filter(source=source).values_list("pk", flat=True))
    again = ingest_records(source, records)
    assert (again.new, again.duplicates) == (0, 6)


# --- Shortcuts in cleaning and canonical URLs: the same results as the full passes -------------------------

CLEANING_TRICKY = [
    "", " ", "a", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u3000b", "dòng 1\ndòng 2", "a\n\nb", "a\n\n\nb",
    "a \nb", "a\n b", "\na", "a\n", "a\r\nb", "a\rb", "x & y", "&amp;", "a < b", "a > b", "<b>đậm</b>", "a<b>c",
    "Ti\u00e1\u00bbng Vi\u00e1\u00bb\u2021t", "cafe\u0301", "Quảng Trị", "Qua\u0309ng", "\u200bẩn", "a\u202eb",
    "\ufeffBOM", "ﬁ ligature", "\x00nul", "del\x7f", "em\u2003space", "\u2028line", "x\u2029y", "a\x85b",
    "a\x1cb", "Â€™", "â€œquoted", "Ã©té", "Ä‘ường", "tab\t", "😀 ok", "\ud800", "private\ue000", "\u0378unassigned",
]


def _plain_clean_text(value):
    return normalize._clean_text(str(value))


@pytest.mark.parametrize("text", CLEANING_TRICKY)
def test_already_clean_text_is_kept_as_is(text):
    if "\ud800" in text:  # ingest refuses lone surrogates before cleaning; the shortcut must still not take them
        assert not normalize._already_clean(text)
        return
    assert normalize.clean_text(text) == _plain_clean_text(text)


def test_already_clean_text_is_kept_as_is_on_random_mixtures():
    rng = random.Random(1902)
    alphabet = list("aAđĐêÊơưáâ é\n\t\r&<>;#") + [
        "\u00a0", "\u3000", "\u200b", "\u202e", "\ufeff", "\x00", "\x1f", "\x7f", "\u0301", "\u0323", "\u2003",
        "\u2028", "\u00c3", "\u00a9", "\u00ba", "\u20ac", "\u00e2", "\u00e1", "\u00bb", "\u2019", "😀", "ﬁ", "Ω", "\x85",
    ]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert normalize.clean_text(text) == _plain_clean_text(text), repr(text)


def test_bench_texts_take_the_shortcut():
    rng = random.Random(44)
    words = "người dân Quảng Trị phản ánh đường sá ngập nước chuyển khoản nhầm Đông Hà".split()
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 40))).capitalize() + "."
        assert normalize._already_clean(text)
        assert normalize._clean_text(text) == text


PLAIN_MOJIBAKE = re.compile("[\u00c2-\u00c6][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]|[\u00e1\u00e2][\u00ba\u00bb\u20ac]")


def test_mojibake_pattern_is_the_plain_one():
    rng = random.Random(7)
    leads = [chr(c) for c in range(0xC0, 0xE8)]
    follows = ([chr(c) for c in range(0x7E, 0xC2)] + [chr(c) for c in range(0x150, 0x195)]
               + [chr(c) for c in range(0x2C4, 0x2DE)] + [chr(c) for c in range(0x2010, 0x2125)] + list("aá â"))
    for lead in leads:
        for follow in follows:
            pair = lead + follow
            assert bool(normalize._MOJIBAKE.search(pair)) == bool(PLAIN_MOJIBAKE.search(pair)), repr(pair)
    alphabet = leads[::3] + follows[::5] + list("ab ")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert bool(normalize._MOJIBAKE.search(text)) == bool(PLAIN_MOJIBAKE.search(text)), repr(text)


URL_TRICKY = [
    "", "https://www.facebook.com/groups/qt/posts/1?fbclid=x1&utm_source=fb",
    "https://www.facebook.com/groups/qt/posts/1", "HTTPS://WWW.Example.VN/Tin-1.htm?utm_source=rss",
    "https://example.vn", "https://example.vn?", "https://example.vn/?", "https://example.vn#", "https://example.vn/#top",
    "https://example.vn/a?b=2&a=1&utm_medium=x#frag?x=1", "https://example.vn/a?a=2&a=1&b", "https://example.vn/?=x",
    "https://example.vn/?a=b=c", "https://example.vn/?a=%20", "https://example.vn/?a=x+y", "https://example.vn/?UTM_Source=x",
    "https://example.vn/?Fbclid=1&FBCLID=2&fbclid", "https://example.vn/?a&&b=&", "https://example.vn/?__cft__[0]=x",
    "https://example.vn/?hsa_cam=1&si=2&s=3", "https://example.vn/?q=~a.b-c_d", "https://example.vn/%7Ea?x=%7E",
    "https://example.vn./a", "https://example.vn:443/a", "https://example.vn:8080/a", "https://example.vn:/a",
    "https://example.vn:x/a", "https://user:pw@example.vn/a", "https://[::1]/a", "https://[::1/a",
    "http://127.0.0.1/a", "https:///a", "https:/a", "https:a", "//example.vn/a", "ftp://example.vn/a",
    "javascript:alert(1)", "data:text/html,x", "https://ví-dụ.vn/a", "https://example.vn/đường", "https://exa mple.vn/",
    " https://example.vn/a ", "\thttps://example.vn/a", "https://exa\tmple.vn/a", "https://example.vn/a\nb",
    "https://example.vn/a b", "https://example.vn/a?b=c d", "https://-/", "https://a..b/", "https://.a/",
    "https://example.vn\\evil.com/", "https://example.vn/?a=1;b=2", "hTtP://Example.vn/A/B/?z=1&y=2",
    "https://example.vn/?" + "&".join(f"p{i}={i}" for i in range(30)), "https://ex\x7fample.vn/",
]


@pytest.mark.parametrize("url", URL_TRICKY)
def test_canonical_url_shortcut_is_the_full_function(url):
    assert canonical.canonical_url(url) == full_canonical_url(url)


def test_canonical_url_shortcut_is_the_full_function_on_random_links():
    rng = random.Random(2026)
    schemes = ["http", "https", "HTTPS", "hTTp", "ftp", "", "https:", "http:/"]
    hosts = ["example.vn", "WWW.Example.VN", "a.b.c", "ex.vn.", "ex.vn:443", "ex.vn:80", "ex.vn:99999", "u@ex.vn",
             "[::1]", "ví.vn", "", "-", "a_b.vn", "ex.vn:"]
    names = ["a", "b", "A", "utm_source", "UTM_campaign", "fbclid", "gclid", "si", "ref", "x.y", "~", "%61", "a+b", "",
             "__cft__", "hsa_x", "mc_eid"]
    values = ["", "1", "x", "a b", "a+b", "%20", "~", "é", "=", "a.b-c_d", "/", "?"]
    path_chars = list("abAB/.-_~%20?#&=+; é")
    # Half the links are made of plain parts only, so that the shortcut itself is what gets tested.
    plain = {"schemes": schemes[:4], "hosts": hosts[:3] + ["a_b.vn", "-"], "names": names[:11] + ["__cft__", "hsa_x"],
             "values": ["", "1", "x", "~", "a.b-c_d", "Z9"], "path_chars": list("abAB/.-_~:@!$'()*,;=")}
    wide = {"schemes": schemes, "hosts": hosts, "names": names, "values": values, "path_chars": path_chars}
    shortcut = 0
    for i in range(6000):
        parts = plain if i % 2 else wide
        path = "".join(rng.choice(parts["path_chars"]) for _ in range(rng.randint(0, 8)))
        if path and path[0] not in "/?#" and rng.random() < 0.8:
            path = "/" + path
        pieces = []
        for _ in range(rng.randint(0, 4)):
            name, value = rng.choice(parts["names"]), rng.choice(parts["values"])
            pieces.append(rng.choice([f"{name}={value}", f"{name}={value}", name, "", f"{name}={value}={value}"]))
        query = ("?" + "&".join(pieces)) if pieces or rng.random() < 0.2 else ""
        fragment = rng.choice(["", "", "#", "#top", "#a?b=c"])
        url = f"{rng.choice(parts['schemes'])}://{rng.choice(parts['hosts'])}{path}{query}{fragment}"
        with mock.patch.object(canonical, "_canonical_url_full", wraps=full_canonical_url) as full:
            got = canonical.canonical_url(url)
        shortcut += not full.called
        assert got == full_canonical_url(url), repr(url)
    assert shortcut > 1500  # the plain half mostly goes the short way


def test_clean_id_shortcut_is_the_pattern():
    rng = random.Random(5)
    alphabet = list("ab-_ 1") + ["\x00", "\n", "\t", "\x7f", "\u200b", "\u202e", "\ufeff", "\u2003", "\u00a0", "é", "\u061c"]
    for _ in range(3000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert normalize.clean_id(value) == normalize._ID_CONTROL.sub("", value).strip(), repr(value)


def _plain_content_hash(title, text):
    basis = " ".join(unicodedata.normalize("NFC", text or title).casefold().split())
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def test_content_hash_shortcut_is_the_plain_hash():
    rng = random.Random(11)
    alphabet = list("aAßẞİΣ đĐ\n\t") + ["\u00a0", "\u2003", "\u200b", "\u0301", "ﬁ", "\u2028", "\x85", "\x1c", "ǅ"]
    cases = [("", ""), ("Tiêu đề", ""), ("", " a "), ("", "a  b"), ("x", "Người dân phản ánh.")]
    for _ in range(3000):
        cases.append(("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))),
                      "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))))
    for title, text in cases:
        assert normalize.content_hash(title, text) == _plain_content_hash(title, text), repr((title, text))
