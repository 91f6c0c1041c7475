"""Template tags every app may use: `{% load haidang_tags %}`.

- `{% priority_badge value %}`: a coloured, labelled badge for a Priority value ("urgent", ...).
- `{{ text|highlight:query }}` / `{% highlight text terms=... spans=... %}`: escaped text with the
  matched parts wrapped in `<mark class="hd-hit">`; matching ignores accents and case.
- `{{ html|sanitize_html }}`: untrusted HTML cleaned by nh3 against a strict allow-list.
- `{{ value|vi_datetime }}`, `{{ value|vi_date }}`, `{{ value|ago }}`: Vietnamese-style dates.
- `{{ n|vi_number }}`: 1.234.567 (the Vietnamese thousands separator), whatever the active language.
- `{% svg_bar_chart rows %}`, `{% svg_line_chart labels series %}`: small charts drawn on the server,
  no JavaScript, with a text alternative for screen readers.

Collected content is hostile: every function here escapes first and only then adds markup it built itself.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import unicodedata
from collections.abc import Iterable, Sequence

from django import template
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from haidang.text.privacy import mask_personal_data

register = template.Library()

# --- Priority -------------------------------------------------------------------------------------

PRIORITY_ICONS = {"urgent": "exclamation-octagon-fill", "high": "exclamation-triangle-fill",
                  "medium": "info-circle-fill", "low": "dash-circle"}


def _priority_label(value: str) -> str:
    try:
        from haidang.core.vocabulary import Priority
    except ImportError:  # pragma: no cover - analysis is always installed, but stay usable without it
        return value
    try:
        return str(Priority(value).label)
    except ValueError:
        return value


@register.simple_tag
def priority_badge(value, *, small: bool = False) -> SafeString:
    """`<span class="badge hd-prio-urgent">` with an icon and the translated label.

    Accepts a Priority value, or any object with a `priority` attribute (alert, case, signals).
    The colour is never the only cue: the label is always written out.
    """
    value = getattr(value, "priority", value)
    value = str(value or "").strip().lower()
    if not value:
        return mark_safe("")
    # The same few badges over and over (one a card of the alert queue): made once per language.
    key = (get_language(), value, bool(small))
    badge = _BADGES.get(key)
    if badge is None:
        css = value if value in PRIORITY_ICONS else "low"
        badge = format_html(
            '<span class="badge hd-prio hd-prio-{}{}"><i class="bi bi-{}" aria-hidden="true"></i> {}</span>',
            css, " hd-prio-sm" if small else "", PRIORITY_ICONS[css], _priority_label(value),
        )
        if len(_BADGES) < 256:  # the values are few; anything else is made each time
            _BADGES[key] = badge
    return badge


_BADGES: dict[tuple, SafeString] = {}


# --- Highlighting ---------------------------------------------------------------------------------


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("đ", "d")
    base = unicodedata.normalize("NFC", base)
    return base if len(base) == 1 else (ch.lower()[:1] or ch)


class _FoldTable(dict):
    """`_fold_char` by code point, for `str.translate`, filled as characters are met: the feed's search
    highlighting folded every character of 50 titles and snippets through two Unicode normalisations
    (a fifth of the searched feed's time); a text is now one C-level pass."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < 20000:  # the characters of real text are few; hostile text cannot grow it forever
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_aligned(text: str) -> str:
    """Lower-case, accent-free, one output character per input character (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def _terms(terms) -> list[str]:
    if terms is None:
        return []
    if isinstance(terms, str):
        terms = terms.split()
    out = []
    for term in terms:
        # Search syntax (quotes, operators) is not part of what was matched.
        folded = fold_aligned(str(term).strip().strip("\"'()"))
        if folded and folded not in {"and", "or", "not"}:
            out.append(folded)
    return out[:20]


def hit_spans(text: str, terms=None, spans: Iterable[Sequence[int]] | None = None) -> list[tuple[int, int]]:
    """Merged, sorted (start, end) character ranges of `text` to mark."""
    found: list[tuple[int, int]] = []
    n = len(text)
    for span in spans or ():
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError, KeyError):
            continue
        start, end = max(0, start), min(n, end)
        if start < end:
            found.append((start, end))
    words = _terms(terms)
    if words:
        haystack = fold_aligned(text)
        for word in words:
            start = haystack.find(word)
            while start != -1 and len(found) < 1000:
                found.append((start, start + len(word)))
                start = haystack.find(word, start + len(word))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight_html(text, terms=None, spans=None, *, reveal: bool = False) -> SafeString:
    """Escape `text`, then wrap the matches in <mark class="hd-hit">. Offsets are into the raw text.

    Personal data in it (phones, ID and account numbers, house numbers) is masked unless `reveal`: the
    masking keeps the length, so the offsets still fit."""
    text = "" if text is None else str(text)
    if not reveal:
        text = mask_personal_data(text)
    parts: list[str] = []
    position = 0
    for start, end in hit_spans(text, terms, spans):
        parts.append(escape(text[position:start]))
        parts.append('<mark class="hd-hit">' + escape(text[start:end]) + "</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


@register.filter(name="highlight", needs_autoescape=False)
def highlight_filter(text, query) -> SafeString:
    """`{{ item.text|highlight:query }}`: every word of `query`, accents and case ignored."""
    return highlight_html(text, terms=query)


@register.filter(name="mask_pd")
def mask_pd_filter(text) -> str:
    """`{{ alert.title|mask_pd }}`: personal data masked (Decree 13/2023/NĐ-CP); escaped by the template."""
    return mask_personal_data(text)


@register.simple_tag(name="highlight")
def highlight_tag(text, terms=None, spans=None, reveal=False) -> SafeString:
    """`{% highlight item.text terms=query spans=signals.hits %}`: spans are (start, end) pairs or
    dicts with "start"/"end" (as the analyser's hits and places are)."""
    pairs = []
    for span in spans or ():
        if isinstance(span, dict):
            pairs.append((span.get("start"), span.get("end")))
        else:
            pairs.append(span)
    return highlight_html(text, terms=terms, spans=pairs, reveal=bool(reveal))


# --- Sanitising -----------------------------------------------------------------------------------

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan", "rowspan"},
                      "th": {"colspan", "rowspan", "scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def sanitize(html) -> str:
    """Untrusted HTML → HTML with only harmless tags: no scripts, styles, images, SVG, forms, frames,
    no event handlers or style attributes, links only to http(s)/mailto and opened without referrer."""
    import nh3

    if html is None:
        return ""
    return nh3.clean(
        str(html), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow ugc", strip_comments=True,
        clean_content_tags={"script", "style", "svg", "math", "noscript", "template", "iframe", "object"},
    )


@register.filter(is_safe=True)
def sanitize_html(html) -> SafeString:
    """`{{ item.html|sanitize_html }}`: safe to render; see `sanitize()`."""
    return mark_safe(sanitize(html))


# --- Dates and numbers ----------------------------------------------------------------------------


def _local(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    return value


@register.filter
def vi_datetime(value) -> str:
    """14:05 02/03/2026 — the order Vietnamese documents use (time, then day/month/year)."""
    if not value:
        return ""
    value = _local(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%H:%M %d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


@register.filter
def vi_date(value) -> str:
    """02/03/2026."""
    if not value:
        return ""
    value = _local(value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


@register.filter
def iso(value) -> str:
    """For `<time datetime="...">`."""
    if not value:
        return ""
    value = _local(value)
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@register.filter
def ago(value) -> str:
    """"3 giờ trước" / "3 hours ago"; "in 2 days" for the future. Translated by Django's catalogue."""
    if not isinstance(value, dt.date):
        return ""
    now = timezone.now() if isinstance(value, dt.datetime) else timezone.localdate()
    if value > now:
        return _("in %(delta)s") % {"delta": timesince(now, value, depth=1)}
    return _("%(delta)s ago") % {"delta": timesince(value, now, depth=1)}


# Job counters are written by many apps under short English keys; shown, they are words.
JOB_COUNTER_LABELS = {
    "read": _lazy("records read"), "new": _lazy("new items"), "updated": _lazy("items updated"),
    "duplicates": _lazy("duplicates skipped"), "rejected": _lazy("records rejected"),
    "created": _lazy("created"), "unchanged": _lazy("unchanged"), "matched": _lazy("matched"),
    "analysed": _lazy("items analysed"), "skipped": _lazy("skipped"), "failed": _lazy("failed"),
    "errors": _lazy("errors"), "rows": _lazy("rows"), "filename": _lazy("file"),
}


@register.filter
def counter_label(key) -> str:
    """The label of a Job counter key ("duplicates" → "trùng lặp, bỏ qua"); unknown keys as they are."""
    label = JOB_COUNTER_LABELS.get(str(key))
    return str(label) if label is not None else str(key).replace("_", " ")


@register.filter
def minutes_in(value) -> int:
    """Whole minutes in a timedelta (rounded up: "locked for 15 minutes", never "for 0")."""
    if not isinstance(value, dt.timedelta):
        return 0
    return max(1, math.ceil(value.total_seconds() / 60))


@register.simple_tag
def when(value) -> SafeString:
    """`<time>` with the Vietnamese date and, as its tooltip, how long ago."""
    if not value:
        return mark_safe("")
    # What iso() and vi_datetime() give, from one conversion to local time (they made one each), and
    # the standard library's escape (what format_html does, without its lazy wrappers): a card of the
    # alert queue has two of these, 100 a page, and they were 130 µs each.
    local = _local(value)
    if isinstance(local, dt.datetime):
        stamp, shown = local.isoformat(), local.strftime("%H:%M %d/%m/%Y")
    elif isinstance(local, dt.date):
        stamp, shown = local.isoformat(), local.strftime("%d/%m/%Y")
    else:  # not a date: as before
        return format_html('<time datetime="{}" title="{}">{}</time>', iso(value), ago(value), vi_datetime(value))
    return mark_safe(f'<time datetime="{html.escape(stamp)}" title="{html.escape(str(ago(value)))}">'  # noqa: S308
                     f"{html.escape(shown)}</time>")


@register.filter
def vi_number(value) -> str:
    """1234567 → 1.234.567; 0.5 → 0,5."""
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number.is_integer():
        return f"{int(number):,}".replace(",", ".")
    whole, _sep, frac = f"{number:,.2f}".partition(".")
    return whole.replace(",", ".") + "," + frac.rstrip("0")


# --- Charts ---------------------------------------------------------------------------------------

SERIES_CLASSES = 8


def _f(number: float) -> str:
    # format_html escapes its arguments to strings first, so numbers are formatted beforehand.
    return f"{number:.1f}"


def _nice_max(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is at least `value` (a tidy top for the y axis)."""
    if value <= 4:
        return 4
    magnitude = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 2.5, 5, 10):
        if m * magnitude >= value:
            return m * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


@register.simple_tag
def svg_bar_chart(rows, *, title: str = "", width: int = 480, bar_height: int = 22, url_prefix: str = "") -> SafeString:
    """Horizontal bars for [(label, value), ...] — e.g. top places. Labels are escaped."""
    rows = [(str(label), float(value or 0)) for label, value in rows][:30]
    if not rows:
        return mark_safe("")
    top = max(v for _l, v in rows) or 1
    label_w = int(width * 0.38)
    bar_area = width - label_w - 56
    height = len(rows) * (bar_height + 6) + 4
    out = [format_html(
        '<svg class="hd-chart hd-bar-chart" viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>{}</title>',
        width, height, title, title)]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * (bar_height + 6)
        w = max(1.0, bar_area * value / top)
        short = label if len(label) <= 28 else label[:27] + "…"
        out.append(format_html(
            '<g><title>{}: {}</title><text class="hd-chart-label" x="{}" y="{}" text-anchor="end">{}</text>'
            '<rect class="hd-series-0" x="{}" y="{}" width="{}" height="{}" rx="3"></rect>'
            '<text class="hd-chart-value" x="{}" y="{}">{}</text></g>',
            label, vi_number(value), label_w - 8, _f(y + bar_height * 0.72), short,
            label_w, y, _f(w), bar_height, _f(label_w + w + 6), _f(y + bar_height * 0.72), vi_number(value)))
    out.append("</svg>")
    return mark_safe("".join(out))


@register.simple_tag
def svg_line_chart(labels, series, *, title: str = "", width: int = 640, height: int = 220,
                   stacked: bool = False) -> SafeString:
    """Lines (or stacked areas) over `labels` for series = [{"label": str, "values": [numbers]}, ...].

    Colours come from CSS classes hd-series-0..7, so the chart follows the page's theme; a legend
    with the same colours is drawn as HTML by the caller (see core/panels/volume.html).
    """
    labels = [str(label) for label in labels]
    series = [s for s in series if s.get("values")][:SERIES_CLASSES]
    if not labels or not series:
        return mark_safe("")
    n = len(labels)
    values = [[float(v or 0) for v in s["values"]][:n] + [0.0] * max(0, n - len(s["values"])) for s in series]
    if stacked:
        running = [0.0] * n
        cumulative = []
        for row in values:
            running = [a + b for a, b in zip(running, row, strict=True)]
            cumulative.append(running)
        values_plot = cumulative
    else:
        values_plot = values
    top = _nice_max(max((max(row) for row in values_plot), default=1))
    left, right, top_pad, bottom = 40, 8, 10, 28
    plot_w, plot_h = width - left - right, height - top_pad - bottom

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top_pad + plot_h - plot_h * v / top

    out = [format_html(
        '<svg class="hd-chart hd-line-chart" viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>', width, height, title, title)]
    for k in range(5):
        gv = top * k / 4
        out.append(format_html(
            '<line class="hd-chart-grid" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
            '<text class="hd-chart-axis" x="{}" y="{}" text-anchor="end">{}</text>',
            left, width - right, _f(y(gv)), _f(y(gv)), left - 4, _f(y(gv) + 4), vi_number(round(gv, 1))))
    step = max(1, n // 7)
    for i in range(0, n, step):
        out.append(format_html('<text class="hd-chart-axis" x="{}" y="{}" text-anchor="middle">{}</text>',
                               _f(x(i)), height - 8, labels[i]))
    for index in reversed(range(len(values_plot))) if stacked else range(len(values_plot)):
        row = values_plot[index]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(row))
        css = f"hd-series-{index % SERIES_CLASSES}"
        name = str(series[index].get("label", ""))
        if stacked:
            base = f"{x(n - 1):.1f},{y(0):.1f} {x(0):.1f},{y(0):.1f}"
            out.append(format_html('<polygon class="{} hd-area" points="{} {}"><title>{}</title></polygon>',
                                   css, points, base, name))
        else:
            out.append(format_html('<polyline class="{} hd-line" points="{}"><title>{}</title></polyline>',
                                   css, points, name))
            for i, v in enumerate(values[index]):
                out.append(format_html('<circle class="{}" cx="{}" cy="{}" r="2.5"><title>{}, {}: {}</title>'
                                       '</circle>', css, _f(x(i)), _f(y(values_plot[index][i])), name, labels[i],
                                       vi_number(v)))
    out.append("</svg>")
    return mark_safe("".join(out))


@register.filter
def series_class(index) -> str:
    try:
        return f"hd-series-{int(index) % SERIES_CLASSES}"
    except (TypeError, ValueError):
        return "hd-series-0"


@register.filter
def percent_of(value, total) -> int:
    """An integer 0..100 for the hd-w-N width classes."""
    try:
        return max(0, min(100, round(100 * float(value) / float(total))))
    except (TypeError, ValueError, ZeroDivisionError):
        return 0


@register.simple_tag(takes_context=True)
def querystring_with(context, **changes) -> str:
    """The current query string with some parameters replaced (pagination, filters)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else None
    if params is None:
        from django.http import QueryDict

        params = QueryDict(mutable=True)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return "?" + encoded if encoded else "?"



# --- Navigation -----------------------------------------------------------------------------------


def is_current_path(url: str, path: str, *, exact: bool = False, exclude: Iterable[str] = ()) -> bool:
    if not url or not path:
        return False
    if path == url:
        return True
    if exact or url == "/" or not path.startswith(url):
        return False
    return not any(other and other != url and path.startswith(other) for other in exclude)


@register.filter
def is_current(url, path) -> bool:
    """`{% if some_url|is_current:request.path %}`: the page is that URL or below it."""
    return is_current_path(str(url or ""), str(path or ""))


@register.simple_tag(takes_context=True)
def nav_item(context, url, label, icon="", *exclude, exact: bool = False) -> SafeString:
    """A navbar entry, marked `aria-current="page"` on its own pages; nothing when `url` is empty
    (the app that owns it has no such page yet). `exclude`: sub-URLs that belong to other entries."""
    if not url:
        return mark_safe("")
    request = context.get("request")
    current = is_current_path(str(url), getattr(request, "path", ""), exact=exact, exclude=exclude)
    return format_html(
        '<li class="nav-item"><a class="nav-link{}" href="{}"{}>{}{}</a></li>',
        " active" if current else "", url, mark_safe(' aria-current="page"') if current else "",
        format_html('<i class="bi bi-{}" aria-hidden="true"></i> ', icon) if icon else "", label,
    )


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The user's unread inbox count (0 for anonymous users), for the navbar badge."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    cached = getattr(request, "_hd_unread", None)
    if cached is None:
        from haidang.core.notifications import unread_count

        cached = request._hd_unread = unread_count(user)
    return cached
