"""The Hub Team's people page: finding people, giving and removing roles (recorded), the
last member of the Hub Team, line managers. Role × action, bad input, double submits."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from improvement_hub.accounts.models import RoleChange, User
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.services import (
    LAST_HUB_TEAM,
    person_role_change,
    person_set_line_manager,
)
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = [None, *Role]
ROLE_IDS = ["anonymous", *(r.name.lower() for r in Role)]
MANAGED = [Role.STAFF, Role.HUB_TEAM, Role.PARTNER, Role.LEADERSHIP]


def roles_of(person: User) -> set[str]:
    return set(User.objects.get(pk=person.pk).groups.values_list("name", flat=True))


def signed_in(client, role):  # type: ignore[no-untyped-def]
    user = UserFactory(role=role) if role else None
    if user:
        client.force_login(user)
    return user


# --- who sees the pages -------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_only_the_hub_team_sees_the_people_pages_when_they_open_them(client, role):
    person = UserFactory(role=Role.STAFF)
    signed_in(client, role)
    for path in ("/accounts/people/", f"/accounts/people/{person.pk}/"):
        response = client.get(path)
        if role is None:
            assert response.status_code == 302
            assert response.url.startswith("/accounts/login/")
        elif role == Role.HUB_TEAM:
            assert response.status_code == 200
        else:
            assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
@pytest.mark.parametrize("target_role", MANAGED, ids=lambda r: r.name.lower())
def test_only_the_hub_team_gives_roles_when_they_post_the_form(client, role, target_role):
    UserFactory(role=Role.HUB_TEAM)  # someone else in the Hub Team, whoever is signed in
    person = UserFactory(role=Role.RESIDENT)
    signed_in(client, role)
    response = client.post(
        f"/accounts/people/{person.pk}/roles/", {"role": target_role.value, "change": "grant"}
    )
    given = target_role.value in roles_of(person)
    assert given == (role == Role.HUB_TEAM)
    assert response.status_code == (302 if role in (None, Role.HUB_TEAM) else 404)
    assert RoleChange.objects.filter(person=person).count() == (1 if given else 0)


@pytest.mark.parametrize("role", [r for r in Role if r != Role.HUB_TEAM], ids=lambda r: r.name)
@pytest.mark.parametrize("target_role", MANAGED, ids=lambda r: r.name.lower())
def test_service_refuses_anyone_outside_the_hub_team_when_changing_a_role(role, target_role):
    actor = UserFactory(role=role)
    person = UserFactory(role=Role.STAFF)
    for grant in (True, False):
        with pytest.raises(PermissionDenied):
            person_role_change(actor=actor, person=person, role=target_role, grant=grant)
    assert not RoleChange.objects.exists()


def test_service_refuses_the_resident_role_when_asked_to_change_it():
    actor = UserFactory(role=Role.HUB_TEAM)
    with pytest.raises(PermissionDenied):
        person_role_change(actor=actor, person=UserFactory(), role=Role.RESIDENT, grant=True)


# --- giving and removing, recorded -----------------------------------------------------------


def test_hub_team_gives_and_removes_a_role_and_the_page_shows_the_record_when_done(client):
    hana = UserFactory(role=Role.HUB_TEAM, first_name="Hana", last_name="Hughes")
    client.force_login(hana)
    person = UserFactory(role=Role.RESIDENT, first_name="Lee", last_name="Morgan")
    url = f"/accounts/people/{person.pk}/"
    response = client.post(url + "roles/", {"role": "Leadership", "change": "grant"}, follow=True)
    assert "Lee Morgan now has the Leadership role" in response.content.decode()
    client.post(url + "roles/", {"role": "Leadership", "change": "remove"})
    assert "Leadership" not in roles_of(person)
    changes = list(RoleChange.objects.filter(person=person).order_by("pk"))
    assert [(c.role, c.change, c.actor) for c in changes] == [
        ("Leadership", "granted", hana),
        ("Leadership", "removed", hana),
    ]
    page = client.get(url).content.decode()
    assert "Leadership role given" in page
    assert "Leadership role removed" in page
    assert "Hana Hughes" in page


def test_double_submit_gives_the_role_once_and_records_it_once_when_clicked_twice(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    person = UserFactory(role=Role.RESIDENT)
    for _ in range(2):
        response = client.post(
            f"/accounts/people/{person.pk}/roles/", {"role": "Partner", "change": "grant"}
        )
        assert response.status_code == 302
    assert RoleChange.objects.filter(person=person).count() == 1


def test_removing_the_last_hub_team_member_is_refused_when_nobody_else_is_in_it(client):
    only = UserFactory(role=Role.HUB_TEAM)
    client.force_login(only)
    response = client.post(
        f"/accounts/people/{only.pk}/roles/", {"role": "Hub Team", "change": "remove"}, follow=True
    )
    assert LAST_HUB_TEAM in response.content.decode()
    assert "Hub Team" in roles_of(only)
    assert not RoleChange.objects.exists()


def test_a_closed_or_inactive_hub_team_member_does_not_count_when_removing_the_last_one():
    actor = UserFactory(role=Role.HUB_TEAM)
    UserFactory(role=Role.HUB_TEAM, is_active=False)
    with pytest.raises(ValidationError) as error:
        person_role_change(actor=actor, person=actor, role=Role.HUB_TEAM, grant=False)
    assert error.value.messages == [LAST_HUB_TEAM]


def test_a_hub_team_member_may_leave_it_when_someone_else_stays():
    actor, other = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
    person_role_change(actor=actor, person=actor, role=Role.HUB_TEAM, grant=False)
    assert "Hub Team" not in roles_of(actor)
    assert "Hub Team" in roles_of(other)


def test_a_person_who_just_lost_the_hub_team_role_cannot_change_roles_when_their_page_is_stale():
    first, second = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
    stale_second = User.objects.get(pk=second.pk)
    stale_second.has_role("Hub Team")  # their roles as read at the start of their request
    person_role_change(actor=first, person=second, role=Role.HUB_TEAM, grant=False)
    with pytest.raises(PermissionDenied):
        person_role_change(actor=stale_second, person=first, role=Role.HUB_TEAM, grant=False)
    assert "Hub Team" in roles_of(first)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"role": "Resident", "change": "grant"},
        {"role": "Superuser", "change": "grant"},
        {"role": "Staff", "change": "delete"},
        {"role": "Staff\x00", "change": "grant"},
        {"role": "Staff" * 1000, "change": "grant"},
    ],
)
def test_bad_role_answers_change_nothing_when_posted(client, data):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    person = UserFactory(role=Role.RESIDENT)
    response = client.post(f"/accounts/people/{person.pk}/roles/", data, follow=True)
    assert response.status_code == 200
    assert "Choose a role to give or remove" in response.content.decode()
    assert roles_of(person) == {"Resident"}


def test_closed_accounts_are_not_found_when_the_hub_team_opens_them(client):
    from improvement_hub.accounts.closure import account_close

    client.force_login(UserFactory(role=Role.HUB_TEAM))
    person = account_close(user=UserFactory(role=Role.STAFF))
    assert client.get(f"/accounts/people/{person.pk}/").status_code == 404
    response = client.post(
        f"/accounts/people/{person.pk}/roles/", {"role": "Staff", "change": "grant"}
    )
    assert response.status_code == 404


def test_a_missing_person_is_not_found_when_the_number_is_huge(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    assert client.get(f"/accounts/people/{10**30}/").status_code == 404


# --- finding people -------------------------------------------------------------------------


def test_search_finds_people_by_any_part_of_their_name_or_email_when_searched(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM, first_name="Hana", last_name="Hughes"))
    UserFactory(first_name="Priya", last_name="Patel", email="p.patel@partner.example")
    UserFactory(first_name="Sam", last_name="Shah", email="sam@council.example")
    page = client.get("/accounts/people/", {"q": "priya PATEL"}).content.decode()
    assert "Priya Patel" in page
    assert "Sam Shah" not in page
    page = client.get("/accounts/people/", {"q": "council.example"}).content.decode()
    assert "Sam Shah" in page
    assert "Priya Patel" not in page


def test_role_filter_lists_only_people_in_that_role_when_chosen(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM, first_name="Hana", last_name="Hughes"))
    UserFactory(role=Role.PARTNER, first_name="Priya", last_name="Patel")
    UserFactory(role=Role.STAFF, first_name="Sam", last_name="Shah")
    page = client.get("/accounts/people/", {"role": "Partner"}).content.decode()
    assert "Priya Patel" in page
    assert "Sam Shah" not in page


@pytest.mark.parametrize(
    "query",
    [
        "x" * 101,
        "name\x00",
        "'; DROP TABLE accounts_user; --",
        "%",
        "_",
        "<script>alert(1)</script>",
        "Zoë Ødegård 名前 🙂",
        " ",
    ],
)
def test_hostile_searches_answer_clearly_and_never_fail_when_typed(client, query):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    response = client.get("/accounts/people/", {"q": query, "role": "Nobody", "page": "x"})
    # The site's middleware answers 400 to control characters in any query string.
    assert response.status_code == (400 if "\x00" in query else 200)
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    if len(query) > 100:
        assert "Name or email address must be 100 characters or fewer" in page
    assert User.objects.exists()


def test_the_list_is_paginated_with_the_search_kept_when_there_are_many(client):
    # a named viewer: a random name or address could itself contain "smith"
    viewer = UserFactory(
        role=Role.HUB_TEAM, first_name="Hana", last_name="Okoro", email="hana@example.org"
    )
    client.force_login(viewer)
    UserFactory.create_batch(30, last_name="Smith")
    page = client.get("/accounts/people/", {"q": "smith"}).content.decode()
    assert "30 people" in page
    assert "q=smith&amp;page=2" in page


def test_the_list_reads_the_same_number_of_queries_when_there_are_more_people(
    client, django_assert_max_num_queries
):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    UserFactory.create_batch(3, role=Role.STAFF)
    with django_assert_max_num_queries(30) as few:
        client.get("/accounts/people/")
    UserFactory.create_batch(20, role=Role.PARTNER)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/accounts/people/")


# --- line managers ---------------------------------------------------------------------------


def test_hub_team_sets_and_clears_a_line_manager_when_they_give_an_email(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    manager = UserFactory(role=Role.STAFF, email="manager@council.example")
    person = UserFactory(role=Role.STAFF)
    url = f"/accounts/people/{person.pk}/line-manager/"
    response = client.post(url, {"line_manager": "Manager@Council.example "})
    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).line_manager == manager
    assert str(person) in client.get(f"/accounts/people/{manager.pk}/").content.decode()
    client.post(url, {"line_manager": ""})
    assert User.objects.get(pk=person.pk).line_manager is None


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("not an email", "Enter an email address in the correct format"),
        ("nobody@council.example", "There is no council staff member with that email address"),
        ("resident@example.org", "There is no council staff member with that email address"),
        ("x" * 300 + "@example.org", "must be 254 characters or fewer"),
    ],
)
def test_bad_line_managers_are_refused_with_a_message_when_posted(client, answer, message):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    UserFactory(role=Role.RESIDENT, email="resident@example.org")
    person = UserFactory(role=Role.STAFF)
    response = client.post(f"/accounts/people/{person.pk}/line-manager/", {"line_manager": answer})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.get(pk=person.pk).line_manager is None


def test_line_managers_cannot_make_a_loop_when_set(client):
    actor = UserFactory(role=Role.HUB_TEAM)
    top, middle, person = (UserFactory(role=Role.STAFF) for _ in range(3))
    person_set_line_manager(actor=actor, person=middle, line_manager=top)
    person_set_line_manager(actor=actor, person=person, line_manager=middle)
    with pytest.raises(ValidationError, match="is managed by"):
        person_set_line_manager(actor=actor, person=top, line_manager=person)
    with pytest.raises(ValidationError, match="cannot be their own line manager"):
        person_set_line_manager(actor=actor, person=top, line_manager=top)


@pytest.mark.parametrize("role", [r for r in Role if r != Role.HUB_TEAM], ids=lambda r: r.name)
def test_only_the_hub_team_sets_line_managers_when_asked(role):
    manager, person = UserFactory(role=Role.STAFF), UserFactory(role=Role.STAFF)
    with pytest.raises(PermissionDenied):
        person_set_line_manager(actor=UserFactory(role=role), person=person, line_manager=manager)


def test_a_person_cannot_be_their_own_line_manager_in_the_database():
    from django.db import IntegrityError, transaction

    person = UserFactory(role=Role.STAFF)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=person.pk).update(line_manager=person.pk)


def test_audit_rows_refuse_unknown_roles_in_the_database():
    from django.db import IntegrityError, transaction

    person = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleChange.objects.create(person=person, role="Admin", change="granted")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleChange.objects.create(person=person, role="Staff", change="deleted")


def test_groups_exist_for_every_managed_role():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in MANAGED}
