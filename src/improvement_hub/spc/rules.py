"""Making Data Count special-cause rules, evaluated within one segment.

Each rule returns one integer per point: 0 when the rule does not flag it, otherwise the side
(+1 above the mean, -1 below) or, for a trend, its direction (+1 increasing, -1 decreasing).

Sources:
- NHSRplotthedots R/ptd_calculate_point_type.R (0.2.x) and R/ptd_spc_standard.R: outside the
  limits is strictly beyond them (`y > upl | y < lpl`); a run needs every point on the same side
  of the mean, and a point exactly on the mean (sign 0) is on neither side so it ends the run; a
  trend needs every consecutive difference to have the same non-zero sign, so two equal
  consecutive values end it (tests/testthat: `ptd_seven_point_trend(c(1:3, 3:6))` flags
  nothing); every point of a qualifying stretch is flagged, not just the last.
- Two of three beyond two sigma: the MDC tools' logic announced by the MDC team in
  NHSRplotthedots issue #194 (Nov 2023): every point beyond two sigma counts, including points
  beyond the process limits; all three points must be on the same side of the mean; only the
  points beyond two sigma are flagged. NHSRplotthedots 0.2.x still counts only points between
  two and three sigma, so it differs when a point beyond a limit sits next to a near-limit one.
- Priority for a point's rule, and the rule that decides improvement or concern: plotthedots
  PR #180 (`ptd_special_cause_type`): outside limits, then trend, then two of three, then run.
  A trend is classified by its direction, the others by the side of the mean. A point shared
  by two trends (a turning point) takes the later trend's direction, as plotthedots' "if a point
  is part of a trend either side, use right side".
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import pairwise

from improvement_hub.spc.limits import LIMIT_FACTOR, NEAR_LIMIT_FACTOR

OUTSIDE_LIMITS = "outside_limits"
TWO_OF_THREE = "two_of_three"
TREND = "trend"
RUN = "run"


def _sign(value: Fraction) -> int:
    return (value > 0) - (value < 0)


def outside_limits(deviations: Sequence[Fraction], half_width: Fraction) -> list[int]:
    """Side of each point strictly beyond a process limit (a point on a limit is inside)."""
    return [_sign(d) if abs(d) > half_width else 0 for d in deviations]


def two_of_three(deviations: Sequence[Fraction], near: Fraction) -> list[int]:
    """Side of each point beyond two sigma in three same-side points with two beyond two sigma."""
    sides = [_sign(d) for d in deviations]
    beyond = [abs(d) > near for d in deviations]
    flags = [0] * len(deviations)
    for start in range(len(deviations) - 2):
        window = range(start, start + 3)
        side = sides[start]
        if side == 0 or any(sides[i] != side for i in window):
            continue
        if sum(beyond[i] for i in window) >= 2:
            for i in window:
                if beyond[i]:
                    flags[i] = side
    return flags


def runs(deviations: Sequence[Fraction], run_length: int) -> list[int]:
    """Side of each point in run_length or more consecutive points on one side of the mean."""
    sides = [_sign(d) for d in deviations]
    flags = [0] * len(sides)
    start = 0
    for end in range(1, len(sides) + 1):
        if end == len(sides) or sides[end] != sides[start]:
            if sides[start] != 0 and end - start >= run_length:
                flags[start:end] = [sides[start]] * (end - start)
            start = end
    return flags


def trends(values: Sequence[Fraction], trend_length: int) -> list[int]:
    """Direction of each point in trend_length or more strictly rising or falling points."""
    steps = [_sign(b - a) for a, b in pairwise(values)]
    flags = [0] * len(values)
    start = 0
    for end in range(1, len(steps) + 1):
        if end == len(steps) or steps[end] != steps[start]:
            # steps[start:end] join points start..end; a later trend overwrites a shared point.
            if steps[start] != 0 and end - start + 1 >= trend_length:
                flags[start : end + 1] = [steps[start]] * (end - start + 1)
            start = end
    return flags


def flag_points(
    values: Sequence[Fraction],
    mean: Fraction,
    moving_range_mean: Fraction | None,
    *,
    run_length: int,
    trend_length: int,
) -> list[tuple[str, int] | None]:
    """Highest-priority rule and its side or direction for each point of one segment."""
    deviations = [v - mean for v in values]
    checks: list[tuple[str, list[int]]] = []
    if moving_range_mean is not None:
        half_width = LIMIT_FACTOR * moving_range_mean
        checks.append((OUTSIDE_LIMITS, outside_limits(deviations, half_width)))
    checks.append((TREND, trends(values, trend_length)))
    if moving_range_mean is not None:
        near = NEAR_LIMIT_FACTOR * moving_range_mean
        checks.append((TWO_OF_THREE, two_of_three(deviations, near)))
    checks.append((RUN, runs(deviations, run_length)))
    flags: list[tuple[str, int] | None] = []
    for i in range(len(values)):
        flags.append(next(((rule, found[i]) for rule, found in checks if found[i]), None))
    return flags
