"""XmR reference cases: published NHSRplotthedots numbers and rule vectors, hand-checked.

Sources cited below:
- PTD: NHSRplotthedots (NHS-R Community), github.com/nhs-r-community/NHSRplotthedots,
  R/ptd_spc_standard.R, R/ptd_calculate_point_type.R, R/ptd_calculate_assurance_type.R,
  their tests under tests/testthat/ and the vignette "Deviations from Excel defaults".
- MDC #194: NHS England's Making Data Count team, NHSRplotthedots issue #194 (Nov 2023), on
  the two-of-three rule used in the MDC tools.
"""

from datetime import date
from fractions import Fraction

import pytest

from improvement_hub.spc import xmr
from improvement_hub.spc.rules import runs, trends, two_of_three
from tests.spc.helpers import daily, ints, rules

# PTD tests/testthat/test-ptd_spc_standard.R uses R's set.seed(123); rnorm(20) (values below,
# as printed in R) and records the results in tests/testthat/_snaps/ptd_spc_standard.md:
#   r1: mean 0.1416238, lpl -3.01138, upl 3.294627
#   r2 (y[15] <- 10, screened):     mean 0.6694159, lpl -2.383666, upl 3.722497
#   r3 (y[15] <- 10, not screened): mean 0.6694159, lpl -4.596625, upl 5.935457
RNORM_SEED_123 = [
    -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774,
    1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
    1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113,
    1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279143,
]  # fmt: skip


def test_limits_match_plotthedots_snapshot_when_rnorm_seed_123():
    (segment,) = xmr(daily(RNORM_SEED_123)).segments
    assert segment.mean == pytest.approx(0.1416238, abs=5e-8)
    assert segment.lower_limit == pytest.approx(-3.01138, abs=5e-6)
    assert segment.upper_limit == pytest.approx(3.294627, abs=5e-7)
    assert segment.points == 20


@pytest.mark.parametrize(
    ("screen", "lower", "upper"),
    [(True, -2.383666, 3.722497), (False, -4.596625, 5.935457)],
)
def test_limits_match_plotthedots_snapshot_when_point_15_is_an_outlier(screen, lower, upper):
    values = list(RNORM_SEED_123)
    values[14] = 10  # R's y[15] <- 10
    (segment,) = xmr(daily(values), screen_outliers=screen).segments
    assert segment.mean == pytest.approx(0.6694159, abs=5e-8)
    assert segment.lower_limit == pytest.approx(lower, abs=5e-7)
    assert segment.upper_limit == pytest.approx(upper, abs=5e-7)


# PTD vignette "Deviations from Excel defaults": data c(1,2,1,2,10,1,2,...,1), 18 days from
# 2021-03-22, charted with screen_outliers TRUE (package default) and FALSE (= the MDC Excel
# tool). The vignette prints the limits only in the chart caption, so the arithmetic is here:
#   mean = (9 ones + 8 twos + 10) / 18 = 35 / 18 = 1.9444
#   moving ranges: 1, 1, 1, 8, 9 and twelve 1s: 17 ranges summing to 32, mean 32/17 = 1.88235
#   not screened: limits 35/18 ± 2.66 × 32/17 = -3.06261 .. 6.95150
#   screened: 8 and 9 are >= 3.267 × 1.88235 = 6.1496, so dropped; the other 15 ranges are 1,
#   mean 1, limits 35/18 ± 2.66 = -0.71556 .. 4.60444
# Either way only the 10 is outside the limits.
VIGNETTE = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]


@pytest.mark.parametrize(
    ("screen", "amr", "lower", "upper"),
    [
        (True, 1.0, 35 / 18 - 2.66, 35 / 18 + 2.66),
        (False, 32 / 17, 35 / 18 - 2.66 * 32 / 17, 35 / 18 + 2.66 * 32 / 17),
    ],
)
def test_limits_match_deviations_vignette_when_screening_on_or_off(screen, amr, lower, upper):
    result = xmr(daily(VIGNETTE, date(2021, 3, 22)), screen_outliers=screen)
    (segment,) = result.segments
    assert segment.mean == pytest.approx(35 / 18)
    assert segment.moving_range_mean == pytest.approx(amr)
    assert (segment.lower_limit, segment.upper_limit) == pytest.approx((lower, upper))
    assert rules(result) == [None] * 4 + ["outside_limits"] + [None] * 13


def test_screening_flags_a_later_point_when_outlier_no_longer_widens_limits():
    # Same data plus a 6 (19 points, mean 41/19 = 2.158; the new range 1 -> 6 is 5):
    #   not screened: mean range 37/18 = 2.056, upper limit 2.158 + 5.468 = 7.63, 6 is inside
    #   screened: 8 and 9 >= 3.267 x 2.056 are dropped, mean range (15 + 5)/16 = 1.25,
    #   upper limit 2.158 + 3.325 = 5.48, so 6 is outside.
    values = [*VIGNETTE, 6]
    assert rules(xmr(daily(values)))[-1] == "outside_limits"
    assert rules(xmr(daily(values), screen_outliers=False))[-1] is None


# PTD tests/testthat/test-ptd_calculate_point_type.R: rule vectors, restated for our helpers.
def test_run_vectors_match_plotthedots_when_eight_above_then_one_below():
    # ptd_seven_point_one_side_mean(c(rep(1, 8), -1)) marks points 7-8 as ends of a run of 7,
    # so ptd_part_of_seven_trend flags all eight points above the mean.
    assert runs(ints([1] * 8 + [-1]), 7) == [1] * 8 + [0]
    assert runs(ints([-1] * 8 + [1]), 7) == [-1] * 8 + [0]
    assert runs(ints([1] * 6 + [-1]), 7) == [0] * 7


def test_trend_vectors_match_plotthedots_when_ties_or_turns():
    assert trends(ints(range(1, 7)), 7) == [0] * 6  # 1:6, too short
    assert trends(ints([1, 2, 3, 3, 4, 5, 6]), 7) == [0] * 7  # c(1:3, 3:6): a tie ends it
    assert trends(ints([2, *range(1, 8), 3]), 7) == [0] + [1] * 7 + [0]  # c(2, 1:7, 3)
    assert trends(ints([2, *range(7, 0, -1), 3]), 7) == [0] + [-1] * 7 + [0]  # c(2, 7:1, 3)


def test_two_of_three_vectors_match_plotthedots_when_points_near_limits():
    # near = 1; a deviation of 2 is beyond two sigma (PTD's close_to_limits = 1), 0.5 is not.
    near = Fraction(1)
    assert two_of_three(ints([2, 0.5, 2]), near) == [1, 0, 1]
    assert two_of_three(ints([0.5, 0.5, 2, 0.5, 2, 0.5, 0.5]), near) == [0, 0, 1, 0, 1, 0, 0]
    assert two_of_three(ints([2, 0.5, 0.5, 2]), near) == [0, 0, 0, 0]
    assert two_of_three(ints([2, 0.5, 0.5, 2, 2]), near) == [0, 0, 0, 1, 1]
    # Opposite sides of the mean (PTD issue #143): never flagged.
    assert two_of_three(ints([2, -0.5, 2]), near) == [0, 0, 0]
    assert two_of_three(ints([-2, -2, 0.5]), near) == [0, 0, 0]


def test_two_of_three_counts_points_beyond_the_limit_when_mdc_2023_logic():
    # MDC #194: a point between two and three sigma next to one beyond three sigma triggers the
    # rule (PTD 0.2.x would not count the second point). near = 1, limit = 1.5.
    assert two_of_three(ints([0.5, 1.2, 5]), Fraction(1)) == [0, 1, 1]
