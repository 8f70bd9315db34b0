"""Lab space and events in a real browser: every page is accessible (axe-core) and fits
320px, and booking and registering work with JavaScript off (axe needs JavaScript, so
those journeys' pages are checked with it on)."""

import datetime as dt
import uuid

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from improvement_hub.accounts.demo import DEMO_PASSWORD
from improvement_hub.accounts.roles import Role
from improvement_hub.spaces import services
from improvement_hub.spaces.models import Booking, Event, MovePlan, MoveStep, Registration
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def world(settings, live_server):  # type: ignore[no-untyped-def]
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    staff = UserFactory(
        role=Role.STAFF, email=f"staff-{uuid.uuid4().hex[:8]}@example.org", password=DEMO_PASSWORD
    )
    hub = UserFactory(
        role=Role.HUB_TEAM, email=f"hub-{uuid.uuid4().hex[:8]}@example.org", password=DEMO_PASSWORD
    )
    room = make_space(
        name="Council House, Committee Room 2",
        slug=f"committee-room-2-{uuid.uuid4().hex[:6]}",
        hearing_loop=True,
        step_free=True,
    )
    studio = make_space(name="Lab Studio", slug=f"lab-studio-{uuid.uuid4().hex[:6]}")
    services.booking_create(
        user=staff,
        space=room,
        starts_at=next_weekday(10),
        ends_at=next_weekday(12),
        purpose="Pilot workshop: school meals",
    )
    event = services.event_create(
        user=hub,
        title="Open session: bring us a problem",
        kind=Event.Kind.OPEN_SESSION,
        summary="Tell us about a problem.",
        starts_at=next_weekday(14),
        ends_at=next_weekday(16),
        capacity=20,
        space=room,
        what_to_expect="Tea and a chat.",
    )
    plan = MovePlan.objects.create(name="Move", from_space=studio, to_space=room)
    MoveStep.objects.create(
        plan=plan,
        kind=MoveStep.Kind.ROOM,
        title="Room found",
        due_on=dt.date(2017, 3, 31),
        owner=hub,
        done_on=dt.date(2017, 3, 24),
    )
    MoveStep.objects.create(
        plan=plan,
        kind=MoveStep.Kind.SIGNAGE,
        title="Signs up",
        due_on=dt.date(2017, 6, 23),
        owner_name="Property Services",
    )
    return {"staff": staff, "hub": hub, "room": room, "event": event, "url": live_server.url}


def signed_in(page: Page, base: str, user) -> None:  # type: ignore[no-untyped-def]
    """Signs in by the session cookie (the sign-in form itself is tested with accounts)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )


def check(page: Page, url: str) -> None:
    page.goto(url)
    assert_accessible(page)
    assert_fits_width(page)


def test_public_pages_are_accessible_and_fit_320px(page: Page, world) -> None:  # type: ignore[no-untyped-def]
    base, week = world["url"], next_weekday(10).date().isoformat()
    for path in [
        "/spaces/",
        f"/spaces/week/?week={week}",
        f"/spaces/{world['room'].slug}/?week={week}",
        "/spaces/move-plan/",
        "/events/",
        world["event"].get_absolute_url(),
    ]:
        check(page, base + path)
    page.goto(base + world["event"].get_absolute_url())
    page.get_by_role("button", name="Ask for a place").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your name")
    assert_accessible(page)
    page.goto(f"{base}/spaces/{world['room'].slug}/?week={week}")
    expect(page.get_by_role("table")).to_contain_text("Booked")
    expect(page.get_by_role("table")).not_to_contain_text("Pilot workshop")


def test_staff_pages_are_accessible_and_fit_320px(page: Page, world) -> None:  # type: ignore[no-untyped-def]
    base = world["url"]
    sign_in(page, base, world["hub"].email, "/bookings/")
    booking = Booking.objects.first()
    for path in [
        "/bookings/",
        "/bookings/new/",
        "/bookings/repeat/",
        f"/bookings/{booking.pk}/",
        f"/bookings/{booking.pk}/cancel/",
        "/bookings/approvals/",
        "/bookings/resources/",
        "/spaces/utilisation/",
        f"/events/{world['event'].slug}/register/",
    ]:
        check(page, base + path)


def test_booking_with_javascript_off_shows_why_and_then_books(page_without_js: Page, world) -> None:  # type: ignore[no-untyped-def]
    page, base, room = page_without_js, world["url"], world["room"]
    taken = next_weekday(11).strftime("%Y-%m-%dT%H:%M")
    signed_in(page, base, world["staff"])
    page.goto(f"{base}/bookings/new/?space={room.pk}&starts_at={taken}")
    page.get_by_label("What is it for?").fill("Co-design with tenants")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter end")
    expect(page.get_by_label("What is it for?")).to_have_value("Co-design with tenants")
    page.goto(
        f"{base}/bookings/new/?space={room.pk}&starts_at={taken}&ends_at={next_weekday(13).strftime('%Y-%m-%dT%H:%M')}"
    )
    page.get_by_label("What is it for?").fill("Co-design with tenants")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("clashes with another booking")
    # a free hour in the week table opens the form with the time filled in
    page.goto(f"{base}/spaces/{room.slug}/?week={next_weekday(10).date().isoformat()}")
    free = next_weekday(16).strftime("%Y-%m-%dT%H:%M")
    page.locator(f'a[href*="starts_at={free}"]').click()
    page.get_by_label("What is it for?").fill("Co-design with tenants")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Booking of Council House, Committee Room 2"
    )
    assert Booking.objects.filter(purpose="Co-design with tenants").count() == 1


def test_registering_for_an_event_with_javascript_off(page_without_js: Page, world) -> None:  # type: ignore[no-untyped-def]
    page, event = page_without_js, world["event"]
    page.goto(world["url"] + event.get_absolute_url())
    page.get_by_role("button", name="Ask for a place").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your name")
    page.get_by_label("Your name").fill("Pat Resident")
    page.get_by_label("Email address").fill("pat@example.org")
    page.get_by_role("button", name="Ask for a place").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    registration = Registration.objects.get(email="pat@example.org")
    page.goto(world["url"] + f"/events/places/{registration.token}/confirm/")
    page.get_by_role("button", name="Confirm my place").click()
    expect(page.locator("body")).to_contain_text("Place confirmed")
