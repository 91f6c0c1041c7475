"""Near-duplicate grouping: reposts join, unrelated texts do not, links merge stories."""

import io

from django.core.management import call_command

from haidang.alerts.actions import do_assign_items
from haidang.alerts.lsh import reset_index
from haidang.alerts.models import Story, StoryItem, StoryMerge
from haidang.alerts.textsig import signature
from haidang.audit.models import AuditEntry

from .helpers import HEALTH, OTHER, SCAM, item, repost, source


def story_of(obj) -> int:
    return StoryItem.objects.get(item=obj).story_id


def test_it_groups_reposts_typed_differently(personas):
    src = source(personas)
    a = item(src, SCAM)
    b = item(src, repost(SCAM))
    from haidang.text.normalize import fold

    c = item(src, fold(SCAM))  # no diacritics
    d = item(src, OTHER)
    do_assign_items([a.pk, b.pk, c.pk, d.pk])
    assert story_of(a) == story_of(b) == story_of(c)
    assert story_of(d) != story_of(a)
    story = Story.objects.get(pk=story_of(a))
    assert story.item_count == 3 and story.source_count == 1
    assert AuditEntry.objects.filter(action="stories.assign").count() == 1  # one row per batch


def test_it_is_incremental_and_idempotent(personas):
    src = source(personas)
    a = item(src, SCAM)
    do_assign_items([a.pk])
    b = item(src, repost(SCAM))
    result = do_assign_items([a.pk, b.pk])
    assert result.assigned == 1 and result.skipped == 1
    assert story_of(a) == story_of(b)
    assert Story.objects.get(pk=story_of(a)).item_count == 2


def test_empty_and_one_word_texts_never_join(personas):
    src = source(personas)
    short = [item(src, t) for t in ["", "ok", "ok", "Hay", "😡", "ok ok", ""]]
    do_assign_items([i.pk for i in short])
    assert len({story_of(i) for i in short}) == len(short)
    assert not signature("ok").joinable


def test_same_canonical_url_joins_at_once(personas):
    src, other = source(personas), source(personas, "other feed")
    a = item(src, HEALTH, url="https://example.vn/tin/1?utm_source=fb")
    b = item(other, "Bài đã được sửa, nội dung hoàn toàn khác hẳn với bản đầu tiên đăng lúc sáng",
             url="https://example.vn/tin/1")
    do_assign_items([a.pk, b.pk])
    assert story_of(a) == story_of(b)
    assert StoryItem.objects.get(item=b).joined_by == "url"
    assert Story.objects.get(pk=story_of(a)).source_count == 2


def test_linked_stories_merge_and_the_merge_is_recorded(personas):
    src = source(personas)
    left = "một hai ba bốn năm sáu bảy tám chín mười mười một mười hai"
    right = "tàu thuyền neo đậu tránh bão số ba tại cửa biển Nhật Lệ an toàn"
    a = item(src, left, url="https://a.example/p/1")
    b = item(src, right, url="https://b.example/p/2")
    do_assign_items([a.pk, b.pk])
    assert story_of(a) != story_of(b)
    # One repost carries both the first one's link and the second one's text.
    c = item(src, right + " nhé", url="https://a.example/p/1")
    do_assign_items([c.pk])
    assert story_of(a) == story_of(b) == story_of(c)
    merge = StoryMerge.objects.get()
    assert merge.linking_item_id == c.pk and merge.items_moved == 1
    survivor = Story.objects.get(pk=story_of(a))
    assert survivor.item_count == 3
    assert Story.objects.get(pk=merge.merged_id).merged_into_id == survivor.pk


def test_very_long_texts_are_capped(personas):
    src = source(personas)
    long_text = " ".join(f"từ{i}" for i in range(50_000))
    a = item(src, long_text)
    do_assign_items([a.pk])
    assert StoryItem.objects.get(item=a).shingle_count < 2000


def test_index_rebuilds_from_the_database(personas, story_index):
    src = source(personas)
    a = item(src, SCAM)
    do_assign_items([a.pk])
    reset_index(None)  # a new process: nothing in memory
    out = io.StringIO()
    call_command("stories", "rebuild-index", "--json", stdout=out)
    assert '"exemplars": 1' in out.getvalue()
    b = item(src, repost(SCAM))
    do_assign_items([b.pk])
    assert story_of(a) == story_of(b)


def test_a_fresh_process_loads_the_index_lazily(personas):
    src = source(personas)
    a = item(src, SCAM)
    do_assign_items([a.pk])
    reset_index(None)
    b = item(src, repost(SCAM))
    do_assign_items([b.pk])
    assert story_of(a) == story_of(b)
