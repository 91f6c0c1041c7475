"""Tags of the monitoring screens (feed, item, story, watch-lists): `{% load monitoring_tags %}`.

The "why" of a detection comes from `ItemSignals.why`: rule signals, watch-list hits, model scores and
notes. Everything here returns plain strings or escaped HTML built with format_html.
"""

from __future__ import annotations

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext
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
            # A second opinion that decided a category (analysis/civic_context.py) is labelled by it.
            label = category_label(why["category"]) if why.get("category") else {
                "hate_offensive": _("hate or offensive language"), "toxicity": _("hate speech"),
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


# --- The feed's rows -------------------------------------------------------------------------------

# A stand-in id no item has: the item page's URL is reversed once a page with it, then each row's URL
# is that pattern with the row's id.
_STAND_IN_ID = 987654321987


def _e(value) -> str:
    """What `{{ value }}` writes: localised, then escaped (a SafeString as it is)."""
    return conditional_escape(str(localize(value)))


def _feed_parts(context) -> dict:
    """Once a page: the row's labels (`{% translate %}` wrote the catalogue's strings as they are) and the
    item URL pattern."""
    cache = context.render_context.dicts[0]
    parts = cache.get("haidang_feed_row")
    if parts is None:
        parts = cache["haidang_feed_row"] = {
            "select": gettext("Select"), "engagement": gettext("Engagement"), "press": gettext("press"),
            "removed": gettext("removed at source"), "url": reverse("content:item", args=[_STAND_IN_ID])}
    return parts


@register.simple_tag(takes_context=True)
def feed_row(context, item, query="", can_work=False) -> SafeString:
    """One row of the monitoring feed, as its template wrote it (`tests/reference/feed_row.html`, kept
    equal by `tests/test_feed_row.py`): 50 rows a page were about 60 template nodes each, half the
    feed's time. Title and text are masked (personal data) once each; the filters run in the template's
    order: mask, cut, highlight (which masks again, as `|highlight` does)."""
    from haidang.core.templatetags.haidang_tags import highlight_html, priority_badge, vi_number, when
    from haidang.text.privacy import mask_personal_data

    parts = _feed_parts(context)
    try:
        signals = item.signals
    except ObjectDoesNotExist:  # `{% with signals=item.signals %}` of an item not analysed: nothing
        signals = None
    pk = _e(item.pk)
    title, text = item.title, item.text
    masked_text = mask_personal_data(text)
    masked_title = mask_personal_data(title) if title else ""
    select = ""
    if can_work:
        label = Truncator(masked_title if title else masked_text).chars(60)
        select = (f'\n        <div class="pt-1"><input class="form-check-input" type="checkbox" name="items" value="{pk}" '
                  f'id="feed-item-{pk}" data-hd-group="feed-item">\n'
                  f'          <label class="visually-hidden" for="feed-item-{pk}">{parts["select"]}: {_e(label)}</label></div>\n        ')
    if title:
        heading = highlight_html(masked_title, terms=query)
    else:
        heading = highlight_html(Truncator(masked_text).chars(120), terms=query)
    snippet = (f'<p class="hd-feed-snippet small mb-1">{highlight_html(Truncator(masked_text).chars(280), terms=query)}</p>'
               if title and text else "")
    tags = ""
    if signals:
        tags = priority_badge(signals, small=True)
        if signals.top_category and signals.top_category != "other":
            tags += f' <span class="badge text-bg-light border">{_e(category_label(signals.top_category))}</span>'
    author = (f'<span><i class="bi bi-person" aria-hidden="true"></i> {_e(item.author_name)}</span>'
              if item.author_name else "")
    engagement = item.engagement
    engaged = (f'<span title="{parts["engagement"]}"><i class="bi bi-hand-thumbs-up" aria-hidden="true"></i> '
               f'{_e(vi_number(engagement))}</span>' if engagement else "")
    press = f'<span class="badge text-bg-info">{parts["press"]}</span>' if item.is_press else ""
    removed = f'<span class="badge text-bg-secondary">{parts["removed"]}</span>' if item.deleted_at else ""
    url = parts["url"].replace(str(_STAND_IN_ID), str(int(item.pk)))
    return mark_safe(
        f'\n    <li class="hd-feed-item card mb-2{" hd-press" if item.is_press else ""}" data-item-id="{pk}">\n'
        f'      <div class="card-body py-2 d-flex gap-2">\n'
        f'        {select}\n'
        f'        <div class="flex-grow-1 min-w-0">\n'
        f'          <div class="d-flex flex-wrap justify-content-between gap-1">\n'
        f'            <a class="hd-feed-title fw-semibold" href="{_e(url)}">{heading}</a>\n'
        f'            <span class="small text-secondary hd-nowrap">{when(item.published_at or item.fetched_at)}</span>\n'
        f'          </div>\n'
        f'          {snippet}\n'
        f'          <div class="small text-secondary d-flex flex-wrap align-items-center gap-2">\n'
        f'            {tags}\n'
        f'            <span><i class="bi bi-rss" aria-hidden="true"></i> {_e(item.source.name)}</span>\n'
        f'            <span>{_e(item.get_platform_display())}</span>\n'
        f'            {author}\n'
        f'            {engaged}\n'
        f'            {press}\n'
        f'            {removed}\n'
        f'          </div>\n'
        f'          {why_chips(signals) if signals else ""}\n'
        f'        </div>\n'
        f'      </div>\n'
        f'    </li>\n    ')
