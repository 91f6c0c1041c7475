"""The alerts screens through the test client: the queue's tabs, filters and grouping; the action
forms; the story page (chart, items, sources, growth, merges, alert); the stories list; the
dashboard cards. Access rules are in test_views.py; these check what each screen shows and does."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from haidang.alerts.actions import do_acknowledge_alert, process_items
from haidang.alerts.demo import seed_routing_rules
from haidang.alerts.models import Alert, Story, StoryMerge
from haidang.cases.models import Report

from .helpers import HEALTH, SCAM, item, repost, source


@pytest.fixture
def alerts(personas):
    """Two stories routed to the police (scam, high), one to health (urgent watch-list hit)."""
    seed_routing_rules()
    src = source(personas)
    press = source(personas, name="Báo tỉnh")
    press.is_press = True
    press.save(update_fields=["is_press"])
    a = item(src, SCAM, category="scam", priority="high", places=[("18880", "Phường Đồng Hới")],
             url="https://fb.example/posts/1")
    b = item(press, repost(SCAM), category="scam", priority="high")
    b.is_press = True
    b.save(update_fields=["is_press"])
    other = ("Cảnh báo lừa đảo mới: đối tượng mạo danh công an gọi điện thông báo liên quan vụ án ma túy "
             "và yêu cầu nạn nhân chuyển toàn bộ tiền tiết kiệm vào tài khoản tạm giữ")
    c = item(src, other, category="scam", priority="medium")
    d = item(src, repost(other), category="scam", priority="medium")
    e = item(src, HEALTH, category="misinformation", priority="high", subtopic="health")
    f = item(src, repost(HEALTH), category="misinformation", priority="high", subtopic="health")
    process_items([x.pk for x in (a, b, c, d, e, f)])
    return {"scam": Alert.objects.get(story__memberships__item=a),
            "health": Alert.objects.get(story__memberships__item=e)}


def _body(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_queue_shows_reason_agency_story_and_places(personas, alerts):
    body = _body(personas.client_for(personas.peter).get(reverse("alerts:queue")))
    scam = alerts["scam"]
    assert f'data-alert-id="{scam.pk}"' in body
    assert 'data-reason="priority"' in body and "priority at or above the threshold" in body
    assert "CAT" in body and "Phường Đồng Hới" in body and "scam / fraud" in body
    assert "2 items" in body and "2 sources" in body
    # The police officer does not see the health department's alert.
    assert f'data-alert-id="{alerts["health"].pk}"' not in body
    # Action forms are there, with a required reason for dismissal.
    assert reverse("alerts:acknowledge", args=[scam.pk]) in body
    assert f'id="dismiss-reason-{scam.pk}" name="reason" rows="2" maxlength="2000" required' in body


def test_queue_groups_by_priority_most_serious_first(personas, alerts):
    body = _body(personas.client_for(personas.alice).get(reverse("alerts:queue")))
    # The lead agency sees both high alerts (the medium one stays in the police queue).
    assert body.count("data-alert-id=") == 2
    assert 'data-priority-group="high"' in body


def test_queue_status_tabs_and_filters(personas, alerts):
    client = personas.client_for(personas.peter)
    scam = alerts["scam"]
    do_acknowledge_alert(scam, acting_user=personas.peter)
    active = _body(client.get(reverse("alerts:queue")))
    assert f'data-alert-id="{scam.pk}"' in active  # acknowledged is still "to handle"
    new = _body(client.get(reverse("alerts:queue"), {"status": "open"}))
    assert f'data-alert-id="{scam.pk}"' not in new
    acked = _body(client.get(reverse("alerts:queue"), {"status": "acknowledged"}))
    assert f'data-alert-id="{scam.pk}"' in acked and 'data-alert-status="acknowledged"' in acked
    assert _body(client.get(reverse("alerts:queue"), {"status": "dismissed"})).count("data-alert-id=") == 0
    by_priority = _body(client.get(reverse("alerts:queue"), {"priority": "urgent"}))
    assert "data-alert-id=" not in by_priority and 'id="alert-empty"' in by_priority
    by_reason = _body(client.get(reverse("alerts:queue"), {"reason": "spike"}))
    assert "data-alert-id=" not in by_reason
    assert f'data-alert-id="{scam.pk}"' in _body(client.get(reverse("alerts:queue"), {"reason": "priority"}))
    # Nonsense parameters fall back to the defaults instead of failing.
    assert _body(client.get(reverse("alerts:queue"), {"status": "x", "priority": "y", "agency": "z"}))


def test_queue_agency_filter_for_the_lead_agency(personas, alerts):
    client = personas.client_for(personas.alice)
    body = _body(client.get(reverse("alerts:queue"), {"agency": str(personas.police.pk)}))
    assert f'data-alert-id="{alerts["scam"].pk}"' in body
    assert f'data-alert-id="{alerts["health"].pk}"' not in body
    assert "data-alert-id=" not in _body(client.get(reverse("alerts:queue"), {"agency": "mine"}))


def test_viewer_sees_alerts_without_action_forms(personas, alerts):
    body = _body(personas.client_for(personas.vera).get(reverse("alerts:queue")))
    assert f'data-alert-id="{alerts["scam"].pk}"' in body
    assert "data-alert-action=" not in body


def test_acknowledge_through_the_queue_form_returns_to_the_page(personas, alerts):
    scam = alerts["scam"]
    client = personas.client_for(personas.peter)
    r = client.post(reverse("alerts:acknowledge", args=[scam.pk]), {"next": "/alerts/?status=open"})
    assert r.status_code == 302 and r.url == "/alerts/?status=open"
    scam.refresh_from_db()
    assert scam.status == "acknowledged"
    # Twice is refused with a message, not an error page.
    r = client.post(reverse("alerts:acknowledge", args=[scam.pk]))
    assert r.status_code == 302
    assert any("Only an open alert" in str(m) for m in get_messages(r.wsgi_request))


def test_dismiss_without_a_reason_is_refused_with_a_message(personas, alerts):
    scam = alerts["scam"]
    client = personas.client_for(personas.peter)
    r = client.post(reverse("alerts:dismiss", args=[scam.pk]), {"reason": "   "})
    assert r.status_code == 302
    assert any("Say why" in str(m) for m in get_messages(r.wsgi_request))
    scam.refresh_from_db()
    assert scam.status == "open" and not scam.dismiss_reason
    client.post(reverse("alerts:dismiss", args=[scam.pk]), {"reason": "Tin cũ"})
    scam.refresh_from_db()
    assert scam.status == "dismissed" and scam.handled_by == personas.peter
    body = _body(client.get(reverse("alerts:queue"), {"status": "dismissed"}))
    assert 'data-alert-outcome="dismissed"' in body and "Tin cũ" in body


def test_report_from_the_story_page(personas, alerts):
    scam = alerts["scam"]
    client = personas.client_for(personas.peter)
    story_url = reverse("alerts:story", args=[scam.story_id])
    r = client.post(reverse("alerts:report", args=[scam.pk]), {"reason": "", "next": story_url})
    assert r.status_code == 302 and r.url == story_url
    scam.refresh_from_db()
    assert scam.status == "reported" and Report.objects.filter(pk=scam.report_id).exists()
    body = _body(client.get(story_url))
    assert 'data-alert-outcome="reported"' in body
    assert reverse("cases:report_detail", args=[scam.report_id]) in body


def test_next_must_be_a_local_path(personas, alerts):
    r = personas.client_for(personas.peter).post(reverse("alerts:acknowledge", args=[alerts["scam"].pk]),
                                                 {"next": "https://evil.example/"})
    assert r.status_code == 302 and r.url == reverse("alerts:queue")
    r = personas.client_for(personas.peter).post(reverse("alerts:dismiss", args=[alerts["scam"].pk]),
                                                 {"reason": "x", "next": "//evil.example/"})
    assert r.url == reverse("alerts:queue")


def test_actions_refuse_get(personas, alerts):
    client = personas.client_for(personas.peter)
    for name in ("acknowledge", "dismiss", "report"):
        assert client.get(reverse(f"alerts:{name}", args=[alerts["scam"].pk])).status_code == 405


def test_anonymous_is_sent_to_log_in_and_nothing_changes(personas, alerts):
    client = Client()
    for url in (reverse("alerts:queue"), reverse("alerts:stories"),
                reverse("alerts:story", args=[alerts["scam"].story_id])):
        r = client.get(url)
        assert r.status_code == 302 and reverse("login") in r.url
    for name in ("acknowledge", "dismiss", "report"):
        r = client.post(reverse(f"alerts:{name}", args=[alerts["scam"].pk]), {"reason": "x"})
        assert r.status_code == 302 and reverse("login") in r.url
    alerts["scam"].refresh_from_db()
    assert alerts["scam"].status == "open"


def test_story_page(personas, alerts):
    scam = alerts["scam"]
    story = scam.story
    body = _body(personas.client_for(personas.peter).get(reverse("alerts:story", args=[story.pk])))
    assert 'class="hd-chart hd-line-chart"' in body  # the shared spread chart
    for membership in story.memberships.all():
        assert reverse("content:item", args=[membership.item_id]) in body
    assert "Báo tỉnh" in body and "data-press" in body
    assert 'data-figure="growth-1h"' in body and 'data-figure="growth-24h"' in body
    assert "Phường Đồng Hới" in body and "hd-bar-chart" in body
    assert f'data-alert-id="{scam.pk}"' in body and 'data-alert-action="dismiss"' in body
    assert "This story has not absorbed another one." in body


def test_story_page_lists_merges_and_redirects_merged_stories(personas, alerts):
    into = alerts["scam"].story
    merged = Story.objects.create(title="cũ", first_seen=timezone.now(), last_seen=timezone.now(),
                                  merged_into=into)
    StoryMerge.objects.create(into=into, merged=merged, items_moved=3)
    client = personas.client_for(personas.peter)
    body = _body(client.get(reverse("alerts:story", args=[into.pk])))
    assert f"Story #{merged.pk} merged in (3 items)" in body
    r = client.get(reverse("alerts:story", args=[merged.pk]))
    assert r.status_code == 302 and r.url == reverse("alerts:story", args=[into.pk])


def test_story_page_of_a_long_story_counts_per_day(personas, alerts):
    story = alerts["scam"].story
    story.memberships.update(seen_at=timezone.now() - dt.timedelta(days=6))
    story.first_seen = timezone.now() - dt.timedelta(days=6)
    story.save(update_fields=["first_seen"])
    body = _body(personas.client_for(personas.peter).get(reverse("alerts:story", args=[story.pk])))
    assert "Items per day" in body and "hd-line-chart" in body


def test_story_page_without_an_alert_for_this_agency(personas, alerts):
    # charlie's agency takes no part: he sees the story (public items) but not the police's alert.
    body = _body(personas.client_for(personas.charlie).get(reverse("alerts:story", args=[alerts["scam"].story_id])))
    assert "data-alert-id=" not in body and 'id="story-alert"' in body


def test_stories_list_filters_and_sorts(personas, alerts):
    client = personas.client_for(personas.peter)
    body = _body(client.get(reverse("alerts:stories")))
    assert body.count("data-story-id=") == 3
    assert 'data-story-alert="open"' in body
    health = _body(client.get(reverse("alerts:stories"), {"category": "misinformation"}))
    assert health.count("data-story-id=") == 1
    assert _body(client.get(reverse("alerts:stories"), {"priority": "urgent"})).count("data-story-id=") == 0
    for sort in ("recent", "items", "growth", "engagement", "bogus"):
        assert _body(client.get(reverse("alerts:stories"), {"sort": sort, "days": "1"})).count("data-story-id=") == 3


def test_dashboard_cards(personas, alerts):
    body = _body(personas.client_for(personas.peter).get(reverse("dashboard")))
    assert 'id="dashboard-alerts"' in body and 'id="dashboard-stories"' in body
    assert 'data-open-alerts="urgent"' in body and 'data-open-alerts="low"' in body
    assert reverse("alerts:story", args=[alerts["scam"].story_id]) in body


def test_dashboard_cards_not_shown_to_outsiders(personas, alerts):
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user("nobody", password="x-password-123")
    r = personas.client_for(nobody).get(reverse("dashboard"))
    assert 'id="dashboard-alerts"' not in r.content.decode()
