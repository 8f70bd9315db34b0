"""Issue 13, the public results: a team chooses which measures the public sees (any kind;
the flag decides, never the kind) and writes what changed for residents in its own words.
Both are set on the page and through the API with the same form, and appear on the public
results page and open data only once the initiative is published."""

import json

import pytest
from django.test import Client

from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives.models import Initiative, Measure
from improvement_hub.initiatives.models.limits import TEXT_MAX
from tests.accounts.factories import UserFactory
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import (
    InitiativeFactory,
    MeasureFactory,
    ObservationFactory,
    PublishedInitiativeFactory,
    TeamMemberFactory,
)

pytestmark = pytest.mark.django_db

MEASURE = {
    "name": "Days to a repair",
    "kind": "process",
    "unit": "days",
    "improvement_direction": "decrease",
    "screen_outliers": "on",
}


def _with_values(measure: Measure) -> Measure:
    for week, value in enumerate([12, 11, 13, 12]):
        ObservationFactory(measure=measure, on=f"2017-01-{2 + 7 * week:02d}", value=value)
    return measure


def _body(response) -> str:  # type: ignore[no-untyped-def]
    """A page's or a (streamed) download's text."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return str(response.content.decode())


def _public_text(client: Client, initiative: Initiative) -> str:
    pages = [
        f"/results/{initiative.pk}/",
        "/results/",
        "/results/data.csv",
        "/results/measures.csv",
        "/results/data.json",
    ]
    texts = []
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(_body(response))
    return "\n".join(texts)


def test_a_process_measure_the_team_shows_is_public_and_an_outcome_it_keeps_is_not(client, hub):
    initiative = PublishedInitiativeFactory()
    response = signed_in(hub).post(
        f"/initiatives/{initiative.pk}/measures/add/", {**MEASURE, "is_published": "on"}
    )
    assert response.status_code == 302
    shown = _with_values(Measure.objects.get(name="Days to a repair"))
    assert shown.is_published
    kept = _with_values(
        MeasureFactory(initiative=initiative, name="Tenant satisfaction", kind="outcome")
    )
    assert not kept.is_published  # a new measure stays with the team until it is shown

    text = _public_text(client, initiative)
    assert "Days to a repair" in text
    assert "Tenant satisfaction" not in text
    staff_page = signed_in(hub).get(f"/initiatives/{initiative.pk}/measures/{kept.pk}/")
    assert "No: the team and staff only" in staff_page.text


def test_a_shown_measure_of_an_unpublished_initiative_stays_private(client, hub):
    initiative = InitiativeFactory()
    measure = _with_values(
        MeasureFactory(initiative=initiative, name="Private days", is_published=True)
    )
    assert client.get(f"/results/{initiative.pk}/").status_code == 404
    assert "Private days" not in _body(client.get("/results/measures.csv"))
    page = signed_in(hub).get(f"/initiatives/{initiative.pk}/measures/{measure.pk}/")
    assert "Yes, once the initiative is published" in page.text


def test_unticking_takes_a_measure_off_the_public_pages_at_once(client, hub):
    initiative = PublishedInitiativeFactory()
    measure = _with_values(
        MeasureFactory(initiative=initiative, name="Calls answered", is_published=True)
    )
    assert "Calls answered" in _public_text(client, initiative)
    response = signed_in(hub).post(
        f"/initiatives/{initiative.pk}/measures/{measure.pk}/edit/",
        {**MEASURE, "name": "Calls answered"},  # the box left unticked
    )
    assert response.status_code == 302
    assert "Calls answered" not in _public_text(client, initiative)


def test_the_api_takes_and_returns_the_same_flag(hub):
    initiative = PublishedInitiativeFactory()
    body = {"name": "Waits", "unit": "days", "improvement_direction": "decrease"}
    client = signed_in(hub)
    hidden = client.post(
        f"/api/v1/initiatives/{initiative.pk}/measures",
        json.dumps(body),
        content_type="application/json",
    )
    assert hidden.status_code == 201
    assert hidden.json()["is_published"] is False
    shown = client.post(
        f"/api/v1/initiatives/{initiative.pk}/measures",
        json.dumps({**body, "name": "Waits shown", "is_published": True}),
        content_type="application/json",
    )
    assert shown.status_code == 201
    assert shown.json()["is_published"] is True
    assert Measure.objects.get(name="Waits shown").is_published


def test_only_the_team_or_the_hub_team_can_show_a_measure(hub):
    initiative = PublishedInitiativeFactory()
    measure = MeasureFactory(initiative=initiative, name="Waits")
    outsider = UserFactory(role=Role.STAFF)
    response = signed_in(outsider).post(
        f"/initiatives/{initiative.pk}/measures/{measure.pk}/edit/",
        {**MEASURE, "name": "Waits", "is_published": "on"},
    )
    assert response.status_code in (403, 404)
    measure.refresh_from_db()
    assert not measure.is_published
    member = UserFactory(role=Role.STAFF)
    TeamMemberFactory(initiative=initiative, user=member, name="")
    response = signed_in(member).post(
        f"/initiatives/{initiative.pk}/measures/{measure.pk}/edit/",
        {**MEASURE, "name": "Waits", "is_published": "on"},
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.is_published


# --- what changed for residents, in the team's words ---------------------------------------

EDIT = {
    "title": "Quicker repairs",
    "problem": "Tenants wait too long.",
    "scale": "tweak",
    "strand": "improvement_team",
    "method": "model_for_improvement",
    "is_published": "on",
    "public_summary": "Repairs booked online.",
}


def test_the_team_writes_what_changed_and_the_public_reads_it_escaped(client, hub):
    initiative = PublishedInitiativeFactory()
    words = "Tenants choose a two-hour slot <script>alert(1)</script> instead of waiting in."
    response = signed_in(hub).post(
        f"/initiatives/{initiative.pk}/edit/", {**EDIT, "resident_outcome": f"  {words}\n"}
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.resident_outcome == words  # trimmed

    page = client.get(f"/results/{initiative.pk}/").content.decode()
    assert "Tenants choose a two-hour slot &lt;script&gt;" in page
    assert "<script>alert(1)</script>" not in page
    document = client.get("/results/data.json").json()
    (result,) = document["results"]
    assert result["what_changed_in_words"] == words
    csv = _body(client.get("/results/data.csv"))
    assert "What changed for residents, in words" in csv
    assert "Tenants choose a two-hour slot" in csv


def test_too_long_a_text_is_refused_and_keeps_what_was_typed(hub):
    initiative = PublishedInitiativeFactory()
    words = "x" * (TEXT_MAX + 1)
    response = signed_in(hub).post(
        f"/initiatives/{initiative.pk}/edit/", {**EDIT, "resident_outcome": words}
    )
    assert response.status_code == 400
    assert "resident_outcome" in response.context["form"].errors
    assert words in response.text  # nothing the team typed is lost
    initiative.refresh_from_db()
    assert initiative.resident_outcome == ""


def test_the_api_starts_an_initiative_with_its_words(hub):
    body = {
        "title": "Quicker repairs",
        "problem": "Tenants wait too long.",
        "scale": "tweak",
        "resident_outcome": "Tenants book online.",
    }
    response = signed_in(hub).post(
        "/api/v1/initiatives", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["resident_outcome"] == "Tenants book online."
    assert (
        Initiative.objects.get(title="Quicker repairs").resident_outcome == "Tenants book online."
    )


def test_an_unpublished_initiatives_words_are_never_public(client, hub):
    initiative = InitiativeFactory(resident_outcome="Draft words about residents")
    for url in ["/results/", "/results/data.csv", "/results/data.json"]:
        assert "Draft words about residents" not in _body(client.get(url))
    assert client.get(f"/results/{initiative.pk}/").status_code == 404


def test_the_demo_shows_its_teams_words_and_keeps_a_process_measure_private(client, demo):
    published = Initiative.objects.filter(is_published=True).exclude(resident_outcome="")
    assert published.count() >= 3
    family = Initiative.objects.get(title__startswith="Family Front Door")
    page = client.get(f"/results/{family.pk}/").content.decode()
    assert "tell their story once, to one named worker" in page
    internal = Measure.objects.filter(initiative__is_published=True, is_published=False)
    assert internal.exists()
    for measure in internal:
        page = client.get(f"/results/{measure.initiative_id}/").content.decode()
        assert measure.name not in page
