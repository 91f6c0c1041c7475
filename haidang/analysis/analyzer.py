"""The analyser other apps call: plain text in, categories, priority, risk, hits, places, entities and why.

    from haidang.analysis.analyzer import analyze, analyze_many
    analyze(text, *, engagement=None, source_credibility=None, province_hint=None, author_name="")
    analyze_many(texts, *, engagements=None, source_credibilities=None, province_hints=None, author_names=None)

Both return (lists of) dicts shaped like the `haidang analyze --json` output:
`{"categories": {category: probability}, "top_category", "subtopic", "priority", "risk", "watchlists",
"places", "entities", "why", "models"}`. Offsets in hits are into the NFC-cleaned text unless a hit says
`"in": "normalized"` (found only after undoing evasions or teencode).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from django.conf import settings

from haidang.text.normalize import clean, extract_entities, normalize

from . import places as places_mod
from . import registry, rules
from .choices import HarmCategory, Priority
from .classify import featurizer

MAX_CHARS = 100_000  # longer texts are analysed on their first 100k characters (and say so)
DEFAULT_THRESHOLDS = {"medium": 0.3, "high": 0.55, "urgent": 0.8}
HARMFUL = [c for c in HarmCategory.values if c not in (HarmCategory.GRIEVANCE, HarmCategory.OTHER)]


def thresholds() -> dict[str, float]:
    return {**DEFAULT_THRESHOLDS, **getattr(settings, "HAIDANG_RISK_THRESHOLDS", {})}


def priority_for(risk: float, *, urgent_hit: bool = False) -> str:
    if urgent_hit:
        return Priority.URGENT
    t = thresholds()
    if risk >= t["urgent"]:
        return Priority.URGENT
    if risk >= t["high"]:
        return Priority.HIGH
    if risk >= t["medium"]:
        return Priority.MEDIUM
    return Priority.LOW


def risk_score(categories: dict[str, float], *, engagement: int | None, relevance: float,
               credibility: float | None) -> float:
    """Harm (the strongest harmful category; grievances count half) scaled by reach, relevance to the
    province and (inversely) the source's credibility. 0..1."""
    harm = max([categories.get(c, 0.0) for c in HARMFUL] + [0.5 * categories.get(HarmCategory.GRIEVANCE, 0.0)])
    reach = min(1.0, math.log10(1 + max(0, engagement or 0)) / 4)  # 10k interactions -> 1
    cred = 0.5 if credibility is None else max(0.0, min(1.0, credibility))
    risk = harm * (0.6 + 0.25 * reach + 0.15 * relevance) * (1.1 - 0.2 * cred)
    return round(max(0.0, min(1.0, risk)), 4)


def _noisy_or(values) -> float:
    p = 1.0
    for v in values:
        p *= 1.0 - max(0.0, min(1.0, v))
    return 1.0 - p


def _model_probs(norms: list[str], texts: list[str]) -> tuple[dict[str, np.ndarray], dict]:
    models = registry.active_models()
    if not models or not texts:
        return {}, models
    scorer = registry.active_scorer()
    counts = featurizer().counts(texts, norms, blocks=scorer.blocks)
    probs = scorer.predict_proba(counts)
    probs["_counts"] = counts
    return probs, models


def _p(probs: dict, models: dict, task: str, label: str, i: int) -> float | None:
    if task not in models or task not in probs:
        return None
    return float(probs[task][i, models[task].classes.index(label)])


def analyze_many(texts: Sequence[str], *, engagements=None, source_credibilities=None, province_hints=None,
                 author_names=None, explain: bool = True) -> list[dict]:
    n = len(texts)
    cleaned = []
    truncated = []
    for t in texts:
        c = clean(t)
        truncated.append(len(c) > MAX_CHARS)
        cleaned.append(c[:MAX_CHARS])
    norms = [normalize(t) for t in cleaned]
    probs, models = _model_probs(norms, cleaned)
    from .watchlists import active_index

    index = active_index()
    out = []
    for i in range(n):
        text, norm = cleaned[i], norms[i]
        entities = extract_entities(text)
        hint = province_hints[i] if province_hints else None
        found_places = places_mod.find_places(text, province_hint=hint)
        author = author_names[i] if author_names else ""
        signals = rules.all_signals(text, norm, entities, author_name=author or "")
        hits = index.match(text, normalized=norm)
        why: list[dict] = []
        by_cat: dict[str, list[float]] = {c: [] for c in HarmCategory.values}
        subtopic = ""
        for s in signals:
            by_cat[s["category"]].append(s["score"])
            why.append({"kind": "rule", **s})
            subtopic = subtopic or s.get("subtopic", "")
        for h in hits:
            why.append({"kind": "watchlist", "id": h["id"], "name": h["name"], "urgent": h["urgent"],
                        "matches": h["hits"]})
            if h.get("category"):
                by_cat[h["category"]].append(0.5)
        # Classifiers.
        p_ho = _p(probs, models, "hate_offensive", "HATE_OR_OFFENSIVE", i)
        p_hate = _p(probs, models, "toxicity", "HATE", i)
        p_off = _p(probs, models, "toxicity", "OFFENSIVE", i)
        p_scam = _p(probs, models, "scam", "SCAM", i)
        p_neg = _p(probs, models, "sentiment", "negative", i)
        p_spam = _p(probs, models, "spam", "SPAM", i)
        hate = []
        if p_ho is not None:
            hate.append(0.75 * p_ho)
        if p_hate is not None:
            hate.append(p_hate + 0.4 * (p_off or 0.0))
        by_cat[HarmCategory.HATE_HARASSMENT].append(max(hate) if hate else 0.0)
        if p_scam is not None:
            # The shipped scam model learnt from a small balanced set: its 0.5 is "no idea", not 50 %.
            by_cat[HarmCategory.SCAM].append(0.8 * max(0.0, 2 * p_scam - 1))
        if p_spam is not None:
            by_cat[HarmCategory.SCAM].append(0.2 * p_spam)
        if p_neg is not None and by_cat[HarmCategory.GRIEVANCE]:
            # A complaint cue counts more when the text is negative.
            by_cat[HarmCategory.GRIEVANCE] = [v * (0.6 + 0.6 * p_neg) for v in by_cat[HarmCategory.GRIEVANCE]]
        categories = {c: round(_noisy_or(v), 4) for c, v in by_cat.items() if c != HarmCategory.OTHER}
        categories[HarmCategory.OTHER] = round(1.0 - max(categories.values(), default=0.0), 4)
        top = max(categories, key=categories.get)
        relevance = places_mod.province_relevance(found_places)
        risk = risk_score(categories, engagement=engagements[i] if engagements else None, relevance=relevance,
                          credibility=source_credibilities[i] if source_credibilities else None)
        if explain:
            # n-grams only from the strongest model of each category (explaining is the costly part).
            hate_first = (p_hate or 0.0) > (p_ho or 0.0)
            for task, label, p, ngrams in (("hate_offensive", "HATE_OR_OFFENSIVE", p_ho, not hate_first),
                                           ("toxicity", "HATE", p_hate, hate_first), ("scam", "SCAM", p_scam, True)):
                if p is not None and p >= 0.5:
                    why.append({"kind": "model", "task": task, "label": label, "probability": round(p, 3),
                                "version": models[task].meta.get("version", ""),
                                "ngrams": models[task].explain(norm, label, counts=probs["_counts"], row=i)
                                if ngrams else []})
        if truncated[i]:
            why.append({"kind": "note", "detail": f"only the first {MAX_CHARS} characters were analysed"})
        out.append({
            "categories": categories, "top_category": top, "subtopic": subtopic,
            "priority": priority_for(risk, urgent_hit=any(h["urgent"] for h in hits)), "risk": risk,
            "watchlists": [{"id": h["id"], "name": h["name"], "urgent": h["urgent"], "hits": h["hits"]}
                           for h in hits],
            "places": found_places, "entities": entities, "why": why,
            "models": {t: m.meta.get("version", "") for t, m in models.items()},
        })
    return out


def analyze(text: str, *, engagement: int | None = None, source_credibility: float | None = None,
            province_hint=None, author_name: str = "", explain: bool = True) -> dict:
    return analyze_many([text], engagements=[engagement], source_credibilities=[source_credibility],
                        province_hints=[province_hint], author_names=[author_name], explain=explain)[0]
