"""Measures: values by form, CSV and API, all or nothing; the SPC chart on the page and
in the API as the issue specifies."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from improvement_hub.initiatives.models import Measure, MeasureRebase, Observation
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import (
    InitiativeFactory,
    MeasureFactory,
    ObservationFactory,
    TeamMemberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure(hub):  # type: ignore[no-untyped-def]
    return MeasureFactory(name="Days to repair", target=12.0)


def _upload(measure, hub, content: bytes, name: str = "values.csv"):  # type: ignore[no-untyped-def]
    return signed_in(hub).post(
        f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/import/",
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def test_a_good_csv_adds_every_value_and_the_chart_appears(measure, hub):
    rows = "\n".join(
        f"{date(2017, 1, 2) + timedelta(weeks=i)},{20 - (i > 12) * 8}" for i in range(26)
    )
    response = _upload(measure, hub, ("\ufeffDate,Value\n" + rows + "\n").encode())
    assert response.status_code == 302
    assert measure.observations.count() == 26
    page = signed_in(hub).get(measure.get_absolute_url())
    assert "<svg" in page.text
    assert "Special cause improvement" in page.text
    assert page.text.count('class="govuk-table__row"') >= 27  # the data as a table too


def test_a_bad_csv_reports_every_bad_row_and_adds_nothing(measure, hub):
    ObservationFactory(measure=measure, on=date(2017, 1, 9), value=5)
    content = (
        "date,value\n"
        "2017-01-02,10\n"
        "2017-13-01,11\n"  # no such month
        "2017-01-16,lots\n"
        "2017-01-02,12\n"  # again
        "2017-01-09,4\n"  # already there
        f"{timezone.localdate() + timedelta(days=3)},4\n"
        "2017-01-30,NaN\n"
    ).encode()
    response = _upload(measure, hub, content)
    assert response.status_code == 400
    text = response.text
    assert "Row 3: enter a real date, like 2017-03-31" in text
    assert "Row 4: enter the value as a number" in text
    assert "Row 5: 2 January 2017 is also in row 2" in text
    assert "Row 6: there is already a value for 9 January 2017" in text
    assert "Row 7: the date must be today or in the past" in text
    assert "Row 8: enter the value as a number" in text
    assert measure.observations.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The selected file is empty"),
        (b"\n\n , \n", "The selected file is empty"),
        (b"when,how many\n2017-01-01,3\n", "The first row must name the columns"),
        (b"date,value\n", "The file has a header row but no values"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "The file must be a CSV file"),
        (b"date,value\n" + b"2017-01-01,1\n" * 90_000, "The file must be smaller than 1 MB"),
    ],
)
def test_files_that_are_not_usable_get_a_clear_error(measure, hub, content, message):
    response = _upload(measure, hub, content)
    assert response.status_code == 400
    assert message in response.text
    assert not measure.observations.exists()


def test_day_first_dates_and_windows_encoding_are_read(measure, hub):
    content = 'date,value,note\n02/01/2017,1.5,caf\xe9\n09/01/2017,"2,000",x\n'.encode("cp1252")
    assert _upload(measure, hub, content).status_code == 302
    assert list(measure.observations.values_list("on", "value")) == [
        (date(2017, 1, 2), 1.5),
        (date(2017, 1, 9), 2000.0),
    ]


def test_one_value_by_form_and_its_errors(measure, hub):
    client = signed_in(hub)
    url = f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/values/"
    assert client.post(url, {"on": "2017-02-06", "value": "14"}).status_code == 302
    again = client.post(url, {"on": "2017-02-06", "value": "15"})
    assert again.status_code == 400
    assert "There is already a value for 6 February 2017" in again.text
    bad = client.post(url, {"on": "yesterday", "value": "many"})
    assert "Date must be a real date" in bad.text
    assert "Enter the value as a number" in bad.text
    assert measure.observations.count() == 1


def test_only_the_team_or_hub_team_can_add_values(measure, staff):
    url = f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/values/"
    assert signed_in(staff).post(url, {"on": "2017-02-06", "value": "1"}).status_code == 404
    TeamMemberFactory(initiative=measure.initiative, user=staff)
    assert signed_in(staff).post(url, {"on": "2017-02-06", "value": "1"}).status_code == 302


def test_rebasing_splits_the_chart_into_segments(measure, hub):
    for i in range(24):
        ObservationFactory(
            measure=measure, on=date(2017, 1, 2) + timedelta(weeks=i), value=20 if i < 12 else 10
        )
    client = signed_in(hub)
    url = f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/rebase/"
    assert client.post(url, {"on": "2017-03-27", "reason": "New process"}).status_code == 302
    again = client.post(url, {"on": "2017-03-27", "reason": "Twice"})
    assert "The chart is already re-baselined on that date" in again.text
    body = client.get(f"/api/v1/measures/{measure.pk}").json()
    assert [s["start"] for s in body["spc"]["segments"]] == ["2017-01-02", "2017-03-27"]
    assert [s["mean"] for s in body["spc"]["segments"]] == [20.0, 10.0]
    assert MeasureRebase.objects.count() == 1


# --- the API ------------------------------------------------------------------------------


def test_the_api_adds_a_measure_and_values_and_returns_the_spc_object(hub):
    initiative = InitiativeFactory()
    client = signed_in(hub)
    created = client.post(
        f"/api/v1/initiatives/{initiative.pk}/measures",
        {"name": "Calls abandoned", "unit": "%", "improvement_direction": "decrease", "target": 12},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    measure_id = created.json()["id"]
    assert created.json()["spc"] is None
    values = [
        {"date": str(date(2017, 1, 2) + timedelta(weeks=i)), "value": v}
        for i, v in enumerate(
            [18, 17, 19, 18, 18, 17, 19, 18, 18, 19, 17, 18, 10, 11, 10, 9, 10, 11, 10, 10]
        )
    ]
    added = client.post(
        f"/api/v1/measures/{measure_id}/observations", values, content_type="application/json"
    )
    assert added.status_code == 201
    assert added.json() == {"added": 20}
    body = client.get(f"/api/v1/measures/{measure_id}").json()
    spc = body["spc"]
    assert set(spc) == {"segments", "points", "variation", "assurance", "summary"}
    assert set(spc["segments"][0]) == {"start", "mean", "lower_limit", "upper_limit"}
    assert set(spc["points"][0]) == {"date", "value", "special_cause", "rule"}
    assert spc["variation"] == "special_cause_improvement"
    assert spc["points"][-1]["special_cause"] == "improvement"
    assert spc["points"][-1]["rule"] in {"outside_limits", "two_of_three", "trend", "run"}
    assert spc["assurance"] in {None, "pass", "fail", "hit_and_miss"}


def test_the_api_adds_no_values_when_any_is_bad(hub):
    measure = MeasureFactory()
    response = signed_in(hub).post(
        f"/api/v1/measures/{measure.pk}/observations",
        [{"date": "2017-01-02", "value": 3}, {"date": "2017-01-02", "value": 4}],
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"]["observations"] == ["Row 2: 2 January 2017 is also in row 1"]
    assert not Observation.objects.exists()
    malformed = signed_in(hub).post(
        f"/api/v1/measures/{measure.pk}/observations",
        [{"date": "not a date", "value": "x"}],
        content_type="application/json",
    )
    assert malformed.status_code in (400, 422)
    assert not Observation.objects.exists()


def test_the_api_refuses_bad_measures_and_outsiders(hub, staff):
    initiative = InitiativeFactory()
    url = f"/api/v1/initiatives/{initiative.pk}/measures"
    bad = signed_in(hub).post(
        url,
        {"name": "x", "unit": "y", "improvement_direction": "up"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert "improvement_direction" in bad.json()["errors"]
    missing = signed_in(hub).post(url, {"name": "x"}, content_type="application/json")
    assert missing.status_code in (400, 422)
    outsider = signed_in(staff).post(
        url,
        {"name": "x", "unit": "y", "improvement_direction": "increase"},
        content_type="application/json",
    )
    assert outsider.status_code == 403
    dup = {"name": "Same", "unit": "y", "improvement_direction": "increase"}
    assert signed_in(hub).post(url, dup, content_type="application/json").status_code == 201
    twice = signed_in(hub).post(url, dup, content_type="application/json")
    assert twice.status_code == 422
    assert "This initiative already has a measure with this name" in str(twice.json())
    assert Measure.objects.count() == 1


def test_a_measure_of_an_unseen_initiative_is_not_found(client):
    measure = MeasureFactory()
    assert client.get(f"/api/v1/measures/{measure.pk}").status_code == 404
    assert client.get("/api/v1/measures/999999").status_code == 404
