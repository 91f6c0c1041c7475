"""Volume spikes on synthetic series: a 3× burst is caught within two hourly windows, and a week of
normal traffic gives at most one false alarm."""

import datetime as dt

import numpy as np
import pytest
from django.utils import timezone

from haidang.alerts import spikes
from haidang.alerts.actions import process_items
from haidang.alerts.models import Alert, VolumeCount

from .helpers import item, source

START = dt.datetime(2026, 1, 5)  # a Monday


def rate(hour: int, base: float) -> float:
    t = START + dt.timedelta(hours=hour)
    daily = 1 + 0.6 * np.sin(2 * np.pi * (t.hour - 6) / 24)  # quiet nights, busy afternoons
    weekly = 0.6 if t.weekday() >= 5 else 1.0                 # quieter weekends
    return base * daily * weekly


def series(seed: int, base: float, hours: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    lam = np.array([rate(h, base) for h in range(hours)])
    return rng.poisson(lam), lam


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("base", [8.0, 20.0])
def test_at_most_one_false_alarm_per_week_of_normal_traffic(seed, base):
    history_hours, week = 24 * 28, 24 * 7
    counts, _lam = series(seed, base, history_hours + week)
    alarms = sum(spikes.detect(counts[:h], START, int(counts[h])).is_spike
                 for h in range(history_hours, history_hours + week))
    assert alarms <= 1


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("burst_start", [24 * 28 + 14, 24 * 28 + 3 * 24 + 10, 24 * 28 + 5 * 24 + 15])
def test_a_threefold_burst_is_detected_within_two_windows(seed, burst_start):
    counts, lam = series(seed, 8.0, burst_start + 2)
    rng = np.random.default_rng(seed + 100)
    detected = False
    for h in (burst_start, burst_start + 1):
        burst = int(rng.poisson(3 * lam[h]))
        counts[h] = burst
        if spikes.detect(counts[:h], START, burst).is_spike:
            detected = True
            break
    assert detected


def test_minimum_count_and_a_flat_history():
    quiet = np.zeros(24 * 14)
    quiet[::50] = 1
    assert not spikes.detect(quiet, START, 3).is_spike  # improbable, but fewer than N items
    assert spikes.detect(quiet, START, 12).is_spike


def test_overdispersed_history_needs_more_to_alarm():
    rng = np.random.default_rng(5)
    lam = rng.gamma(1.0, 10.0, size=24 * 28)  # bursty traffic: negative binomial
    counts = rng.poisson(lam)
    expected, size, _ = spikes.baseline(counts, START)
    assert size is not None
    assert spikes.p_value(30, expected, size) > spikes.p_value(30, expected, None)


def test_spike_raises_one_alert_per_series_and_day(personas):
    # Half past an hour that has passed: a burst timed "the last 15 seconds" must not straddle two hours
    # (run at 07:00:05, five of its items counted in the hour before).
    start = timezone.now().astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    now = start + dt.timedelta(minutes=30) if timezone.now() >= start + dt.timedelta(minutes=30) else start - dt.timedelta(minutes=30)
    hour = now.replace(minute=0, second=0, microsecond=0)
    # Two weeks of about two scam items an hour.
    VolumeCount.objects.bulk_create([
        VolumeCount(dimension="category", key="scam", hour=hour - dt.timedelta(hours=h), count=2)
        for h in range(1, 24 * 14)])
    src = source(personas)
    burst = [item(src, f"bài số {i} về một chủ đề hoàn toàn khác nhau {i * 7919} lần thứ {i}",
                  category="scam", priority="low", published_at=now - dt.timedelta(seconds=i)) for i in range(15)]
    process_items([b.pk for b in burst[:10]], now=now)
    process_items([b.pk for b in burst[10:]], now=now)
    spikes_raised = Alert.objects.filter(kind="spike")
    assert spikes_raised.count() == 1
    alert = spikes_raised.get()
    assert alert.spike_key == "scam" and alert.details["count"] == 15
    assert alert.agency == personas.lead  # no routing rules seeded in this test
