"""The dashboard in Chromium: axe-core clean, fits 320 px, and the filters work with
JavaScript off."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.insights.conftest import build_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _signed_in(page: Page, base: str, role: Role) -> None:
    client = Client()
    client.force_login(UserFactory(role=role))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )


@pytest.fixture
def shown(live_server):  # type: ignore[no-untyped-def]
    return build_world()


def test_dashboard_is_accessible_and_fits_320px(page: Page, live_server, shown) -> None:  # type: ignore[no-untyped-def]
    _signed_in(page, live_server.url, Role.LEADERSHIP)
    page.goto(f"{live_server.url}/insights/?period=all")
    expect(page.get_by_role("heading", name="Insights dashboard")).to_be_visible()
    assert_accessible(page)
    assert_fits_width(page, 320)
    page.goto(f"{live_server.url}/insights/?period=nonsense")  # the error summary
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


def test_filters_work_without_javascript(page_without_js: Page, live_server, shown) -> None:  # type: ignore[no-untyped-def]
    no_js = page_without_js
    _signed_in(no_js, live_server.url, Role.HUB_TEAM)
    no_js.goto(f"{live_server.url}/insights/")
    no_js.get_by_label("Period", exact=True).select_option("all")
    no_js.get_by_label("Priority", exact=True).select_option(label="Housing")
    no_js.get_by_role("button", name="Show figures").click()
    expect(
        no_js.locator("p", has_text="Of 2 ideas submitted in the period, 1 (50%)")
    ).to_be_visible()
    expect(no_js.get_by_label("Priority", exact=True)).to_have_value(str(shown["housing"]))
