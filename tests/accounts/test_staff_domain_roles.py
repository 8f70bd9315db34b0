"""A council email domain makes someone Staff only once they have confirmed the address
(issue 8, item 1): anyone can type an address on that domain."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.services import user_assign_initial_role, user_email_verified
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

COUNCIL = "council.example.gov.uk"
STAFF_ONLY_PAGE = "/initiatives/export.csv"


def _link_in(message) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"https?://[^/\s]+(/accounts/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def _sign_up(client, email, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        )
    assert response.status_code == 302
    return User.objects.get(email=email)


def _roles(user: User) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_unconfirmed_council_address_gets_no_staff_role_by_any_sign_in_route_when_signed_up(
    client, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_EMAIL_DOMAINS = [COUNCIL]
    user = _sign_up(client, f"pretender@{COUNCIL}", django_capture_on_commit_callbacks)
    assert _roles(user) == {str(Role.RESIDENT)}

    for route, credentials in [
        (reverse("account_login"), {"login": user.email, "password": PASSWORD}),
        ("/_util/login/", {"username": user.email, "password": PASSWORD}),
        ("/admin/login/", {"username": user.email, "password": PASSWORD}),
    ]:
        client.post(route, credentials)
        assert "_auth_user_id" not in client.session, route
        assert client.get(STAFF_ONLY_PAGE).status_code in (302, 404), route
    assert _roles(user) == {str(Role.RESIDENT)}


def test_council_address_becomes_staff_when_its_owner_confirms_it(
    client, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_EMAIL_DOMAINS = [COUNCIL]
    user = _sign_up(client, f"officer@{COUNCIL}", django_capture_on_commit_callbacks)
    assert client.get(STAFF_ONLY_PAGE).status_code in (302, 404)

    confirm_url = _link_in(mail.outbox[-1])
    client.post(confirm_url)

    assert _roles(user) == {str(Role.STAFF)}
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(STAFF_ONLY_PAGE).status_code == 200


def test_other_address_stays_resident_when_confirmed(
    client, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_EMAIL_DOMAINS = [COUNCIL]
    user = _sign_up(client, "someone@elsewhere.example", django_capture_on_commit_callbacks)
    client.post(_link_in(mail.outbox[-1]))
    assert _roles(user) == {str(Role.RESIDENT)}
    assert client.get(STAFF_ONLY_PAGE).status_code == 404


def test_unverified_council_address_is_resident_when_role_is_assigned(settings):
    settings.STAFF_EMAIL_DOMAINS = [COUNCIL]
    user = UserFactory(email=f"new@{COUNCIL}")
    EmailAddress.objects.filter(user=user).update(verified=False)
    assert user_assign_initial_role(user=user, via_staff_sso=False) is Role.RESIDENT
    assert user_email_verified(user=user, email=user.email) is None
    assert _roles(user) == {str(Role.RESIDENT)}


def test_staff_sign_on_makes_staff_when_the_address_is_not_on_a_council_domain(settings):
    settings.STAFF_EMAIL_DOMAINS = [COUNCIL]
    user = UserFactory(email="officer@elsewhere.example")
    EmailAddress.objects.filter(user=user).update(verified=False)
    assert user_assign_initial_role(user=user, via_staff_sso=True) is Role.STAFF
