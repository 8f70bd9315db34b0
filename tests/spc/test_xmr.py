"""XmR charts by Making Data Count: improvement_hub.spc (pure Python, no database).

Sources cited below:
- PTD: NHSRplotthedots (NHS-R Community), github.com/nhs-r-community/NHSRplotthedots,
  R/ptd_spc_standard.R, R/ptd_calculate_point_type.R, R/ptd_calculate_assurance_type.R,
  their tests under tests/testthat/ and the vignette "Deviations from Excel defaults".
- MDC #194: NHS England's Making Data Count team, NHSRplotthedots issue #194 (Nov 2023), on
  the two-of-three rule used in the MDC tools.
"""

import math
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

import pytest

from improvement_hub.spc import Direction, xmr
from improvement_hub.spc.limits import mean_moving_range
from tests.spc.helpers import START, causes, daily, ints, rules

# --- Validation -----------------------------------------------------------------------------


def test_points_are_sorted_by_date_when_given_out_of_order():
    result = xmr([(date(2024, 3, 1), 3), (date(2024, 1, 1), 1), (date(2024, 2, 1), 2)])
    assert [p.value for p in result.points] == [1.0, 2.0, 3.0]
    assert result.segments[0].start == date(2024, 1, 1)


def test_refuses_observations_when_a_date_is_duplicated():
    with pytest.raises(ValueError, match="duplicated: 2024-02-01"):
        xmr([(date(2024, 2, 1), 1), (date(2024, 1, 1), 1), (date(2024, 2, 1), 2)])


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, 10**400])
def test_refuses_observations_when_a_value_is_not_finite(bad):
    with pytest.raises(ValueError, match="Observation 1 value"):
        xmr([(date(2024, 1, 1), 1), (date(2024, 1, 2), bad)])


@pytest.mark.parametrize(
    "observation",
    [
        (datetime(2024, 1, 1, 9, 0, tzinfo=UTC), 1),
        ("2024-01-01", 1),
        (date(2024, 1, 1), "1"),
        (date(2024, 1, 1), True),
    ],
)
def test_refuses_observations_when_date_or_value_has_the_wrong_type(observation):
    with pytest.raises(TypeError):
        xmr([observation])


@pytest.mark.parametrize(
    "options",
    [
        {"direction": "up"},
        {"target": math.nan},
        {"baseline_points": 11},
        {"baseline_points": 12.0},
        {"run_length": 1},
        {"trend_length": 2},
    ],
)
def test_refuses_options_when_out_of_range(options):
    with pytest.raises(ValueError):  # noqa: PT011 - each option has its own message
        xmr(daily([1, 2, 3]), **options)


def test_accepts_direction_as_plain_string_when_it_is_a_known_value():
    assert xmr(daily([1, 2]), direction="decrease").direction is Direction.DECREASE


def test_returns_an_empty_chart_when_there_are_no_observations():
    result = xmr([], target=5)
    assert (result.segments, result.points, result.variation, result.assurance) == (
        [],
        [],
        "common_cause",
        None,
    )
    assert result.summary() == "No data yet: nothing to chart."


# --- Short segments and zero variation ------------------------------------------------------


def test_segment_has_nan_limits_and_no_flags_when_it_has_one_point():
    result = xmr([(date(2024, 1, 1), 7)], direction=Direction.INCREASE, target=5)
    (segment,) = result.segments
    assert segment.mean == 7.0
    assert segment.points == 1
    assert math.isnan(segment.lower_limit)
    assert math.isnan(segment.upper_limit)
    assert math.isnan(segment.moving_range_mean)
    assert not segment.has_limits
    assert rules(result) == [None]
    assert result.assurance is None
    assert "not enough points" in result.summary()


def test_limits_come_from_two_points_as_trial_limits_when_segment_has_two_points():
    # mean 11, one moving range of 2 (kept: 2 < 3.267 × 2), limits 11 ± 2.66 × 2.
    (segment,) = xmr(daily([10, 12])).segments
    assert (segment.mean, segment.moving_range_mean) == (11.0, 2.0)
    assert (segment.lower_limit, segment.upper_limit) == pytest.approx((5.68, 16.32))
    assert segment.has_limits
    assert segment.trial_limits


def test_summary_warns_of_trial_limits_when_segment_has_three_points():
    result = xmr(daily([10, 12, 11]))
    assert result.segments[0].trial_limits
    assert "trial limits from only 3 points" in result.summary()
    assert not xmr(daily([10, 12] * 6)).segments[0].trial_limits


@pytest.mark.parametrize("screen", [True, False])
def test_limits_equal_the_mean_when_all_values_are_equal(screen):
    result = xmr(daily([4.5] * 20), screen_outliers=screen)
    (segment,) = result.segments
    assert segment.lower_limit == segment.mean == segment.upper_limit == 4.5
    assert segment.moving_range_mean == 0.0
    assert rules(result) == [None] * 20
    assert result.variation == "common_cause"


def test_any_change_is_outside_the_limits_when_baseline_has_no_variation():
    result = xmr(daily([5] * 12 + [6]), baseline_points=12, direction=Direction.INCREASE)
    assert result.segments[0].upper_limit == 5.0
    assert rules(result)[-1] == "outside_limits"
    assert result.variation == "special_cause_improvement"


def test_screening_drops_a_moving_range_when_it_equals_3_267_times_the_mean():
    # Mean of the ranges is 4000 / 4 = 1000 and 3.267 × 1000 = 3267 exactly; PTD keeps only
    # ranges strictly below it, so 3267 is dropped and the mean becomes (244 + 244 + 245) / 3.
    ranges = ints([3267, 244, 244, 245])
    assert mean_moving_range(ranges, screen_outliers=True) == Fraction(733, 3)
    assert mean_moving_range(ranges, screen_outliers=False) == 1000


# --- Segments, rebasing and baselines -------------------------------------------------------


def test_segment_starts_on_the_rebase_date_when_it_is_an_observation_date():
    result = xmr(daily([1, 2, 1, 2, 9, 10, 9, 10]), rebase_dates=[START + timedelta(days=4)])
    first, second = result.segments
    assert (first.start, first.points, first.mean) == (START, 4, 1.5)
    assert (second.start, second.points, second.mean) == (START + timedelta(days=4), 4, 9.5)
    assert [p.segment for p in result.points] == [0] * 4 + [1] * 4


def test_segment_starts_at_the_next_observation_when_rebase_falls_between_dates():
    monthly = [(date(2024, m, 1), v) for m, v in zip(range(1, 7), [1, 2, 1, 8, 9, 8], strict=True)]
    result = xmr(monthly, rebase_dates=[date(2024, 3, 15)])
    assert [s.start for s in result.segments] == [date(2024, 1, 1), date(2024, 4, 1)]


def test_rebase_changes_nothing_when_before_the_first_or_after_the_last_point():
    dates = [START - timedelta(days=1), START, START + timedelta(days=30)]
    assert len(xmr(daily([1, 2, 3]), rebase_dates=dates).segments) == 1


def test_moving_range_across_a_rebase_is_ignored_when_segments_are_flat():
    (first, second) = xmr(daily([0] * 5 + [100] * 5), rebase_dates=[START + timedelta(5)]).segments
    assert first.moving_range_mean == second.moving_range_mean == 0.0


def test_limits_are_fixed_from_the_first_points_when_baseline_points_given():
    values = [10, 12] * 6 + [30, 31, 29]
    (segment,) = xmr(daily(values), baseline_points=12).segments
    assert (segment.mean, segment.moving_range_mean) == (11.0, 2.0)
    assert segment.points == 15
    (unfixed,) = xmr(daily(values)).segments
    assert unfixed.mean > 11


# --- Special-cause rules --------------------------------------------------------------------

RUN_BROKEN_BY_MEAN = [12, 11, 12, 11, 12, 11, 10, 11, 12, 11, 12, 11, 12, 6, 6, 6, 8, 10, 6]


def test_run_is_broken_when_a_point_lies_exactly_on_the_mean():
    # Mean is exactly 190 / 19 = 10; six points above, one on the mean, six above (PTD: a point
    # on the mean has sign 0, which is neither side).
    result = xmr(daily(RUN_BROKEN_BY_MEAN))
    assert result.segments[0].mean == 10.0
    assert rules(result)[:13] == [None] * 13


def test_run_is_flagged_when_the_point_on_the_mean_moves_above_it():
    values = list(RUN_BROKEN_BY_MEAN)
    values[6] = 11
    flagged = rules(xmr(daily(values)))[:13]
    assert None not in flagged
    assert flagged.count("run") == 7


def test_run_needs_run_length_points_when_counting_one_side_of_the_mean():
    six_above = [1, -1, 1, -1, 5, 5, 5, 5, 5, 5, -5, -5, 1, -1, 1, -1, -5, 1]
    assert "run" not in rules(xmr(daily(six_above), screen_outliers=False))
    assert "run" in rules(xmr(daily(six_above), screen_outliers=False, run_length=6))


TREND_DOWN_ABOVE_MEAN = [10, 14, 8, 13, 9, 12, 13.5, 13, 12.5, 12, 11.5, 11, 10.5, 9, 13, 8, 12, 10]


def test_trend_is_classified_by_its_direction_when_it_lies_above_the_mean():
    # PTD issue #171 / PR #180: a falling trend is concern when increase is better, even above
    # the mean.
    result = xmr(daily(TREND_DOWN_ABOVE_MEAN), direction=Direction.INCREASE)
    assert rules(result)[6:14] == ["trend"] * 8
    assert causes(result)[6:14] == ["concern"] * 8
    assert rules(result)[:6] == [None] * 6
    assert rules(result)[14:] == [None] * 4


def test_trend_is_broken_when_two_consecutive_values_are_equal():
    values = list(TREND_DOWN_ABOVE_MEAN)
    values.insert(10, 12)  # ..., 12.5, 12, 12, 11.5, ...: a tie ends the trend (PTD)
    assert "trend" not in rules(xmr(daily(values)))


def test_trend_needs_trend_length_points_when_counting_rising_values():
    values = [5, 3, 6, 2, 4, 1, 2, 3, 4, 5, 6, 3, 5, 2, 4]  # 1..6 is six rising points
    assert "trend" not in rules(xmr(daily(values)))
    assert rules(xmr(daily(values), trend_length=6))[5:11] == ["trend"] * 6


def test_turning_point_takes_the_later_trend_when_it_ends_one_and_starts_another():
    values = [10, 14, 8, 13, 9, 12, 7, 8, 9, 10, 11, 12, 13, 12, 11, 10, 9, 8, 7, 11, 9]
    result = xmr(daily(values), direction=Direction.INCREASE)
    assert causes(result)[6:12] == ["improvement"] * 6
    assert causes(result)[12:19] == ["concern"] * 7  # 13 is the peak: PTD uses the right side


def test_trend_is_not_detected_when_it_crosses_a_rebase():
    values = [3, 1, 4, 1, 5, 1, 2, 3, 4, 5, 6, 7, 8, 2, 5, 1]
    assert "trend" in rules(xmr(daily(values), screen_outliers=False))
    rebased = xmr(daily(values), screen_outliers=False, rebase_dates=[START + timedelta(9)])
    assert "trend" not in rules(rebased)


# Fixed limits with exact binary values: 12 points alternating 0 and 50 give mean 25 and mean
# moving range 50, so the limits are 25 ± 133 = -108 .. 158 and two sigma is 25 ± 88.67.
ALTERNATING = [0, 50] * 6


@pytest.mark.parametrize(("value", "rule"), [(158, None), (158.5, "outside_limits")])
def test_point_is_outside_only_when_strictly_beyond_the_limit(value, rule):
    result = xmr(daily([*ALTERNATING, value, 25]), baseline_points=12)
    assert result.segments[0].upper_limit == 158.0
    assert rules(result)[12] == rule


@pytest.mark.parametrize(("value", "rule"), [(-108, None), (-108.5, "outside_limits")])
def test_point_is_outside_only_when_strictly_below_the_lower_limit(value, rule):
    assert rules(xmr(daily([*ALTERNATING, value, 25]), baseline_points=12))[12] == rule


def test_two_of_three_needs_points_strictly_beyond_two_sigma_when_on_the_line():
    # Alternating 0 and 150: mean 75, half width 399, two sigma 266 → the line is at 341.
    base = [0, 150] * 6
    on_line = xmr(daily([*base, 341, 341, 75]), baseline_points=12)
    beyond = xmr(daily([*base, 341.5, 341.5, 75]), baseline_points=12)
    assert rules(on_line)[12:] == [None, None, None]
    assert rules(beyond)[12:] == ["two_of_three", "two_of_three", None]


def test_outside_limits_outranks_two_of_three_when_both_flag_a_point():
    result = xmr(daily([*ALTERNATING, 140, 200, 25]), baseline_points=12)
    assert rules(result)[12:] == ["two_of_three", "outside_limits", None]


def test_summary_describes_two_of_three_when_latest_point_is_near_the_limit():
    result = xmr(daily([*ALTERNATING, 140, 30, 140]), baseline_points=12, direction="decrease")
    assert rules(result)[12:] == ["two_of_three", None, "two_of_three"]
    assert result.summary() == (
        "Special cause concern: at least 2 of the last 3 points are near or beyond the upper limit."
    )


def test_special_cause_is_neutral_when_direction_is_neutral():
    result = xmr(daily([*ALTERNATING, 200]), baseline_points=12, target=30)
    assert result.points[-1].special_cause == "neutral"
    assert result.variation == "special_cause_neutral"
    assert result.assurance is None


@pytest.mark.parametrize(
    ("direction", "last", "variation"),
    [
        (Direction.INCREASE, 200, "special_cause_improvement"),
        (Direction.DECREASE, 200, "special_cause_concern"),
        (Direction.DECREASE, -200, "special_cause_improvement"),
        (Direction.INCREASE, 25, "common_cause"),
    ],
)
def test_variation_comes_from_the_latest_point_when_summarising(direction, last, variation):
    result = xmr(daily([*ALTERNATING, 300, last]), baseline_points=12, direction=direction)
    assert result.variation == variation


# --- Assurance against a target (PTD R/ptd_calculate_assurance_type.R) ----------------------


@pytest.mark.parametrize(
    ("direction", "target", "assurance"),
    [
        (Direction.INCREASE, -108.5, "pass"),
        (Direction.INCREASE, -108, "hit_and_miss"),  # target on the lower limit
        (Direction.INCREASE, 158, "hit_and_miss"),  # target on the upper limit
        (Direction.INCREASE, 158.5, "fail"),
        (Direction.DECREASE, 158.5, "pass"),
        (Direction.DECREASE, 158, "hit_and_miss"),
        (Direction.DECREASE, -108, "hit_and_miss"),
        (Direction.DECREASE, -108.5, "fail"),
        (Direction.NEUTRAL, 1000, None),
        (Direction.INCREASE, None, None),
    ],
)
def test_assurance_compares_target_with_latest_limits_when_target_given(
    direction, target, assurance
):
    result = xmr(daily(ALTERNATING), direction=direction, target=target)
    assert result.assurance == assurance


def test_assurance_uses_the_latest_segment_when_chart_is_rebased():
    values = [*ALTERNATING, *[v + 1000 for v in ALTERNATING]]
    rebased = xmr(
        daily(values), direction="increase", target=500, rebase_dates=[START + timedelta(12)]
    )
    assert rebased.assurance == "pass"


# --- Summary --------------------------------------------------------------------------------


def monthly(values, year=2025):
    return [(date(year + i // 12, i % 12 + 1, 1), v) for i, v in enumerate(values)]


SHIFT_UP = [10, 14, 8, 13, 9, 12, 7, 11, 9, 13, 8, 12, 10, 9, 12, 11, 12.5, 11, 12, 11.5, 12, 11.5]


def test_summary_describes_the_run_when_latest_point_is_in_a_run():
    result = xmr(monthly(SHIFT_UP), direction=Direction.INCREASE, target=9)
    assert result.summary() == (
        "Special cause improvement: 8 points above the mean since March 2026. "
        "The target of 9 lies within the process limits, so it will be met and missed at random."
    )


def test_summary_says_common_cause_when_latest_point_is_not_flagged():
    result = xmr(monthly([*ALTERNATING, 25]), direction=Direction.DECREASE, target=-200)
    assert result.summary() == (
        "Common cause variation: no significant change. "
        "The process will consistently miss the target of -200 unless it changes."
    )


def test_summary_describes_trend_and_outlier_when_latest_point_is_flagged_by_them():
    trend = xmr(daily(TREND_DOWN_ABOVE_MEAN[:14]), direction=Direction.INCREASE)
    assert trend.summary().startswith(
        "Special cause concern: 8 points in a row decreasing since 7 January 2024."
    )
    outlier = xmr(daily([*ALTERNATING, 200]), baseline_points=12, direction="increase")
    assert outlier.summary() == (
        "Special cause improvement: the latest point is above the upper process limit."
    )


def test_two_of_three_is_not_flagged_when_the_middle_point_is_on_the_mean():
    # 140, 25, 140 with mean 25: the middle point is on neither side, so the three are not on
    # one side of the mean (PTD: abs(sum(relative_to_mean)) must be 3).
    assert rules(xmr(daily([*ALTERNATING, 140, 25, 140]), baseline_points=12))[12:] == [None] * 3
