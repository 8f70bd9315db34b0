"""Partnership and governance in a real browser: the register, the decision, transparency,
the contract, tasks, audit and handover are accessible and fit 320px; the partner's
evidence journey and the Hub Team's acceptance work with JavaScript off."""

import re

import pytest
from playwright.sync_api import Page, expect

from improvement_hub.partnership.models import Contract, Decision, Deliverable
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HUB = "hubteam@demo.example"
PARTNER = "partner@demo.example"
LEADER = "leadership@demo.example"


@pytest.fixture
def story(db):  # type: ignore[no-untyped-def]
    """The demo's people and the partnership's part of the story (the seed's decision, the
    contract, seven tasks, three blocks), without the other strands."""
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
        "/decisions/",
        "/decisions/?q=hub&signed_from=1/11/2016",
        "decision",
        "decision-pdf",
        "/transparency/",
    ],
)
def test_public_pages_accessible_at_320px(page: Page, live_server, story, path: str) -> None:  # type: ignore[no-untyped-def]
    decision = Decision.objects.get(pk=story.decision_id)
    if path == "decision-pdf":
        response = page.request.get(f"{live_server.url}/decisions/{decision.pk}/pdf/")
        assert response.ok
        assert response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF")
        return
    url = f"/decisions/{decision.pk}/" if path == "decision" else path
    page.goto(live_server.url + url)
    if path == "decision":
        expect(page.get_by_role("heading", level=1)).to_contain_text("Improvement Hub")
        expect(page.locator("main")).to_contain_text("[REDACTED]")
        expect(page.locator("main")).not_to_contain_text("HR-IMPHUB-2016")
    check(page)


@pytest.mark.parametrize(
    ("email", "path"),
    [
        (PARTNER, "/contracts/{pk}/"),
        (PARTNER, "/contracts/{pk}/tasks/7/"),
        (HUB, "/contracts/{pk}/tasks/7/"),
        (HUB, "/contracts/{pk}/audit/"),
        (LEADER, "/handover/{pk}/"),
        (LEADER, "/contracts/{pk}/"),
        (HUB, "/decisions/new/"),
    ],
)
def test_signed_in_pages_accessible_at_320px(
    page: Page, live_server, story, email: str, path: str
) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, live_server.url, email, path.format(pk=story.pk))
    check(page)


def test_decision_form_errors_accessible_and_name_cabinet(page: Page, live_server, story) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, live_server.url, HUB, "/decisions/new/")
    page.get_by_label("Subject").fill("Lab furniture")
    page.get_by_label("Name of the officer taking the decision").fill("A Officer")
    page.get_by_label("Delegation used").select_option("officer-single-contractor")
    page.get_by_label("Cost in pounds").fill("250000")
    page.get_by_label("Route").select_option("single-contractor-negotiation")
    page.get_by_label("Outline of the decision").fill("Buy furniture")
    page.get_by_role("button", name="Save the draft").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Cabinet")
    expect(page.get_by_label("Subject")).to_have_value("Lab furniture")
    check(page)


def test_evidence_errors_accessible_at_320px(page: Page, live_server, story) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, live_server.url, PARTNER, f"/contracts/{story.pk}/tasks/2/")
    page.get_by_label("A page of the hub").check()
    page.get_by_label("Describe the evidence").fill("Learning visit notes")
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the address of the hub page"
    )
    check(page)


# axe-core runs as JavaScript, so the pages without it are checked above with it on.
def test_without_javascript_partner_submits_evidence_and_hub_accepts(
    browser, live_server, story
) -> None:  # type: ignore[no-untyped-def]
    task_path = f"/contracts/{story.pk}/tasks/2/"
    partner = browser.new_context(java_script_enabled=False).new_page()
    partner.set_viewport_size({"width": 320, "height": 640})
    partner.set_default_timeout(15000)
    sign_in(partner, live_server.url, PARTNER, task_path)
    # an address that is not one of the hub's pages is refused, and what was typed is kept
    partner.get_by_label("A page of the hub").check()
    partner.get_by_label("Describe the evidence").fill("Learning visit notes")
    partner.get_by_label("Address of the hub page (if a page)").fill("https://evil.example/")
    partner.get_by_role("button", name="Add the evidence").click()
    expect(partner).to_have_title(re.compile("^Error: "))
    expect(partner.locator(".govuk-error-summary")).to_contain_text(
        "Enter the address of a page of this hub"
    )
    expect(partner.get_by_label("Describe the evidence")).to_have_value("Learning visit notes")
    partner.get_by_label("Address of the hub page (if a page)").fill("/lab/labs/")
    partner.get_by_role("button", name="Add the evidence").click()
    expect(partner.locator(".govuk-notification-banner--success")).to_contain_text(
        "The evidence is added"
    )
    partner.get_by_role("button", name="Submit for acceptance").click()
    expect(partner.locator(".govuk-notification-banner--success")).to_contain_text(
        "submitted to the Hub Team"
    )
    assert Deliverable.objects.get(contract=story, number=2).status == "submitted"
    partner.context.close()

    hub = browser.new_context(java_script_enabled=False).new_page()
    sign_in(hub, live_server.url, HUB, task_path)
    hub.get_by_label("Reject", exact=True).check()
    hub.get_by_role("button", name="Save the decision").click()
    expect(hub.locator(".govuk-error-summary")).to_contain_text(
        "Enter the reason the task is not accepted"
    )
    hub.get_by_label("Accept", exact=True).check()
    hub.get_by_role("button", name="Save the decision").click()
    expect(hub.locator(".govuk-notification-banner--success")).to_contain_text("Task 2 is accepted")
    assert Deliverable.objects.get(contract=story, number=2).status == "accepted"
    hub.context.close()


def test_without_javascript_leadership_sees_block_waiting_for_task_7(
    browser, live_server, story
) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_context(java_script_enabled=False).new_page()
    sign_in(page, live_server.url, LEADER, f"/contracts/{story.pk}/")
    expect(page.locator("main")).to_contain_text("Waiting for acceptance of task 7")
    page.get_by_role("button", name="Approve block 2").click()
    expect(page.locator(".govuk-error-summary, .govuk-notification-banner")).to_contain_text(
        "until task 7 is accepted"
    )
    page.context.close()
