"""A small server-side SVG bar chart (no JavaScript: the CSP forbids inline scripts, and a
chart library is not needed for one series). Built from numbers only; labels are escaped."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe


def bar_chart(series: list[tuple[dt.datetime, int]], *, width: int = 720, height: int = 160, title: str = "") -> str:
    if not series:
        return ""
    peak = max(n for _h, n in series) or 1
    pad_left, pad_bottom, pad_top = 32, 22, 8
    plot_w, plot_h = width - pad_left - 4, height - pad_bottom - pad_top
    bar_w = plot_w / len(series)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="hd-spread" role="img" viewBox="0 0 {width} {height}" '
             f'width="100%" preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>',
             f'<text x="0" y="{pad_top + 10}" font-size="10" fill="#555">{peak}</text>',
             f'<line x1="{pad_left}" y1="{pad_top + plot_h}" x2="{width}" y2="{pad_top + plot_h}" stroke="#999"/>']
    step = max(1, len(series) // 8)
    for i, (hour, n) in enumerate(series):
        h = plot_h * n / peak
        x = pad_left + i * bar_w
        label = timezone.localtime(hour).strftime("%d/%m %Hh")
        parts.append(f'<rect x="{x + 1:.1f}" y="{pad_top + plot_h - h:.1f}" width="{max(1.0, bar_w - 2):.1f}" '
                     f'height="{h:.1f}" fill="#2563eb"><title>{escape(label)}: {n}</title></rect>')
        if i % step == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 6}" font-size="9" fill="#555">{escape(label)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - built above from numbers and escaped labels only
