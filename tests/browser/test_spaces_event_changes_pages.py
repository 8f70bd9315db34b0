"""Issue 12's last pages in a real browser: changing and cancelling an event and the
filtered, paged all-spaces week pass axe-core and fit 320 px; the Hub Team changes an
event with JavaScript off and the person with a place is emailed."""

import datetime as dt
import uuid

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from improvement_hub.accounts.demo import DEMO_PASSWORD
from improvement_hub.accounts.roles import Role
from improvement_hub.lab.models import Challenge
from improvement_hub.spaces import services
from improvement_hub.spaces.models import Event
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.browser.test_spaces_pages import signed_in
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WHEN = next_weekday(14, days=30)


@pytest.fixture
def world(settings, live_server):  # type: ignore[no-untyped-def]
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    hub = UserFactory(
        role=Role.HUB_TEAM, email=f"hub-{uuid.uuid4().hex[:8]}@example.org", password=DEMO_PASSWORD
    )
    tag = uuid.uuid4().hex[:6]
    room = make_space(name="Council House room 2", slug=f"room-2-{tag}", building="Council House")
    for n in range(22):
        make_space(name=f"Meeting room {n:02d}", slug=f"meeting-{n}-{tag}", step_free=n % 2 == 0)
    Challenge.objects.create(
        title="Getting to school on time", slug=f"school-{tag}", statement="Buses and bells."
    )
    event = services.event_create(
        user=hub,
        title="Open session",
        kind=Event.Kind.OPEN_SESSION,
        summary="Bring us a problem.",
        starts_at=WHEN,
        ends_at=WHEN + dt.timedelta(hours=2),
        capacity=10,
        space=room,
    )
    services.registration_submit(event=event, name="Pat", email="pat@example.org", user=None)
    registration = event.registrations.get()
    services.registration_confirm(registration=registration)
    return {"hub": hub, "event": event, "url": live_server.url}


def _check(page: Page) -> None:
    assert_accessible(page)
    assert_fits_width(page)
    page.set_viewport_size({"width": 1024, "height": 800})


def test_new_pages_are_accessible_and_fit_320px(page: Page, world) -> None:  # type: ignore[no-untyped-def]
    base, event = world["url"], world["event"]
    signed_in(page, base, world["hub"])
    page.goto(f"{base}/events/{event.slug}/change/")
    expect(page.get_by_role("heading", name="Change the event")).to_be_visible()
    _check(page)
    page.get_by_label("How many places?").fill("0")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    _check(page)
    page.goto(f"{base}/events/{event.slug}/cancel/")
    _check(page)
    page.goto(base + event.get_absolute_url())
    expect(page.get_by_role("link", name="Change the event")).to_be_visible()
    _check(page)
    page.goto(f"{base}/spaces/week/")
    _check(page)
    page.get_by_text("Choose the week and filter the spaces").click()
    page.get_by_label("Step-free access").check()
    page.get_by_role("button", name="Show spaces").click()
    expect(page.get_by_text("Showing spaces 1 to 11 of 11")).to_be_visible()
    _check(page)
    page.goto(f"{base}/spaces/week/?people=0")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    _check(page)


def test_the_hub_team_changes_an_event_without_js(page_without_js: Page, world) -> None:  # type: ignore[no-untyped-def]
    page, base, event = page_without_js, world["url"], world["event"]
    signed_in(page, base, world["hub"])
    mail.outbox.clear()
    page.goto(base + event.get_absolute_url())
    page.get_by_role("link", name="Change the event").click()
    later = (WHEN + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    page.get_by_label("Start", exact=True).fill(later)
    page.get_by_label("End", exact=True).fill("2000-01-01T00:00")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_text("The end time must be after the start time").first).to_be_visible()
    # nothing typed is lost
    expect(page.get_by_label("Start", exact=True)).to_have_value(later)
    page.get_by_label("End", exact=True).fill(
        (WHEN + dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    )
    page.get_by_label("Lab challenge it is about (optional)").select_option(
        label="Getting to school on time"
    )
    page.get_by_role("button", name="Save the changes").click()
    expect(
        page.get_by_text("Open session has been changed: 1 person has been emailed")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Getting to school on time")).to_be_visible()
    event.refresh_from_db()
    assert event.starts_at == WHEN + dt.timedelta(hours=1)
    assert event.sequence == 1
    assert [m.to for m in mail.outbox] == [["pat@example.org"]]
