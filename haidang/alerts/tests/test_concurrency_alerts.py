"""Issue #19: alerts are evaluated after the assignment lock, one short transaction each, keeping their
evidence and audit rows; a story merged by another consumer in between is left to that consumer."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from haidang.alerts import actions
from haidang.alerts.actions import process_items
from haidang.alerts.demo import seed_routing_rules
from haidang.alerts.models import Alert, Story
from haidang.audit.models import AuditEntry

from .helpers import SCAM, WARD, item, source


def test_each_alert_is_its_own_transaction_with_evidence_and_audit(personas, monkeypatch):
    seed_routing_rules()
    src = source(personas)
    objs = [item(src, SCAM, category="scam", priority="high", risk=0.7),
            item(src, WARD, category="grievance", priority="high", risk=0.7)]
    evaluated: list[int] = []
    real = actions._evaluate_live_story

    def spy(pk, now, **kwargs):
        evaluated.append(pk)
        return real(pk, now, **kwargs)

    monkeypatch.setattr(actions, "_evaluate_live_story", spy)
    with CaptureQueriesContext(connection) as queries:
        result = process_items([o.pk for o in objs])
    assert result["alerts_touched"] == 2 and sorted(evaluated) == sorted(Story.objects.values_list("pk", flat=True))
    # On PostgreSQL the assignment lock is taken once per assignment chunk, not again for the alerts.
    advisory = [q for q in queries.captured_queries if f"pg_advisory_xact_lock({actions._PG_STORIES_LOCK})" in q["sql"]]
    assert len(advisory) == (1 if connection.vendor == "postgresql" else 0)
    for alert in Alert.objects.all():
        assert alert.evidence_id is not None  # the evidence snapshot is taken with the alert
        assert AuditEntry.objects.filter(action="alert.raise", object_id=str(alert.pk)).exists()


def test_a_story_merged_meanwhile_is_not_given_an_alert(personas):
    seed_routing_rules()
    src = source(personas)
    first = item(src, SCAM, category="scam", priority="high", risk=0.7)
    process_items([first.pk])
    story = Story.objects.get()
    survivor = Story.objects.create(title="other", first_seen=story.first_seen, last_seen=story.last_seen)
    Story.objects.filter(pk=story.pk).update(merged_into=survivor)  # another consumer merged it
    Alert.objects.all().delete()
    assert actions._evaluate_live_story(story.pk, timezone.now(), has_alert=False) is None
    assert not Alert.objects.exists()
