import pytest
from django.contrib.auth.models import Group

from improvement_hub.accounts import permissions
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.services import user_add_role, user_assign_initial_role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_data_migration_creates_exactly_the_five_role_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Resident", "Staff", "Hub Team", "Partner", "Leadership"} <= names
    assert not names & {"Editors", "Moderators"}, "Wagtail's default groups are replaced by roles"


def test_hub_team_can_edit_council_data_and_use_the_admin():
    user = UserFactory(role=Role.HUB_TEAM)
    for perm in (
        "wagtailadmin.access_admin",
        "council.add_priority",
        "council.change_service",
        "council.delete_organisation",
        "cms.change_brandingsettings",
    ):
        assert user.has_perm(perm), perm


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.STAFF, Role.PARTNER, Role.LEADERSHIP])
def test_other_roles_cannot_edit_council_data(role):
    user = UserFactory(role=role)
    assert not user.has_perm("council.change_priority")
    assert not user.has_perm("wagtailadmin.access_admin")


def test_leadership_can_view_council_data():
    assert UserFactory(role=Role.LEADERSHIP).has_perm("council.view_service")


@pytest.mark.parametrize(
    ("role", "hub_team", "staff"),
    [
        (None, False, False),
        (Role.RESIDENT, False, False),
        (Role.STAFF, False, True),
        (Role.HUB_TEAM, True, True),
        (Role.PARTNER, False, False),
        (Role.LEADERSHIP, False, True),
    ],
)
def test_permission_predicates_by_role(role, hub_team, staff):
    user = UserFactory(role=role)
    assert permissions.is_hub_team(user) is hub_team
    assert permissions.is_staff_member(user) is staff


def test_inactive_users_hold_no_role():
    user = UserFactory(role=Role.HUB_TEAM, is_active=False)
    assert not permissions.is_hub_team(user)


def test_anonymous_user_holds_no_role():
    from django.contrib.auth.models import AnonymousUser

    assert not permissions.has_role(AnonymousUser(), Role.RESIDENT)


def test_new_accounts_are_residents_by_default(settings):
    settings.STAFF_EMAIL_DOMAINS = ["council.example.gov.uk"]
    user = UserFactory(email="someone@gmail.example")
    assert user_assign_initial_role(user=user, via_staff_sso=False) is Role.RESIDENT
    assert user.has_role("Resident")


def test_council_email_domain_or_sso_makes_staff(settings):
    settings.STAFF_EMAIL_DOMAINS = ["@Council.Example.gov.uk"]
    by_domain = UserFactory(email="officer@council.example.gov.uk")
    by_sso = UserFactory(email="officer@elsewhere.example")
    assert user_assign_initial_role(user=by_domain, via_staff_sso=False) is Role.STAFF
    assert user_assign_initial_role(user=by_sso, via_staff_sso=True) is Role.STAFF


def test_adding_a_role_twice_is_harmless():
    user = UserFactory()
    user_add_role(user=user, role=Role.PARTNER)
    user_add_role(user=user, role=Role.PARTNER)
    assert list(user.groups.values_list("name", flat=True)) == ["Partner"]
