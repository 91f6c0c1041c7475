"""Tags of the monitoring screens (feed, item, story, watch-lists): `{% load monitoring_tags %}`.

The "why" of a detection comes from `ItemSignals.why`: rule signals, watch-list hits, model scores and
notes. Everything here returns plain strings or escaped HTML built with format_html.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def category_label(value) -> str:
    from haidang.core.vocabulary import HarmCategory

    try:
        return str(HarmCategory(value).label)
    except ValueError:
        return str(value or "")


@register.filter
def percent(value) -> str:
    """0.834 → "83 %" (Vietnamese typography puts a space before the sign)."""
    try:
        return f"{round(float(value) * 100)} %"
    except (TypeError, ValueError):
        return ""


def why_reasons(signals, limit: int = 6) -> list[dict]:
    """Readable reasons: [{"kind", "label", "sentence", "detail", "terms"}] from a signals row (or None).

    `sentence` is the analyser's own Vietnamese sentence, quoting the post as written. Internal rule
    ids and model n-grams are never shown: a reason must be something an officer can check by reading."""
    if signals is None:
        return []
    out = []
    for why in signals.why or ():
        kind = why.get("kind")
        terms = list(dict.fromkeys(str(q) for q in why.get("quotes", ()) if q))[:6] or sorted(
            {str(m.get("term", "")) for m in why.get("matches", ()) if m.get("term")})[:5]
        sentence = str(why.get("reason") or "")
        if kind in ("rule", "span"):
            out.append({"kind": "rule", "label": category_label(why.get("category", "")), "sentence": sentence,
                        "detail": "", "terms": [] if sentence else terms, "warned": bool(why.get("warned"))})
        elif kind == "review":
            out.append({"kind": "review", "label": category_label("needs_review"), "sentence": sentence,
                        "detail": "", "terms": []})
        elif kind == "watchlist":
            out.append({"kind": "watchlist", "label": str(why.get("name", "")), "sentence": "",
                        "detail": _("urgent watch-list") if why.get("urgent") else _("watch-list"), "terms": terms})
        elif kind == "model":
            label = {"hate_offensive": _("hate or offensive language"), "toxicity": _("hate speech"),
                     "scam": _("scam")}.get(why.get("task"), str(why.get("task", "")))
            out.append({"kind": "model", "label": label, "terms": [], "sentence": sentence,
                        "detail": "" if sentence else _("model: %(p)s") % {"p": percent(why.get("probability"))}})
        elif kind == "note":
            out.append({"kind": "note", "label": _("note"), "sentence": sentence,
                        "detail": "" if sentence else str(why.get("detail", "")), "terms": []})
    return out[:limit]


ICONS = {"rule": "signpost-split", "watchlist": "list-check", "model": "cpu", "note": "info-circle",
         "review": "eye"}


@register.simple_tag
def why_chips(signals, limit: int = 4) -> SafeString:
    """Compact "why" for the feed: one chip per reason, terms in the tooltip."""
    reasons = why_reasons(signals, limit)
    if not reasons:
        return mark_safe("")
    chips = format_html_join(
        " ", '<span class="hd-why-chip hd-why-{}" title="{}"><i class="bi bi-{}" aria-hidden="true"></i> {}</span>',
        ((r["kind"], r["sentence"] or ", ".join(r["terms"]) or r["detail"], ICONS.get(r["kind"], "dot"), r["label"])
         for r in reasons))
    return format_html('<div class="hd-why" data-why>{}</div>', chips)


@register.simple_tag
def reasons(signals, limit: int = 20) -> list[dict]:
    return why_reasons(signals, limit)
