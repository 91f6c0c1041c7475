"""Alert conditions, one alert per story, routing and who sees what."""

import datetime as dt

from django.utils import timezone

from haidang.alerts.actions import process_items
from haidang.alerts.demo import seed_routing_rules
from haidang.alerts.models import Alert, Story
from haidang.content.models import Snapshot
from haidang.core.models import Notification

from .helpers import HEALTH, OTHER, SCAM, WARD, item, source


def raise_for(personas, text, **signals):
    seed_routing_rules()
    src = source(personas, f"feed {text[:10]}")
    obj = item(src, text, **signals)
    process_items([obj.pk])
    return Alert.objects.get(story__memberships__item=obj)


def test_a_burst_of_identical_items_makes_one_story_and_one_alert(personas):
    seed_routing_rules()
    src = source(personas)
    first = item(src, SCAM, category="scam", priority="high", risk=0.7)
    process_items([first.pk])
    copies = [item(src, SCAM, category="scam", priority="high", risk=0.7) for _ in range(2000)]
    ids = [c.pk for c in copies]
    for start in range(0, len(ids), 700):  # several task runs, as the queue would deliver them
        process_items(ids[start:start + 700])
    assert Story.objects.live().count() == 1
    story = Story.objects.get()
    assert story.item_count == 2001
    assert Alert.objects.count() == 1
    alert = Alert.objects.get()
    assert alert.item_count == 2001 and "growth" in alert.reasons
    # Near-identical copies are not indexed one by one: buckets stay small.
    assert story.indexed_count == 1


def test_alert_snapshots_the_items_as_evidence(personas):
    alert = raise_for(personas, SCAM, category="scam", priority="high", risk=0.7)
    assert alert.evidence is not None
    snap = Snapshot.objects.get(pk=alert.evidence_id)
    from haidang.content.evidence import read_payload

    _headers, body = read_payload(snap.path)
    assert "giả danh" in body.decode()


def test_no_alert_below_the_priority(personas):
    seed_routing_rules()
    obj = item(source(personas), OTHER, category="other", priority="medium", risk=0.3)
    process_items([obj.pk])
    assert not Alert.objects.exists()


def test_urgent_watchlist_topic_raises_an_urgent_alert(personas):
    alert = raise_for(personas, OTHER, category="other", priority="low",
                      hits=[{"id": 999, "name": "Đê điều", "urgent": True, "hits": []}])
    assert alert.priority == "urgent" and "urgent_topic" in alert.reasons


def test_routing_health_goes_to_the_health_department(personas):
    alert = raise_for(personas, HEALTH, category="misinformation", priority="high", subtopic="health")
    assert alert.agency == personas.health


def test_routing_health_keywords_without_subtopic(personas):
    alert = raise_for(personas, HEALTH, category="misinformation", priority="high")
    assert alert.agency == personas.health


def test_routing_scam_goes_to_the_police(personas):
    alert = raise_for(personas, SCAM, category="scam", priority="high")
    assert alert.agency == personas.police


def test_routing_a_ward_name_goes_to_that_ward(personas):
    alert = raise_for(personas, WARD, category="grievance", priority="high")
    assert alert.agency == personas.ward


def test_routing_a_ward_code_goes_to_that_ward(personas):
    alert = raise_for(personas, OTHER, category="other", priority="high", places=[("18880", "Phường Đồng Hới")])
    assert alert.agency == personas.ward


def test_unrouted_alerts_go_to_the_lead_agency(personas):
    alert = raise_for(personas, OTHER, category="other", priority="high")
    assert alert.agency == personas.lead


def test_lead_agency_sees_high_and_urgent_alerts_of_others(personas):
    high = raise_for(personas, SCAM, category="scam", priority="high")
    assert Alert.objects.restrict(personas.alice).filter(pk=high.pk).exists()
    assert Alert.objects.restrict(personas.peter).filter(pk=high.pk).exists()
    assert not Alert.objects.restrict(personas.bob).filter(pk=high.pk).exists()
    assert not Alert.objects.restrict(personas.charlie).filter(pk=high.pk).exists()
    # A medium alert (growth threshold lowered) stays in the routed agency's queue.
    Alert.objects.filter(pk=high.pk).update(priority="medium")
    assert not Alert.objects.restrict(personas.alice).filter(pk=high.pk).exists()
    assert Alert.objects.restrict(personas.peter).filter(pk=high.pk).exists()


def test_raising_notifies_the_agency_and_the_lead(personas, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        alert = raise_for(personas, SCAM, category="scam", priority="urgent")
    recipients = set(Notification.objects.filter(target_id=str(alert.pk)).values_list("recipient__username",
                                                                                     flat=True))
    assert {"peter", "alice"} <= recipients
    assert "charlie" not in recipients
    assert any("peter@example.test" in m.to for m in mailoutbox)


def test_alert_escalates_but_is_never_duplicated(personas):
    seed_routing_rules()
    src = source(personas)
    a = item(src, SCAM, category="scam", priority="high")
    process_items([a.pk])
    alert = Alert.objects.get()
    b = item(src, SCAM + " nhé", category="scam", priority="urgent")
    process_items([b.pk])
    alert.refresh_from_db()
    assert Alert.objects.count() == 1 and alert.priority == "urgent" and alert.item_count == 2


def test_growth_rate_is_items_per_hour(personas):
    src = source(personas)
    now = timezone.now()
    items = [item(src, SCAM, published_at=now - dt.timedelta(minutes=10 * i)) for i in range(12)]
    process_items([i.pk for i in items], now=now)
    story = Story.objects.get()
    assert story.growth_1h == 6.0  # 0..50 minutes ago
    assert story.growth_6h == 2.0
    assert story.growth_24h == 0.5
