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
    width: str  # per cent of the chart's width
    label_y: str
    bar_y: str
    bar_bottom: str


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: str
    bar_height: str = str(BAR)
    font_size: str = str(FONT_SIZE)


def bar_chart(rows: Sequence[tuple[str, float, str]]) -> BarChart:
    """``rows`` are (label, value, the value as text); bars are scaled to the largest."""
    largest = max((value for _label, value, _text in rows), default=0) or 1
    bars = []
    for index, (label, value, text) in enumerate(rows):
        top = index * ROW
        width = round(100 * max(value, 0) / largest, 2)
        # Numbers as text: the template then writes them as they are, not localised.
        shown = f"{max(width, 0.5) if value else 0:g}"
        bars.append(Bar(label, text, shown, str(top + 18), str(top + 24), str(top + 24 + BAR)))
    return BarChart(bars=bars, height=str(max(ROW * len(bars), ROW)))
