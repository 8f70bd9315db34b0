"""Result types for XmR charts: improvement direction, segments, points and the chart result."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

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

    def summary(self) -> str:
        """Describe the latest variation, trial limits and target assurance in plain English."""
        from improvement_hub.spc.summary import describe

        return describe(self)
