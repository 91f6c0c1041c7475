"""Tunables of stories, spikes and alerts, overridable through `settings.HAIDANG_STORIES = {...}`.

Defaults are the values the benchmark (`bench/stories.py`) and the tests were run with.
"""

from __future__ import annotations

from django.conf import settings

DEFAULTS: dict[str, object] = {
    # Near-duplicate grouping.
    "THRESHOLD": 0.6,          # Jaccard similarity of word-shingle sets that joins two items
    "CANDIDATE_THRESHOLD": 0.5,  # the LSH looks a little wider; candidates are then verified exactly
    "NUM_PERM": 128,           # MinHash permutations
    "SHINGLE_SIZE": 2,         # words per shingle
    "MIN_SHINGLES": 4,         # fewer shingles (< 5 words) never join by text: no "ok" mega-story
    "MAX_TOKENS": 2000,        # very long texts are capped (their beginning decides)
    "MAX_EXEMPLARS": 200,      # per story, items kept in the LSH index (near-identical copies are not)
    "EXEMPLAR_SIMILARITY": 0.9,  # an item this similar to an indexed one is not indexed itself
    "REDIS_PREFIX": "haidang:stories",
    # Alerts.
    "ALERT_MIN_PRIORITY": "high",
    "GROWTH_PER_HOUR": 20.0,   # items in the last hour that make a fast-growing story
    "GROWTH_MIN_ITEMS": 10,
    # Spikes.
    "SPIKE_ALPHA": 0.001,
    "SPIKE_MIN_COUNT": 5,
    "SPIKE_HISTORY_DAYS": 28,
    "SPIKE_PLACE_MIN_CONFIDENCE": 0.6,
    # Notifications.
    "WEBHOOK_ATTEMPTS": 4,
    "WEBHOOK_BACKOFF_S": 2.0,
    "WEBHOOK_TIMEOUT_S": 10.0,
    "EVIDENCE_MAX_ITEMS": 500,
}


def conf(name: str):
    # Usable without Django settings too (the benchmark's pure parts).
    overrides = (getattr(settings, "HAIDANG_STORIES", None) or {}) if settings.configured else {}
    return overrides.get(name, DEFAULTS[name])
