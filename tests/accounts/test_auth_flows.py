"""Sign-up, email verification, sign-in, sign-out and password reset, as a person does them."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from improvement_hub.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _link_in(message) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_sign_up_then_verify_email_then_signed_in_as_resident(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {"email": "New.Person@Example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.person@example.org")
    assert user.has_role("Resident")
    assert len(mail.outbox) == 1, "the verification email is sent by the task worker"
    assert "Confirm" in mail.outbox[0].subject or "confirm" in mail.outbox[0].body.lower()

    # not signed in before confirming
    assert "_auth_user_id" not in client.session
    confirm_url = _link_in(mail.outbox[0])
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert b"Confirm" in page.content
    done = client.post(confirm_url)
    assert done.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_up_errors_use_govuk_wording_and_keep_the_email(client):
    response = client.post(
        reverse("account_signup"), {"email": "kept@example.org", "password1": "", "password2": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Create an account" in html
    assert "There is a problem" in html
    assert "Enter a password" in html
    assert 'value="kept@example.org"' in html
    assert not User.objects.filter(email="kept@example.org").exists()


def test_sign_in_and_sign_out(client):
    user = UserFactory(email="pat@example.org")
    response = client.post(
        reverse("account_login"), {"login": "PAT@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    # sign-out needs a POST: a link or image cannot sign people out
    assert client.get(reverse("account_logout")).status_code == 200
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_sign_in_returns_to_the_page_asked_for(client):
    UserFactory(email="back@example.org")
    response = client.post(
        reverse("account_login") + "?next=/about/",
        {"login": "back@example.org", "password": PASSWORD, "next": "/about/"},
    )
    assert response.url == "/about/"


def test_sign_in_refuses_offsite_next(client):
    UserFactory(email="safe@example.org")
    response = client.post(
        reverse("account_login"),
        {"login": "safe@example.org", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert "evil.example" not in response.url


def test_wrong_password_gives_a_clear_error(client):
    UserFactory(email="pat@example.org")
    response = client.post(reverse("account_login"), {"login": "pat@example.org", "password": "no"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_guessing_is_stopped_after_five_failures(client):
    UserFactory(email="target@example.org")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "target@example.org", "password": "guess"})
    response = client.post(
        reverse("account_login"), {"login": "target@example.org", "password": PASSWORD}
    )
    html = response.content.decode()
    assert "_auth_user_id" not in client.session, "even the right password is refused for now"
    assert "Too many failed login attempts" in html or "too many" in html.lower()


def test_password_reset_by_email(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="forgot@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "forgot@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    reset_url = _link_in(mail.outbox[0])
    form_page = client.get(reset_url, follow=True)
    assert form_page.status_code == 200
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url
    new_password = "a-brand-new-passphrase-42"
    done = client.post(action, {"password1": new_password, "password2": new_password})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_password_reset_does_not_reveal_whether_an_account_exists(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    assert "no account" in mail.outbox[0].body.lower() or "not" in mail.outbox[0].body.lower()
