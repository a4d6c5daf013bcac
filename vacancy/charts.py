"""Server-rendered SVG bar charts: readable at a glance, no JavaScript, no CDN, print-safe."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe

LABEL_WIDTH = 210
BAR_WIDTH = 330
ROW_HEIGHT = 28


def bars(rows: list[tuple[str, float]], *, highlight: str | None = None, unit: str = "", title: str = "") -> str:
    """Horizontal bars, one per (label, value), each with its value written next to it."""
    rows = list(rows)
    top = max((value for _label, value in rows), default=0) or 1
    height = ROW_HEIGHT * len(rows) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title or "Balkendiagramm")}">'
    ]
    for index, (label, value) in enumerate(rows):
        y = index * ROW_HEIGHT + 4
        length = round(BAR_WIDTH * value / top) if value else 0
        colour = "#b3412e" if highlight and label == highlight else "#2f6f8f"
        shown = f"{value:g}{unit}".replace(".", ",")
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" font-size="13" fill="#222">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{max(length, 1)}" height="{ROW_HEIGHT - 9}" fill="{colour}" rx="2"/>'
            f'<text x="{LABEL_WIDTH + max(length, 1) + 6}" y="{y + 17}" font-size="13" fill="#222">{escape(shown)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def target_bars(rows) -> str:
    """Actual share (bar) against target share (black tick) per use, in percent."""
    rows = list(rows)
    height = ROW_HEIGHT * len(rows) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 150
    top = max([max(r.target, r.actual) for r in rows] + [1])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="Zielmix: Ist und Ziel">']
    for index, row in enumerate(rows):
        y = index * ROW_HEIGHT + 4
        actual = round(BAR_WIDTH * row.actual / top)
        target = LABEL_WIDTH + round(BAR_WIDTH * row.target / top)
        colour = "#b3412e" if row.lacking else "#3d8b4f"
        text = f"Ist {row.actual:.1f} % / Ziel {row.target} %".replace(".", ",")
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" font-size="13" fill="#222">{escape(row.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{max(actual, 1)}" height="{ROW_HEIGHT - 9}" fill="{colour}" rx="2"/>'
            f'<rect x="{target - 1}" y="{y}" width="3" height="{ROW_HEIGHT - 3}" fill="#111"/>'
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 10}" y="{y + 17}" font-size="13" fill="#222">{text}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
