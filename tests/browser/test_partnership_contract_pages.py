"""The Hub Team's contract pages in a real browser: adding a contract, recording a
variation, the handover plan and running costs, publishing a quarter are accessible
(axe-core) and fit 320px; recording a variation works with JavaScript off, refusing first
without a new signed decision and saying why."""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from improvement_hub.accounts.models import User
from improvement_hub.partnership import services
from improvement_hub.partnership.models import Contract, Variation
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in
from tests.partnership.conftest import decision_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HUB = "hubteam@demo.example"
LEADER = "leadership@demo.example"


@pytest.fixture
def story(db):  # type: ignore[no-untyped-def]
    from improvement_hub.accounts import demo as accounts_demo
    from improvement_hub.partnership import demo

    accounts_demo.load(lambda message: None)
    demo.load(lambda message: None)
    return Contract.objects.get(reference="IH-2016-001")


def check(page: Page) -> None:
    assert_accessible(page)
    assert_fits_width(page)
    page.set_viewport_size({"width": 1024, "height": 800})


@pytest.mark.parametrize(
    "path",
    [
        "/contracts/new/",
        "/contracts/{pk}/vary/",
        "/handover/{pk}/",
        "/handover/{pk}/edit/",
        "/handover/{pk}/costs/new/",
        "/handover/{pk}/costs/{cost}/",
        "/transparency/publish/",
        "/transparency/publish/?quarter=2017-Q1",
    ],
)
def test_hub_team_pages_accessible_at_320px(page: Page, live_server, story, path: str) -> None:  # type: ignore[no-untyped-def]
    cost = story.handover.running_costs.first()
    sign_in(page, live_server.url, HUB, path.format(pk=story.pk, cost=cost.pk))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check(page)


def test_form_errors_accessible_at_320px(page: Page, live_server, story) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, live_server.url, HUB, "/contracts/new/")
    page.get_by_label("Reference").fill(story.reference)
    page.get_by_label("Value in pounds").fill("150000.01")
    page.get_by_role("button", name="Add the contract").click()
    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the signed decision it rests on")
    expect(summary).to_contain_text("Select a supplier, or enter the name of a new one")
    expect(page.get_by_label("Reference")).to_have_value(story.reference)
    check(page)
    page.goto(f"{live_server.url}/handover/{story.pk}/costs/new/")
    page.get_by_role("button", name="Save the line").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select what the line is")
    check(page)


# axe-core runs as JavaScript, so the pages without it are checked above with it on.
def test_without_javascript_hub_team_records_a_variation(browser, live_server, story) -> None:  # type: ignore[no-untyped-def]
    path = f"/contracts/{story.pk}/vary/"
    hub = browser.new_context(java_script_enabled=False).new_page()
    hub.set_viewport_size({"width": 320, "height": 640})
    hub.set_default_timeout(15000)
    sign_in(hub, live_server.url, HUB, path)
    # no new signed decision yet: the page says why, and refuses
    expect(hub.locator("main")).to_contain_text(
        "There is no new signed decision to rest a variation on"
    )
    hub.get_by_label("What the variation changes").fill("Four more months for task 7")
    hub.get_by_label("New end date (optional)").fill("31/3/2018")
    hub.get_by_role("button", name="Record the variation").click()
    expect(hub).to_have_title(re.compile("^Error: "))
    expect(hub.locator(".govuk-error-summary")).to_contain_text(
        "Select the new signed decision the variation rests on: a variation needs one"
    )
    expect(hub.get_by_label("What the variation changes")).to_have_value(
        "Four more months for task 7"
    )
    # Leadership signs a new decision; the variation then rests on it
    leader = User.objects.get(email=LEADER)
    hana = User.objects.get(email=HUB)
    new = services.decision_create(
        actor=hana, data=decision_data(subject="Variation of the Improvement Hub contract")
    )
    services.decision_submit(actor=hana, decision=new)
    services.decision_sign(actor=leader, decision=new, signed_on=date(2017, 10, 2))
    hub.goto(live_server.url + path)
    hub.get_by_label("The new signed decision it rests on").select_option(str(new.pk))
    hub.get_by_label("What the variation changes").fill("Four more months for task 7")
    hub.get_by_label("New end date (optional)").fill("31/3/2018")
    hub.get_by_role("button", name="Record the variation").click()
    expect(hub.locator(".govuk-notification-banner--success")).to_contain_text(
        "The variation is recorded"
    )
    expect(hub.locator("main")).to_contain_text("31 March 2018")
    expect(hub.locator("main")).to_contain_text("Four more months for task 7")
    variation = Variation.objects.get(contract=story)
    assert variation.decision == new
    assert Contract.objects.get(pk=story.pk).ends_on == date(2018, 3, 31)
    hub.context.close()
