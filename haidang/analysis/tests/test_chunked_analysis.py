"""The worker's bulk analysis: written in short transactions, and resumed (not redone) after an interruption."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import OperationalError

from haidang.analysis import actions, tasks
from haidang.analysis.models import ItemSignals
from haidang.content.models import Item


def test_signals_are_written_in_chunks_each_sent_on(items, sent, monkeypatch):
    monkeypatch.setattr(tasks, "STORE_CHUNK", 3)
    writes = []
    real = actions.do_store_item_signals

    def counting(results, **kwargs):
        writes.append(sorted(results))
        return real(results, **kwargs)

    monkeypatch.setattr(actions, "do_store_item_signals", counting)
    assert tasks.analyse_items(items) == 10
    assert [len(w) for w in writes] == [3, 3, 3, 1]
    assert [sorted(batch) for batch in sent] == writes
    assert sorted(ItemSignals.objects.values_list("item_id", flat=True)) == items


def test_an_interrupted_task_resumes_after_its_committed_chunks(items, sent, monkeypatch):
    monkeypatch.setattr(tasks, "STORE_CHUNK", 4)
    real = actions.do_store_item_signals
    calls = []

    def failing_on_the_second(results, **kwargs):
        calls.append(sorted(results))
        if len(calls) == 2:
            raise OperationalError("database is locked")
        return real(results, **kwargs)

    monkeypatch.setattr(actions, "do_store_item_signals", failing_on_the_second)
    with pytest.raises(OperationalError):
        tasks.analyse_items_task.call_local(items)
    assert ItemSignals.objects.count() == 4  # the first chunk is committed, the second rolled back
    tasks.analyse_items_task.call_local(items)  # Huey's retry
    assert sorted(ItemSignals.objects.values_list("item_id", flat=True)) == items
    analysed = [pk for batch in sent for pk in batch]
    assert sorted(analysed) == items, "every item analysed and sent to stories exactly once"
    assert tasks.analyse_items_task.call_local(items) == 0  # a third run finds nothing to do


def test_changed_items_and_new_models_are_analysed_again(items, monkeypatch):
    tasks.analyse_items(items)
    assert tasks.not_yet_analysed(items) == []
    Item.objects.filter(pk=items[0]).update(updated_at=dt.datetime(2100, 1, 1, tzinfo=dt.UTC))
    assert tasks.not_yet_analysed(items) == [items[0]]
    monkeypatch.setattr(tasks, "_active_versions", lambda: {"category": "a-new-model"})
    assert tasks.not_yet_analysed(items) == items
    assert tasks.not_yet_analysed([10**9]) == [10**9]  # an unknown id is passed on (the analyser skips it)
