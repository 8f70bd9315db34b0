"""Issue 8, item 8: the team's person picker offers only people the actor may put on a team
(council staff and partners, never residents), names them without email addresses for
partners, and the service refuses anyone else, from the page and the API alike."""

import pytest
from django.core.exceptions import ValidationError

from improvement_hub.accounts import selectors as people
from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives import services
from improvement_hub.initiatives.models import TeamMember
from improvement_hub.initiatives.part_forms import TeamMemberForm
from tests.accounts.factories import UserFactory
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import InitiativeFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def everyone(db):  # type: ignore[no-untyped-def]
    """One account holder of each role, with names and addresses easy to spot."""
    return {
        role: UserFactory(
            role=role,
            first_name=f"Named{role.name.title().replace('_', '')}",
            last_name="Person",
            email=f"{role.name.lower()}-address@example.org",
        )
        for role in Role
    }


@pytest.fixture
def initiative(everyone):  # type: ignore[no-untyped-def]
    initiative = InitiativeFactory()
    TeamMemberFactory(initiative=initiative, user=everyone[Role.PARTNER], role="partner")
    return initiative


def _options(form: TeamMemberForm) -> dict[int, str]:
    field = form.fields["user"]
    return {person.pk: field.label_from_instance(person) for person in field.queryset}


@pytest.mark.parametrize(
    ("actor_role", "shows_addresses"),
    [
        (Role.PARTNER, False),
        (Role.STAFF, True),
        (Role.HUB_TEAM, True),
        (Role.LEADERSHIP, True),
    ],
)
def test_the_team_picker_offers_staff_and_partners_only_when_each_role_adds_someone(
    everyone, initiative, actor_role, shows_addresses
):
    actor = everyone[actor_role]
    options = _options(TeamMemberForm(initiative=initiative, actor=actor))
    pickable = {Role.STAFF, Role.HUB_TEAM, Role.LEADERSHIP, Role.PARTNER}
    assert set(options) == {everyone[role].pk for role in pickable}
    assert everyone[Role.RESIDENT].pk not in options
    for role in pickable:
        label = options[everyone[role].pk]
        assert label.startswith(everyone[role].get_full_name())
        assert (everyone[role].email in label) is shows_addresses


@pytest.mark.parametrize("role", [None, Role.RESIDENT])
def test_nobody_is_offered_when_the_actor_may_not_pick_people(everyone, role):
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if role is None else everyone[role]
    assert not people.people_for_team_list(actor=actor).exists()


def test_a_partner_sees_no_email_address_and_no_resident_on_the_team_form_when_on_the_team(
    everyone, initiative
):
    nameless = UserFactory(role=Role.STAFF, first_name="", last_name="", email="nameless@x.org")
    page = signed_in(everyone[Role.PARTNER]).get(f"/initiatives/{initiative.pk}/team/add/")
    assert page.status_code == 200
    assert "NamedStaff Person" in page.text
    assert "NamedResident" not in page.text
    assert "@" not in page.text.split('name="user"', 1)[1].split("</select>", 1)[0]
    assert nameless.email not in page.text
    for person in everyone.values():
        assert person.email not in page.text


def test_a_resident_posted_directly_to_the_team_form_is_refused_when_a_partner_adds_them(
    everyone, initiative
):
    resident = everyone[Role.RESIDENT]
    response = signed_in(everyone[Role.PARTNER]).post(
        f"/initiatives/{initiative.pk}/team/add/", {"role": "member", "user": resident.pk}
    )
    assert response.status_code == 400
    assert "Choose a member of council staff or of a partner organisation" in response.text
    assert not TeamMember.objects.filter(user=resident).exists()


@pytest.mark.parametrize("actor_role", [Role.PARTNER, Role.HUB_TEAM])
def test_a_resident_posted_to_the_api_is_refused_like_an_unknown_id_when_adding_to_a_team(
    everyone, initiative, actor_role
):
    client = signed_in(everyone[actor_role])
    url = f"/api/v1/initiatives/{initiative.pk}/team"
    answers = [
        client.post(url, {"role": "member", "user": pk}, content_type="application/json")
        for pk in (everyone[Role.RESIDENT].pk, 987654321)
    ]
    assert [a.status_code for a in answers] == [422, 422]
    assert answers[0].json() == answers[1].json()  # a resident looks like nobody at all
    assert answers[0].json()["errors"]["user"] == [
        "Choose a member of council staff or of a partner organisation"
    ]
    assert not TeamMember.objects.filter(user=everyone[Role.RESIDENT]).exists()


def test_a_partner_adds_a_member_of_staff_through_the_api_and_sees_no_address(everyone, initiative):
    staff = everyone[Role.STAFF]
    response = signed_in(everyone[Role.PARTNER]).post(
        f"/api/v1/initiatives/{initiative.pk}/team",
        {"role": "member", "user": staff.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["name"] == "NamedStaff Person"
    assert TeamMember.objects.filter(initiative=initiative, user=staff).exists()


def test_the_service_refuses_a_resident_when_the_hub_team_adds_them(everyone, initiative):
    member = TeamMember(user=everyone[Role.RESIDENT], role="service_user")
    with pytest.raises(ValidationError) as error:
        services.part_save(actor=everyone[Role.HUB_TEAM], initiative=initiative, part=member)
    assert error.value.message_dict["user"] == [
        "Choose a member of council staff or of a partner organisation"
    ]
    assert not TeamMember.objects.filter(user=everyone[Role.RESIDENT]).exists()


def test_the_team_list_names_a_person_without_showing_a_partner_their_address_when_unnamed(
    everyone, initiative
):
    nameless = UserFactory(role=Role.STAFF, first_name="", last_name="", email="nameless@x.org")
    TeamMemberFactory(initiative=initiative, user=nameless, role="member")
    as_partner = signed_in(everyone[Role.PARTNER]).get(initiative.get_absolute_url())
    assert as_partner.status_code == 200
    assert "NamedPartner Person" in as_partner.text
    assert nameless.email not in as_partner.text
    assert "Name not given" in as_partner.text
    as_hub_team = signed_in(everyone[Role.HUB_TEAM]).get(initiative.get_absolute_url())
    assert nameless.email in as_hub_team.text
