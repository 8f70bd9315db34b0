"""Geometry for the SVG charts (XmR charts and the portfolio timeline). Pure arithmetic:
the templates draw the shapes, so no inline styles are needed (the CSP forbids them).

Text never scales with the chart: the SVGs have no viewBox. Across the page, positions are
percentages of the chart's width (``x``); down it, pixels (``y``), so the text is drawn at
its own size (16px, in the page's font) at every width. Labels never share a row: each
dated marker (a PDSA cycle, a re-baseline) has its own row above the plot, the y-axis
labels sit above their gridlines inside the plot, and only three date labels are drawn
under it (first, middle, last), which fit side by side even at 320 pixels wide."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from improvement_hub import spc

if TYPE_CHECKING:
    from improvement_hub.initiatives.selectors import TimelineGroup

# Across: percentages of the width. Down: pixels.
LEFT, RIGHT = 3.0, 97.0
FONT_SIZE = 16
MARKER_ROW = 24  # one row of marker labels
PLOT_HEIGHT = 260


@dataclass
class ChartPoint:
    x: float  # percent of the width
    y: float  # pixels from the top
    date: date
    value: float
    kind: str  # "common" | "improvement" | "concern" | "neutral"
    rule: str | None


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str  # "mean" | "limit" | "target" | "pdsa" | "rebase" | "data"
    label: str = ""
    tag: str = ""  # the short label drawn on the chart (the full label is in the key)
    label_y: float = 0
    anchor: str = "start"  # which end of its label sits on the line
    when: date | None = None

    @property
    def detail(self) -> str:
        """The label after its tag (‘Triage by a joint team’ of ‘PDSA 1: Triage…’)."""
        return self.label.partition(":")[2].strip()


@dataclass
class Tick:
    position: float
    label: str
    anchor: str = "middle"


@dataclass
class XmrChart:
    width: int  # kept for callers: 100 (percent)
    height: int
    plot_left: float
    plot_right: float
    plot_top: int
    plot_bottom: int
    points: list[ChartPoint]
    lines: list[Line]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    markers: list[Line] = field(default_factory=list)
    data_lines: list[Line] = field(default_factory=list)
    font_size: int = FONT_SIZE

    @property
    def x_label_y(self) -> int:
        return self.plot_bottom + FONT_SIZE + 8


def _nice_step(span: float, count: int = 5) -> float:
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _fmt(value: float) -> str:
    return (
        f"{value:,.0f}"
        if abs(value) >= 100 or value == int(value)
        else f"{value:,.2f}".rstrip("0").rstrip(".")
    )


def _date_ticks(points: Sequence[spc.Point], x: "_Across") -> list[Tick]:
    """The first, middle and last dates: three labels fit side by side at any width."""
    if not points:
        return []
    last = len(points) - 1
    span = (points[-1].date - points[0].date).days

    def label(index: int) -> str:
        # month and year (about 70px at 16px): three fit side by side at 320px; the full
        # dates are in the table under the chart
        day = points[index].date
        return f"{day.day} {day:%b}" if span < 60 else f"{day:%b %Y}"

    if last == 0:
        return [Tick(x(0), label(0))]
    ticks = [Tick(x(0), label(0), "start")]
    if last >= 2:
        ticks.append(Tick(x(last // 2), label(last // 2), "middle"))
    ticks.append(Tick(x(last), label(last), "end"))
    return ticks


class _Across:
    def __init__(self, count: int) -> None:
        self.count = count

    def __call__(self, index: float) -> float:
        if self.count == 1:
            return (LEFT + RIGHT) / 2
        return round(LEFT + index / (self.count - 1) * (RIGHT - LEFT), 2)


def xmr_chart(
    result: spc.SpcResult,
    *,
    markers: Sequence[tuple[date, str, str]] = (),
) -> XmrChart:
    """Places the points, means, limits, target and dated markers (PDSA cycles, rebases)."""
    points = result.points
    x = _Across(len(points))
    placed_markers = []
    for when, kind, label in markers:
        index = next((i for i, p in enumerate(points) if p.date >= when), None)
        if index is None:
            continue
        position = x(index)
        placed_markers.append(
            Line(
                position,
                0,
                position,
                0,
                kind,
                label,
                tag=label.partition(":")[0],
                anchor="start" if position <= 60 else "end",
                when=when,
            )
        )
    # one row for each marker, top down in date order: no two labels share a row
    placed_markers.sort(key=lambda m: (m.x1, m.when or date.min))
    for row, marker in enumerate(placed_markers):
        marker.label_y = FONT_SIZE + 4 + row * MARKER_ROW
        marker.y1 = marker.label_y + 6
    plot_top = FONT_SIZE + 4 + len(placed_markers) * MARKER_ROW + FONT_SIZE
    plot_bottom = plot_top + PLOT_HEIGHT
    for marker in placed_markers:
        marker.y2 = plot_bottom

    values = [p.value for p in points]
    for segment in result.segments:
        values.append(segment.mean)
        if segment.has_limits:
            values += [segment.lower_limit, segment.upper_limit]
    if result.target is not None:
        values.append(result.target)
    low, high = min(values), max(values)
    if math.isclose(low, high):
        low, high = low - 1, high + 1
    step = _nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step

    def y(value: float) -> float:
        return round(plot_bottom - (value - low) / (high - low) * PLOT_HEIGHT, 1)

    placed = [
        ChartPoint(x(i), y(p.value), p.date, p.value, p.special_cause or "common", p.rule)
        for i, p in enumerate(points)
    ]
    data_lines = [
        Line(a.x, a.y, b.x, b.y, "data") for a, b in zip(placed, placed[1:], strict=False)
    ]
    lines: list[Line] = []
    for number, segment in enumerate(result.segments):
        indexes = [i for i, p in enumerate(points) if p.segment == number]
        if not indexes:
            continue
        x1, x2 = x(indexes[0]), x(indexes[-1])
        lines.append(Line(x1, y(segment.mean), x2, y(segment.mean), "mean"))
        if segment.has_limits:
            for limit in (segment.lower_limit, segment.upper_limit):
                lines.append(Line(x1, y(limit), x2, y(limit), "limit"))
    if result.target is not None:
        lines.append(Line(LEFT, y(result.target), RIGHT, y(result.target), "target"))
    y_ticks = []
    tick = low
    while tick <= high + step / 2:
        y_ticks.append(Tick(y(tick), _fmt(tick), "start"))
        tick += step
    return XmrChart(
        width=100,
        height=plot_bottom + FONT_SIZE + 16,
        plot_left=LEFT,
        plot_right=RIGHT,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        points=placed,
        lines=lines,
        y_ticks=y_ticks,
        x_ticks=_date_ticks(points, x),
        markers=placed_markers,
        data_lines=data_lines,
    )


@dataclass
class Bar:
    x: float
    width: float
    y: float
    item: object


@dataclass
class TimelineChart:
    width: int
    height: int
    years: list[Tick]
    rows: list[tuple[str, list[Bar], int]]


TIMELINE_WIDTH, ROW_HEIGHT, HEADER_HEIGHT = 100, 34, 24  # percent across, pixels down


def timeline_chart(groups: Sequence["TimelineGroup"], *, start: date, end: date) -> TimelineChart:
    """Places each bar of each timeline group on a shared axis of years."""
    days = (end - start).days or 1

    def pos(when: date) -> float:
        clamped = min(max(when, start), end)
        return round((clamped - start).days / days * TIMELINE_WIDTH, 2)

    years = [Tick(pos(date(year, 1, 1)), str(year)) for year in range(start.year, end.year + 1)]
    rows = []
    for group in groups:
        bars = []
        for index, bar in enumerate(group.bars):
            left = pos(bar.starts_on)
            bars.append(
                Bar(
                    left, max(pos(bar.ends_on) - left, 0.5), HEADER_HEIGHT + index * ROW_HEIGHT, bar
                )
            )
        rows.append((group.title, bars, HEADER_HEIGHT + len(bars) * ROW_HEIGHT))
    return TimelineChart(TIMELINE_WIDTH, HEADER_HEIGHT, years, rows)
