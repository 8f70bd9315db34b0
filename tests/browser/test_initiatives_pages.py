"""Initiatives in a real browser: every page accessible and usable at 320px for the people
who use it, and the team's journey (start from an idea, add a measure, upload values, see
the chart, Leadership's go/no-go) with JavaScript off."""

import pytest
from playwright.sync_api import Page, expect

from improvement_hub.ideas.models import Idea
from improvement_hub.initiatives.models import Initiative, Pilot
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HUB = "hubteam@demo.example"
LEADER = "leadership@demo.example"


def _check(page: Page, url: str) -> None:
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(url)
    assert_accessible(page)
    try:
        assert_fits_width(page, 320)
    except AssertionError as error:
        raise AssertionError(f"{url}: {error}") from None
    assert_accessible(page)


def test_portfolio_pages_are_accessible_to_the_public(page: Page, live_server, demo):
    for path in [
        "/initiatives/",
        "/initiatives/board/",
        "/initiatives/spectrum/",
        "/initiatives/timeline/",
        "/initiatives/summary/",
    ]:
        _check(page, live_server.url + path)
    published = Initiative.objects.filter(is_published=True).first()
    _check(page, live_server.url + published.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(published.title)
    expect(page.get_by_text("Status updates")).to_have_count(0)


def test_every_initiative_page_is_accessible_to_the_hub_team(page: Page, live_server, demo):
    initiative = Initiative.objects.get(title__startswith="Family Front Door")
    measure = initiative.measures.first()
    pilot = initiative.pilots.first()
    sign_in(page, live_server.url, HUB, "/initiatives/")
    paths = [
        "/initiatives/",
        "/initiatives/board/",
        "/initiatives/timeline/",
        "/initiatives/summary/",
        initiative.get_absolute_url(),
        measure.get_absolute_url(),
        "/initiatives/new/",
        f"/initiatives/{initiative.pk}/edit/",
        f"/initiatives/{initiative.pk}/sources/",
        f"/initiatives/{initiative.pk}/pilots/{pilot.pk}/edit/",
        f"/initiatives/{initiative.pk}/pilots/{pilot.pk}/delete/",
        f"/initiatives/{initiative.pk}/measures/add/",
        f"/initiatives/{initiative.pk}/team/add/",
        f"/initiatives/{initiative.pk}/pdsa/add/",
        f"/initiatives/{initiative.pk}/updates/add/",
        f"/initiatives/{initiative.pk}/benefits/add/",
        f"/initiatives/{initiative.pk}/risks/add/",
        f"/initiatives/{initiative.pk}/prototypes/add/",
        f"/initiatives/{initiative.pk}/training/add/",
        f"/initiatives/{initiative.pk}/milestones/add/",
    ]
    for path in paths:
        _check(page, live_server.url + path)
    # the chart is an image with a text alternative, and its data is a table
    page.goto(live_server.url + measure.get_absolute_url())
    chart = page.get_by_role(
        "img", name="XmR chart of Days from first contact to help starting (days)"
    )
    expect(chart).to_be_visible()
    expect(page.get_by_role("table").first).to_be_visible()


def test_errors_are_summarised_and_accessible(page: Page, live_server, demo):
    sign_in(page, live_server.url, HUB, "/initiatives/new/")
    page.get_by_role("button", name="Start the initiative").click()
    expect(page).to_have_title("Error: Start an initiative – Initiatives – Improvement Hub")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_title")).to_be_focused()


def test_the_team_journey_works_without_javascript(
    page_without_js: Page, live_server, demo, tmp_path
):
    page = page_without_js
    idea = Idea.objects.get(title="Text tenants when the repair operative is on the way")
    sign_in(page, live_server.url, HUB, f"/initiatives/new/?idea={idea.pk}")
    expect(page.get_by_label("Title")).to_have_value(idea.title)
    page.get_by_label("Tweak").check()
    page.get_by_label("Improvement Team").check()
    page.get_by_label("Model for improvement (PDSA)").check()
    page.get_by_role("button", name="Start the initiative").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(idea.title)
    initiative = Initiative.objects.get(title=idea.title)
    idea.refresh_from_db()
    assert idea.status.slug == "taken-forward"

    page.get_by_role("link", name="Add a measure").click()
    page.get_by_label("Name").fill("Missed appointments")
    page.get_by_label("Outcome").check()
    page.get_by_label("Unit").fill("a week")
    page.get_by_label("Lower is better").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Missed appointments", exact=True).click()
    values = "date,value\n" + "\n".join(
        f"2017-{1 + i // 4:02d}-{1 + (i % 4) * 7:02d},{30 if i < 12 else 18}" for i in range(24)
    )
    csv_file = tmp_path / "missed.csv"
    csv_file.write_text(values)
    page.get_by_label("Upload a CSV file").set_input_files(str(csv_file))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("24 values added")).to_be_visible()
    expect(page.get_by_text("Special cause improvement").first).to_be_visible()

    bad = tmp_path / "bad.csv"
    bad.write_text("date,value\n2017-09-01,x\n")
    page.get_by_label("Upload a CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("alert")).to_contain_text("Row 2: enter the value as a number")
    assert initiative.measures.get().observations.count() == 24


def test_leadership_records_a_go_or_no_go(page: Page, live_server, demo):
    pilot = Pilot.objects.get(decision="")
    url = f"/initiatives/{pilot.initiative_id}/pilots/{pilot.pk}/decision/"
    sign_in(page, live_server.url, LEADER, url)
    assert_accessible(page)
    page.get_by_label("No go: stop").check()
    page.get_by_label("The reason, for the team and the record").fill(
        "The pilot clashes with the procurement freeze; stop and rethink it."
    )
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded and the team told")).to_be_visible()
    pilot.refresh_from_db()
    assert pilot.decision == "no_go"
