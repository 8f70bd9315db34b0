"""One rule, one place (issue 9): the page and the API share a form and a service, rules
live in models and predicates rather than templates, and one FilterSet filters the
portfolio's pages, its export and the API list."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils import timezone

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from improvement_hub.council.models import Priority
from improvement_hub.initiatives import permissions
from improvement_hub.initiatives.models import Initiative, Pilot, Risk, StatusUpdate
from tests.accounts.factories import UserFactory
from tests.conftest import ROLE_IDS, ROLES
from tests.council.factories import DirectorateFactory, PriorityFactory, ServiceFactory
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import InitiativeFactory, PilotFactory, PublishedInitiativeFactory

pytestmark = pytest.mark.django_db

START = {
    "title": "Quicker repairs",
    "problem": "Tenants wait too long.",
    "scale": "tweak",
    "strand": "improvement_team",
    "method": "model_for_improvement",
}


def _start_on_the_page(client: Client, priority: Priority) -> list[str]:
    response = client.post("/initiatives/new/", {**START, "priorities": priority.slug})
    assert response.status_code == 400
    return [str(m) for m in response.context["form"].errors["priorities"]]


def _start_through_the_api(client: Client, priority: Priority) -> list[str]:
    body = {**START, "priorities": [priority.slug]}
    response = client.post("/api/v1/initiatives", json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    messages: list[str] = response.json()["errors"]["priorities"]
    return messages


@pytest.mark.parametrize("start", [_start_on_the_page, _start_through_the_api], ids=["page", "api"])
def test_an_inactive_priority_is_refused_with_the_same_message_when_starting_an_initiative(
    hub, start
):
    retired = PriorityFactory(is_active=False)
    messages = start(signed_in(hub), retired)
    assert messages == [
        f"Select a valid choice. {retired.slug} is not one of the available choices."
    ]
    assert not Initiative.objects.exists()


@pytest.mark.parametrize("start", [_start_on_the_page, _start_through_the_api], ids=["page", "api"])
def test_an_active_priority_is_taken_by_slug_when_starting_an_initiative(hub, start):
    housing = PriorityFactory(slug="housing-x")
    client = signed_in(hub)
    if start is _start_on_the_page:
        response = client.post("/initiatives/new/", {**START, "priorities": "housing-x"})
        assert response.status_code == 302
    else:
        body = json.dumps({**START, "priorities": ["housing-x"]})
        response = client.post("/api/v1/initiatives", body, content_type="application/json")
        assert response.status_code == 201, response.content
        assert response.json()["priorities"] == ["housing-x"]
    assert list(Initiative.objects.get().priorities.all()) == [housing]


def test_the_service_refuses_a_newly_added_inactive_priority_but_keeps_one_already_held(hub):
    from django.core.exceptions import ValidationError

    from improvement_hub.initiatives import services

    retired = PriorityFactory(is_active=False)
    data = services.InitiativeData(**START, priorities=[retired])
    with pytest.raises(ValidationError) as refused:
        services.initiative_create(actor=hub, data=data)
    assert refused.value.message_dict == {"priorities": [services.INACTIVE_PRIORITY]}
    held = InitiativeFactory()
    held.priorities.add(retired)
    services.initiative_update(actor=hub, initiative=held, data=data)
    assert list(held.priorities.all()) == [retired]


@pytest.mark.parametrize(
    ("likelihood", "impact", "closed", "high"),
    [(2, 7, False, False), (3, 5, False, True), (5, 5, False, True), (3, 5, True, False)],
    ids=["14", "15", "25", "15-closed"],
)
def test_a_risk_is_high_from_a_score_of_15_while_open(likelihood, impact, closed, high):
    # 14 is no product of two scores from 1 to 5: 2 × 7 stands for it (unsaved)
    risk = Risk(likelihood=likelihood, impact=impact, is_closed=closed)
    assert risk.is_high is high


def test_the_initiative_page_shows_a_high_risk_in_red(hub):
    initiative = InitiativeFactory()
    Risk.objects.create(initiative=initiative, description="Staff leave", likelihood=3, impact=5)
    Risk.objects.create(initiative=initiative, description="Rain", likelihood=2, impact=5)
    text = signed_in(hub).get(initiative.get_absolute_url()).text
    assert '<strong class="govuk-tag govuk-tag--red">15</strong>' in text
    assert '<strong class="govuk-tag govuk-tag--red">10</strong>' not in text


def _viewer(role: Role | None) -> User | AnonymousUser:
    return AnonymousUser() if role is None else UserFactory(role=role)


def _pilot(*, started: bool) -> Pilot:
    """A pilot that started today, or starts tomorrow."""
    today = timezone.localdate()
    starts_on = today if started else today + timedelta(days=1)
    return PilotFactory(starts_on=starts_on, ends_on=today + timedelta(days=30))


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
@pytest.mark.parametrize("started", [True, False], ids=["started", "not-started"])
def test_only_leadership_decides_a_pilot_and_only_once_it_has_started(role, started):
    pilot = _pilot(started=started)
    decides = role == Role.LEADERSHIP and started
    assert permissions.can_decide_pilot(_viewer(role), pilot) is decides


@pytest.mark.parametrize("started", [True, False], ids=["started", "not-started"])
def test_the_initiative_page_offers_the_decision_only_when_the_predicate_allows(leader, started):
    pilot = _pilot(started=started)
    text = signed_in(leader).get(pilot.initiative.get_absolute_url()).text
    assert ("Record the decision" in text) is started


def test_the_service_refuses_a_decision_before_the_pilot_starts(leader):
    from django.core.exceptions import ValidationError

    from improvement_hub.initiatives import services

    today = timezone.localdate()
    pilot = PilotFactory(starts_on=today + timedelta(days=1), ends_on=today + timedelta(days=9))
    with pytest.raises(ValidationError) as refused:
        services.pilot_decide(
            actor=leader, pilot=pilot, decision="go", reason="The early results are good enough."
        )
    assert refused.value.message_dict["decision"] == ["You can decide once the pilot has started"]


def _mixed_portfolio() -> None:
    housing, place = PriorityFactory(slug="housing-x"), DirectorateFactory(slug="place-x")
    for n in range(6):
        initiative = PublishedInitiativeFactory(
            scale="redesign" if n % 2 else "tweak", title=f"Repairs {n}" if n < 4 else f"Parks {n}"
        )
        if n % 3 == 0:
            initiative.priorities.add(housing)
        if n in (1, 4):
            initiative.services.add(ServiceFactory(directorate=place))
        StatusUpdate.objects.create(
            initiative=initiative,
            on=timezone.localdate(),
            rag="red" if n < 3 else "green",
            summary="x",
        )


FILTERS = [
    {},
    {"scale": "redesign"},
    {"q": "repairs"},
    {"priority": "housing-x"},
    {"directorate": "place-x"},
    {"rag": "red", "scale": "tweak"},
    {"scale": "nonsense", "q": "parks"},
    {"priority": "no-such-priority"},
]


@pytest.mark.parametrize(
    "params", FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()) or "none"
)
def test_the_page_the_api_and_the_export_list_the_same_initiatives_for_the_same_filters(
    hub, params
):
    _mixed_portfolio()
    client = signed_in(hub)
    page = client.get("/initiatives/", params)
    on_page = {i.pk for i in page.context["page"].object_list}
    api = client.get("/api/v1/initiatives", params).json()
    in_api = {item["id"] for item in api["items"]}
    export = client.get("/initiatives/export.csv", params)
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    in_export = {int(row[0]) for row in rows[1:]}
    assert on_page == in_api == in_export
    assert page.context["page"].paginator.count == api["count"] == len(in_export)


def test_the_public_cannot_filter_by_rag(client):
    _mixed_portfolio()
    everything = client.get("/api/v1/initiatives").json()["count"]
    assert client.get("/api/v1/initiatives", {"rag": "red"}).json()["count"] == everything
    page = client.get("/initiatives/", {"rag": "red"})
    assert page.context["page"].paginator.count == everything
    assert 'name="rag"' not in page.text


def test_view_and_export_links_keep_the_filters_but_not_the_page(hub):
    _mixed_portfolio()
    text = signed_in(hub).get("/initiatives/", {"scale": "redesign", "page": "1"}).text
    assert 'href="/initiatives/board/?scale=redesign"' in text
    assert 'href="/initiatives/export.csv?scale=redesign"' in text
