"""Every figure of the dashboard against the hand-worked world of conftest.py."""

import datetime as dt

import pytest

from improvement_hub.insights import selectors
from improvement_hub.insights.periods import Period, period_for


def board(world, priority: str = "", directorate: str = ""):  # type: ignore[no-untyped-def]
    return selectors.dashboard(
        period=period_for("all"),
        priority=world[priority] if priority else 0,
        directorate=world[directorate] if directorate else 0,
        priorities={world["children"]: "Children", world["housing"]: "Housing"},
        directorates={world["people"]: "People", world["place"]: "Place"},
    )


def rows(dashboard, slug: str) -> dict[str, list[object]]:  # type: ignore[no-untyped-def]
    return {str(row[0]): row[1:] for row in dashboard.table(slug).rows}


def numbers(dashboard, slug: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {label: values[0] for label, values in rows(dashboard, slug).items()}


def test_pipeline_funnels_for_everything(world) -> None:  # type: ignore[no-untyped-def]
    d = board(world)
    assert rows(d, "ideas-funnel") == {
        "Ideas submitted": [3, 100.0],
        "Answered": [2, 66.7],
        "Taken forward": [1, 33.3],
    }
    assert numbers(d, "referrals-funnel") == {
        "Referrals received": 3,
        "Accepted into the Lab": 2,
        "Challenges formed": 1,
    }
    assert numbers(d, "pilots-funnel") == {
        "Pilots started": 3,
        "Go or no-go decided": 2,
        "Adopted (go)": 1,
    }
    assert numbers(d, "initiatives-stage") == {
        "Testing changes (PDSA)": 1,
        "Discover": 1,
        "Closed": 1,
    }
    assert numbers(d, "initiatives-scale") == {
        "Tweak": 1,
        "Improvement": 1,
        "Redesign": 0,
        "Transformation": 1,
    }
    summary = d.table("ideas-funnel").summary
    assert summary.startswith("Of 3 ideas submitted in the period, 2 (66.7%) have had an answer")


def test_cycle_times_against_working_day_targets(world) -> None:  # type: ignore[no-untyped-def]
    d = board(world)
    # [target, done, within, per cent within, average working days]
    assert rows(d, "cycle-times") == {
        "Idea submitted to first answer": [10, 2, 1, 50.0, 10.0],
        "Referral received to acknowledged": [5, 3, 2, 66.7, 4.3],
        "Referral received to decided": [20, 2, 2, 100.0, 10.0],
    }


def test_portfolio_rag_milestones_and_benefits(world) -> None:  # type: ignore[no-untyped-def]
    d = board(world)
    # The closed initiative is left out of the RAG roll-up and of slipping milestones.
    assert numbers(d, "rag") == {"Green": 1, "Amber": 0, "Red": 1, "No rating yet": 0}
    assert [row[1] for row in d.table("milestones").rows] == [3, 2]
    benefits = rows(d, "benefits")
    # cashable planned/forecast/realised, non-cashable ..., hours ...
    assert benefits["Children"] == [1000, 800, 500, 0, 0, 0, 100, 0, 40]
    assert benefits["Housing"] == [2000, 0, 0, 0, 0, 0, 0, 0, 0]
    assert benefits["All priorities"] == [3000, 800, 500, 0, 0, 0, 100, 0, 40]


def test_measures_variation_and_assurance(world) -> None:  # type: ignore[no-untyped-def]
    d = board(world)
    assert numbers(d, "measures-variation") == {
        "Special cause: improvement": 1,
        "Special cause: concern": 0,
        "Special cause: neither better nor worse": 0,
        "No change (common cause)": 1,
        "No data yet": 1,
    }
    assert numbers(d, "measures-assurance")["No target or no limits yet"] == 3


def test_priority_filter_counts_an_item_under_each_of_its_priorities(world) -> None:  # type: ignore[no-untyped-def]
    children, housing = board(world, "children"), board(world, "housing")
    assert numbers(children, "ideas-funnel") == {
        "Ideas submitted": 2,
        "Answered": 2,
        "Taken forward": 1,
    }
    assert numbers(housing, "ideas-funnel") == {
        "Ideas submitted": 2,
        "Answered": 1,
        "Taken forward": 0,
    }
    assert numbers(children, "referrals-funnel")["Referrals received"] == 1
    assert numbers(housing, "rag") == {"Green": 1, "Amber": 0, "Red": 0, "No rating yet": 0}
    assert list(rows(housing, "benefits")) == ["Housing"]
    assert numbers(children, "pilots-funnel") == {
        "Pilots started": 1,
        "Go or no-go decided": 1,
        "Adopted (go)": 1,
    }


def test_directorate_filter_uses_services_directorates(world) -> None:  # type: ignore[no-untyped-def]
    place = board(world, directorate="place")
    assert numbers(place, "ideas-funnel")["Ideas submitted"] == 1  # I2
    assert numbers(place, "referrals-funnel")["Referrals received"] == 1  # R2, via its service
    assert numbers(place, "initiatives-stage") == {"Discover": 1}  # B, via its service
    assert [row[1] for row in place.table("milestones").rows] == [2, 1]
    both = board(world, "children", "place")
    assert numbers(both, "ideas-funnel")["Ideas submitted"] == 1  # I2 again
    assert numbers(both, "referrals-funnel")["Referrals received"] == 0


def test_a_period_before_anything_happened_shows_zeros(world) -> None:  # type: ignore[no-untyped-def]
    period = Period("last-year", "Last financial year", dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    d = selectors.dashboard(
        period=period, priority=0, directorate=0, priorities={}, directorates={}
    )
    assert numbers(d, "ideas-funnel")["Ideas submitted"] == 0
    assert rows(d, "cycle-times")["Idea submitted to first answer"] == [10, 0, 0, None, None]
    assert d.table("cycle-times").summary == "Nothing in the period has reached these steps yet."
    # no refresh by the period's end: the earliest snapshot is shown, and says when it is from
    assert d.table("rag").fresh.startswith("As at 4 December 2026.")


@pytest.mark.django_db
def test_no_refresh_yet_says_so() -> None:
    d = selectors.dashboard(
        period=period_for("all"), priority=0, directorate=0, priorities={}, directorates={}
    )
    assert d.computed_at is None
    assert d.table("rag").fresh == "Not computed yet: run the refresh_insights command."
