"""Issue 10, items 5, 13 and 14 for measures: a measure's bounds refuse values its unit
cannot have, on the page and in the API alike; removing a value, a re-baseline or any part
of an initiative asks first (a warning page, no JavaScript) and is recorded; messages are
in sentence case."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape

from improvement_hub.initiatives import services
from improvement_hub.initiatives.models import Measure, MeasureRebase, Observation, Risk
from improvement_hub.initiatives.models.measures import Removal, default_bounds
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import InitiativeFactory, MeasureFactory, ObservationFactory

pytestmark = pytest.mark.django_db


def _measure(hub, unit: str = "days", **extra) -> Measure:  # type: ignore[no-untyped-def]
    """A measure added as the Hub Team adds one (through the service, so it takes its
    unit's bounds)."""
    measure = Measure(name=f"Measure in {unit}", unit=unit, improvement_direction="decrease")
    for name, value in extra.items():
        setattr(measure, name, value)
    return services.part_save(actor=hub, initiative=InitiativeFactory(), part=measure)


@pytest.mark.parametrize(
    ("unit", "bounds"),
    [
        ("days", (0.0, None)),
        ("Working days", (0.0, None)),
        ("%", (0.0, 100.0)),
        ("per cent of calls", (0.0, 100.0)),
        ("calls a week", (0.0, None)),
        ("people", (0.0, None)),
        ("families", (0.0, None)),
        ("°C", (None, None)),
        ("£ net", (None, None)),
    ],
)
def test_a_unit_gets_the_bounds_its_values_cannot_pass(unit, bounds):
    assert default_bounds(unit) == bounds


def test_a_new_measure_takes_its_units_bounds_and_keeps_bounds_it_is_given(hub):
    assert (_measure(hub, "days").lower_bound, _measure(hub, "days").upper_bound) == (0, None)
    percent = _measure(hub, "%")
    assert (percent.lower_bound, percent.upper_bound) == (0, 100)
    chosen = _measure(hub, "days", lower_bound=1.0, upper_bound=365.0)
    assert (chosen.lower_bound, chosen.upper_bound) == (1, 365)


def test_minus_five_days_is_refused_on_the_page_with_a_message(hub):
    measure = _measure(hub, "days")
    response = signed_in(hub).post(
        f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/values/",
        {"on": "2017-01-02", "value": "-5"},
    )
    assert response.status_code == 400
    assert "Enter a value of 0 or more (days cannot be less than 0)" in response.text
    assert not Observation.objects.exists()


def test_a_csv_with_a_value_out_of_range_adds_nothing(hub):
    measure = _measure(hub, "%")
    content = b"date,value\n2017-01-02,40\n2017-01-09,140\n2017-01-16,-1\n"
    response = signed_in(hub).post(
        f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/import/",
        {"file": SimpleUploadedFile("values.csv", content, content_type="text/csv")},
    )
    assert response.status_code == 400
    assert "Row 3: enter a value of 100 or less (% cannot be more than 100)" in response.text
    assert "Row 4: enter a value of 0 or more (% cannot be less than 0)" in response.text
    assert not Observation.objects.exists()


def test_the_api_refuses_the_same_values_with_the_same_message(hub):
    client = signed_in(hub)
    created = client.post(
        f"/api/v1/initiatives/{InitiativeFactory().pk}/measures",
        {"name": "Calls abandoned", "unit": "%", "improvement_direction": "decrease"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    measure = Measure.objects.get(pk=created.json()["id"])
    assert (measure.lower_bound, measure.upper_bound) == (0, 100)
    response = client.post(
        f"/api/v1/measures/{measure.pk}/observations",
        [{"date": "2017-01-02", "value": 12}, {"date": "2017-01-09", "value": 101}],
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"]["observations"] == [
        "Row 2: enter a value of 100 or less (% cannot be more than 100)"
    ]
    assert not Observation.objects.exists()
    on_the_bound = client.post(
        f"/api/v1/measures/{measure.pk}/observations",
        [{"date": "2017-01-02", "value": 0}, {"date": "2017-01-09", "value": 100}],
        content_type="application/json",
    )
    assert on_the_bound.status_code == 201


def test_bounds_must_be_in_order_and_keep_the_values_and_target_already_there(hub):
    measure = _measure(hub, "days", target=10.0)
    ObservationFactory(measure=measure, value=3)
    ObservationFactory(measure=measure, value=40)
    measure.lower_bound, measure.upper_bound = 5.0, 2.0
    with pytest.raises(ValidationError) as error:
        services.part_save(actor=hub, initiative=measure.initiative, part=measure)
    assert error.value.message_dict["upper_bound"] == [
        "The highest possible value must be more than the lowest"
    ]
    measure.lower_bound, measure.upper_bound = 5.0, 30.0
    with pytest.raises(ValidationError) as error:
        services.part_save(actor=hub, initiative=measure.initiative, part=measure)
    assert error.value.message_dict["lower_bound"] == [
        "1 recorded value is below 5: remove it first, or choose a lower bound"
    ]
    assert error.value.message_dict["upper_bound"] == [
        "1 recorded value is above 30: remove it first, or choose a higher bound"
    ]
    measure.lower_bound, measure.upper_bound = 0.0, 8.0
    with pytest.raises(ValidationError) as error:
        services.part_save(actor=hub, initiative=measure.initiative, part=measure)
    assert error.value.message_dict["target"] == ["Enter a target of 8 or less"]


def test_the_database_refuses_bounds_out_of_order():
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureFactory(lower_bound=10.0, upper_bound=1.0)


def test_the_page_shows_the_possible_values(hub):
    measure = _measure(hub, "%")
    page = signed_in(hub).get(measure.get_absolute_url())
    assert "Possible values" in page.text
    assert "From 0 to 100" in page.text


# --- removing asks first, and is recorded -------------------------------------------------


def _value_url(measure: Measure, observation: Observation) -> str:
    base = f"/initiatives/{measure.initiative_id}/measures/{measure.pk}"
    return f"{base}/values/{observation.pk}/delete/"


def test_remove_on_the_measure_page_is_a_link_to_a_warning_page_that_changes_nothing(hub):
    measure = _measure(hub, "days")
    observation = ObservationFactory(measure=measure, on=date(2017, 3, 1), value=16)
    page = signed_in(hub).get(measure.get_absolute_url())
    assert f'href="{_value_url(measure, observation)}"' in page.text
    warning = signed_in(hub).get(_value_url(measure, observation))
    assert warning.status_code == 200
    assert "Are you sure you want to remove this value?" in warning.text
    assert "16 days on 1 March 2017" in warning.text
    assert "govuk-warning-text" in warning.text
    assert "govuk-button--warning" in warning.text
    assert Observation.objects.filter(pk=observation.pk).exists()
    assert not Removal.objects.exists()


def test_yes_removes_the_value_and_records_who_when_and_what(hub):
    measure = _measure(hub, "days")
    observation = ObservationFactory(measure=measure, on=date(2017, 3, 1), value=16)
    response = signed_in(hub).post(_value_url(measure, observation))
    assert response.status_code == 302
    assert not Observation.objects.filter(pk=observation.pk).exists()
    removal = Removal.objects.get()
    assert removal.removed_by == hub
    assert removal.measure == measure
    assert removal.initiative == measure.initiative
    assert removal.description == "The value 16 days for 1 March 2017"
    assert removal.removed_at is not None
    page = signed_in(hub).get(measure.get_absolute_url())
    assert "The value 16 days for 1 March 2017" in page.text
    assert escape(hub.get_full_name()) in page.text  # a name may hold an apostrophe


def test_a_second_click_removes_nothing_more_and_says_so(hub):
    measure = _measure(hub, "days")
    observation = ObservationFactory(measure=measure)
    client = signed_in(hub)
    client.post(_value_url(measure, observation))
    again = client.post(_value_url(measure, observation), follow=True)
    assert again.status_code == 200
    assert "That value was already removed" in again.text
    assert Removal.objects.count() == 1


def test_people_outside_the_team_can_neither_see_the_warning_nor_remove(hub, staff, partner):
    measure = _measure(hub, "days")
    observation = ObservationFactory(measure=measure)
    for person in (staff, partner):
        assert signed_in(person).get(_value_url(measure, observation)).status_code == 404
        assert signed_in(person).post(_value_url(measure, observation)).status_code == 404
    anonymous = signed_in(hub).__class__().post(_value_url(measure, observation))
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    assert Observation.objects.filter(pk=observation.pk).exists()
    assert not Removal.objects.exists()
    with pytest.raises(Exception, match="Only the initiative's team"):
        services.observation_delete(actor=staff, measure=measure, observation_id=observation.pk)


def test_a_value_of_another_measure_cannot_be_removed_through_this_one(hub):
    measure = _measure(hub, "days")
    other = ObservationFactory(measure=_measure(hub, "%"))
    assert signed_in(hub).get(_value_url(measure, other)).status_code == 404
    signed_in(hub).post(_value_url(measure, other))
    assert Observation.objects.filter(pk=other.pk).exists()


def test_removing_a_re_baseline_asks_first_and_is_recorded(hub):
    measure = _measure(hub, "days")
    rebase = MeasureRebase.objects.create(measure=measure, on=date(2017, 3, 1), reason="New triage")
    url = f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/rebase/{rebase.pk}/delete/"
    assert f'href="{url}"' in signed_in(hub).get(measure.get_absolute_url()).text
    warning = signed_in(hub).get(url)
    assert "Are you sure you want to remove this re-baseline?" in warning.text
    assert MeasureRebase.objects.exists()
    signed_in(hub).post(url)
    assert not MeasureRebase.objects.exists()
    removal = Removal.objects.get()
    assert removal.description == "The re-baseline of 1 March 2017 (New triage)"
    assert removal.removed_by == hub


def test_removing_any_part_of_an_initiative_is_recorded(hub):
    initiative = InitiativeFactory()
    risk = Risk.objects.create(
        initiative=initiative, description="Staff time is taken", likelihood=3, impact=4
    )
    url = f"/initiatives/{initiative.pk}/risks/{risk.pk}/delete/"
    assert "Are you sure" in signed_in(hub).get(url).text
    assert Risk.objects.exists()
    signed_in(hub).post(url)
    assert not Risk.objects.exists()
    removal = Removal.objects.get()
    assert (removal.kind, removal.removed_by, removal.initiative) == ("Risk", hub, initiative)
    assert "Staff time is taken" in removal.description


# --- sentence case ---------------------------------------------------------------------


def test_a_single_values_problem_starts_with_a_capital(hub):
    measure = _measure(hub, "days")
    ObservationFactory(measure=measure, on=date(2017, 2, 6), value=5)
    response = signed_in(hub).post(
        f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/values/",
        {"on": "2017-02-06", "value": "6"},
    )
    assert "There is already a value for 6 February 2017" in response.text
    assert "there is already a value" not in response.text
    future = signed_in(hub).post(
        f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/values/",
        {"on": str(timezone.localdate() + timedelta(days=40)), "value": "6"},
    )
    assert "The date must be today or in the past" in future.text


def test_a_long_list_of_bad_rows_ends_with_a_sentence(hub):
    measure = _measure(hub, "days")
    rows = "\n".join(f"{date(2017, 1, 2) + timedelta(days=i)},-{i + 1}" for i in range(60))
    response = signed_in(hub).post(
        f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/import/",
        {"file": SimpleUploadedFile("v.csv", f"date,value\n{rows}\n".encode(), "text/csv")},
    )
    assert response.status_code == 400
    assert "10 more rows have problems" in response.text
    assert "and 10 more rows" not in response.text
