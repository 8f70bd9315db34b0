"""The account pages, the 403 page and the Hub Team's people page in a real browser:
axe-core finds nothing and nothing overflows at 320px; the people journey works without
JavaScript, through links and buttons only."""

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import Browser, Page, expect

from improvement_hub.accounts.models import RoleChange, User
from improvement_hub.accounts.roles import Role
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _sign_in(page: Page, base_url: str, email: str, next_path: str) -> None:
    page.goto(f"{base_url}{next_path}")  # signed out: sent to sign in, and back after
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}{next_path}")


def _check(page: Page, url: str, heading: str) -> None:
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)
    assert_fits_width(page, 320)


def test_your_data_page_is_accessible_and_fits_320px(page: Page, live_server):
    user = UserFactory(email="pat@example.org", role="Staff")
    _sign_in(page, live_server.url, user.email, "/accounts/your-data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Download your data")
    assert_accessible(page)
    assert_fits_width(page, 320)


def test_pages_for_visitors_are_accessible_and_fit_320px(page: Page, live_server):
    for path, heading in [
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
    ]:
        _check(page, live_server.url + path, heading)


def test_account_pages_are_accessible_and_fit_320px_with_several_addresses(page: Page, live_server):
    user = UserFactory(email="pat.with.a.long.address@example.org", role="Staff")
    EmailAddress.objects.create(user=user, email="pat.second.address@example.org", verified=True)
    EmailAddress.objects.create(user=user, email="pat.unconfirmed@example.org", verified=False)
    _sign_in(page, live_server.url, user.email, "/accounts/")
    for path, heading in [
        ("/accounts/", "Your account"),
        ("/accounts/name/", "Your name"),
        ("/accounts/email/", "Email addresses"),
        ("/accounts/password/change/", "Change your password"),
        ("/accounts/reauthenticate/", "Enter your password"),
        ("/accounts/3rdparty/", "Council sign-in"),
        ("/accounts/logout/", "Sign out"),
        ("/admin/", "You do not have permission to view this page"),
        ("/api/v1/docs", "You do not have permission to view this page"),
    ]:
        _check(page, live_server.url + path, heading)
    # An answer with errors: the error summary, still accessible.
    page.goto(live_server.url + "/accounts/email/")
    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Add email address").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    assert_fits_width(page, 320)


def test_hub_team_gives_a_role_and_sets_a_line_manager_without_javascript(
    browser: Browser, live_server
):
    hana = UserFactory(email="hana@example.org", first_name="Hana", last_name="Hughes")
    hana.groups.add(*_groups(Role.HUB_TEAM))
    priya = UserFactory(
        email="priya.patel@partner.example", first_name="Priya", last_name="Patel", role="Staff"
    )
    UserFactory(email="lee@example.org", first_name="Lee", last_name="Morgan", role="Leadership")
    UserFactory.create_batch(3, role="Resident")
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1024, "height": 800}
    )
    page = context.new_page()
    base = live_server.url
    _sign_in(page, base, hana.email, "/accounts/")
    page.get_by_role("link", name="Your account").first.click()  # the header's link
    page.get_by_role("link", name="people page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")

    page.get_by_label("Name or email address").fill("priya")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("table")).to_contain_text("Priya Patel")
    expect(page.get_by_role("table")).not_to_contain_text("Lee Morgan")
    page.get_by_role("link", name="Priya Patel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya Patel")

    page.get_by_role("button", name="Give the Partner role").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Priya Patel now has the Partner role"
    )
    expect(page.get_by_role("table")).to_contain_text("Partner role given")
    expect(page.get_by_role("table")).to_contain_text("Hana Hughes")
    assert "Partner" in _roles(priya)

    page.get_by_label("Line manager's email address").fill("nobody@example.org")
    page.get_by_role("button", name="Save line manager").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "There is no council staff member with that email address"
    )
    page.get_by_label("Line manager's email address").fill("lee@example.org")
    page.get_by_role("button", name="Save line manager").click()
    expect(page.get_by_text("Their line manager is")).to_contain_text("Lee Morgan")
    assert User.objects.get(pk=priya.pk).line_manager.email == "lee@example.org"

    # The last member of the Hub Team cannot remove their own role.
    page.get_by_role("link", name="People").first.click()
    page.get_by_label("Name or email address").fill("hana")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="Hana Hughes").click()
    page.get_by_role("button", name="Remove the Hub Team role").click()
    expect(page.get_by_text("There must always be someone in the Hub Team")).to_be_visible()
    assert "Hub Team" in _roles(hana)
    assert RoleChange.objects.count() == 1
    context.close()


def _groups(role: Role):  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import Group

    return Group.objects.filter(name=str(role))


def _roles(user: User) -> set[str]:
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def test_people_pages_are_accessible_and_fit_320px(page: Page, live_server):
    """The people list, a person's page and its error summary, with JavaScript on (axe-core
    runs in the page); the journey without JavaScript is the test above."""
    hana = UserFactory(email="hana@example.org", first_name="Hana", last_name="Hughes")
    hana.groups.add(*_groups(Role.HUB_TEAM))
    priya = UserFactory(
        email="priya.patel@partner.example", first_name="Priya", last_name="Patel", role="Staff"
    )
    base = live_server.url
    _sign_in(page, base, hana.email, "/accounts/people/")
    _check(page, f"{base}/accounts/people/?q=priya", "People")
    _check(page, f"{base}/accounts/people/{priya.pk}/", "Priya Patel")
    page.set_viewport_size({"width": 1024, "height": 800})
    page.get_by_label("Line manager's email address").fill("nobody@example.org")
    page.get_by_role("button", name="Save line manager").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
