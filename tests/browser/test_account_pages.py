"""The "Download your data" page in a real browser: accessible and usable at 320px
(issue 8, item 15)."""

import pytest
from playwright.sync_api import Page, expect

from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _sign_in(page: Page, base_url: str, email: str, next_path: str) -> None:
    page.goto(f"{base_url}{next_path}")  # signed out: sent to sign in, and back after
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}{next_path}")


def test_your_data_page_is_accessible_and_fits_320px(page: Page, live_server):
    user = UserFactory(email="pat@example.org", role="Staff")
    _sign_in(page, live_server.url, user.email, "/accounts/your-data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Download your data")
    assert_accessible(page)
    assert_fits_width(page, 320)
