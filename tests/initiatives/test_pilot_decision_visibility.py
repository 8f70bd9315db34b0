"""Issue 8, item 13: Leadership's go or no-go on a pilot is internal. The page and the API
follow one rule (``can_view_pilot_decision``): staff and the team see it; others do not."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives import permissions
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import (
    PilotFactory,
    PublishedInitiativeFactory,
    TeamMemberFactory,
)

pytestmark = pytest.mark.django_db

REASON = "The pilot halved the wait for repairs at every site it ran in."

# who looks: (role, on the initiative's team?) -> sees the decision?
VIEWERS = {
    "anonymous": (None, False, False),
    "resident": (Role.RESIDENT, False, False),
    "partner": (Role.PARTNER, False, False),
    "partner_on_the_team": (Role.PARTNER, True, True),
    "staff": (Role.STAFF, False, True),
    "leadership": (Role.LEADERSHIP, False, True),
    "hub_team": (Role.HUB_TEAM, False, True),
}


@pytest.mark.parametrize("viewer", VIEWERS)
def test_page_and_api_agree_on_the_pilot_decision_when_each_role_looks(viewer):
    role, on_team, sees = VIEWERS[viewer]
    initiative = PublishedInitiativeFactory()
    leader = UserFactory(role=Role.LEADERSHIP, first_name="Lee", last_name="Morgan")
    PilotFactory(
        initiative=initiative,
        decision="no_go",
        decision_reason=REASON,
        decided_by=leader,
        decided_at=timezone.now(),
    )
    client = Client()
    user = AnonymousUser()
    if role is not None:
        user = UserFactory(role=role)
        client.force_login(user)
    if on_team:
        TeamMemberFactory(initiative=initiative, user=user, role="partner")

    assert permissions.can_view_pilot_decision(user, initiative) is sees
    page = client.get(initiative.get_absolute_url())
    assert page.status_code == 200
    assert (REASON in page.text) is sees
    assert ("No go: stop" in page.text) is sees
    api = client.get(f"/api/v1/initiatives/{initiative.pk}")
    assert api.status_code == 200
    assert [p["decision"] for p in api.json()["pilots"]] == ["no_go" if sees else None]
    listed = client.get("/api/v1/initiatives").json()["items"]
    assert [p["decision"] for i in listed for p in i["pilots"]] == ["no_go" if sees else None]
