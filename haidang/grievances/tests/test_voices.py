"""Many voices, one grievance: the near-duplicate posts of one complaint (its story) are one grievance."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from haidang.alerts.actions import process_items
from haidang.alerts.models import Story
from haidang.audit.models import AuditEntry
from haidang.grievances import actions
from haidang.grievances.choices import EventType
from haidang.grievances.models import Grievance, GrievanceEvent

from .helpers import ROAD, WARD_CODE, detect, grievance_of, item, repost, seed, source

PLACE = (WARD_CODE, "Phường Đồng Hới")


def _burst(p, capture):
    now = timezone.now()
    fb, forum = source(p, "facebook"), source(p, "forum")
    posts = [
        item(fb, ROAD, url="https://fb.example/posts/1", published_at=now - dt.timedelta(hours=5),
             category="grievance", places=[PLACE]),
        item(forum, repost(ROAD), url="https://forum.example/t/2", published_at=now - dt.timedelta(hours=3),
             category="grievance", places=[PLACE]),
        item(fb, "Ai cũng bức xúc: " + ROAD, url="https://fb.example/posts/3", published_at=now - dt.timedelta(hours=1),
             category="grievance", places=[PLACE]),
    ]
    with capture(execute=True):
        process_items([x.pk for x in posts])
    return posts


@pytest.mark.django_db
def test_duplicates_of_one_complaint_become_one_grievance_with_a_voice_count(
        personas, django_capture_on_commit_callbacks):
    p = personas
    seed(p)
    posts = _burst(p, django_capture_on_commit_callbacks)
    assert Story.objects.live().count() == 1
    g = Grievance.objects.get()
    assert g.voice_count == 3 and g.source_count == 2
    assert g.first_seen_at == posts[0].published_at and g.last_seen_at == posts[2].published_at
    page = p.client_for(p.walter).get(f"/grievances/{g.pk}/").content.decode()
    assert 'data-testid="voice-count">3' in page
    for post in posts:
        assert post.url in page


@pytest.mark.django_db
def test_collecting_again_adds_nothing(personas, django_capture_on_commit_callbacks):
    p = personas
    seed(p)
    posts = _burst(p, django_capture_on_commit_callbacks)
    audit = AuditEntry.objects.filter(action__startswith="grievance.").count()
    assert actions.do_collect_grievances([x.pk for x in posts]) == {"created": 0, "voices_added": 0}
    with django_capture_on_commit_callbacks(execute=True):
        process_items([x.pk for x in posts])
    assert Grievance.objects.get().voice_count == 3
    assert AuditEntry.objects.filter(action__startswith="grievance.").count() == audit


@pytest.mark.django_db
def test_a_later_voice_joins_the_grievance_and_shows_on_its_timeline(personas, django_capture_on_commit_callbacks):
    p = personas
    seed(p)
    first = detect(django_capture_on_commit_callbacks, source(p), ROAD, place=PLACE, url="https://fb.example/p/1")
    later = detect(django_capture_on_commit_callbacks, source(p, "forum"), repost(ROAD), place=PLACE,
                   url="https://forum.example/p/2")
    g = grievance_of(first)
    assert grievance_of(later) == g and g.voice_count == 2
    assert GrievanceEvent.objects.filter(grievance=g, type=EventType.VOICES_ADDED).count() == 1


@pytest.mark.django_db
def test_posts_of_the_story_that_are_not_grievances_are_not_voices(personas, django_capture_on_commit_callbacks):
    p = personas
    fb = source(p)
    complaint = item(fb, ROAD, url="https://fb.example/a", category="grievance", places=[PLACE])
    echo = item(fb, repost(ROAD), url="https://fb.example/b", category="other")
    with django_capture_on_commit_callbacks(execute=True):
        process_items([complaint.pk, echo.pk])
    assert Story.objects.live().count() == 1
    assert Grievance.objects.get().voice_count == 1


@pytest.mark.django_db
def test_the_database_refuses_two_grievances_for_one_story(personas, django_capture_on_commit_callbacks):
    p = personas
    g = grievance_of(detect(django_capture_on_commit_callbacks, source(p), ROAD, place=PLACE))
    copy = Grievance(code="PA-0000-9999", year=0, number=9999, title="copy", story=g.story, agency=g.agency,
                     due_at=g.due_at)
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()


@pytest.mark.django_db
def test_a_merged_storys_grievance_moves_to_the_story_that_absorbed_it(personas, django_capture_on_commit_callbacks):
    from haidang.alerts.models import StoryItem

    p = personas
    first = detect(django_capture_on_commit_callbacks, source(p), ROAD, place=PLACE, url="https://fb.example/m/1")
    g = grievance_of(first)
    # As alerts' merge does it: the older story absorbs the other and its members move over.
    survivor = Story.objects.create(title="survivor", first_seen=g.story.first_seen, last_seen=g.story.last_seen)
    StoryItem.objects.filter(story=g.story).update(story=survivor)
    Story.objects.filter(pk=g.story_id).update(merged_into=survivor)
    later = item(source(p, "forum"), "Một chuyện khác hẳn: " + ROAD, url="https://forum.example/m/2",
                 category="grievance", places=[PLACE])
    StoryItem.objects.create(story=survivor, item=later, source_id=later.source_id, seen_at=later.published_at)
    actions.do_collect_grievances([first.pk, later.pk])
    g.refresh_from_db()
    assert g.story == survivor and g.voice_count == 2
    assert Grievance.objects.count() == 1
