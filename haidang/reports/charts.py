"""Charts for the reports, drawn with matplotlib (Agg backend: no display on the server) as PNG bytes."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402  (after choosing the backend)


def _font() -> str:
    """Times New Roman, else Liberation Serif when it has the Vietnamese letters (fonts-liberation2 does;
    Debian's older fonts-liberation 1.07 lacks ạ, ơ, ừ …), else DejaVu Serif, which has them all."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    for family in ("Times New Roman", "Liberation Serif"):
        try:
            path = font_manager.findfont(family, fallback_to_default=False)
        except ValueError:
            continue
        if FT2Font(path).get_char_index(0x1EA1):  # ạ
            return family
    return "DejaVu Serif"


def bar_chart(rows: list[tuple[str, int]], *, title: str = "", horizontal: bool = True, color: str = "#1f4e79") -> bytes:
    """A bar chart of (label, value) rows; 150 dpi so it prints sharp at 150 mm."""
    labels = [label for label, _v in rows] or ["—"]
    values = [value for _l, value in rows] or [0]
    with plt.rc_context({"font.family": _font(), "font.size": 10}):
        height = max(2.2, 0.38 * len(labels) + 1.0) if horizontal else 3.2
        fig, ax = plt.subplots(figsize=(6.3, height), dpi=150)
        try:
            if horizontal:
                bars = ax.barh(labels[::-1], values[::-1], color=color)
                ax.set_xlim(0, max(values) * 1.15 + 1)
            else:
                bars = ax.bar(labels, values, color=color)
                ax.set_ylim(0, max(values) * 1.15 + 1)
            ax.bar_label(bars, padding=2)
            ax.spines[["top", "right"]].set_visible(False)
            if title:
                ax.set_title(title, fontsize=11, fontweight="bold")
            fig.tight_layout()
            out = io.BytesIO()
            fig.savefig(out, format="png")
            return out.getvalue()
        finally:
            plt.close(fig)
