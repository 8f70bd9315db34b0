"""Issue 10, items 4, 6 and 9: the demo tells one story in time (the decision of 29 November
2016, set-up over the winter, pilots before June 2017, follow-up readings after), its main
measure is summarised across its re-baseline, and chart labels never share a row."""

from datetime import date, timedelta

import pytest
from django.test import Client

from improvement_hub import spc
from improvement_hub.accounts.models import User
from improvement_hub.initiatives import charts, selectors
from improvement_hub.initiatives.models import Initiative, Measure, PdsaCycle, Prototype, TeamMember
from improvement_hub.lab.models import IndicatorReading


@pytest.fixture
def demo(demo_once, db):  # type: ignore[no-untyped-def]
    """The demo loaded once for this module: each test reads it in its own savepoint
    (tests/conftest.py, ``demo_once``)."""


DECISION = date(2016, 11, 29)
CONTRACT_ENDS = date(2017, 6, 30)

MAIN_SUMMARY = (
    "Improved: the process shifted from a mean of 24 to 16 days on 1 Mar 2017 "
    "(re-baselined); since then common cause variation"
)


@pytest.mark.django_db
def test_the_main_success_measure_tells_the_story_across_its_re_baseline(demo):
    measure = Measure.objects.get(name="Days from first contact to help starting")
    result = selectors.measure_spc(measure)
    assert result is not None
    assert result.summary(unit=measure.unit).startswith(MAIN_SUMMARY)
    client = Client()
    client.force_login(User.objects.get(email="hubteam@demo.example"))
    page = client.get(measure.get_absolute_url())
    assert MAIN_SUMMARY in page.text
    assert "Common cause variation: no significant change" not in page.text
    api = client.get(f"/api/v1/measures/{measure.pk}").json()
    assert api["spc"]["summary"].startswith("Improved: the process shifted from a mean of 24 to 16")


@pytest.mark.django_db
def test_the_demo_is_one_story_in_time(demo):
    initiatives = list(Initiative.objects.prefetch_related("source_ideas", "pilots"))
    for initiative in initiatives:
        assert initiative.starts_on > DECISION, initiative.title
        for idea in initiative.source_ideas.all():
            assert idea.submitted_at.date() < initiative.starts_on, (idea.title, initiative.title)
            first = idea.responses.order_by("created_at").first()
            assert first.created_at.date() < initiative.starts_on, idea.title
    early = [p for i in initiatives for p in i.pilots.all() if p.starts_on < date(2017, 6, 1)]
    assert len(early) == 3
    readings = list(IndicatorReading.objects.values_list("date", flat=True))
    assert readings
    # set-up readings in 2016/17; a follow-up after the contract is clearly later, still 2017
    assert all(DECISION < day <= date(2017, 12, 31) for day in readings)
    assert any(day <= CONTRACT_ENDS for day in readings)
    for measure in Measure.objects.prefetch_related("observations", "pdsa_cycles"):
        days = [o.on for o in measure.observations.all()]
        assert min(days) >= date(2016, 4, 1), measure.name
        assert max(days) <= date(2018, 3, 31), measure.name
        for cycle in measure.pdsa_cycles.all():
            assert cycle.starts_on >= measure.initiative.starts_on


@pytest.mark.django_db
def test_the_demo_says_nothing_twice(demo):
    hub = Client()
    hub.force_login(User.objects.get(email="hubteam@demo.example"))
    for initiative in Initiative.objects.all():
        text = hub.get(initiative.get_absolute_url()).text
        assert "We predict: We predict" not in text
        assert "Service-user representative: Service-user representative" not in text
    for cycle in PdsaCycle.objects.all():
        assert not cycle.prediction.lower().startswith("we predict")
    for member in TeamMember.objects.filter(role="service_user"):
        assert member.name != member.get_role_display()
    titles = list(Prototype.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles)) >= 2  # each initiative its own prototype
    second = Initiative.objects.get(title="Care leavers' first home")
    assert second.prototypes.exists()


@pytest.mark.django_db
def test_every_demo_measure_has_its_units_bounds_and_no_value_outside_them(demo):
    for measure in Measure.objects.prefetch_related("observations"):
        assert measure.lower_bound == 0
        assert measure.upper_bound == (100 if measure.unit == "%" else None)
        assert all(measure.bound_problem(o.value) is None for o in measure.observations.all())


def _result(count: int) -> spc.SpcResult:
    start = date(2017, 1, 4)
    return spc.xmr(
        [(start + timedelta(weeks=i), 10.0 + (i % 3)) for i in range(count)], direction="decrease"
    )


def test_markers_that_share_a_date_each_get_their_own_row():
    chart = charts.xmr_chart(
        _result(20),
        markers=[
            (date(2017, 3, 1), "pdsa", "PDSA 1: Triage by a joint team"),
            (date(2017, 3, 1), "rebase", "Re-baselined: The joint triage team was adopted"),
            (date(2017, 3, 8), "pdsa", "PDSA 2: One shared plan"),
        ],
    )
    rows = [m.label_y for m in chart.markers]
    assert len(set(rows)) == 3
    assert [m.tag for m in chart.markers] == ["PDSA 1", "Re-baselined", "PDSA 2"]
    assert chart.markers[0].x1 == chart.markers[1].x1
    assert chart.markers[0].detail == "Triage by a joint team"
    # every marker label sits above the plot, and the plot's top label below the last of them
    assert max(rows) + charts.FONT_SIZE <= chart.plot_top - charts.FONT_SIZE + 4
    assert all(m.y2 == chart.plot_bottom for m in chart.markers)


def test_at_most_three_date_labels_anchored_so_they_stay_inside():
    chart = charts.xmr_chart(_result(57))
    assert [t.anchor for t in chart.x_ticks] == ["start", "middle", "end"]
    assert chart.x_ticks[0].position == chart.plot_left
    assert chart.x_ticks[-1].position == chart.plot_right
    assert [t.label for t in chart.x_ticks] == ["Jan 2017", "Jul 2017", "Jan 2018"]
    two = charts.xmr_chart(_result(2))
    assert [t.anchor for t in two.x_ticks] == ["start", "end"]
    assert [t.label for t in two.x_ticks] == ["4 Jan", "11 Jan"]
