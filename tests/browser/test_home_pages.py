"""Each role starts on its home page (its work list) and completes its main journey by
clicking what the pages offer, with JavaScript on and off; every page on the way has no
axe-core violations and fits 320 px. With HUB_SCREENSHOTS=1, saves each role's home page
(desktop and 320 px) in docs/screenshots/ for the Hub Team guide."""

import os
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas import similarity as idea_similarity
from improvement_hub.ideas.models import Idea, Report
from improvement_hub.initiatives.models import Milestone, Pilot, TeamMember
from improvement_hub.lab import similarity as lab_similarity
from improvement_hub.notifications.models import Notification
from improvement_hub.notifications.services import notify
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.ideas.factories import CommentFactory, IdeaFactory
from tests.initiatives.factories import InitiativeFactory, PilotFactory
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
EMAILS = {
    Role.HUB_TEAM: "hub.team@example.org",
    Role.LEADERSHIP: "director@example.org",
    Role.STAFF: "officer@example.org",
    Role.PARTNER: "partner@example.org",
    Role.RESIDENT: "resident@example.org",
}


@pytest.fixture
def world(settings, tmp_path):  # type: ignore[no-untyped-def]
    """A small hub: one piece of work waiting for each role."""
    from improvement_hub.council import demo as council_demo

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    idea_similarity.reset()
    lab_similarity.reset()
    council_demo.load(lambda message: None)
    people = {
        role: UserFactory(role=role, email=email, first_name=role.value.split()[0])
        for role, email in EMAILS.items()
    }
    IdeaFactory(title="Text tenants when a repair crew is running late")
    Report.objects.create(
        comment=CommentFactory(body="An unkind remark"), reporter=UserFactory(), reason="Rude"
    )
    make_referral(problem="Young carers miss school when appointments clash")
    resident_referral, _ = make_referral(email=EMAILS[Role.RESIDENT])
    type(resident_referral).objects.filter(pk=resident_referral.pk).update(
        referrer=people[Role.RESIDENT]
    )
    repairs = InitiativeFactory(title="Repairs right first time")
    PilotFactory(
        initiative=repairs,
        title="North ward pilot",
        starts_on=date(2017, 3, 1),
        ends_on=date(2017, 5, 31),
    )
    lab_set_up = InitiativeFactory(title="Innovation Lab set-up")
    TeamMember.objects.create(
        initiative=lab_set_up, user=people[Role.PARTNER], role=TeamMember.Role.PARTNER
    )
    Milestone.objects.create(
        initiative=lab_set_up, title="Find a lab space", due_on=date(2017, 1, 31)
    )
    IdeaFactory(author=people[Role.STAFF], title="Shared diary for school nurses")
    notify(
        recipients=[people[Role.STAFF]],
        subject="Your idea is now ‘Under review’: Shared diary for school nurses",
        body="The Hub Team will look at it this week.",
        url="/ideas/",
    )
    yield people
    idea_similarity.reset()
    lab_similarity.reset()


def _browser(request, js: bool) -> Page:  # type: ignore[no-untyped-def]
    page = request.getfixturevalue("page" if js else "page_without_js")
    page.context._hub_js_off = not js
    return page


def _start_home(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/accounts/login/?next=/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work")
    _check(page)


def _check(page: Page) -> None:
    """No axe-core violations, at desktop width and at 320 px. With JavaScript off axe
    cannot run in the page: the same pages are checked in the journey with it on."""
    if not page.context.browser or _js_off(page):
        return
    assert_accessible(page)
    assert_fits_width(page, 320)
    assert_accessible(page)
    page.set_viewport_size({"width": 1024, "height": 800})


def _js_off(page: Page) -> bool:
    return bool(getattr(page.context, "_hub_js_off", False))


def _section(page: Page, title: str):  # type: ignore[no-untyped-def]
    return page.locator("section").filter(has=page.get_by_role("heading", name=title))


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_hub_team_answers_an_idea_from_their_home(request, live_server, world, js):
    page = _browser(request, js)
    _start_home(page, live_server.url, EMAILS[Role.HUB_TEAM])
    expect(_section(page, "Referrals to acknowledge or decide")).to_contain_text("working days")
    _section(page, "Ideas to review").get_by_role(
        "link", name="Text tenants when a repair crew is running late"
    ).click()
    _check(page)
    page.get_by_label("Under review").check()
    page.get_by_label("Public answer").fill(
        "Thank you. We are asking the repairs service how often crews run late."
    )
    page.get_by_role("button", name="Save and tell people").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    _check(page)
    idea = Idea.objects.get(title="Text tenants when a repair crew is running late")
    assert idea.status.slug == "under-review"
    assert Notification.objects.filter(recipient=idea.author).exists()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_leadership_records_a_pilot_decision_from_their_home(request, live_server, world, js):
    page = _browser(request, js)
    _start_home(page, live_server.url, EMAILS[Role.LEADERSHIP])
    _section(page, "Pilot decisions waiting for you").get_by_role(
        "link", name="North ward pilot: Repairs right first time"
    ).click()
    _check(page)
    page.get_by_label("Go: roll it out").check()
    page.get_by_label("The reason, for the team and the record").fill(
        "Repairs done first time rose from 60% to 85% in the north ward."
    )
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Decision recorded")
    _check(page)
    assert Pilot.objects.get(title="North ward pilot").decision == "go"
    page.get_by_role("link", name="Improvement Hub").first.click()  # the header's home link
    expect(page.get_by_text("No pilot is waiting for a decision.")).to_be_visible()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_staff_put_forward_an_idea_from_their_home_and_the_hub_team_is_told(
    request, live_server, world, js
):
    page = _browser(request, js)
    _start_home(page, live_server.url, EMAILS[Role.STAFF])
    expect(_section(page, "News for you")).to_contain_text("Shared diary for school nurses")
    page.get_by_role("link", name="Put forward an idea").click()
    page.get_by_label("Give your idea a short title").fill("Book a repair slot online")
    page.get_by_label("What is the problem today?").fill(
        "Tenants phone the contact centre to report a repair and then wait in all day."
    )
    page.get_by_label("What change do you propose?").fill(
        "An online form where tenants report the repair and book a two-hour slot."
    )
    page.get_by_label("Housing").check()
    page.get_by_label("Improvement", exact=True).check()
    _check(page)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your idea")
    _check(page)
    page.get_by_role("button", name="Submit idea").click()
    expect(page.get_by_role("heading", name="Idea submitted")).to_be_visible()
    _check(page)
    told = Notification.objects.get(recipient=world[Role.HUB_TEAM], kind="ideas.submitted")
    assert told.subject == "New idea to review: Book a repair slot online"


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_partner_marks_a_task_done_from_their_home(request, live_server, world, js):
    page = _browser(request, js)
    _start_home(page, live_server.url, EMAILS[Role.PARTNER])
    expect(_section(page, "Your initiatives")).to_contain_text("Innovation Lab set-up")
    _section(page, "Your team's tasks").get_by_role(
        "link", name="Find a lab space: Innovation Lab set-up"
    ).click()
    _check(page)
    page.get_by_role("link", name="Change Find a lab space").click()
    page.get_by_label("Date done (optional)").fill("2017-01-20")
    _check(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("saved")
    _check(page)
    assert Milestone.objects.get(title="Find a lab space").done_on == date(2017, 1, 20)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_resident_follows_their_referral_from_their_home(request, live_server, world, js):
    page = _browser(request, js)
    _start_home(page, live_server.url, EMAILS[Role.RESIDENT])
    section = _section(page, "Your referrals")
    reference = section.get_by_role("link").first.inner_text()
    section.get_by_role("link", name=reference).click()
    expect(page.get_by_text(reference).first).to_be_visible()
    _check(page)


@pytest.mark.parametrize("role", list(EMAILS), ids=lambda role: role.name.lower())
def test_save_screenshots_of_each_roles_home(page: Page, live_server, world, role, tmp_path):
    """The screenshots in docs/screenshots/: written there with HUB_SCREENSHOTS=1, else to a
    temporary folder (so every run still renders each role's home at both widths)."""
    _start_home(page, live_server.url, EMAILS[role])
    folder = SCREENSHOTS if os.environ.get("HUB_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    name = role.name.lower().replace("_", "-")
    page.screenshot(path=str(folder / f"home-{name}-desktop.png"), full_page=True)
    assert_fits_width(page, 320)
    page.screenshot(path=str(folder / f"home-{name}-320px.png"), full_page=True)
