"""Every allauth page in GOV.UK dress and sentence case; the one "Your account" page;
sign-up wording that promises only what this hub's settings make true."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.test import Client

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

# allauth's own Title Case wording, none of which may be left on our pages.
TITLE_CASE = [
    "Make Primary",
    "Re-send Verification",
    "Reset My Password",
    "Change Password",
    "Sign Out",
    "Email Addresses",
    "Add Email",
    "Confirm Email Address",
    "Verify Your Email Address",
    "Set Password",
    "Password Reset",
    "Confirm Access",
    "Account Inactive",
    "Bad Token",
    "Sign Up",
    "Login Cancelled",
    "Third-Party",
    "Account Connections",
    "Current Password",
    "New Password",
    "Remember Me",
]


def assert_govuk_page(html: str, heading: str) -> None:
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html or (
        f'<h1 class="govuk-panel__title">{heading}</h1>' in html
    )
    for words in TITLE_CASE:
        assert words not in html, words
    assert 'type="radio" class="govuk-input' not in html
    assert not re.search(r'<input[^>]*type="radio"[^>]*class="govuk-input', html)


@pytest.fixture
def person() -> User:
    return UserFactory(email="pat@example.org", first_name="Pat", last_name="Lee", role="Staff")


@pytest.fixture
def signed_in(client: Client, person: User) -> Client:
    client.force_login(person)
    return client


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accounts/login/", "Sign in"),
        ("/accounts/signup/", "Create an account"),
        ("/accounts/password/reset/", "Reset your password"),
        ("/accounts/password/reset/done/", "Check your email"),
        ("/accounts/password/reset/key/1-bad/", "This link does not work"),
        ("/accounts/confirm-email/", "Check your email"),
        ("/accounts/confirm-email/not-a-key/", "Confirm your email address"),
        ("/accounts/inactive/", "This account cannot be used"),
        ("/accounts/3rdparty/login/cancelled/", "You did not sign in"),
        ("/accounts/3rdparty/login/error/", "Sorry, there is a problem signing you in"),
    ],
)
def test_pages_for_visitors_are_govuk_and_sentence_case_when_opened(client, path, heading):
    response = client.get(path, follow=True)
    # allauth answers a failed council sign-in with 401
    assert response.status_code == (401 if path.endswith("/error/") else 200)
    assert_govuk_page(response.content.decode(), heading)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accounts/", "Your account"),
        ("/accounts/name/", "Your name"),
        ("/accounts/email/", "Email addresses"),
        ("/accounts/password/change/", "Change your password"),
        ("/accounts/logout/", "Sign out"),
        ("/accounts/reauthenticate/", "Enter your password"),
        ("/accounts/3rdparty/", "Council sign-in"),
    ],
)
def test_pages_for_signed_in_people_are_govuk_and_sentence_case_when_opened(
    signed_in, path, heading
):
    response = signed_in.get(path)
    assert response.status_code == 200
    assert_govuk_page(response.content.decode(), heading)


def test_set_password_page_is_govuk_when_the_account_has_no_password(client):
    person = UserFactory()
    person.set_unusable_password()
    person.save()
    client.force_login(person)
    assert_govuk_page(client.get("/accounts/password/set/").content.decode(), "Set a password")
    page = client.get("/accounts/").content.decode()
    assert 'href="/accounts/password/set/"' in page


def test_password_reset_link_leads_to_a_new_password_and_a_confirmation_when_followed(client):
    person = UserFactory()
    key = default_token_generator.make_token(person)
    response = client.get(
        f"/accounts/password/reset/key/{user_pk_to_url_str(person)}-{key}/", follow=True
    )
    assert_govuk_page(response.content.decode(), "Choose a new password")
    new = "a-much-longer-passphrase-9"
    response = client.post(
        response.redirect_chain[-1][0], {"password1": new, "password2": new}, follow=True
    )
    assert_govuk_page(response.content.decode(), "Your password has been changed")
    assert User.objects.get(pk=person.pk).check_password(new)


def test_email_confirmation_page_asks_for_a_button_press_when_the_link_is_opened(client):
    person = UserFactory()
    address = EmailAddress.objects.get(user=person)
    address.verified = False
    address.save()
    key = EmailConfirmationHMAC(address).key
    response = client.get(f"/accounts/confirm-email/{key}/")
    html = response.content.decode()
    assert_govuk_page(html, "Confirm your email address")
    assert f'Confirm that <strong class="hub-text">{person.email}</strong> is your email' in html
    client.post(f"/accounts/confirm-email/{key}/")
    assert EmailAddress.objects.get(pk=address.pk).verified


# --- email addresses ------------------------------------------------------------------------


def test_only_verified_address_shows_neither_remove_nor_send_again_when_it_is_the_only_one(
    signed_in,
):
    html = signed_in.get("/accounts/email/").content.decode()
    assert "pat@example.org" in html
    assert "Confirmed" in html
    assert 'name="action_remove"' not in html
    assert 'name="action_send"' not in html
    assert 'name="action_primary"' not in html


def test_each_address_offers_only_what_applies_when_there_are_several(signed_in, person):
    EmailAddress.objects.create(user=person, email="pat.other@example.org", verified=True)
    EmailAddress.objects.create(user=person, email="pat.new@example.org", verified=False)
    html = signed_in.get("/accounts/email/").content.decode()
    chunks = html.split('<div class="govuk-summary-list__row">')[1:]
    rows = {
        email: next(c for c in chunks if f'hub-text">{email}</dt>' in c)
        for email in ("pat@example.org", "pat.other@example.org", "pat.new@example.org")
    }
    rows = {email: row.split("</dl>")[0] for email, row in rows.items()}
    assert "action_" not in rows["pat@example.org"]  # the primary, confirmed address
    assert 'name="action_primary"' in rows["pat.other@example.org"]
    assert 'name="action_remove"' in rows["pat.other@example.org"]
    assert 'name="action_send"' not in rows["pat.other@example.org"]
    assert 'name="action_send"' in rows["pat.new@example.org"]
    assert 'name="action_remove"' in rows["pat.new@example.org"]
    assert 'name="action_primary"' not in rows["pat.new@example.org"]


def test_adding_an_address_shows_the_error_summary_when_the_answer_is_wrong(signed_in):
    response = signed_in.post("/accounts/email/", {"action_add": "1", "email": "not an email"})
    html = response.content.decode()
    assert "There is a problem" in html
    assert "<title>Error: " in html


def test_removing_the_only_address_is_refused_when_forced(signed_in, person):
    signed_in.post("/accounts/email/", {"action_remove": "", "email": person.email})
    assert EmailAddress.objects.filter(user=person).count() == 1


# --- your account ---------------------------------------------------------------------------


def test_your_account_shows_name_email_password_roles_and_the_ways_to_everything_else(
    signed_in, person
):
    manager = UserFactory(first_name="Mo", last_name="Khan", role=Role.STAFF)
    User.objects.filter(pk=person.pk).update(line_manager=manager)
    html = signed_in.get("/accounts/").content.decode()
    for expected in (
        "Pat Lee",
        "pat@example.org",
        "Staff",
        "Mo Khan",
        'href="/accounts/name/"',
        'href="/accounts/email/"',
        'href="/accounts/password/change/"',
        'href="/accounts/your-data/"',
        'href="/accounts/close/"',
        "choose which emails we send you",
    ):
        assert expected in html, expected
    assert 'href="/accounts/people/"' not in html


def test_your_account_links_the_hub_team_to_the_people_page(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    assert 'href="/accounts/people/"' in client.get("/accounts/").content.decode()


def test_the_header_s_your_account_link_goes_to_the_one_account_page(signed_in):
    html = signed_in.get("/accounts/email/").content.decode()
    assert '<a class="hub-header__account-link" href="/accounts/">Your account</a>' in html


def test_your_account_sends_visitors_to_sign_in(client):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_changing_your_name_saves_it_and_says_so_when_submitted(signed_in, person):
    response = signed_in.post(
        "/accounts/name/", {"first_name": " Zoë ", "last_name": "Ødegård-名前"}, follow=True
    )
    assert "Your name has been saved" in response.content.decode()
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Zoë", "Ødegård-名前")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"first_name": "x" * 151, "last_name": ""}, "First name must be 150 characters or fewer"),
        ({"first_name": "Pat\x07", "last_name": ""}, "first name"),
    ],
)
def test_bad_names_are_refused_with_a_message_and_kept_when_submitted(
    signed_in, person, data, message
):
    response = signed_in.post("/accounts/name/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    person.refresh_from_db()
    assert person.first_name == "Pat"


# --- what sign-up promises ------------------------------------------------------------------


def test_signup_promises_no_sessions_and_no_council_sign_in_when_none_is_configured(
    client, settings
):
    settings.STAFF_EMAIL_DOMAINS = []
    html = client.get("/accounts/signup/").content.decode()
    assert "sessions" not in html
    assert "council account" not in html
    assert "Council staff" not in html


def test_signup_names_the_staff_email_domains_when_they_are_configured(client, settings):
    settings.STAFF_EMAIL_DOMAINS = ["tamesford.gov.uk"]
    html = client.get("/accounts/signup/").content.decode()
    assert "@tamesford.gov.uk" in html
    assert "council account" not in html


def test_signup_sends_staff_to_the_council_sign_in_when_a_provider_is_configured(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "staff-sso",
                    "name": "Council staff sign-in",
                    "client_id": "id",
                    "secret": "secret",
                    "settings": {"server_url": "https://login.example"},
                }
            ]
        }
    }
    html = client.get("/accounts/signup/").content.decode()
    assert "sign in with your council account" in html


def test_signup_promises_open_sessions_only_while_an_app_says_there_are_some(client):
    from improvement_hub.accounts import signup_offers

    sessions_open = False

    def open_sessions() -> str | None:
        return "join open sessions" if sessions_open else None

    signup_offers.signup_offer_register(open_sessions)
    try:
        assert "join open sessions" not in client.get("/accounts/signup/").content.decode()
        sessions_open = True
        assert "join open sessions" in client.get("/accounts/signup/").content.decode()
    finally:
        signup_offers._offers.remove(open_sessions)
