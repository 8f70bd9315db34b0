"""The home page, sign-in and a form with errors, in a real browser."""

import pytest
from playwright.sync_api import Page, expect

from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/",
    "/ideas-forum/",
    "/about/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violations_and_fits_320px(page: Page, live_server, demo, path):
    page.goto(live_server.url + path)
    assert_accessible(page)
    assert_fits_width(page, 320)
    assert_accessible(page)


def test_home_page_leads_to_each_strand(page: Page, live_server, demo):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Improvement Hub")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Innovation Lab").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovation Lab")
    expect(page).to_have_url(live_server.url + "/lab/")


def test_menu_collapses_behind_a_button_on_small_screens(page: Page, live_server, demo):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    menu_link = page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Change Academy"
    )
    expect(menu_link).to_be_hidden()
    toggle.click()
    expect(menu_link).to_be_visible()
    assert_accessible(page)


def test_skip_link_moves_focus_to_main_content(page: Page, live_server, demo):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/#main-content")


def test_sign_in_with_keyboard_only(page: Page, live_server, demo):
    UserFactory(email="keys@example.org")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").focus()
    page.keyboard.type("keys@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()


def test_form_with_errors_shows_summary_links_to_fields_and_keeps_input(
    page: Page, live_server, demo
):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email address").fill("not-an-email")
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_title("Error: Create an account – Improvement Hub")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
    expect(page.get_by_label("Email address")).to_have_value("not-an-email")
    summary.get_by_role("link", name="Enter a password").click()
    expect(page.get_by_label("Create a password")).to_be_focused()
    assert_accessible(page)
    assert_fits_width(page, 320)


def test_form_with_errors_works_without_javascript(page_without_js: Page, live_server, demo):
    page = page_without_js
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email address").fill("kept@example.org")
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_title("Error: Create an account – Improvement Hub")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a password")
    expect(page.get_by_label("Email address")).to_have_value("kept@example.org")


def test_sign_in_and_out_without_javascript(page_without_js: Page, live_server, demo):
    page = page_without_js
    UserFactory(email="nojs@example.org")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email address").fill("nojs@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_all_assets_are_served_locally(page: Page, live_server, demo):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    offsite = [url for url in requests if not url.startswith(live_server.url)]
    assert offsite == []
    assert any(url.endswith("/static/govuk/hub.css") for url in requests)
    failed = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400).length"
    )
    assert failed == 0
