"""Every sign-in, sign-out and password-reset route goes through allauth (issue 8, item 1).

Wagtail ships its own forms for these; they skip allauth's rate limits, lockout and email
verification, so each must lead to allauth's page and never sign anyone in or send email.
"""

import pytest
from django.core import mail
from wagtail.models import Page, PageViewRestriction

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

OLD_SIGN_IN_ROUTES = ["/_util/login/", "/admin/login/"]
OLD_RESET_ROUTES = [
    "/admin/password_reset/",
    "/admin/password_reset/done/",
    "/admin/password_reset/confirm/MQ/abc-123/",
    "/admin/password_reset/complete/",
]


@pytest.mark.parametrize("route", OLD_SIGN_IN_ROUTES)
def test_old_sign_in_route_never_signs_in_when_given_right_credentials(client, route):
    user = UserFactory(email="hub@example.org", role="Hub Team")
    response = client.post(
        route, {"username": user.email, "login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("route", OLD_SIGN_IN_ROUTES)
def test_old_sign_in_route_keeps_next_when_it_stays_on_the_site(client, route):
    response = client.get(route + "?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=%2Fadmin%2Fpages%2F"


@pytest.mark.parametrize("route", OLD_SIGN_IN_ROUTES)
@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x"])
def test_old_sign_in_route_drops_next_when_it_leaves_the_site(client, route, next_url):
    response = client.get(route, {"next": next_url})
    assert response.status_code == 302
    assert response.url == "/accounts/login/"


def test_private_page_sends_people_to_allauth_sign_in_when_signed_out(client):
    home = Page.objects.get(depth=2)
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(home.url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


@pytest.mark.parametrize("route", OLD_RESET_ROUTES)
def test_old_password_reset_route_sends_no_email_when_asked_for_a_reset(
    client, route, django_capture_on_commit_callbacks
):
    UserFactory(email="resident@example.org", role="Resident")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            route,
            {
                "email": "resident@example.org",
                "new_password1": "a-brand-new-passphrase-42",
                "new_password2": "a-brand-new-passphrase-42",
            },
        )
    assert response.status_code == 302
    assert response.url == "/accounts/password/reset/"
    assert mail.outbox == []


def test_admin_sign_out_signs_out_through_allauth_when_posted_from_the_admin_menu(client):
    user = UserFactory(email="hub@example.org", role="Hub Team")
    client.force_login(user)
    response = client.post("/admin/logout/")
    assert response.status_code == 307, "the method is kept, so the admin's button still works"
    assert response.url == "/accounts/logout/"
    assert "_auth_user_id" in client.session
    client.post(response.url)
    assert "_auth_user_id" not in client.session


def test_admin_sign_out_link_asks_allauth_to_confirm_when_followed_by_get(client):
    client.force_login(UserFactory(role="Hub Team"))
    response = client.get("/admin/logout/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/logout/"
    assert response.status_code == 200
    assert "_auth_user_id" in client.session, "a link or image cannot sign people out"


def test_admin_account_page_changes_no_password_or_email_when_posted(client):
    """The admin's own password and email forms would skip allauth's notices and checks."""
    user = UserFactory(email="hub@example.org", role="Hub Team", is_superuser=True)
    client.force_login(user)
    page = client.get("/admin/account/")
    assert page.status_code == 200
    assert b"new_password1" not in page.content
    assert b'name="email-email"' not in page.content
    client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "A-new-pass-phrase-991",
            "password-new_password2": "A-new-pass-phrase-991",
            "email-email": "changed@example.org",
        },
    )
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert user.email == "hub@example.org"
