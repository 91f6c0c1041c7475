"""What keeps the alert queue and the dashboard's alert cards cheap with thousands of alerts: the
queue's queries do not grow with the page, each card's URLs are its own, and the dashboard's tiles
by priority are kept a minute per user, then counted again."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haidang.alerts import dashboard as alerts_dashboard
from haidang.alerts import queries
from haidang.alerts.models import Alert, Story


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _alerts(personas, n: int, *, start: int = 0, priority: str = "high") -> list[Alert]:
    now = timezone.now()
    made = []
    for k in range(start, start + n):
        story = Story.objects.create(title=f"Chuyện {k}", first_seen=now, last_seen=now, item_count=k + 2,
                                     source_count=1 + k % 3, dominant_category="scam", max_priority=priority)
        made.append(Alert.objects.create(dedupe_key=f"story:{story.pk}", story=story, title=f"Cảnh báo {k}",
                                         priority=priority, category="scam", reasons=["priority"], details={},
                                         agency=personas.lead, status="open", item_count=story.item_count))
    return made


def _queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_queue_runs_as_many_queries_for_sixty_alerts_as_for_three(personas, django_assert_max_num_queries):
    client = personas.client_for(personas.alice)
    _alerts(personas, 3)
    few = _queries_for(client, reverse("alerts:queue"))
    _alerts(personas, 57, start=3)
    with django_assert_max_num_queries(few):
        assert client.get(reverse("alerts:queue")).status_code == 200


def test_each_card_links_to_its_own_alert_and_story(personas):
    alerts = _alerts(personas, 4)
    body = personas.client_for(personas.alice).get(reverse("alerts:queue"), {"priority": "high"}).content.decode()
    for alert in alerts:
        for action in ("alerts:acknowledge", "alerts:report", "alerts:dismiss"):
            assert f'action="{reverse(action, args=[alert.pk])}"' in body
        assert f'href="{reverse("alerts:story", args=[alert.story_id])}"' in body
        assert f"{alert.story.item_count} items · {alert.story.source_count} source" in body
    # The forms come back to the page they were sent from, filters included.
    assert 'name="next" value="/alerts/?priority=high"' in body


def test_the_dashboard_lists_the_most_serious_alerts_first(personas):
    _alerts(personas, 3, priority="high")
    urgent = _alerts(personas, 2, start=3, priority="urgent")
    top = queries.most_serious(queries.alert_queue(personas.alice), 3)
    assert [a.pk for a in top[:2]] == sorted((a.pk for a in urgent), reverse=True)
    assert [a.pk for a in top] == [a.pk for a in queries.by_priority(queries.alert_queue(personas.alice))[:3]]


def test_the_dashboard_tiles_are_a_minute_old_at_most_and_per_user(personas, monkeypatch):
    _alerts(personas, 2, priority="urgent")
    assert alerts_dashboard._open_by_priority(personas.alice) == {"urgent": 2}
    _alerts(personas, 1, start=2, priority="urgent")
    assert alerts_dashboard._open_by_priority(personas.alice) == {"urgent": 2}  # kept
    # Another officer's figures are their own, never another's cached ones.
    assert alerts_dashboard._open_by_priority(personas.bob) == dict(queries.open_by_priority(personas.bob))
    later = time.time() + alerts_dashboard.COUNTS_CACHE_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert alerts_dashboard._open_by_priority(personas.alice) == {"urgent": 3}
