"""Issue 10, item 6: a re-baselined chart's summary tells the story across its segments
(how the process shifted, when, and what it has done since), not only the latest point."""

from datetime import date, timedelta

from improvement_hub import spc


def _weekly(values: list[float], start: date = date(2016, 10, 5)) -> list[tuple[date, float]]:
    return [(start + timedelta(weeks=i), v) for i, v in enumerate(values)]


STEADY_24 = [24, 25, 23, 24, 26, 22, 24, 25, 23, 24, 25, 23, 24, 24, 25, 23, 24, 23, 25, 24, 24]
STEADY_16 = [16, 17, 15, 16, 15, 17, 16, 16, 17, 15, 16, 16, 15, 17, 16, 16]


def test_a_fall_that_was_re_baselined_is_told_as_an_improvement_then_common_cause():
    observations = _weekly(STEADY_24 + STEADY_16)
    result = spc.xmr(
        observations, direction=spc.Direction.DECREASE, rebase_dates=[date(2017, 3, 1)]
    )
    assert observations[21][0] == date(2017, 3, 1)
    assert result.segments[1].rebased_on == date(2017, 3, 1)
    assert result.summary(unit="days").startswith(
        "Improved: the process shifted from a mean of 24 to 16 days on 1 Mar 2017 "
        "(re-baselined); since then common cause variation."
    )
    # without re-baselining, the same values are a run below the mean, never "no change"
    plain = spc.xmr(observations, direction=spc.Direction.DECREASE)
    assert not plain.summary().startswith("Improved")


def test_the_date_is_the_re_baseline_date_even_between_two_readings():
    result = spc.xmr(
        _weekly(STEADY_24 + STEADY_16), direction="decrease", rebase_dates=[date(2017, 2, 27)]
    )
    assert result.segments[1].start == date(2017, 3, 1)
    assert "on 27 Feb 2017" in result.summary(unit="days")


def test_a_rise_in_a_measure_where_lower_is_better_is_told_as_worse():
    result = spc.xmr(
        _weekly(STEADY_16 + STEADY_24), direction="decrease", rebase_dates=[date(2017, 1, 25)]
    )
    assert result.summary(unit="days").startswith(
        "Worsened: the process shifted from a mean of 16 to 24 days on 25 Jan 2017"
    )


def test_percentages_and_a_neutral_direction_and_several_re_baselines():
    values = STEADY_24 + STEADY_16 + [v - 8 for v in STEADY_16]
    observations = _weekly(values)
    second, third = observations[21][0], observations[37][0]
    result = spc.xmr(observations, direction="neutral", rebase_dates=[second, third])
    summary = result.summary(unit="%")
    assert summary.startswith(
        f"Changed: the process shifted from a mean of 24 to 16% on {second.day} "
        f"{second:%b %Y}, then to 8% on {third.day} {third:%b %Y} (re-baselined 2 times); "
        "since then common cause variation."
    )


def test_a_signal_after_the_shift_is_told_after_it():
    after = [16] * 3 + [9, 8, 9, 8, 9, 8, 9]  # well below: special cause improvement
    result = spc.xmr(
        _weekly(STEADY_24 + after), direction="decrease", rebase_dates=[date(2017, 3, 1)]
    )
    summary = result.summary(unit="days")
    assert summary.startswith("Improved: the process shifted from a mean of 24 to ")
    assert "; since then special cause improvement: " in summary


def test_means_that_round_alike_keep_a_decimal():
    result = spc.xmr(
        _weekly([24.1, 24.2, 24.3, 24.2, 23.7, 23.8, 23.9, 23.8]),
        direction="decrease",
        rebase_dates=[date(2016, 11, 2)],
    )
    assert "from a mean of 24.2 to 23.8 on 2 Nov 2016" in result.summary()


def test_one_segment_keeps_the_plain_summary():
    result = spc.xmr(_weekly(STEADY_24), direction="decrease")
    assert result.summary(unit="days") == result.summary()
    assert result.summary().startswith("Common cause variation: no significant change.")
