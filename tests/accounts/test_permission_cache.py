"""Issue 14: a person's permissions are read once per change, not on every request
(accounts/backends.py), and a change shows on the person's next request."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from improvement_hub.accounts import services
from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PERMISSION_TABLE = '"auth_permission"'


def _admin_status(client) -> int:  # type: ignore[no-untyped-def]
    return client.get("/admin/").status_code


def test_the_second_request_reads_no_permission(client):
    client.force_login(UserFactory(role=Role.STAFF))
    client.get("/ideas/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/ideas/").status_code == 200
    assert [q["sql"] for q in captured if PERMISSION_TABLE in q["sql"]] == []


def test_a_role_given_and_taken_away_counts_on_the_next_request(
    client, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    hub = UserFactory(role=Role.HUB_TEAM)
    person = UserFactory(role=Role.STAFF)
    client.force_login(person)
    assert _admin_status(client) != 200
    with django_capture_on_commit_callbacks(execute=True):
        services.person_role_change(actor=hub, person=person, role=Role.HUB_TEAM, grant=True)
    assert _admin_status(client) == 200
    with django_capture_on_commit_callbacks(execute=True):
        services.person_role_change(actor=hub, person=person, role=Role.HUB_TEAM, grant=False)
    assert _admin_status(client) != 200


def test_a_permission_taken_from_a_group_counts_on_the_next_request(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    assert _admin_status(client) == 200
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    Group.objects.get(name=str(Role.HUB_TEAM)).permissions.remove(access)
    assert _admin_status(client) != 200


def test_a_permission_given_to_a_person_counts_on_the_next_request(client):
    person = UserFactory(role=Role.STAFF)
    client.force_login(person)
    assert _admin_status(client) != 200
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    assert _admin_status(client) == 200


def test_a_deactivated_person_has_no_permission_at_once():
    person = UserFactory(role=Role.HUB_TEAM)
    assert person.has_perm("wagtailadmin.access_admin")
    person.is_active = False
    person.save()
    person = type(person).objects.get(pk=person.pk)
    assert not person.has_perm("wagtailadmin.access_admin")


def test_this_backend_signs_nobody_in(client):
    from improvement_hub.accounts.backends import CachedPermissionsBackend

    person = UserFactory(role=Role.STAFF)
    person.set_password("a long and good password 42")
    person.save()
    backend = CachedPermissionsBackend()
    assert (
        backend.authenticate(None, username=person.email, password="a long and good password 42")
        is None
    )


def test_the_second_request_reads_no_role(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    client.get("/lab/triage/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/lab/triage/").status_code == 200
    # (the inbox's own filter lists the Hub Team's members: not this person's roles)
    own_groups = '"accounts_user_groups"."user_id" IN'
    assert [q["sql"] for q in captured if own_groups in q["sql"]] == []


def test_a_role_counts_for_the_pages_it_opens_on_the_next_request(
    client, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    hub = UserFactory(role=Role.HUB_TEAM)
    person = UserFactory(role=Role.STAFF)
    client.force_login(person)
    assert client.get("/lab/triage/").status_code == 404  # hidden from anyone else
    with django_capture_on_commit_callbacks(execute=True):
        services.person_role_change(actor=hub, person=person, role=Role.HUB_TEAM, grant=True)
    assert client.get("/lab/triage/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        services.person_role_change(actor=hub, person=person, role=Role.HUB_TEAM, grant=False)
    assert client.get("/lab/triage/").status_code == 404


def test_changing_a_persons_groups_counts_at_once_on_the_same_object():
    person = UserFactory(role=Role.STAFF)
    assert not person.has_role(Role.HUB_TEAM)
    person.groups.add(Group.objects.get(name=str(Role.HUB_TEAM)))
    assert person.has_role(Role.HUB_TEAM)
    person.groups.remove(Group.objects.get(name=str(Role.HUB_TEAM)))
    assert not person.has_role(Role.HUB_TEAM)
    fresh = type(person).objects.get(pk=person.pk)
    assert fresh.has_role(Role.STAFF)
    assert not fresh.has_role(Role.HUB_TEAM)
