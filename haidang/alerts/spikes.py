"""Volume spikes: is this hour's count far above what this hour of this weekday usually brings?

Pure functions over numpy arrays, no database (the counters live in `VolumeCount`).

The baseline: expected = level × hour-of-day factor × day-of-week factor, where
- the two profiles are estimated from the history (with a smoothing prior, so a sparse
  history falls back to a flat profile),
- the level is an EWMA (half-life one week) of the de-seasonalised hourly counts, so the
  baseline follows slow drifts without chasing a burst,
- the count is then tested against a negative binomial around that mean, with the dispersion
  estimated from the history's residuals (Poisson when the history is not over-dispersed).

A spike is p < alpha (default 0.001) and count ≥ min_count (default 5).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

HALF_LIFE_HOURS = 168.0
PROFILE_PRIOR = 2.0  # pseudo-days pulling the profiles towards flat
MIN_EXPECTED = 0.05  # an hour that never saw anything still "expects" a little


@dataclass
class SpikeResult:
    count: int
    expected: float
    p_value: float
    is_spike: bool
    dispersion: float | None  # NB size parameter; None = Poisson

    def as_dict(self) -> dict:
        return {"count": self.count, "expected": round(self.expected, 3), "p_value": float(f"{self.p_value:.3g}"),
                "spike": self.is_spike, "dispersion": None if self.dispersion is None else round(self.dispersion, 2)}


def _profiles(history: np.ndarray, start: dt.datetime) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n = history.size
    hours = (start.hour + np.arange(n)) % 24
    # The weekday of each hour, counting from the start's weekday.
    days = ((start.weekday() * 24 + start.hour + np.arange(n)) // 24) % 7
    mean = history.mean() if n else 0.0
    hod = np.ones(24)
    dow = np.ones(7)
    if mean > 0:
        for h in range(24):
            mask = hours == h
            seen = mask.sum()
            hod[h] = (history[mask].sum() + PROFILE_PRIOR * mean) / (seen * mean + PROFILE_PRIOR * mean)
        hod *= 24 / hod.sum()
        for d in range(7):
            mask = days == d
            seen = mask.sum()
            dow[d] = (history[mask].sum() + PROFILE_PRIOR * 24 * mean) / (seen * mean + PROFILE_PRIOR * 24 * mean)
        dow *= 7 / dow.sum()
    return hod, dow, hours, days


def baseline(history, start: dt.datetime) -> tuple[float, float | None, tuple[np.ndarray, np.ndarray]]:
    """(expected count for the hour right after the history, NB size or None, profiles).

    `history` holds hourly counts, oldest first; `start` is the (local) start of its first hour.
    """
    h = np.asarray(history, dtype=float)
    n = h.size
    target = start + dt.timedelta(hours=n)
    if n == 0 or h.sum() == 0:
        return MIN_EXPECTED, None, (np.ones(24), np.ones(7))
    hod, dow, hours, days = _profiles(h, start)
    season = hod[hours] * dow[days]
    deseason = h / np.maximum(season, 1e-6)
    alpha = 1 - 0.5 ** (1 / HALF_LIFE_HOURS)
    weights = (1 - alpha) ** np.arange(n - 1, -1, -1)
    level = float((weights * deseason).sum() / weights.sum())
    expected = max(MIN_EXPECTED, level * hod[target.hour] * dow[target.weekday()])
    # Over-dispersion from the in-sample residuals: Var = mu + mu^2 / size.
    fitted = np.maximum(h.mean() * season, MIN_EXPECTED)
    excess = float(np.mean((h - fitted) ** 2 - fitted) / np.mean(fitted ** 2)) if n >= 48 else 0.0
    size = None if excess <= 0.02 else max(1.0, 1.0 / excess)
    return expected, size, (hod, dow)


def p_value(count: int, expected: float, size: float | None) -> float:
    """P(X >= count) under Poisson(expected) or NB(mean=expected, size)."""
    if count <= 0:
        return 1.0
    if size is None or math.isinf(size):
        return float(stats.poisson.sf(count - 1, expected))
    p = size / (size + expected)
    return float(stats.nbinom.sf(count - 1, size, p))


def detect(history, start: dt.datetime, count: int, *, alpha: float = 0.001, min_count: int = 5) -> SpikeResult:
    """Test the hour right after `history` (which began at `start`) holding `count` items."""
    expected, size, _ = baseline(history, start)
    p = p_value(int(count), expected, size)
    return SpikeResult(int(count), expected, p, bool(p < alpha and count >= min_count), size)
