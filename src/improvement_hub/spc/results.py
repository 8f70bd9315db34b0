"""Result types for XmR charts (improvement direction, segments, points, the chart result) and
their plain-English summary (variation, trial limits, assurance)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import pairwise

# NHSRplotthedots warns for any segment with fewer than 12 points ("trial limits", vignette
# "Number of points required"; R/ptd_add_short_group_warnings.R, warning_threshold = 12), and
# refuses fix_after_n_points below 12 (R/ptd_spc_options.R).
MIN_POINTS_FOR_LIMITS = 12


class Direction(StrEnum):
    """Which way a measure improves; any other value is refused by ``xmr``."""

    INCREASE = "increase"
    DECREASE = "decrease"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Segment:
    """One stretch of the chart (start to the next rebase) with its own mean and limits."""

    start: date
    mean: float
    lower_limit: float
    upper_limit: float
    moving_range_mean: float
    points: int
    rebased_on: date | None = None  # the re-baseline date that started it (None for the first)

    @property
    def has_limits(self) -> bool:
        """Whether process limits exist; a one-point segment has none (its limits are NaN)."""
        return not math.isnan(self.lower_limit)

    @property
    def trial_limits(self) -> bool:
        """Whether the segment has fewer than 12 points, so its limits are only trial limits."""
        return self.points < MIN_POINTS_FOR_LIMITS


@dataclass(frozen=True)
class Point:
    """One observation with its segment index and the special-cause flag that applies to it."""

    date: date
    value: float
    segment: int
    special_cause: str | None  # None | "improvement" | "concern" | "neutral"
    rule: str | None  # None | "outside_limits" | "two_of_three" | "trend" | "run"


@dataclass(frozen=True)
class SpcResult:
    """An XmR chart: segments, flagged points, the latest point's variation and target assurance."""

    segments: list[Segment]
    points: list[Point]
    variation: str  # "common_cause" | "special_cause_improvement" | "_concern" | "_neutral"
    assurance: str | None  # None | "pass" | "fail" | "hit_and_miss"
    target: float | None = None
    direction: Direction = Direction.NEUTRAL

    def summary(self, unit: str = "") -> str:
        """Describe the shifts between segments, the latest variation, trial limits and
        target assurance in plain English; ``unit`` (like "days" or "%") follows the means."""
        return describe(self, unit=unit)


# --- the plain-English summary -----------------------------------------------------------

_MONTHS = (
    "January February March April May June July August September October November December"
).split()

_HEADINGS = {
    "improvement": "Special cause improvement",
    "concern": "Special cause concern",
    "neutral": "Special cause variation",
}


_SHORT_MONTHS = [month[:3] for month in _MONTHS]


def _short_date(day: date) -> str:
    return f"{day.day} {_SHORT_MONTHS[day.month - 1]} {day.year}"


def _with_unit(number: str, unit: str) -> str:
    unit = unit.strip()
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _mean_text(value: float, other: float) -> str:
    """A mean rounded as a headline reads it: whole numbers from 10 up, unless that would make
    two different means look the same."""
    for places in (0, 1, 2) if abs(value) >= 10 else (1, 2):
        if round(value, places) != round(other, places) or places == 2:
            text = f"{value:,.{places}f}"
            return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value:g}"  # pragma: no cover - the loop always returns


def _verdict(first: float, last: float, direction: Direction) -> str:
    if direction is Direction.NEUTRAL or math.isclose(first, last):
        return "Changed"
    better = last < first if direction is Direction.DECREASE else last > first
    return "Improved" if better else "Worsened"


def _shifts(result: SpcResult, unit: str) -> str | None:
    """The story across segments: each re-baseline with the mean before and after it."""
    segments = result.segments
    if len(segments) < 2:
        return None
    steps = []
    for number, (before, after) in enumerate(pairwise(segments)):
        when = _short_date(after.rebased_on or after.start)
        to = _with_unit(_mean_text(after.mean, before.mean), unit)
        if number == 0:
            steps.append(f"from a mean of {_mean_text(before.mean, after.mean)} to {to} on {when}")
        else:
            steps.append(f"then to {to} on {when}")
    verdict = _verdict(segments[0].mean, segments[-1].mean, result.direction)
    rebased = "re-baselined" if len(segments) == 2 else f"re-baselined {len(segments) - 1} times"
    return f"{verdict}: the process shifted {', '.join(steps)} ({rebased})"


def _when(day: date, monthly: bool) -> str:
    month = f"{_MONTHS[day.month - 1]} {day.year}"
    return month if monthly else f"{day.day} {month}"


def _side(point: Point, mean: float) -> int:
    # Against the rounded float mean: only a value within one ulp of the exact mean can differ
    # from the exact comparison the rules used, and it would only shorten a reported run.
    return (point.value > mean) - (point.value < mean)


def _stretch(points: list[Point], keep: Callable[[Point, Point], bool]) -> list[Point]:
    """The latest point and the flagged points before it in its segment while keep(prev, next)."""
    stretch = [points[-1]]
    for earlier in reversed(points[:-1]):
        if earlier.segment != stretch[0].segment or earlier.rule is None:
            break
        if not keep(earlier, stretch[0]):
            break
        stretch.insert(0, earlier)
    return stretch


def _signal(result: SpcResult, monthly: bool) -> str:
    latest = result.points[-1]
    if latest.special_cause is None:
        return "Common cause variation: no significant change."
    heading = _HEADINGS[latest.special_cause]
    segment = result.segments[latest.segment]
    side = _side(latest, segment.mean)
    where = "above" if side > 0 else "below"
    if latest.rule == "outside_limits":
        limit = "upper" if side > 0 else "lower"
        return f"{heading}: the latest point is {where} the {limit} process limit."
    if latest.rule == "two_of_three":
        limit = "upper" if side > 0 else "lower"
        return f"{heading}: at least 2 of the last 3 points are near or beyond the {limit} limit."
    if latest.rule == "trend":
        previous = result.points[-2].value
        rising = latest.value > previous
        stretch = _stretch(
            result.points,
            lambda a, b: (b.value > a.value) if rising else (b.value < a.value),
        )
        moving = "increasing" if rising else "decreasing"
        since = _when(stretch[0].date, monthly)
        return f"{heading}: {len(stretch)} points in a row {moving} since {since}."
    stretch = _stretch(result.points, lambda a, b: _side(a, segment.mean) == side)
    since = _when(stretch[0].date, monthly)
    return f"{heading}: {len(stretch)} points {where} the mean since {since}."


def _limits_note(result: SpcResult) -> str | None:
    segment = result.segments[-1]
    if not segment.has_limits:
        return "There are not enough points since the last rebase to calculate process limits."
    if segment.trial_limits:
        return (
            f"These are trial limits from only {segment.points} points; Making Data Count "
            f"recommends at least {MIN_POINTS_FOR_LIMITS}."
        )
    return None


def _assurance_note(result: SpcResult) -> str | None:
    if result.target is None:
        return None
    target = f"{result.target:g}"
    if result.assurance == "pass":
        return f"The process will consistently meet the target of {target}."
    if result.assurance == "fail":
        return f"The process will consistently miss the target of {target} unless it changes."
    if result.assurance == "hit_and_miss":
        return (
            f"The target of {target} lies within the process limits, so it will be met and "
            "missed at random."
        )
    if result.direction is Direction.NEUTRAL:
        return f"Assurance against the target of {target} needs an improvement direction."
    return f"Assurance against the target of {target} needs process limits."


def describe(result: SpcResult, *, unit: str = "") -> str:
    """Summarise a result in plain English; an empty chart says there is no data yet. A
    re-baselined chart first tells how the process shifted, then what it has done since."""
    if not result.points:
        return "No data yet: nothing to chart."
    monthly = all(point.date.day == 1 for point in result.points)
    signal = _signal(result, monthly)
    shifts = _shifts(result, unit)
    if shifts:
        if result.points[-1].special_cause is None:
            signal = f"{shifts}; since then common cause variation."
        else:
            signal = f"{shifts}; since then {signal[0].lower()}{signal[1:]}"
    sentences = [signal, _limits_note(result), _assurance_note(result)]
    return " ".join(s for s in sentences if s)
