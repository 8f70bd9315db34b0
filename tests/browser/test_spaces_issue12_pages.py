"""The pages added to finish issue 12, in a real browser: axe-core and 320px on the Add an
event page (empty and refused), the booking page offering the council's room, the
challenge's stage page and the lab plan with the move; the council's room is booked from
its link with JavaScript off."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from improvement_hub.accounts.demo import DEMO_PASSWORD
from improvement_hub.accounts.roles import Role
from improvement_hub.lab.models import Challenge
from improvement_hub.spaces.models import Booking, MovePlan, MoveStep, Provider
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in
from tests.browser.test_spaces_pages import signed_in
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WHEN = next_weekday(10, days=45)


@pytest.fixture
def world(settings, live_server):  # type: ignore[no-untyped-def]
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    hub = UserFactory(
        role=Role.HUB_TEAM, email=f"hub-{uuid.uuid4().hex[:8]}@example.org", password=DEMO_PASSWORD
    )
    lab = make_space(
        name="The partner’s lab",
        slug=f"partner-lab-{uuid.uuid4().hex[:6]}",
        provider=Provider.PARTNER,
        available_until=timezone.localdate() + dt.timedelta(days=30),
    )
    room = make_space(
        name="Council House room 2",
        slug=f"room-2-{uuid.uuid4().hex[:6]}",
        step_free=True,
        hearing_loop=True,
        available_from=timezone.localdate() + dt.timedelta(days=31),
    )
    plan = MovePlan.objects.create(name="Into council buildings", from_space=lab, to_space=room)
    MoveStep.objects.create(plan=plan, kind="it", title="Wi-Fi", due_on=dt.date(2017, 5, 15))
    challenge = Challenge.objects.create(
        title="Getting to school on time",
        slug=f"school-{uuid.uuid4().hex[:6]}",
        statement="Buses and bells.",
    )
    return {"hub": hub, "lab": lab, "room": room, "challenge": challenge, "url": live_server.url}


def _check(page: Page) -> None:
    assert_accessible(page)
    assert_fits_width(page)


def test_new_pages_are_accessible_and_fit_320px(page: Page, world) -> None:  # type: ignore[no-untyped-def]
    base = world["url"]
    sign_in(page, base, world["hub"].email, "/events/new/")
    page.goto(base + "/events/new/")
    _check(page)
    page.get_by_role("button", name="Add the event").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    _check(page)
    page.goto(f"{base}/lab/challenges/{world['challenge'].slug}/stage/")
    _check(page)
    page.goto(base + "/lab/plan/")
    expect(page.get_by_text("Moving into council buildings")).to_be_visible()
    _check(page)
    start = WHEN.strftime("%Y-%m-%dT%H:%M")
    page.goto(f"{base}/bookings/new/?space={world['lab'].pk}&starts_at={start}")
    end = (WHEN + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    page.get_by_label("End", exact=True).fill(end)
    page.get_by_label("What is it for?").fill("Pilot workshop")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_text("Book the council’s space instead")).to_be_visible()
    _check(page)


def test_council_room_booked_from_its_link_without_js(page_without_js: Page, world) -> None:  # type: ignore[no-untyped-def]
    page, base = page_without_js, world["url"]
    signed_in(page, base, world["hub"])
    start = WHEN.strftime("%Y-%m-%dT%H:%M")
    page.goto(f"{base}/bookings/new/?space={world['lab'].pk}&starts_at={start}")
    end = (WHEN + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    page.get_by_label("End", exact=True).fill(end)
    page.get_by_label("What is it for?").fill("Pilot workshop")
    page.get_by_role("button", name="Book", exact=True).click()
    page.get_by_role("link", name="Book Council House room 2").click()
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_text("Your booking is confirmed")).to_be_visible()
    assert Booking.objects.get().space == world["room"]
