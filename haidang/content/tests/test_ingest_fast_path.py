"""The ingest's fast paths give what the slow ones would: the INSERT of new items bypasses the ORM's
compiler, and the folded text is folded word by word through a cache."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.db import connection
from django.utils import timezone

from haidang.content import ingest
from haidang.content.models import Item
from haidang.content.tests.helpers import file_source
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
