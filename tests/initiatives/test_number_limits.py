"""Issue 8, item 9: every number typed into an initiative (forms and API) is finite and in a
sane range, checked in the model validation the services run, with a clear message; and a
non-finite number stored before the check does not break the measure's page or API."""

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from improvement_hub.initiatives import services
from improvement_hub.initiatives.models import Benefit, Measure, Observation, Risk
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import InitiativeFactory, MeasureFactory, ObservationFactory

pytestmark = pytest.mark.django_db

RANGE = "Enter a number between -1,000,000,000,000 and 1,000,000,000,000"
# JSON numbers the Python parser turns into NaN or ±Infinity, and one past the limit
BAD_JSON_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e13"]
BAD_TYPED_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e309", "1e13", "-2e12"]


@pytest.fixture
def initiative(hub):  # type: ignore[no-untyped-def]
    return InitiativeFactory()


def _post_json(client, url: str, body: str):  # type: ignore[no-untyped-def]
    return client.post(url, body, content_type="application/json")


@pytest.mark.parametrize("number", BAD_JSON_NUMBERS)
def test_the_api_refuses_a_measure_target_when_it_is_not_a_finite_number_in_range(
    hub, initiative, number
):
    body = (
        '{"name": "Days to repair", "unit": "days", "improvement_direction": "decrease", '
        f'"target": {number}}}'
    )
    response = _post_json(signed_in(hub), f"/api/v1/initiatives/{initiative.pk}/measures", body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "target"
    assert response.json()["detail"][0]["msg"]
    assert not Measure.objects.exists()


def test_the_api_answers_422_when_an_idea_number_is_too_big_for_the_database(hub):
    response = _post_json(
        signed_in(hub),
        "/api/v1/initiatives",
        json.dumps(
            {"title": "Quicker repairs", "problem": "Slow.", "scale": "tweak", "ideas": [10**20]}
        ),
    )
    assert response.status_code == 422
    # the page's form reads the numbers, so the API says what the page says
    assert response.json()["errors"]["ideas"] == [
        "Enter idea numbers separated by commas, like 12, 40"
    ]


def test_the_measure_form_refuses_a_target_when_it_is_not_a_finite_number_in_range(hub, initiative):
    client = signed_in(hub)
    for number in BAD_TYPED_NUMBERS:
        response = client.post(
            f"/initiatives/{initiative.pk}/measures/add/",
            {
                "name": "Days to repair",
                "kind": "outcome",
                "unit": "days",
                "improvement_direction": "decrease",
                "target": number,
            },
        )
        assert response.status_code == 400, number
        assert "govuk-error-summary" in response.text, number
        assert not Measure.objects.exists(), number


def test_the_measure_form_says_what_range_a_target_may_have_when_it_is_too_big(hub, initiative):
    response = signed_in(hub).post(
        f"/initiatives/{initiative.pk}/measures/add/",
        {
            "name": "Days to repair",
            "kind": "outcome",
            "unit": "days",
            "improvement_direction": "decrease",
            "target": "1e300",
            "baseline_points": "99999999999999999999",
        },
    )
    assert RANGE in response.text
    assert "Enter a number of points from 12 to 1,000" in response.text
    assert 'value="Days to repair"' in response.text  # nothing typed is lost
    assert not Measure.objects.exists()


BENEFITS = [
    ({"planned": "NaN"}, "Enter a number"),
    ({"planned": "Infinity"}, "Enter a number"),
    ({"planned": "1000000000.01"}, "Enter an amount of 1,000,000,000 or less"),
    ({"planned": "100", "forecast": "5000000000"}, "Enter an amount of 1,000,000,000 or less"),
    ({"planned": "-5"}, "Enter an amount of 0 or more"),
]


def test_the_benefit_form_refuses_an_amount_when_it_is_not_finite_or_over_a_billion(
    hub, initiative
):
    client = signed_in(hub)
    for data, message in BENEFITS:
        response = client.post(
            f"/initiatives/{initiative.pk}/benefits/add/",
            {"kind": "cashable", "description": "Fewer repeat visits", **data},
        )
        assert response.status_code == 400, data
        assert message in response.text, data
        assert not Benefit.objects.exists(), data


def test_the_risk_form_refuses_a_score_when_it_is_a_huge_integer(hub, initiative):
    response = signed_in(hub).post(
        f"/initiatives/{initiative.pk}/risks/add/",
        {"description": "Staff leave", "likelihood": "99999999999999999999", "impact": "3"},
    )
    assert "Likelihood must be a number from 1 to 5" in response.text
    assert not Risk.objects.exists()


def test_the_value_form_refuses_a_value_when_it_is_not_a_finite_number_in_range(hub):
    measure = MeasureFactory()
    client = signed_in(hub)
    for number in BAD_TYPED_NUMBERS:
        response = client.post(
            f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/values/",
            {"on": "2017-01-02", "value": number},
        )
        assert response.status_code == 400, number
        assert "Enter the value as a number" in response.text or RANGE in response.text, number
        assert f'value="{number}"' in response.text, number  # what was typed is kept
        assert not Observation.objects.exists(), number


@pytest.mark.parametrize("target", [float("nan"), float("inf"), -float("inf"), 1e13])
def test_the_service_refuses_a_measure_target_when_it_is_not_a_finite_number_in_range(
    hub, initiative, target
):
    measure = Measure(name="Days", unit="days", improvement_direction="decrease", target=target)
    with pytest.raises(ValidationError) as error:
        services.part_save(actor=hub, initiative=initiative, part=measure)
    assert error.value.message_dict["target"] == [RANGE]
    assert not Measure.objects.exists()


def test_a_measure_with_a_stored_infinite_target_and_value_still_shows_when_opened(hub):
    measure = MeasureFactory(target=12.0)
    for week in range(1, 6):
        ObservationFactory(
            measure=measure, on=date(2017, 1, 2) + timedelta(weeks=week), value=10 + week
        )
    bad = ObservationFactory(measure=measure, on=date(2017, 2, 20), value=5)
    # written before the limits were checked, straight into the database
    Measure.objects.filter(pk=measure.pk).update(target=float("inf"))
    Observation.objects.filter(pk=bad.pk).update(value=float("-inf"))
    client = signed_in(hub)

    page = client.get(measure.get_absolute_url())
    assert page.status_code == 200
    assert "<svg" in page.text
    assert "Not charted" in page.text  # listed, so the team can remove it
    api = client.get(f"/api/v1/measures/{measure.pk}")
    assert api.status_code == 200
    body = json.loads(api.content, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    assert body["target"] is None
    assert len(body["observations"]) == 5


@pytest.mark.parametrize("page", ["706518642120538880", "99999999999999999999", "0", "-1", "x"])
def test_initiative_list_api_refuses_a_page_number_when_no_database_could_reach_it(page):
    response = Client().get("/api/v1/initiatives", {"page": page})
    assert response.status_code == 422


def test_initiative_list_api_gives_an_empty_page_when_past_the_last_one():
    response = Client().get("/api/v1/initiatives", {"page": "1000000"})
    assert response.status_code == 200
    assert response.json()["items"] == []
