"""Issue #18: analysis and story tasks retry transient database errors with backoff, and a periodic
catch-up finds items the normal path missed (no signals, or no story) and processes them."""

import datetime as dt

import pytest
from django.db import OperationalError
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from haidang.alerts import tasks as alert_tasks
from haidang.alerts.models import StoryItem
from haidang.analysis import tasks as analysis_tasks
from haidang.analysis.models import ItemSignals
from haidang.content.models import Item

from .helpers import HEALTH, OTHER, SCAM, WARD, item, source


@pytest.fixture
def huey_queue():
    HUEY.flush()
    yield HUEY
    HUEY.flush()


@pytest.mark.parametrize("task", [analysis_tasks.analyse_items_task, alert_tasks.process_items_task],
                         ids=["analysis", "stories"])
def test_the_pipeline_tasks_retry_with_backoff(task):
    config = task.task_class
    assert config.default_retries >= 3
    assert config.default_retry_delay > 0 and config.default_retry_backoff > 1


@pytest.mark.parametrize(("module", "name", "task"), [
    (analysis_tasks, "analyse_items", analysis_tasks.analyse_items_task),
    (alert_tasks, "process_items", alert_tasks.process_items_task),
], ids=["analysis", "stories"])
def test_a_locked_database_is_retried_not_lost(personas, monkeypatch, huey_queue, module, name, task):
    calls = []

    def flaky(item_ids):
        calls.append(list(item_ids))
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return len(item_ids)

    monkeypatch.setattr(module, name, flaky)
    task([1, 2])
    assert len(calls) == 1
    retries = huey_queue.scheduled()
    assert len(retries) == 1 and retries[0].retries == task.task_class.default_retries - 1
    huey_queue.read_schedule(dt.datetime(2100, 1, 1))  # take it off the schedule, then run it now
    retries[0].eta = None
    huey_queue.execute(retries[0])
    assert calls == [[1, 2], [1, 2]]


def _age(*items, minutes=60):
    Item.objects.filter(pk__in=[i.pk for i in items]).update(created_at=timezone.now() - dt.timedelta(minutes=minutes))
    ItemSignals.objects.filter(item__in=items).update(analyzed_at=timezone.now() - dt.timedelta(minutes=minutes))


def test_the_catch_up_analyses_and_stores_missed_items_oldest_first(personas, settings,
                                                                  django_capture_on_commit_callbacks):
    src = source(personas)
    never_analysed = item(src, SCAM)
    analysed_no_story = item(src, HEALTH, category="health", priority="medium")
    fresh = item(src, WARD)  # the normal path may still be working on it
    _age(never_analysed, analysed_no_story)
    with django_capture_on_commit_callbacks(execute=True):
        done = alert_tasks.catch_up()
    assert done == {"analysed": 1, "assigned": 1}
    assert ItemSignals.objects.filter(item=never_analysed).exists()
    assert set(StoryItem.objects.values_list("item_id", flat=True)) == {never_analysed.pk, analysed_no_story.pk}
    assert not ItemSignals.objects.filter(item=fresh).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert alert_tasks.catch_up() == {"analysed": 0, "assigned": 0}  # idempotent


def test_the_catch_up_is_bounded_and_takes_the_oldest_first(personas, settings):
    settings.HAIDANG_CATCH_UP_BATCH = 2
    src = source(personas)
    old, older, oldest = item(src, SCAM), item(src, HEALTH), item(src, OTHER)
    _age(old, minutes=30)
    _age(older, minutes=60)
    _age(oldest, minutes=90)
    assert alert_tasks.catch_up()["analysed"] == 2
    assert set(ItemSignals.objects.values_list("item_id", flat=True)) == {older.pk, oldest.pk}


def test_the_catch_up_runs_every_ten_minutes():
    task = alert_tasks.catch_up_task
    at = dt.datetime(2026, 3, 5, 8, 0)
    runs = [m for m in range(60) if task.s().validate_datetime(at.replace(minute=m))]
    assert runs == [0, 10, 20, 30, 40, 50]
