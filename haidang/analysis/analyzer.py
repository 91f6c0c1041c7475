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

from haidang.text.normalize import clean, extract_entities, fold, normalize

from . import calibration, civic_context, hate_context, registry, rules
from . import places as places_mod
from .choices import HarmCategory, Priority
from .classify import featurizer

MAX_CHARS = 100_000  # longer texts are analysed on their first 100k characters (and say so)
DEFAULT_THRESHOLDS = {"medium": 0.3, "high": 0.55, "urgent": 0.8}
HARMFUL = [c for c in HarmCategory.values
           if c not in (HarmCategory.GRIEVANCE, HarmCategory.OTHER, HarmCategory.NEEDS_REVIEW)]
# Django's `Choices.values` builds its list on every access: read it once.
CATEGORIES = tuple(HarmCategory.values)
SCORED = tuple(c for c in CATEGORIES if c not in (HarmCategory.OTHER, HarmCategory.NEEDS_REVIEW))


def thresholds() -> dict[str, float]:
    return {**DEFAULT_THRESHOLDS, **getattr(settings, "HAIDANG_RISK_THRESHOLDS", {})}


def priority_for(risk: float, *, urgent_hit: bool = False, limits: dict[str, float] | None = None) -> str:
    """`limits`: `thresholds()` when the caller has read them already (once per batch)."""
    if urgent_hit:
        return Priority.URGENT
    t = limits if limits is not None else thresholds()
    if risk >= t["urgent"]:
        return Priority.URGENT
    if risk >= t["high"]:
        return Priority.HIGH
    if risk >= t["medium"]:
        return Priority.MEDIUM
    return Priority.LOW


_ORDER = [Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.URGENT]


def _at_least(priority: str, floor: str) -> str:
    return max(priority, floor, key=_ORDER.index)


def _priority_floor(top: str, score: float) -> str:
    """Decided harm is at least medium, and high (an alert) when its evidence is strong: a call to block a
    highway tonight must not wait on reach figures. Strong incitement is urgent."""
    if top not in HARMFUL:
        return Priority.LOW
    if top == HarmCategory.INCITEMENT and score >= 0.85:
        return Priority.URGENT
    return Priority.HIGH if score >= 0.75 else Priority.MEDIUM


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


_MODEL_SCORES = (("hate_offensive", "hate_offensive", "HATE_OR_OFFENSIVE"), ("hate", "toxicity", "HATE"),
                 ("offensive", "toxicity", "OFFENSIVE"), ("scam", "scam", "SCAM"), ("negative", "sentiment", "negative"),
                 ("spam", "spam", "SPAM"))


def _score_columns(probs: dict, models: dict) -> dict[str, list[float]]:
    """Each model score of `_MODEL_SCORES` for the whole batch, as Python floats (what `_p` gives per post)."""
    return {name: probs[task][:, models[task].classes.index(label)].tolist()
            for name, task, label in _MODEL_SCORES if task in models and task in probs}


def _hate_spans(texts: list[str], norms: list[str] | None = None) -> tuple[list[list[dict]], list[float], object | None]:
    """Offending spans from the span tagger (trained on ViHOS span labels): a post is hateful or
    offensive only where such words are found. None when no tagger is installed."""
    try:
        from . import spans as spans_mod

        tagger = spans_mod.shipped_tagger()
    except (ImportError, FileNotFoundError, OSError, ValueError):
        return [[] for _t in texts], [0.0 for _t in texts], None
    # One pass of the tagger for both; its post-level gate reads normalize(text): pass what we have.
    found, scores = tagger.find_with_scores(list(texts), norms=norms)
    return found, scores, tagger


def _span_signal(found: list[dict], score: float, tagger) -> dict | None:
    if not found:
        return None
    quotes = list(dict.fromkeys(s["text"] for s in found))
    # The precise threshold (precision >= 0.95 on ViHOS dev) decides; spans between the two thresholds
    # are shown and ask for a look.
    threshold = float(getattr(tagger, "threshold_precise", None) or getattr(tagger, "threshold", 0.5) or 0.5)
    # On the category scale 0.5 is the tagger's own threshold, so one calibration holds for every category.
    scaled = 0.5 + 0.5 * (score - threshold) / max(1e-6, 1.0 - threshold) if score >= threshold else 0.5 * score / threshold
    return {"kind": "span", "rule": "hate.offending_words", "category": HarmCategory.HATE_HARASSMENT,
            "score": round(max(0.0, min(1.0, scaled)), 3),
            "matches": [{"term": s["text"], "start": s["start"], "end": s["end"]} for s in found],
            "in": "text", "quotes": quotes[:8], "version": getattr(tagger, "version", ""),
            "reason": "Có từ ngữ xúc phạm hoặc thù ghét: " + ", ".join(f"“{q}”" for q in quotes[:5]) + "."}


def analyze_many(texts: Sequence[str], *, engagements=None, source_credibilities=None, province_hints=None,
                 author_names=None, stricts=None, explain: bool = True) -> list[dict]:
    """`stricts[i]`: the post comes from a registered press or official source, so every category but
    scams and personal data needs stronger evidence (they are still scanned for those two)."""
    n = len(texts)
    cleaned = []
    truncated = []
    for t in texts:
        c = clean(t)
        truncated.append(len(c) > MAX_CHARS)
        cleaned.append(c[:MAX_CHARS])
    norms = [normalize(t) for t in cleaned]
    probs, models = _model_probs(norms, cleaned)
    spans_found, span_scores, tagger = _hate_spans(cleaned, norms)
    from .watchlists import active_index

    index = active_index()
    limits = calibration.thresholds()
    risk_limits = thresholds()  # the settings are read once per batch, not once per post
    columns = _score_columns(probs, models)
    versions = {t: m.meta.get("version", "") for t, m in models.items()}
    context = hate_context.shipped_or_none()
    civic = civic_context.shipped_or_none()
    out = []
    for i in range(n):
        text, norm = cleaned[i], norms[i]
        entities = extract_entities(text)
        hint = province_hints[i] if province_hints else None
        found_places = places_mod.find_places(text, province_hint=hint)
        author = author_names[i] if author_names else ""
        signals = rules.all_signals(text, norm, entities, author_name=author or "")
        told = rules.mentioned(text)
        found_spans = [f for f in spans_found[i] if not any(s <= f["start"] and f["end"] <= e for s, e in told)] \
            if told else spans_found[i]
        # Words a story reports someone shouting ("ông hàng xóm chửi “giết hết tụi bây”"), or a slur the post
        # names to mock it ("cái trò “dân Quảng Bình ranh mãnh”"), offend no one here.
        span = _span_signal(found_spans, span_scores[i], tagger)
        if span is not None:
            # Offending spans are necessary, not sufficient: a tagger that reads "dột" as "dốt" must be
            # confirmed by a hate rule or by the post-level model before it can decide.
            p_post = columns["hate_offensive"][i] if "hate_offensive" in columns else None
            # A complaint to a public body ("bãi rác bốc mùi, xin xã…") is where that model errs most: there,
            # only a hate rule confirms.
            complaint = any(s["category"] == HarmCategory.GRIEVANCE for s in signals)
            # And a report of a crime or a trial ("tòa tuyên án tử hình kẻ giết người") is news, not hate.
            complaint = complaint or rules.reads_as_news(text, norm)
            # And a victim's warning ("tui bị lừa mất 5 triệu vì tin thằng gọi…, bà con đừng dại") names the
            # scammer harshly to warn others: there too only a hate rule confirms.
            # ("mày coi chừng tao" is a threat, not a warning: said to someone, it does not count.)
            complaint = complaint or (rules.warns(norm) and not rules.addresses_someone(norm))
            # And a writer calling themself a fool ("tao vừa tự lao vô trụ, óc chó thiệt") offends no one.
            complaint = complaint or rules.blames_self(norm)
            confirmed = any(s["category"] == HarmCategory.HATE_HARASSMENT and s["score"] >= 0.5 for s in signals) or (
                (p_post or 0.0) >= 0.9 and not complaint and rules.offensive_words(text, span["quotes"], norm))
            if not confirmed:
                span["score"] = round(min(span["score"], 0.35), 3)
                # Unconfirmed, the tagger's words are a lead, not a finding: say so, not "offending words".
                span["reason"] = ("Mô hình thấy dấu hiệu xúc phạm quanh các từ " +
                                  ", ".join(f"“{q}”" for q in span["quotes"][:5]) + "; chưa đủ căn cứ, cần xem xét.")
            signals.append(span)
        hits = index.match(text, normalized=norm)
        why: list[dict] = []
        by_cat: dict[str, list[float]] = {c: [] for c in CATEGORIES}
        subtopic = ""
        for s in signals:
            by_cat[s["category"]].append(s["score"])
            why.append({"kind": "rule", **s} if "kind" not in s else s)
            subtopic = subtopic or s.get("subtopic", "")
        for h in hits:
            why.append({"kind": "watchlist", "id": h["id"], "name": h["name"], "urgent": h["urgent"],
                        "matches": h["hits"],
                        "reason": "Khớp danh sách theo dõi “{}”: {}.".format(
                            h["name"], ", ".join(f"“{m.get('term', '')}”" for m in h["hits"][:5]))})
        # Learned scores rank; they do not decide (see calibration.decide).
        model_scores = {name: round(columns[name][i], 4) for name, _task, _label in _MODEL_SCORES if name in columns}
        if model_scores.get("negative") is not None and by_cat[HarmCategory.GRIEVANCE]:
            # A complaint cue counts more when the text is negative.
            by_cat[HarmCategory.GRIEVANCE] = [min(1.0, v * (0.8 + 0.4 * model_scores["negative"]))
                                              for v in by_cat[HarmCategory.GRIEVANCE]]
        # (most categories have no evidence: 0.0, what the noisy-OR of nothing rounds to)
        categories = {c: round(_noisy_or(by_cat[c]), 4) if by_cat[c] else 0.0 for c in SCORED}
        strict = bool(stricts[i]) if stricts else False
        top, review = calibration.decide(categories, model_scores, limits, strict=strict)
        hate_lowered = False
        if top == HarmCategory.HATE_HARASSMENT and context is not None:
            # Rude words found, but are they for someone? A second opinion trained on the civic set reads
            # "ngu vl, quên khóa cốp" and "dm cái app" as venting: then a look, not a finding.
            rules_hit = [s["rule"] for s in signals if s["category"] == HarmCategory.HATE_HARASSMENT]
            # Said to someone ("mày", "thằng kia", "tụi bây"), the words have a target: the rules' reading
            # stands. Read on the folded text, so that a post gets the same answer typed with or without
            # accents (read as written, accented posts were lowered less often than the same posts plain).
            if hate_context.STRUCTURAL_RULES.isdisjoint(rules_hit) and not rules.addresses_someone(fold(norm)):
                p = context.probability(norm)
                model_scores["hate_context"] = round(p, 4)
                if hate_context.lowers(rules_hit, p, context.threshold):
                    top, review = calibration.decide(categories, model_scores, limits, strict=strict,
                                                     doubted=frozenset((HarmCategory.HATE_HARASSMENT,)))
                    if top == HarmCategory.NEEDS_REVIEW:
                        review = ("Có từ ngữ thô tục, xúc phạm nhưng bài viết đọc như chuyện thường ngày (than thở, "
                                  "đùa, tự trách), không rõ là công kích một người hay một nhóm người: cán bộ cần "
                                  "xem xét.")
                    hate_lowered = True
        if civic is not None:
            top, review = _civic_opinion(civic, norm, top, review, categories, model_scores, limits, why,
                                         strict=strict, hate_lowered=hate_lowered)
        categories[HarmCategory.OTHER] = round(1.0 - max(categories.values(), default=0.0), 4)
        categories[HarmCategory.NEEDS_REVIEW] = round(max(
            [categories.get(c, 0.0) for c in HARMFUL] + [0.3]), 4) if top == HarmCategory.NEEDS_REVIEW else 0.0
        if review:
            why.append({"kind": "review", "category": HarmCategory.NEEDS_REVIEW, "reason": review})
        relevance = places_mod.province_relevance(found_places)
        decided = {c: v for c, v in categories.items() if c == top} if top in HARMFUL else {}
        if top == HarmCategory.GRIEVANCE:
            decided = {HarmCategory.GRIEVANCE: categories[HarmCategory.GRIEVANCE]}
        # Risk and priority follow the decided category only: below the threshold nothing is urgent.
        risk = risk_score(decided or {HarmCategory.NEEDS_REVIEW: 0.0}, engagement=engagements[i] if engagements else None,
                          relevance=relevance, credibility=source_credibilities[i] if source_credibilities else None)
        if top == HarmCategory.NEEDS_REVIEW:
            risk = round(min(risk + 0.15, 0.29), 4)  # a look is asked for, at low priority
        if explain:
            for task, p in (("hate_offensive", model_scores.get("hate_offensive")), ("toxicity", model_scores.get("hate")),
                            ("scam", model_scores.get("scam"))):
                if p is not None and p >= 0.5:
                    why.append({"kind": "model", "task": task, "probability": round(p, 3),
                                "version": models[task].meta.get("version", ""),
                                "reason": calibration.model_reason(task, p)})
        if truncated[i]:
            why.append({"kind": "note", "detail": f"only the first {MAX_CHARS} characters were analysed",
                        "reason": f"Chỉ {MAX_CHARS:,} ký tự đầu được phân tích.".replace(",", ".")})
        out.append({
            "categories": categories, "top_category": top, "subtopic": subtopic if top == HarmCategory.MISINFORMATION else "",
            "priority": _at_least(priority_for(risk, urgent_hit=any(h["urgent"] for h in hits), limits=risk_limits),
                                  _priority_floor(top, categories.get(top, 0.0))), "risk": risk,
            "watchlists": [{"id": h["id"], "name": h["name"], "urgent": h["urgent"], "hits": h["hits"]}
                           for h in hits],
            "places": found_places, "entities": entities, "why": why, "model_scores": model_scores,
            "models": dict(versions),
        })
    return out


def _civic_opinion(civic, norm: str, top: str, review: str, categories: dict, model_scores: dict, limits: dict,
                   why: list, *, strict: bool, hate_lowered: bool) -> tuple[str, str]:
    """The civic-context model's second opinion (analysis/civic_context.py): it may lower a finding it
    reads as lawful, or decide a weak finding it reads as the same harm. It never adds a category that
    no rule found. Returns the (top, review reason) to keep."""
    if top in civic_context.LOWERABLE:
        p = civic.probabilities(norm)
        model_scores["civic_lawful"] = round(p[civic_context.LAWFUL], 4)
        if not civic_context.lowers(top, categories.get(top, 0.0), p, civic.lower_at):
            return top, review
        flagged = top
        top, review = calibration.decide(categories, model_scores, limits, strict=strict,
                                         doubted=frozenset((flagged,)))
        if top == HarmCategory.NEEDS_REVIEW:
            review = (f"Có dấu hiệu {calibration.VI_LABELS[flagged]} (các từ được trích ở trên), nhưng cả bài đọc "
                      "giống những bài hợp pháp (phản ánh, tin tức, cảnh báo, bác tin đồn): cán bộ cần xem xét.")
        return top, review
    if top != HarmCategory.NEEDS_REVIEW or strict or hate_lowered:
        # Press and agency sources keep their stricter thresholds; a hate finding lowered stays lowered.
        return top, review
    weak = [(c, categories.get(c, 0.0)) for c in calibration.HARMFUL if categories.get(c, 0.0) >= limits["review_floor"]]
    if not weak:
        return top, review  # a look asked for by a learned score alone: nothing quoted to confirm
    category = max(weak, key=lambda cv: cv[1])[0]
    if not any(w.get("kind") == "rule" and w.get("category") == category for w in why):
        # The span tagger's unconfirmed words are a lead, not a finding (see above): only a rule's are confirmed.
        return top, review
    own = [w for w in why if w.get("kind") == "rule" and w.get("category") == category]
    if own and all(w.get("capped") for w in own):
        # Every rule that found it lowered itself for a reason it read ("đm thua nữa…" aimed at nobody, the
        # writer calling themself a fool, an office criticised): the model reads the words, not the reason.
        return top, review
    if any(w.get("warned") and w.get("category") == category for w in why):
        # The rule capped itself because the post warns about the scam it quotes ("tin 'bưu phẩm bị giữ,
        # đóng phí…' là lừa đảo"): the model reads the quote, not the warning, so it may not undo that.
        return top, review
    p = civic.probabilities(norm)
    model_scores["civic_" + str(category)] = round(p.get(category, 0.0), 4)
    if not civic_context.confirms(category, p, civic.confirm_at):
        return top, review
    label = calibration.VI_LABELS[category]
    why.append({"kind": "model", "task": civic_context.TASK, "category": category,
                "probability": round(p[category], 3), "version": civic.version,
                "reason": (f"Dấu hiệu {label} ở trên chưa đủ mạnh để tự kết luận; mô hình học trên các bài viết địa "
                           f"phương đọc cả bài giống {label} ({round(p[category] * 100)} %), nên bài được xếp vào "
                           "loại này để cán bộ kiểm tra.")})
    return category, ""


def analyze(text: str, *, engagement: int | None = None, source_credibility: float | None = None,
            province_hint=None, author_name: str = "", strict: bool = False, explain: bool = True) -> dict:
    return analyze_many([text], engagements=[engagement], source_credibilities=[source_credibility],
                        province_hints=[province_hint], author_names=[author_name], stricts=[strict],
                        explain=explain)[0]
