"""The shared template tags: escaping first, markup second; nothing hostile survives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from haidang.core.templatetags import haidang_tags as tags

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">bấm</a>',
    "<svg onload=alert(1)><circle/></svg>",
    '"><iframe src="javascript:alert(1)">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


def render(source: str, **context) -> str:
    return Template("{% load haidang_tags %}" + source).render(Context(context))


def test_highlight_is_accent_and_case_insensitive():
    out = str(tags.highlight_html("Lũ ở Quảng Bình, quảng bình!", terms="quang binh"))
    assert out == ('Lũ ở <mark class="hd-hit">Quảng</mark> <mark class="hd-hit">Bình</mark>, '
                   '<mark class="hd-hit">quảng</mark> <mark class="hd-hit">bình</mark>!')


def test_highlight_merges_overlapping_terms_and_spans():
    out = str(tags.highlight_html("abcdef", terms="bcd cde", spans=[(0, 2)]))
    assert out == '<mark class="hd-hit">abcde</mark>f'


@pytest.mark.parametrize("payload", HOSTILE)
def test_highlight_escapes_hostile_text(payload):
    out = str(tags.highlight_html(payload + " Quảng Bình", terms="script img svg quang alert"))
    assert "<script" not in out and "<img" not in out and "<svg" not in out and "<a " not in out
    assert "<iframe" not in out
    # Every tag left is one of ours.
    assert out.replace('<mark class="hd-hit">', "").replace("</mark>", "").count("<") == 0


def test_highlight_cannot_split_an_entity():
    # A hit inside "&" must not produce "&am<mark>p;" garbage: offsets are into the raw text.
    out = str(tags.highlight_html("a & b <c>", terms="&"))
    assert out == 'a <mark class="hd-hit">&amp;</mark> b &lt;c&gt;'


def test_highlight_ignores_bad_spans():
    out = str(tags.highlight_html("xin chào", spans=[(5, 2), ("a", 1), (None,), (-3, 3), (5, 999)]))
    assert out == '<mark class="hd-hit">xin</mark> c<mark class="hd-hit">hào</mark>'


def test_highlight_filter_and_tag_in_templates():
    assert render("{{ t|highlight:q }}", t="<b>Đồng Hới</b>", q="dong") == \
        '&lt;b&gt;<mark class="hd-hit">Đồng</mark> Hới&lt;/b&gt;'
    assert render("{% highlight t spans=s %}", t="Lệ Thủy <x>", s=[{"start": 0, "end": 7}]) == \
        '<mark class="hd-hit">Lệ Thủy</mark> &lt;x&gt;'


@pytest.mark.parametrize("payload", HOSTILE)
def test_sanitize_html_removes_everything_active(payload):
    out = tags.sanitize(payload).lower()
    for bad in ("<script", "<img", "<svg", "<iframe", "<style", "<math", "onerror", "onload", "javascript:"):
        assert bad not in out


def test_sanitize_html_keeps_harmless_markup():
    out = tags.sanitize('<p>Tin <strong>chính thức</strong> <a href="https://qt.gov.vn/x" onclick="x()">ở đây</a></p>')
    assert out == ('<p>Tin <strong>chính thức</strong> '
                   '<a href="https://qt.gov.vn/x" rel="noopener noreferrer nofollow ugc">ở đây</a></p>')
    assert render("{{ h|sanitize_html }}", h="<em>ok</em><script>x</script>") == "<em>ok</em>"


def test_priority_badge_has_label_and_class():
    with translation.override("en"):
        out = render("{% priority_badge 'urgent' %}")
        assert 'hd-prio-urgent' in out and "urgent" in out.split("</i>")[1]
        # unknown values are escaped, styled as low
        out = render("{% priority_badge v %}", v="<x>")
        assert "&lt;x&gt;" in out and "hd-prio-low" in out
        assert render("{% priority_badge '' %}") == ""


def test_vietnamese_numbers_and_dates():
    assert tags.vi_number(1234567) == "1.234.567"
    assert tags.vi_number(0.5) == "0,5"
    assert tags.vi_number(None) == ""
    when = timezone.make_aware(dt.datetime(2026, 3, 2, 14, 5))
    assert tags.vi_datetime(when) == "14:05 02/03/2026"
    assert tags.vi_date(dt.date(2026, 3, 2)) == "02/03/2026"
    with translation.override("vi"):
        assert "trước" in tags.ago(timezone.now() - dt.timedelta(hours=3))


def test_bar_chart_escapes_labels():
    out = str(tags.svg_bar_chart([("<script>x</script>", 3), ("Đồng Hới", 1)], title='"><b>'))
    assert "<script" not in out and "&lt;script&gt;" in out
    assert 'aria-label="&quot;&gt;&lt;b&gt;"' in out
    assert out.count("<rect") == 2
    assert str(tags.svg_bar_chart([])) == ""


def test_line_chart_draws_one_line_per_series():
    out = str(tags.svg_line_chart(["01/03", "02/03", "03/03"],
                                  [{"label": "lừa đảo", "values": [1, 5, 2]}, {"label": "<i>", "values": [0, 1]}],
                                  title="t"))
    assert out.count("<polyline") == 2 and "&lt;i&gt;" in out and "<i>" not in out
    stacked = str(tags.svg_line_chart(["a", "b"], [{"label": "x", "values": [1, 2]}], stacked=True))
    assert "<polygon" in stacked
    assert str(tags.svg_line_chart([], [])) == ""


@pytest.mark.parametrize("url,path,exact,expected", [
    ("/cases/", "/cases/12/", False, True),
    ("/cases/", "/cases/triage/", False, False),  # excluded below
    ("/", "/cases/", False, False),
    ("/", "/", True, True),
    ("", "/", False, False),
])
def test_nav_current(url, path, exact, expected):
    assert tags.is_current_path(url, path, exact=exact, exclude=["/cases/triage/"]) is expected
