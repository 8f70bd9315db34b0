"""Who may see and change initiatives: a role × action matrix, on the predicates and on the
pages and API that use them."""

import pytest

from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives import permissions
from tests.accounts.factories import UserFactory
from tests.conftest import ROLE_IDS, ROLES, client_for
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import (
    InitiativeFactory,
    MeasureFactory,
    PilotFactory,
    PublishedInitiativeFactory,
    TeamMemberFactory,
)

pytestmark = pytest.mark.django_db

# role: (sees unpublished, sees workings of published, edits, creates, decides pilots)
MATRIX = {
    None: (False, False, False, False, False),
    Role.RESIDENT: (False, False, False, False, False),
    Role.STAFF: (True, True, False, False, False),
    Role.HUB_TEAM: (True, True, True, True, False),
    Role.PARTNER: (False, False, False, False, False),
    Role.LEADERSHIP: (True, True, False, False, True),
}


def _user(role):  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if role is None else UserFactory(role=role)


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_each_role_may_do_what_the_matrix_says(role):
    user = _user(role)
    hidden, published = InitiativeFactory(), PublishedInitiativeFactory()
    sees_hidden, sees_workings, edits, creates, decides = MATRIX[role]
    assert permissions.can_view_initiative(user, hidden) is sees_hidden
    assert permissions.can_view_initiative(user, published) is True
    assert permissions.can_view_initiative_workings(user, published) is sees_workings
    assert permissions.can_edit_initiative(user, hidden) is edits
    assert permissions.can_create_initiative(user) is creates
    assert permissions.can_decide_pilots(user) is decides


@pytest.mark.parametrize("role", [Role.PARTNER, Role.STAFF, Role.RESIDENT])
def test_a_team_member_sees_and_edits_their_own_initiative_only(role):
    user = UserFactory(role=role)
    mine, other = InitiativeFactory(), InitiativeFactory()
    TeamMemberFactory(initiative=mine, user=user, role="partner")
    assert permissions.can_view_initiative(user, mine)
    assert permissions.can_view_initiative_workings(user, mine)
    assert permissions.can_edit_initiative(user, mine)
    assert not permissions.can_edit_initiative(user, other)


def test_an_inactive_team_member_cannot_edit():
    user = UserFactory(role=Role.STAFF)
    initiative = InitiativeFactory()
    TeamMemberFactory(initiative=initiative, user=user)
    user.is_active = False
    user.save()
    assert not permissions.can_edit_initiative(user, initiative)


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_pages_answer_each_role_as_the_matrix_says(role):
    client = client_for(role)
    hidden = InitiativeFactory()
    published = PublishedInitiativeFactory()
    measure = MeasureFactory(initiative=published)
    sees_hidden, sees_workings, edits, creates, _ = MATRIX[role]
    assert client.get(hidden.get_absolute_url()).status_code == (200 if sees_hidden else 404)
    page = client.get(published.get_absolute_url())
    assert page.status_code == 200
    assert (b"Status updates" in page.content) is sees_workings
    assert (b"Making repairs quicker" in page.content) is True
    assert client.get(measure.get_absolute_url()).status_code == (200 if sees_workings else 404)
    edit = client.get(f"/initiatives/{published.pk}/edit/")
    assert edit.status_code == (200 if edits else 302 if role is None else 404)
    new = client.get("/initiatives/new/")
    assert new.status_code == (200 if creates else 302 if role is None else 403)


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_the_portfolio_lists_only_what_each_role_may_see(role):
    hidden = InitiativeFactory(title="Secret internal work")
    PublishedInitiativeFactory(title="Open public work")
    response = client_for(role).get("/initiatives/")
    assert response.status_code == 200
    assert "Open public work" in response.text
    assert ("Secret internal work" in response.text) is MATRIX[role][0]
    api = client_for(role).get("/api/v1/initiatives").json()
    titles = {item["title"] for item in api["items"]}
    assert ("Secret internal work" in titles) is MATRIX[role][0]
    detail = client_for(role).get(f"/api/v1/initiatives/{hidden.pk}")
    assert detail.status_code == (200 if MATRIX[role][0] else 404)


def test_the_public_api_gives_no_workings_of_a_published_initiative(client):
    published = PublishedInitiativeFactory()
    MeasureFactory(initiative=published)
    body = client.get(f"/api/v1/initiatives/{published.pk}").json()
    assert body["problem"] is None
    assert body["rag"] is None
    assert body["measures"] == []
    assert body["public_summary"] == "Making repairs quicker for tenants."


def test_only_leadership_can_record_a_pilot_decision(hub, leader):
    pilot = PilotFactory()
    url = f"/initiatives/{pilot.initiative_id}/pilots/{pilot.pk}/decision/"
    data = {"decision": "go", "reason": "It met every success criterion in the pilot."}
    assert signed_in(hub).post(url, data).status_code == 403
    pilot.refresh_from_db()
    assert pilot.decision == ""
    response = signed_in(leader).post(url, data)
    assert response.status_code == 302
    pilot.refresh_from_db()
    assert (pilot.decision, pilot.decided_by) == ("go", leader)


def test_a_part_of_another_initiative_cannot_be_changed_through_mine(staff):
    mine, other = InitiativeFactory(), InitiativeFactory()
    TeamMemberFactory(initiative=mine, user=staff)
    their_pilot = PilotFactory(initiative=other)
    client = signed_in(staff)
    assert client.get(f"/initiatives/{mine.pk}/pilots/{their_pilot.pk}/edit/").status_code == 404
    assert client.post(f"/initiatives/{mine.pk}/pilots/{their_pilot.pk}/delete/").status_code == 404
    assert client.get(f"/initiatives/{other.pk}/pilots/{their_pilot.pk}/edit/").status_code == 404
