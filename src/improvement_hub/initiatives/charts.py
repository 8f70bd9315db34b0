"""Geometry for the SVG charts (XmR charts and the portfolio timeline). Pure arithmetic:
the templates draw the shapes, so no inline styles are needed (the CSP forbids them)."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from improvement_hub import spc

if TYPE_CHECKING:
    from improvement_hub.initiatives.selectors import TimelineGroup

WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 20, 56


@dataclass
class ChartPoint:
    x: float
    y: float
    date: date
    value: float
    kind: str  # "common" | "improvement" | "concern" | "neutral"
    rule: str | None

    @property
    def diamond(self) -> str:
        """Corners of the diamond drawn for a point of concern (shape, not only colour)."""
        x, y = self.x, self.y
        return f"{x - 7},{y} {x},{y - 7} {x + 7},{y} {x},{y + 7}"

    @property
    def square_x(self) -> float:
        return round(self.x - 5, 1)

    @property
    def square_y(self) -> float:
        return round(self.y - 5, 1)


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str  # "mean" | "limit" | "target" | "pdsa" | "rebase"
    label: str = ""


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class XmrChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    path: str
    points: list[ChartPoint]
    lines: list[Line]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    markers: list[Line] = field(default_factory=list)


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


def xmr_chart(
    result: spc.SpcResult,
    *,
    markers: Sequence[tuple[date, str, str]] = (),
) -> XmrChart:
    """Places the points, means, limits, target and dated markers (PDSA cycles, rebases)."""
    points = result.points
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
    plot_right, plot_bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def y(value: float) -> float:
        return round(plot_bottom - (value - low) / (high - low) * (plot_bottom - TOP), 1)

    count = len(points)

    def x(index: float) -> float:
        if count == 1:
            return (LEFT + plot_right) / 2
        return round(LEFT + index / (count - 1) * (plot_right - LEFT), 1)

    placed = [
        ChartPoint(x(i), y(p.value), p.date, p.value, p.special_cause or "common", p.rule)
        for i, p in enumerate(points)
    ]
    path = "M" + " L".join(f"{p.x},{p.y}" for p in placed)
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
        lines.append(Line(LEFT, y(result.target), plot_right, y(result.target), "target"))
    y_ticks = []
    tick = low
    while tick <= high + step / 2:
        y_ticks.append(Tick(y(tick), _fmt(tick)))
        tick += step
    every = max(1, math.ceil(count / 8))
    x_ticks = [
        Tick(x(i), f"{p.date:%b %Y}" if every > 1 else f"{p.date:%-d %b}")
        for i, p in enumerate(points)
        if i % every == 0
    ]
    placed_markers = []
    for when, kind, label in markers:
        index = next((i for i, p in enumerate(points) if p.date >= when), None)
        if index is None:
            continue
        placed_markers.append(Line(x(index), TOP, x(index), plot_bottom, kind, label))
    return XmrChart(
        WIDTH,
        HEIGHT,
        LEFT,
        plot_right,
        TOP,
        plot_bottom,
        path,
        placed,
        lines,
        y_ticks,
        x_ticks,
        placed_markers,
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


TIMELINE_WIDTH, ROW_HEIGHT, HEADER_HEIGHT = 960, 34, 24


def timeline_chart(groups: Sequence["TimelineGroup"], *, start: date, end: date) -> TimelineChart:
    """Places each bar of each timeline group on a shared axis of years."""
    days = (end - start).days or 1

    def pos(when: date) -> float:
        clamped = min(max(when, start), end)
        return round((clamped - start).days / days * TIMELINE_WIDTH, 1)

    years = [Tick(pos(date(year, 1, 1)), str(year)) for year in range(start.year, end.year + 1)]
    rows = []
    for group in groups:
        bars = []
        for index, bar in enumerate(group.bars):
            left = pos(bar.starts_on)
            bars.append(
                Bar(left, max(pos(bar.ends_on) - left, 3), HEADER_HEIGHT + index * ROW_HEIGHT, bar)
            )
        rows.append((group.title, bars, HEADER_HEIGHT + len(bars) * ROW_HEIGHT))
    return TimelineChart(TIMELINE_WIDTH, HEADER_HEIGHT, years, rows)
