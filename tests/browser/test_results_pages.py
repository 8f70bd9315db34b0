"""The public results in a real browser, on the demo: /results/ and a result page are
axe-core clean and fit 320 px; the journey from the list to a result to its open data works
without JavaScript; the demo's published results show, its internal measures do not."""

import json

import pytest
from playwright.sync_api import Page, expect

from improvement_hub.initiatives.models import Initiative
from tests.browser.conftest import assert_accessible, assert_fits_width

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FRONT_DOOR = "Family Front Door: one conversation for families"


def test_the_results_list_and_a_result_page_are_accessible_and_fit_320px(
    page: Page, live_server, demo
):
    page.goto(f"{live_server.url}/results/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Results: you said, we did")
    expect(page.get_by_role("link", name=FRONT_DOOR)).to_be_visible()
    assert_accessible(page)
    assert_fits_width(page, 320)
    page.set_viewport_size({"width": 1024, "height": 800})
    page.get_by_role("link", name=FRONT_DOOR).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(FRONT_DOOR)
    expect(page.locator("svg.hub-chart")).to_have_count(1)
    expect(page.get_by_text("What changed for residents")).to_be_visible()
    assert_accessible(page)
    assert_fits_width(page, 320)


def test_a_resident_filters_the_results_and_opens_one_without_javascript(
    page_without_js: Page, live_server, demo
):
    page = page_without_js
    page.goto(f"{live_server.url}/results/")
    page.get_by_label("Council priority", exact=True).select_option(label="Housing")
    page.get_by_role("button", name="Apply").click()
    assert "priority=housing" in page.url
    expect(page.get_by_role("link", name=FRONT_DOOR)).to_have_count(0)
    expect(page.get_by_role("link", name="Care leavers' first home")).to_be_visible()
    page.get_by_role("link", name="Care leavers' first home").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Care leavers' first home")
    expect(
        page.get_by_role("heading", name="Care leavers in rent arrears at six months")
    ).to_be_visible()
    # the JSON open data names its licence
    response = page.request.get(f"{live_server.url}/results/data.json?priority=housing")
    document = json.loads(response.text())
    assert "Open Government Licence" in document["licence"]["name"]
    titles = {r["title"] for r in document["results"]}
    assert "Care leavers' first home" in titles
    assert FRONT_DOOR not in titles


def test_the_demo_shows_its_published_results_and_none_of_its_workings(
    page_without_js: Page, live_server, demo
):
    page = page_without_js
    published = Initiative.objects.filter(is_published=True)
    unpublished = Initiative.objects.filter(is_published=False)
    page.goto(f"{live_server.url}/results/")
    for initiative in published:
        expect(page.get_by_role("link", name=initiative.title)).to_be_visible()
    text = page.content()
    for initiative in unpublished:
        assert initiative.title not in text
    data = page.request.get(f"{live_server.url}/results/data.json").text()
    for initiative in unpublished:
        assert initiative.title not in data
    # a published initiative's process measure is the team's, not the public's
    assert "Repair calls abandoned" not in data
