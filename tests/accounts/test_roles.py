import pytest
from django.contrib.auth.models import Group

from improvement_hub.accounts import permissions
from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.services import (
    user_add_role,
    user_assign_initial_role,
    user_email_verified,
)
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


def test_roles_are_read_once_per_user_instance(django_assert_max_num_queries):
    # request.user is one instance per request, so this is one groups query per request.
    user = User.objects.get(pk=UserFactory(role=Role.LEADERSHIP).pk)
    with django_assert_max_num_queries(1):
        for _ in range(5):
            assert not permissions.is_hub_team(user)
            assert permissions.is_staff_member(user)
            assert not permissions.has_role(user, Role.PARTNER)


def test_a_prefetch_of_groups_is_used_as_it_is(django_assert_num_queries):
    pk = UserFactory(role=Role.HUB_TEAM).pk
    user = User.objects.prefetch_related("groups").get(pk=pk)
    with django_assert_num_queries(0):
        assert permissions.is_hub_team(user)
        assert permissions.is_staff_member(user)


def test_a_role_given_or_taken_is_seen_on_the_same_instance(settings):
    settings.STAFF_EMAIL_DOMAINS = ["council.example.gov.uk"]
    user = UserFactory(email="officer@council.example.gov.uk", role=Role.RESIDENT)
    assert user.has_role(Role.RESIDENT)
    assert not permissions.is_hub_team(user)

    user_add_role(user=user, role=Role.HUB_TEAM)
    assert permissions.is_hub_team(user)

    assert user_email_verified(user=user, email=user.email) is Role.STAFF
    assert user.has_role(Role.STAFF)
    assert not user.has_role(Role.RESIDENT)

    user.groups.clear()
    assert not permissions.is_hub_team(user)


def test_refresh_from_db_reads_the_roles_again():
    user = UserFactory()
    assert not permissions.is_hub_team(user)
    User.objects.get(pk=user.pk).groups.add(Group.objects.get(name=str(Role.HUB_TEAM)))
    assert not permissions.is_hub_team(user), "read once per instance"
    user.refresh_from_db()
    assert permissions.is_hub_team(user)
