"""Issue 11's last pages in a real browser: a person's directorate on the people page,
the Academy's reports by directorate and priority and the capability matrix by person,
team and directorate, moving a session to another space (with a clash refused), changing
a training requirement (also with JavaScript off) and the portfolio's training numbers:
axe-core finds nothing and nothing overflows at 320 px."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from improvement_hub.academy import services
from improvement_hub.academy.models import Enrolment, SelfAssessment, Skill
from improvement_hub.accounts import demo as accounts_demo
from improvement_hub.accounts.models import User
from improvement_hub.initiatives.models.parts import TrainingRequirement
from improvement_hub.spaces import services as spaces_services
from tests.academy.factories import CourseFactory
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in
from tests.council.factories import DirectorateFactory, PriorityFactory
from tests.initiatives.factories import PilotFactory
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HUB = "hubteam@demo.example"


@pytest.fixture
def world(settings, live_server):  # type: ignore[no-untyped-def]
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    accounts_demo.load(lambda message: None)
    hub = User.objects.get(email=HUB)
    staff = User.objects.get(email="staff@demo.example")
    children = DirectorateFactory(name="Children and Families")
    DirectorateFactory(name="Place and Housing")
    User.objects.filter(pk=staff.pk).update(directorate=children)
    course = CourseFactory(title="Running a pilot well", slug="running-a-pilot")
    course.priorities.set([PriorityFactory(name="Priority alpha")])
    room_a, room_b = make_space(name="Room A"), make_space(name="Room B")
    start = next_weekday(9, days=14)
    session = services.session_create(
        actor=hub,
        course=course,
        data=services.SessionData(
            starts_at=start, ends_at=start + timedelta(hours=3), capacity=8, space=room_a
        ),
    )
    services.booking_create(actor=staff, session=session)
    spaces_services.booking_create(
        user=hub, space=room_b, starts_at=start, ends_at=start + timedelta(hours=3), purpose="x"
    )
    for skill, level in zip(Skill.objects.all(), [2, 3, 1], strict=False):
        SelfAssessment.objects.create(
            person=staff, skill=skill, level=level, assessed_on=date(2017, 1, 9)
        )
    starts = timezone.localdate() + timedelta(days=60)
    pilot = PilotFactory(starts_on=starts, ends_on=starts + timedelta(days=60))
    requirement = TrainingRequirement.objects.create(
        initiative=pilot.initiative,
        pilot=pilot,
        need="Running a pilot well",
        course=course,
        who="All staff at the library",
        count=8,
        needed_by=starts,
    )
    return {
        "staff": staff,
        "session": session,
        "room_b": room_b,
        "pilot": pilot,
        "requirement": requirement,
    }


def _check(page: Page, url: str) -> None:
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(url)
    assert_accessible(page)
    assert_fits_width(page)


def test_the_new_and_changed_pages_are_accessible_and_fit_320px(page: Page, live_server, world):  # type: ignore[no-untyped-def]
    base = live_server.url
    sign_in(page, base, HUB, "/change-academy/manage/")
    requirement = world["requirement"]
    for path in (
        "/change-academy/manage/",
        "/change-academy/manage/matrix/?by=person",
        "/change-academy/manage/matrix/?by=team",
        "/change-academy/manage/matrix/?by=directorate",
        f"/change-academy/sessions/{world['session'].pk}/edit/",
        f"/accounts/people/{world['staff'].pk}/",
        f"/initiatives/{requirement.initiative_id}/training/{requirement.pk}/change/",
        "/initiatives/",
    ):
        _check(page, base + path)
    expect(page.get_by_text("8 need it – 0 trained, 0 booked, 8 not booked")).to_be_visible()


def test_a_session_moved_onto_a_clash_is_refused_accessibly_then_moved(
    page: Page, live_server, world
):  # type: ignore[no-untyped-def]
    base, session = live_server.url, world["session"]
    sign_in(page, base, HUB, f"/change-academy/sessions/{session.pk}/edit/")
    page.get_by_label("Or one of the hub's spaces (optional)").select_option(label="Room B")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Free times nearby in Room B")
    assert_accessible(page)
    assert_fits_width(page)
    page.set_viewport_size({"width": 1024, "height": 800})
    page.get_by_label("Or one of the hub's spaces (optional)").select_option(label="None")
    page.get_by_label("Address or online link").fill("Woodside Library")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("everyone booked or waiting is told")).to_be_visible()
    session.refresh_from_db()
    assert session.location == "Woodside Library"
    assert Enrolment.objects.get(session=session).sequence == 1


def test_directorate_is_set_on_the_people_page(page: Page, live_server, world):  # type: ignore[no-untyped-def]
    base, staff = live_server.url, world["staff"]
    sign_in(page, base, HUB, f"/accounts/people/{staff.pk}/")
    page.get_by_label("Directorate").select_option(label="Place and Housing")
    page.get_by_role("button", name="Save directorate").click()
    expect(page.get_by_text("The directorate has been saved")).to_be_visible()
    table = page.get_by_role("region", name="Changes to their directorate")
    expect(table).to_contain_text("Children and Families")
    expect(table).to_contain_text("Place and Housing")
    assert_accessible(page)
    assert User.objects.get(pk=staff.pk).directorate.name == "Place and Housing"


def test_changing_a_requirement_works_with_javascript_off(
    page_without_js: Page, live_server, world
):  # type: ignore[no-untyped-def]
    page, base = page_without_js, live_server.url
    requirement = world["requirement"]
    initiative_url = f"/initiatives/{requirement.initiative_id}/"
    sign_in(page, base, HUB, initiative_url)
    page.get_by_role("link", name="Change Running a pilot well").click()
    expect(page.get_by_role("heading", name="Change a training requirement")).to_be_visible()
    too_late = requirement.pilot.starts_on + timedelta(days=3)
    page.get_by_label("Needed by (optional)").fill(too_late.isoformat())
    page.get_by_label("How many people (optional)").fill("5")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("on or before the pilot starts")
    expect(page.get_by_label("How many people (optional)")).to_have_value("5")  # kept
    page.get_by_label("Needed by (optional)").fill(
        (requirement.pilot.starts_on - timedelta(days=7)).isoformat()
    )
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("The training requirement is changed")).to_be_visible()
    expect(page.get_by_text("5 need it – 0 trained, 0 booked, 5 not booked").first).to_be_visible()
    requirement.refresh_from_db()
    assert requirement.count == 5
