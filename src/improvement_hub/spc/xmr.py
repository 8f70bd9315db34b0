"""XmR (individuals and moving range) charts by NHS England's Making Data Count (MDC) method.

Behaviour follows NHSRplotthedots (``ptd_spc``), the NHS-R Community's implementation of MDC,
with its documented defaults, except where noted; see limits.py and rules.py for the sources.

- Observations are sorted by date. Duplicate dates, non-finite values, datetimes (not dates)
  and non-numbers are refused (plotthedots refuses duplicate dates: R/ptd_validate_spc_options.R).
- A rebase date starts a new segment at the first observation on or after it (plotthedots
  only rebases on a date that is an observation's date and silently ignores any other; we move
  it forward instead). Rebase dates on or before the first observation change nothing.
- ``baseline_points`` is plotthedots' ``fix_after_n_points``: mean and limits from each
  segment's first n points, then fixed for the rest of it; below 12 it is refused, as there.
- Short segments: limits are calculated from any 2 or more points; a segment with fewer than 12
  points has trial limits (``Segment.trial_limits``; plotthedots warns, MDC recommends at least
  12), which ``summary()`` mentions. A one-point segment has no moving range, so its limits and
  mean moving range are NaN (plotthedots also gives NaN) and its point is never flagged.
- Variation is the latest point's flag (MDC variation icons; plotthedots' summary takes the
  point type of the latest point). Assurance compares the target with the latest segment's
  limits (plotthedots R/ptd_calculate_assurance_type.R): for increase, target above the upper
  limit is "fail", below the lower limit "pass", otherwise "hit_and_miss"; mirrored for
  decrease. A target exactly on a limit is therefore "hit_and_miss". No target, a neutral
  direction or no limits gives None.
- ``trend_length`` defaults to 7: plotthedots uses 7 for both rules (``ptd_seven_point_trend``,
  issue #202); the MDC Excel tool lets users pick 6 or 7.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from datetime import date, datetime
from fractions import Fraction

from improvement_hub.spc.limits import segment_stats, segments_with_rebases, to_float
from improvement_hub.spc.results import MIN_POINTS_FOR_LIMITS, Direction, Point, Segment, SpcResult
from improvement_hub.spc.rules import flag_points


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _check_date(value: object, what: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(
            f"{_sentence(what)} must be a datetime.date (not a datetime), got {value!r}"
        )
    return value


def _check_number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{_sentence(what)} must be a real number, got {value!r}")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{_sentence(what)} is too large for a float: {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{_sentence(what)} must be finite, got {value!r}")
    return number


def _check_count(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(
            f"{_sentence(name)} must be a whole number of at least {minimum}, got {value!r}"
        )
    return value


def _check_observations(observations: Sequence[tuple[date, float]]) -> list[tuple[date, float]]:
    rows = []
    for index, row in enumerate(observations):
        try:
            when, value = row
        except (TypeError, ValueError):
            message = f"Observation {index} must be a (date, value) pair, got {row!r}"
            raise TypeError(message) from None
        rows.append(
            (
                _check_date(when, f"observation {index} date"),
                _check_number(value, f"observation {index} value ({when})"),
            )
        )
    rows.sort(key=lambda row: row[0])
    duplicates = sorted({a[0] for a, b in zip(rows, rows[1:], strict=False) if a[0] == b[0]})
    if duplicates:
        listed = ", ".join(d.isoformat() for d in duplicates)
        raise ValueError(f"Each date may have only one observation; duplicated: {listed}")
    return rows


def _special_cause(side: int, direction: Direction) -> str:
    if direction is Direction.NEUTRAL:
        return "neutral"
    better = 1 if direction is Direction.INCREASE else -1
    return "improvement" if side == better else "concern"


def _assurance(
    target: float | None, direction: Direction, mean: Fraction, half_width: Fraction | None
) -> str | None:
    if target is None or direction is Direction.NEUTRAL or half_width is None:
        return None
    goal = Fraction(target)
    if goal > mean + half_width:
        return "fail" if direction is Direction.INCREASE else "pass"
    if goal < mean - half_width:
        return "pass" if direction is Direction.INCREASE else "fail"
    return "hit_and_miss"


def xmr(
    observations: Sequence[tuple[date, float]],
    *,
    direction: Direction = Direction.NEUTRAL,
    target: float | None = None,
    rebase_dates: Sequence[date] = (),
    screen_outliers: bool = True,
    baseline_points: int | None = None,
    run_length: int = 7,
    trend_length: int = 7,
) -> SpcResult:
    """Build an MDC XmR chart; refuses duplicate dates, non-finite values and invalid options."""
    try:
        direction = Direction(direction)
    except ValueError:
        choices = ", ".join(d.value for d in Direction)
        raise ValueError(f"Direction must be one of {choices}, got {direction!r}") from None
    if target is not None:
        target = _check_number(target, "target")
    rebases = [_check_date(d, "rebase date") for d in rebase_dates]
    if baseline_points is not None:
        _check_count(baseline_points, "baseline_points", MIN_POINTS_FOR_LIMITS)
    _check_count(run_length, "run_length", 2)
    _check_count(trend_length, "trend_length", 3)
    rows = _check_observations(observations)

    dates = [when for when, _ in rows]
    exact = [Fraction(value) for _, value in rows]
    segments: list[Segment] = []
    points: list[Point] = []
    stats = None
    for number, (span, rebased_on) in enumerate(segments_with_rebases(dates, rebases)):
        values = exact[span.start : span.stop]
        stats = segment_stats(
            values, baseline_points=baseline_points, screen_outliers=screen_outliers
        )
        half = stats.half_width
        segments.append(
            Segment(
                start=dates[span.start],
                mean=to_float(stats.mean),
                lower_limit=math.nan if half is None else to_float(stats.mean - half),
                upper_limit=math.nan if half is None else to_float(stats.mean + half),
                moving_range_mean=(
                    math.nan
                    if stats.moving_range_mean is None
                    else to_float(stats.moving_range_mean)
                ),
                points=len(values),
                rebased_on=rebased_on,
            )
        )
        flags = flag_points(
            values,
            stats.mean,
            stats.moving_range_mean,
            run_length=run_length,
            trend_length=trend_length,
        )
        for index, flag in zip(span, flags, strict=True):
            points.append(
                Point(
                    date=dates[index],
                    value=rows[index][1],
                    segment=number,
                    special_cause=None if flag is None else _special_cause(flag[1], direction),
                    rule=None if flag is None else flag[0],
                )
            )

    latest = points[-1].special_cause if points else None
    variation = "common_cause" if latest is None else f"special_cause_{latest}"
    assurance = None
    if stats is not None:
        assurance = _assurance(target, direction, stats.mean, stats.half_width)
    return SpcResult(
        segments=segments,
        points=points,
        variation=variation,
        assurance=assurance,
        target=target,
        direction=direction,
    )
