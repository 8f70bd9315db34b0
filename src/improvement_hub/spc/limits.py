"""Segments, moving ranges and process limits for XmR charts, in exact rational arithmetic.

Sources (NHSRplotthedots, R/ptd_spc_standard.R, unchanged from CRAN 0.1.0 to 0.2.x):
- Points are grouped by rebase; each group's mean and moving ranges use only its own points,
  so the moving range across a rebase boundary is never used.
- With ``fix_after_n_points`` the mean and moving ranges come from the group's first n points
  only, and those limits apply to the whole group.
- Limits are mean ± 2.66 × mean moving range.
- Screening (``screen_outliers = TRUE``, the package default): a moving range is kept only when
  it is strictly below 3.267 × the mean moving range; the mean is recalculated once, from the
  kept ranges. The vignette "Deviations from Excel defaults" notes the MDC Excel tool does not
  screen (``screen_outliers=False`` reproduces it); screening follows Nelson (1982) and
  Provost & Murray, The Health Care Data Guide (2011), p.155 and p.192.

Arithmetic is done with ``fractions.Fraction`` so ties (a point exactly on the mean, a limit,
the two-sigma line or a target) are decided exactly and results are deterministic.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from itertools import pairwise

LIMIT_FACTOR = Fraction("2.66")  # 3 / d2 with d2 = 1.128, as plotthedots writes it
NEAR_LIMIT_FACTOR = LIMIT_FACTOR * 2 / 3  # two sigma: two thirds of the way to a limit
SCREEN_FACTOR = Fraction("3.267")  # D4 for n = 2: the upper limit of the moving-range chart


@dataclass(frozen=True)
class SegmentStats:
    """Exact mean and mean moving range of one segment; the range is None below two points."""

    mean: Fraction
    moving_range_mean: Fraction | None

    @property
    def half_width(self) -> Fraction | None:
        """Distance from the mean to either process limit, or None when there are no limits."""
        if self.moving_range_mean is None:
            return None
        return LIMIT_FACTOR * self.moving_range_mean


def split_segments(dates: Sequence[date], rebase_dates: Iterable[date]) -> list[range]:
    """Index ranges of the segments; each rebase starts one at the first date on or after it."""
    return [span for span, _ in segments_with_rebases(dates, rebase_dates)]


def segments_with_rebases(
    dates: Sequence[date], rebase_dates: Iterable[date]
) -> list[tuple[range, date | None]]:
    """Each segment's index range with the re-baseline date that started it (the latest one
    when several fall before the same observation; None for the first segment)."""
    if not dates:
        return []
    starts: dict[int, date | None] = {0: None}
    for rebase in sorted(rebase_dates):
        index = bisect_left(dates, rebase)
        if 0 < index < len(dates):
            starts[index] = rebase
    bounds = [*sorted(starts), len(dates)]
    return [(range(a, b), starts[a]) for a, b in pairwise(bounds)]


def mean_moving_range(ranges: Sequence[Fraction], *, screen_outliers: bool) -> Fraction:
    """Mean of the moving ranges, screened once at 3.267 × the mean; refuses an empty list."""
    if not ranges:
        raise ValueError("At least one moving range is needed")
    average = sum(ranges, Fraction(0)) / len(ranges)
    if screen_outliers and average > 0:
        # Kept when strictly below the threshold, as plotthedots' `mr < 3.267 * amr`. At least
        # one range is <= the mean < 3.267 × the mean, so the kept list is never empty. When
        # every range is 0 plotthedots drops them all and returns NaN limits; we keep 0.
        kept = [r for r in ranges if r < SCREEN_FACTOR * average]
        average = sum(kept, Fraction(0)) / len(kept)
    return average


def segment_stats(
    values: Sequence[Fraction], *, baseline_points: int | None, screen_outliers: bool
) -> SegmentStats:
    """Mean and mean moving range from the segment's first baseline points (or all of them)."""
    if not values:
        raise ValueError("A segment needs at least one point")
    base = values[:baseline_points] if baseline_points is not None else values
    mean = sum(base, Fraction(0)) / len(base)
    ranges = [abs(b - a) for a, b in pairwise(base)]
    if not ranges:
        return SegmentStats(mean=mean, moving_range_mean=None)
    average = mean_moving_range(ranges, screen_outliers=screen_outliers)
    return SegmentStats(mean=mean, moving_range_mean=average)


def to_float(value: Fraction) -> float:
    """Nearest float to an exact value, saturating to ±infinity beyond the float range."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf
