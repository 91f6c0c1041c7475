"""Issue #19: two consumers never analyse one item, and a consumer that dies mid-batch leaves no gap.

The analysis task claims each batch (`haidang.core.claims`) before analysing it: the interleavings are
played out in one process, a second consumer's task running while the first one is mid-analysis.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from haidang.analysis import actions, analyzer, tasks
from haidang.analysis.models import ItemSignals
from haidang.audit.models import AuditEntry
from haidang.core import claims
from haidang.core.models import WorkClaim


@pytest.fixture
def analysed(monkeypatch):
    """The texts each analyze_many call got, in order (one list per call)."""
    calls: list[int] = []
    real = analyzer.analyze_many

    def counting(texts, **kwargs):
        calls.append(len(texts))
        return real(texts, **kwargs)

    monkeypatch.setattr(analyzer, "analyze_many", counting)
    return calls


@pytest.mark.django_db
def test_a_claim_is_exclusive_until_released_or_stale():
    owner, mine = claims.claim("test", [3, 1, 2], lease_seconds=60)
    assert mine == [1, 2, 3]
    other, theirs = claims.claim("test", [2, 3, 4], lease_seconds=60)
    assert theirs == [4]
    assert claims.holders("test", [1, 2, 3, 4]) == {1: owner, 2: owner, 3: owner, 4: other}
    claims.release("test", [2], owner)
    assert claims.claim("test", [2, 3], lease_seconds=60)[1] == [2]
    later = timezone.now() + dt.timedelta(seconds=61)
    assert claims.claim("test", [1, 3], lease_seconds=60, now=later)[1] == [1, 3]  # the owner died: taken over
    assert claims.claim("other kind", [1], lease_seconds=60)[1] == [1]


def test_a_second_consumer_leaves_a_claimed_batch_alone(items, sent, analysed, monkeypatch):
    second: list[int] = []
    real = analyzer.analyze_many

    def first_consumer_mid_analysis(texts, **kwargs):
        if not second:
            # The same task delivered to another consumer while this one is analysing (a redelivery).
            second.append(tasks.analyse_items_task.call_local(items))
        return real(texts, **kwargs)

    monkeypatch.setattr(analyzer, "analyze_many", first_consumer_mid_analysis)
    assert tasks.analyse_items_task.call_local(items) == 10
    assert second == [0], "the second consumer found every item claimed"
    assert sorted(pk for batch in sent for pk in batch) == items, "each item analysed and sent on once"
    assert not WorkClaim.objects.exists(), "claims are released with the stored signals"
    assert tasks.analyse_items_task.call_local(items) == 0  # and a later delivery finds them done


def test_a_consumer_that_died_mid_batch_is_resumed_without_gap_or_duplicate(items, sent, monkeypatch):
    monkeypatch.setattr(tasks, "STORE_CHUNK", 4)

    class Killed(BaseException):
        """The process dying: nothing after this point runs (not even the release of its claims)."""

    real_store, real_release = actions.do_store_item_signals, claims.release
    dead = []

    def store(results, **kwargs):
        if len(sent) == 1:
            dead.append(True)
            raise Killed
        return real_store(results, **kwargs)

    monkeypatch.setattr(actions, "do_store_item_signals", store)
    monkeypatch.setattr(claims, "release", lambda *a, **k: 0 if dead else real_release(*a, **k))
    with pytest.raises(Killed):
        tasks.analyse_items_task.call_local(items)
    monkeypatch.setattr(actions, "do_store_item_signals", real_store)
    monkeypatch.setattr(claims, "release", real_release)
    assert ItemSignals.objects.count() == 4  # its first chunk is committed (and its claims released)
    stored = set(ItemSignals.objects.values_list("item_id", flat=True))
    assert sorted(claims.holders(tasks.CLAIM_KIND, items)) == [pk for pk in items if pk not in stored]

    # Another consumer (or the catch-up) within the lease: the dead one's claims are still respected.
    assert tasks.analyse_items_task.call_local(items) == 0
    # After the lease the claims are taken over: the rest is analysed, nothing twice.
    WorkClaim.objects.update(claimed_at=timezone.now() - dt.timedelta(seconds=tasks.CLAIM_LEASE_SECONDS + 1))
    assert tasks.analyse_items_task.call_local(items) == 6
    assert sorted(ItemSignals.objects.values_list("item_id", flat=True)) == items
    assert sorted(pk for batch in sent for pk in batch) == items
    assert not WorkClaim.objects.exists()
    # Every stored chunk kept its audit row.
    logged = [pk for e in AuditEntry.objects.filter(action="signals.store") for pk in e.changes["items"]]
    assert sorted(logged) == items


def test_an_error_releases_the_claims_for_the_retry(items, sent, monkeypatch):
    from django.db import OperationalError

    real = actions.do_store_item_signals

    def locked(results, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(actions, "do_store_item_signals", locked)
    with pytest.raises(OperationalError):
        tasks.analyse_items_task.call_local(items)
    assert not WorkClaim.objects.exists()
    monkeypatch.setattr(actions, "do_store_item_signals", real)
    assert tasks.analyse_items_task.call_local(items) == 10  # Huey's retry, at once
