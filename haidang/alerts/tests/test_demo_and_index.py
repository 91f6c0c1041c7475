"""The demo is idempotent; two index instances (two consumers) share what was committed."""

from haidang.alerts.actions import do_assign_items
from haidang.alerts.lsh import StoryIndex
from haidang.alerts.models import Alert, RoutingRule, Story, StoryItem

from .helpers import SCAM, item, repost, source


def test_a_second_consumer_sees_the_first_ones_stories(personas, story_index, settings):
    src = source(personas)
    a = item(src, SCAM)
    do_assign_items([a.pk], index=story_index)
    other = StoryIndex(redis_url=settings.REDIS_URL or None, basename=settings.HAIDANG_STORIES["REDIS_PREFIX"])
    assert other.shared == bool(settings.REDIS_URL)
    b = item(src, repost(SCAM))
    do_assign_items([b.pk], index=other)
    assert StoryItem.objects.get(item=a).story_id == StoryItem.objects.get(item=b).story_id


def test_demo_is_idempotent(db):
    from haidang.agencies import demo as agencies_demo
    from haidang.alerts import demo
    from haidang.content import demo as content_demo
    from haidang.sources import demo as sources_demo

    agencies_demo.load()
    sources_demo.load()
    content_demo.load()
    first = demo.load()
    assert RoutingRule.objects.count() >= 8 and Story.objects.exists()
    assert first.get("stories", 0) > 0
    alerts, stories = Alert.objects.count(), Story.objects.count()
    assert demo.load() == {}
    assert (Alert.objects.count(), Story.objects.count()) == (alerts, stories)
