"""The Change Academy in a real browser: every page is accessible (axe-core, WCAG 2.2 AA)
and fits 320px, and booking, cancelling and giving feedback work with JavaScript off."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from improvement_hub.academy import services
from improvement_hub.academy.models import Enrolment, LearningVisit, Pathway, PathwayStep
from improvement_hub.accounts import demo as accounts_demo
from improvement_hub.accounts.models import User
from improvement_hub.lab.models import PeerLab
from tests.academy.factories import CourseFactory, SessionFactory
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STAFF = "staff@demo.example"
HUB = "hubteam@demo.example"


@pytest.fixture
def academy(settings, live_server):  # type: ignore[no-untyped-def]
    """The demo's people, two courses, a pathway, a future session and a past one that the
    staff member attended (so the register, feedback and certificate have something)."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    accounts_demo.load(lambda message: None)
    staff = User.objects.get(email=STAFF)
    hub = User.objects.get(email=HUB)
    course = CourseFactory(
        title="The model for improvement and PDSA cycles",
        slug="pdsa",
        outcomes="Plan a test of change\nRead a run chart",
        for_partners=True,
    )
    session = SessionFactory(course=course, capacity=1)
    past = SessionFactory(course=CourseFactory(title="Introduction to improvement", slug="intro"))
    enrolment = services.booking_create(actor=staff, session=past)
    start = timezone.now() - timedelta(days=3)
    type(past).objects.filter(pk=past.pk).update(
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        booking_deadline=start,
        cancellation_deadline=start,
    )
    enrolment.refresh_from_db()
    services.register_mark(actor=hub, enrolment=enrolment, attendance="attended")
    pathway = Pathway.objects.create(
        title="Improvement Ambassador",
        slug="improvement-ambassador",
        capability="Champions the approach",
        summary="The Hub Team's route.",
        is_published=True,
    )
    PathwayStep.objects.create(
        pathway=pathway, position=1, kind="course", course=course, title="PDSA"
    )
    PathwayStep.objects.create(
        pathway=pathway, position=2, kind="practice", title="Lead a PDSA cycle"
    )
    lab = PeerLab.objects.create(
        name="Policy Lab", country="United Kingdom", summary="Design for policy."
    )
    visit = LearningVisit.objects.create(
        peer_lab=lab,
        visited_on=date(2017, 2, 21),
        learnt="Research with residents first.",
        adopt="Resident researchers on every challenge.",
    )
    visit.people.add(hub, staff)
    return {"session": session, "past": past, "enrolment": enrolment, "pathway": pathway}


def _check(page: Page, url: str) -> None:
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(url)
    assert_accessible(page)
    assert_fits_width(page)


def test_public_pages_are_accessible_and_fit_320px(page: Page, live_server, academy):  # type: ignore[no-untyped-def]
    base = live_server.url
    for path in (
        "/change-academy/",
        "/change-academy/?level=practitioner&audience=partners",
        "/change-academy/courses/pdsa/",
        f"/change-academy/sessions/{academy['session'].pk}/",
        "/change-academy/pathways/improvement-ambassador/",
    ):
        _check(page, base + path)


def test_staff_and_hub_team_pages_are_accessible_and_fit_320px(page: Page, live_server, academy):  # type: ignore[no-untyped-def]
    base = live_server.url
    sign_in(page, base, STAFF, "/change-academy/my-learning/")
    for path in (
        "/change-academy/my-learning/",
        "/change-academy/my-learning/skills/",
        f"/change-academy/bookings/{academy['enrolment'].pk}/feedback/",
        "/change-academy/learning-visits/",
        f"/change-academy/pathways/improvement-ambassador/steps/{academy['pathway'].steps.last().pk}/evidence/",
    ):
        _check(page, base + path)
    # a form with errors: the error summary is accessible too
    page.get_by_label("Link to the PDSA cycle you led").fill("https://example.org/")
    page.get_by_role("button", name="Record evidence").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.context.clear_cookies()
    sign_in(page, base, HUB, "/change-academy/manage/")
    for path in (
        "/change-academy/manage/",
        "/change-academy/manage/matrix/",
        "/change-academy/manage/courses/pdsa/sessions/new/",
        f"/change-academy/sessions/{academy['session'].pk}/",
        f"/change-academy/sessions/{academy['session'].pk}/edit/",
        f"/change-academy/sessions/{academy['past'].pk}/register/",
        f"/change-academy/sessions/{academy['past'].pk}/register/?print=1",
    ):
        _check(page, base + path)


def test_booking_journey_with_javascript_off(page_without_js: Page, live_server, academy):  # type: ignore[no-untyped-def]
    page, base = page_without_js, live_server.url
    session = academy["session"]
    sign_in(page, base, STAFF, f"/change-academy/sessions/{session.pk}/")
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_text("You are booked on this session")).to_be_visible()
    assert Enrolment.objects.get(session=session).status == "booked"
    page.goto(f"{base}/change-academy/my-learning/")
    expect(
        page.get_by_role("link", name="The model for improvement and PDSA cycles")
    ).to_be_visible()
    page.get_by_role("link", name="Give feedback on Introduction to improvement").click()
    page.get_by_label("5", exact=True).first.check()
    page.locator("input[name=trainer][value='4']").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Thank you for your feedback")).to_be_visible()
    page.goto(f"{base}/change-academy/sessions/{session.pk}/")
    page.get_by_role("button", name="Cancel my booking").click()
    expect(page.get_by_text("The booking is cancelled")).to_be_visible()
    assert Enrolment.objects.get(session=session).status == "cancelled"
