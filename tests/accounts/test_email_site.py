"""allauth's emails name the hub and its address from the settings (issue 8, item 19),
not "Hello from !" and "with email ."."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_site(settings):  # type: ignore[no-untyped-def]
    settings.WAGTAIL_SITE_NAME = "Tamesford Improvement Hub"
    settings.WAGTAILADMIN_BASE_URL = "https://hub.tamesford.example.gov.uk"


def _only_email(django_capture_on_commit_callbacks, client, url, data):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    return mail.outbox[0].body


def test_confirmation_email_names_the_hub_and_its_address_when_signing_up(
    client, named_site, django_capture_on_commit_callbacks
):
    body = _only_email(
        django_capture_on_commit_callbacks,
        client,
        reverse("account_signup"),
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert "Hello from Tamesford Improvement Hub!" in body
    assert "register an account on hub.tamesford.example.gov.uk" in body
    assert "Thank you for using Tamesford Improvement Hub!" in body
    assert "Hello from !" not in body


def test_account_exists_email_names_the_address_when_signing_up_again(
    client, named_site, django_capture_on_commit_callbacks
):
    UserFactory(email="taken@example.org")
    body = _only_email(
        django_capture_on_commit_callbacks,
        client,
        reverse("account_signup"),
        {"email": "taken@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert "Hello from Tamesford Improvement Hub!" in body
    assert "taken@example.org" in body


def test_reset_email_names_the_address_when_no_account_has_it(
    client, named_site, django_capture_on_commit_callbacks
):
    body = _only_email(
        django_capture_on_commit_callbacks,
        client,
        reverse("account_reset_password"),
        {"email": "nobody@example.org"},
    )
    assert "Hello from Tamesford Improvement Hub!" in body
    assert "nobody@example.org" in body
    assert "with email ." not in body


def test_email_site_ignores_the_host_header_when_it_is_allowed_but_not_ours(
    client, named_site, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["*"]
    UserFactory(email="pat@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_reset_password"),
            {"email": "pat@example.org"},
            HTTP_HOST="attacker.example",
        )
    assert "Thank you for using Tamesford Improvement Hub!\nhub.tamesford.example.gov.uk" in (
        mail.outbox[0].body
    )
