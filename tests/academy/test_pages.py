"""The Academy's pages: who sees what, the booking journey as a form post (no
JavaScript), the catalogue's filters, and constant query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement_hub.academy import services
from improvement_hub.academy.models import Enrolment
from improvement_hub.accounts.roles import Role
from tests.academy.factories import CourseFactory, SessionFactory
from tests.accounts.factories import UserFactory
from tests.conftest import ROLE_IDS, ROLES, client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_catalogue_course_and_session_pages_are_public(role, session):
    client = client_for(role)
    for url in (
        reverse("academy:course_list"),
        session.course.get_absolute_url(),
        session.get_absolute_url(),
    ):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 302),
        (Role.RESIDENT, 404),
        (Role.STAFF, 404),
        (Role.PARTNER, 404),
        (Role.LEADERSHIP, 404),
        (Role.HUB_TEAM, 200),
    ],
)
def test_hub_team_pages_are_hidden_from_everyone_else(role, expected, session):
    client = client_for(role)
    for url in (
        reverse("academy:manage"),
        reverse("academy:matrix"),
        reverse("academy:session_new", args=[session.course.slug]),
        reverse("academy:register", args=[session.pk]),
        reverse("academy:session_edit", args=[session.pk]),
    ):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 302),
        (Role.RESIDENT, 404),
        (Role.STAFF, 200),
        (Role.PARTNER, 200),
        (Role.HUB_TEAM, 200),
        (Role.LEADERSHIP, 200),
    ],
)
def test_my_learning_is_for_staff_and_partners(role, expected):
    assert client_for(role).get(reverse("academy:my_learning")).status_code == expected


def test_draft_course_and_its_sessions_are_not_found_outside_hub_team(db):
    session = SessionFactory(course=CourseFactory(is_published=False))
    for role in (None, Role.STAFF):
        assert client_for(role).get(session.get_absolute_url()).status_code == 404
        assert client_for(role).get(session.course.get_absolute_url()).status_code == 404
    assert client_for(Role.HUB_TEAM).get(session.get_absolute_url()).status_code == 200


def test_catalogue_filters_by_level_format_and_audience(db):
    CourseFactory(title="For partners", for_partners=True, level="practitioner")
    CourseFactory(title="Staff only", for_partners=False, level="practitioner")
    CourseFactory(title="Sponsors", level="sponsor", format="action_learning")
    page = Client().get(reverse("academy:course_list"), {"audience": "partners"}).content.decode()
    assert "For partners" in page
    assert "Staff only" not in page
    page = (
        Client().get(reverse("academy:course_list"), {"format": "action_learning"}).content.decode()
    )
    assert "Sponsors" in page
    assert "For partners" not in page
    ignored = Client().get(
        reverse("academy:course_list"), {"level": "<script>", "method": "x" * 500}
    )
    assert ignored.status_code == 200
    assert "Staff only" in ignored.content.decode()


def test_booking_journey_as_plain_form_posts(session):
    staff = UserFactory(role=Role.STAFF)
    client = Client()
    client.force_login(staff)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Book a place" in page
    response = client.post(reverse("academy:session_book", args=[session.pk]), follow=True)
    assert "You are booked on this session" in response.content.decode()
    assert "Cancel my booking" in response.content.decode()
    again = client.post(reverse("academy:session_book", args=[session.pk]), follow=True)
    assert "You already have a place on this session" in again.content.decode()
    enrolment = Enrolment.objects.get(person=staff)
    done = client.post(reverse("academy:booking_cancel", args=[enrolment.pk]), follow=True)
    assert "The booking is cancelled" in done.content.decode()
    assert client.get(reverse("academy:my_learning")).status_code == 200


def test_manager_books_for_their_staff_on_the_session_page(session):
    manager = UserFactory(role=Role.STAFF)
    report = UserFactory(role=Role.STAFF, line_manager=manager, first_name="Rita")
    client = Client()
    client.force_login(manager)
    assert "Book for someone you manage" in client.get(session.get_absolute_url()).content.decode()
    client.post(reverse("academy:session_book", args=[session.pk]), {"person": report.pk})
    assert Enrolment.objects.get(person=report).booked_by == manager
    bad = client.post(reverse("academy:session_book", args=[session.pk]), {"person": "999999"})
    assert bad.status_code == 400


def test_residents_see_no_book_button_and_cannot_post(session):
    client = client_for(Role.RESIDENT)
    assert "Book a place" not in client.get(session.get_absolute_url()).content.decode()
    assert client.post(reverse("academy:session_book", args=[session.pk])).status_code == 403


def test_session_form_refuses_bad_input_and_keeps_what_was_typed(course):
    client = client_for(Role.HUB_TEAM)
    url = reverse("academy:session_new", args=[course.slug])
    start = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%d 10:00")
    end = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%d 09:00")
    response = client.post(
        url, {"starts_at": start, "ends_at": end, "capacity": "0", "location": "Room ✓ 2"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The end must be after the start" in page or "Capacity must be 1 or more" in page
    assert "Room ✓ 2" in page


def _queries(client: Client, url: str) -> int:
    client.get(url)  # warm up (sessions, roles)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "role", [None, Role.STAFF, Role.HUB_TEAM], ids=["anonymous", "staff", "hub"]
)
def test_catalogue_session_and_my_learning_queries_do_not_grow_with_data(role):
    client = client_for(role)
    course = CourseFactory()
    session = SessionFactory(course=course, capacity=2)
    me = UserFactory(role=Role.STAFF)
    learner = Client()
    learner.force_login(me)
    urls = [reverse("academy:course_list"), course.get_absolute_url(), session.get_absolute_url()]
    before = [_queries(client, url) for url in urls] + [
        _queries(learner, reverse("academy:my_learning"))
    ]
    for _ in range(5):
        other = SessionFactory(course=CourseFactory())
        services.booking_create(actor=me, session=other)
        services.booking_create(actor=UserFactory(role=Role.STAFF), session=session)
    after = [_queries(client, url) for url in urls] + [
        _queries(learner, reverse("academy:my_learning"))
    ]
    assert after == before


@pytest.mark.parametrize(
    ("role", "expected"),
    [(None, 302), (Role.RESIDENT, 404), (Role.STAFF, 200), (Role.HUB_TEAM, 200)],
)
def test_learning_visits_name_who_went_to_staff_only(role, expected):
    from datetime import date

    from improvement_hub.academy.models import LearningVisit
    from improvement_hub.lab.models import PeerLab

    lab = PeerLab.objects.create(name="Policy Lab", country="United Kingdom", summary="x")
    visit = LearningVisit.objects.create(
        peer_lab=lab,
        visited_on=date(2017, 2, 21),
        learnt="Research first",
        adopt="Resident researchers",
    )
    visit.people.add(UserFactory(role=Role.HUB_TEAM, first_name="Hana", last_name="Hughes"))
    response = client_for(role).get(reverse("academy:learning_visits"))
    assert response.status_code == expected
    if expected == 200:
        page = response.content.decode()
        assert "Hana Hughes" in page
        assert "Resident researchers" in page
