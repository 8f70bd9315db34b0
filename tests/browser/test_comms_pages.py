"""News, stories and case studies, and the accessibility statement, in a real browser:
axe-core clean, usable at 320px, and read with JavaScript off."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, assert_fits_width

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/news/",
    "/news/?priority=children",
    "/news/innovation-lab-opens-to-communities/",
    "/news/change-academy-first-cohort/",
    "/news/telling-our-story-once/",
    "/news/family-front-door-case-study/",
    "/accessibility/",
]


@pytest.mark.parametrize("path", PAGES)
def test_comms_page_has_no_accessibility_violations_and_fits_320px(
    page: Page, live_server, demo, path
):
    page.goto(live_server.url + path)
    assert_accessible(page)
    assert_fits_width(page, 320)
    assert_accessible(page)


def test_without_javascript_a_reader_finds_the_case_study_and_its_chart(
    page_without_js: Page, live_server, demo
):
    page = page_without_js
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="News and stories").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("News and stories")
    page.get_by_role("navigation", name="By council priority").get_by_role(
        "link", name="Children"
    ).click()
    expect(page).to_have_url(live_server.url + "/news/?priority=children")
    expect(page.get_by_role("link", name="The first cohort")).to_have_count(0)
    page.get_by_role("link", name="Family Front Door: help starts sooner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Family Front Door: help starts sooner"
    )
    chart = page.get_by_role("img", name="XmR chart of Days from first contact to help starting")
    expect(chart).to_be_visible()
    # the values behind the chart open without JavaScript (a details element)
    page.get_by_text("The values of days from first contact to help starting").click()
    expect(page.get_by_role("region", name="Values of Days from first contact")).to_be_visible()
