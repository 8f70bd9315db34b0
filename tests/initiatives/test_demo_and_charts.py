"""The demo tells the seed's story, and the chart geometry is drawn where the numbers say."""

from datetime import date, timedelta

import pytest

from improvement_hub import spc
from improvement_hub.initiatives import charts, selectors
from improvement_hub.initiatives.models import Initiative, Measure, Pilot, ProgrammeGoal


@pytest.fixture
def demo(demo_once, db):  # type: ignore[no-untyped-def]
    """The demo loaded once for this module: each test reads it in its own savepoint
    (tests/conftest.py, ``demo_once``)."""


@pytest.mark.django_db
def test_the_demo_has_three_pilots_before_june_2017_in_redesign_timescales(demo):
    goal = ProgrammeGoal.objects.get(title="3 pilots before June 2017")
    early = Pilot.objects.filter(starts_on__lt=goal.deadline)
    assert early.count() == 3
    assert all(p.initiative.redesign_programme_id for p in early)
    notes = [selectors.pilot_fit(p) for p in early]
    assert any(not clash for _, clash in notes)
    assert any(clash for _, clash in notes)  # one pilot runs into a change freeze


@pytest.mark.django_db
def test_the_demo_covers_the_spectrum_priorities_and_both_kinds_of_variation(demo):
    assert set(Initiative.objects.values_list("scale", flat=True)) == {
        "tweak",
        "improvement",
        "redesign",
        "transformation",
    }
    assert set(Initiative.objects.values_list("priorities__slug", flat=True)) >= {
        "children",
        "jobs-and-skills",
        "housing",
        "health",
    }
    variations = set()
    rebased = 0
    for measure in Measure.objects.prefetch_related("observations", "rebases"):
        result = selectors.measure_spc(measure)
        variations.add(result.variation)
        rebased += len(result.segments) > 1
    assert "common_cause" in variations
    assert "special_cause_improvement" in variations
    assert rebased >= 1
    assert Initiative.objects.filter(source_ideas__isnull=False).exists()
    assert Initiative.objects.filter(source_challenges__isnull=False).exists()


def _result(values: list[float], target: float | None = None) -> spc.SpcResult:
    start = date(2017, 1, 2)
    return spc.xmr(
        [(start + timedelta(weeks=i), v) for i, v in enumerate(values)],
        direction=spc.Direction.DECREASE,
        target=target,
    )


def test_points_higher_in_value_are_drawn_higher_and_evenly_spaced():
    chart = charts.xmr_chart(_result([10, 12, 11, 30, 11, 10, 12, 11, 10, 12, 11, 10], target=8))
    ys = [p.y for p in chart.points]
    assert ys[3] == min(ys)  # the highest value is nearest the top
    xs = [p.x for p in chart.points]
    gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert max(gaps) - min(gaps) <= 0.2  # equal gaps, to the 0.1 the SVG is drawn at
    assert xs[0] == chart.plot_left
    assert xs[-1] == chart.plot_right
    assert chart.points[3].kind == "concern"
    kinds = {line.kind for line in chart.lines}
    assert kinds == {"mean", "limit", "target"}
    for point in chart.points:
        assert chart.plot_top <= point.y <= chart.plot_bottom


def test_a_flat_series_and_a_single_point_still_draw():
    flat = charts.xmr_chart(_result([5.0] * 3))
    assert all(p.y == flat.points[0].y for p in flat.points)
    single = charts.xmr_chart(_result([7.0]))
    assert single.points[0].x == (single.plot_left + single.plot_right) / 2
    assert [line.kind for line in single.lines] == ["mean"]  # no limits from one point


def test_markers_sit_on_the_first_point_on_or_after_their_date():
    chart = charts.xmr_chart(
        _result([10.0] * 6),
        markers=[(date(2017, 1, 10), "pdsa", "PDSA 1"), (date(2030, 1, 1), "pdsa", "later")],
    )
    assert [m.label for m in chart.markers] == ["PDSA 1"]
    assert chart.markers[0].x1 == chart.points[2].x
