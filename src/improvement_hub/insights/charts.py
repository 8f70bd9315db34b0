"""Horizontal bar charts as SVG geometry, drawn like the SPC charts: no viewBox, positions
across as percentages of the width and down in pixels, so the text keeps the page's size at
every width and the chart fits 320 px."""

from collections.abc import Sequence
from dataclasses import dataclass

ROW = 50  # pixels per bar: a label line and the bar under it
BAR = 18
FONT_SIZE = 16


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    width: float  # per cent of the chart's width
    label_y: int
    bar_y: int


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: int
    bar_height: int = BAR
    font_size: int = FONT_SIZE


def bar_chart(rows: Sequence[tuple[str, float, str]]) -> BarChart:
    """``rows`` are (label, value, the value as text); bars are scaled to the largest."""
    largest = max((value for _label, value, _text in rows), default=0) or 1
    bars = []
    for index, (label, value, text) in enumerate(rows):
        top = index * ROW
        width = round(100 * max(value, 0) / largest, 2)
        bars.append(Bar(label, text, max(width, 0.5) if value else 0, top + 18, top + 24))
    return BarChart(bars=bars, height=max(ROW * len(bars), ROW))
