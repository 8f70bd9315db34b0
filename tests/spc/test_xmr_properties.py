"""Property tests for improvement_hub.spc.xmr (hypothesis; integer series keep ties exact)."""

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from improvement_hub.spc import Direction, Point, Segment, SpcResult, xmr
from tests.spc.helpers import START, causes, rules


@st.composite
def series(draw, values=None, min_size=0):
    offsets = draw(st.lists(st.integers(0, 2000), min_size=min_size, max_size=40, unique=True))
    offsets.sort()
    strategy = values if values is not None else st.integers(-1000, 1000)
    data = [(START + timedelta(days=o), draw(strategy)) for o in offsets]
    rebases = draw(st.lists(st.sampled_from(offsets), max_size=3)) if offsets else []
    return data, [START + timedelta(days=o) for o in rebases]


def flags(result: SpcResult) -> list[tuple[str | None, str | None]]:
    return [(p.rule, p.special_cause) for p in result.points]


@given(series())
def test_limits_are_symmetric_and_ordered_when_any_integer_series(case):
    data, rebases = case
    for segment in xmr(data, rebase_dates=rebases).segments:
        if segment.has_limits:
            assert segment.lower_limit <= segment.mean <= segment.upper_limit
            assert segment.upper_limit - segment.mean == pytest.approx(
                segment.mean - segment.lower_limit, rel=1e-9, abs=1e-9
            )


@given(series(), st.integers(-(10**6), 10**6), st.sampled_from(list(Direction)))
def test_adding_a_constant_shifts_mean_and_limits_when_flags_unchanged(case, shift, direction):
    data, rebases = case
    before = xmr(data, rebase_dates=rebases, direction=direction)
    after = xmr([(d, v + shift) for d, v in data], rebase_dates=rebases, direction=direction)
    assert flags(after) == flags(before)
    assert after.variation == before.variation
    for a, b in zip(after.segments, before.segments, strict=True):
        if b.has_limits:
            for x, y in [
                (a.mean, b.mean),
                (a.lower_limit, b.lower_limit),
                (a.upper_limit, b.upper_limit),
            ]:
                assert x == pytest.approx(y + shift, rel=1e-9, abs=1e-6)


@given(series(), st.sampled_from([0.25, 0.5, 2, 3, 10, 1000]))
def test_multiplying_by_a_positive_constant_scales_limits_when_flags_unchanged(case, factor):
    data, rebases = case
    before = xmr(data, rebase_dates=rebases, direction=Direction.INCREASE)
    after = xmr([(d, v * factor) for d, v in data], rebase_dates=rebases, direction="increase")
    assert flags(after) == flags(before)
    for a, b in zip(after.segments, before.segments, strict=True):
        if b.has_limits:
            assert (a.lower_limit, a.upper_limit) == pytest.approx(
                (b.lower_limit * factor, b.upper_limit * factor), rel=1e-9, abs=1e-9
            )


SWAP = {"improvement": "concern", "concern": "improvement", None: None}


@given(series(), st.integers(-1500, 1500))
def test_reversing_direction_swaps_improvement_and_concern_when_same_data(case, target):
    data, rebases = case
    up = xmr(data, rebase_dates=rebases, direction=Direction.INCREASE, target=target)
    down = xmr(data, rebase_dates=rebases, direction=Direction.DECREASE, target=target)
    assert rules(down) == rules(up)
    assert causes(down) == [SWAP[c] for c in causes(up)]
    assert {up.assurance, down.assurance} in ({None}, {"hit_and_miss"}, {"pass", "fail"})


@settings(max_examples=100, deadline=None)
@given(
    series(st.floats(allow_nan=False, allow_infinity=False)),
    st.sampled_from(list(Direction)),
    st.none() | st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none() | st.integers(12, 20),
)
def test_never_raises_when_values_are_finite_and_dates_unique(
    case, direction, target, screen, baseline
):
    data, rebases = case
    result = xmr(
        data,
        direction=direction,
        target=target,
        rebase_dates=rebases,
        screen_outliers=screen,
        baseline_points=baseline,
    )
    assert len(result.points) == len(data)
    assert sum(s.points for s in result.segments) == len(data)
    assert all(isinstance(p, Point) for p in result.points)
    assert all(isinstance(s, Segment) for s in result.segments)
    assert isinstance(result.summary(), str)
