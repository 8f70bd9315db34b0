"""The API exactly as issue 11 lists it, for each role, with the pages' visibility."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from improvement_hub.academy.models import Course, Enrolment
from improvement_hub.accounts.roles import Role
from tests.academy.factories import CourseFactory, SessionFactory
from tests.accounts.factories import UserFactory
from tests.conftest import ROLE_IDS, ROLES, client_for

pytestmark = pytest.mark.django_db

API = "/api/v1"


def _post(client: Client, path: str, body: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"{API}{path}", json.dumps(body or {}), content_type="application/json")


def _future(days: int = 10, hour: int = 9) -> str:
    return (
        (timezone.localtime() + timedelta(days=days))
        .replace(hour=hour, minute=0)
        .strftime("%Y-%m-%dT%H:%M")
    )


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_course_list_shows_published_courses_to_every_role(role):
    CourseFactory(title="Published one")
    CourseFactory(title="A draft", is_published=False)
    titles = [c["title"] for c in client_for(role).get(f"{API}/courses").json()]
    assert "Published one" in titles
    assert ("A draft" in titles) == (role == Role.HUB_TEAM)


def test_course_list_filters_as_the_page_does(db):
    CourseFactory(title="Coach course", level="coach")
    CourseFactory(title="Explorer course", level="explorer")
    titles = [c["title"] for c in Client().get(f"{API}/courses?level=coach").json()]
    assert titles == ["Coach course"]
    everything = Client().get(f"{API}/courses?level=not-a-level").json()
    assert len(everything) == 2


def test_draft_course_is_not_found_outside_hub_team(db):
    draft = CourseFactory(is_published=False)
    assert Client().get(f"{API}/courses/{draft.pk}").status_code == 404
    assert client_for(Role.STAFF).get(f"{API}/courses/{draft.pk}").status_code == 404
    assert client_for(Role.HUB_TEAM).get(f"{API}/courses/{draft.pk}").status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 401),
        (Role.RESIDENT, 403),
        (Role.STAFF, 403),
        (Role.PARTNER, 403),
        (Role.LEADERSHIP, 403),
        (Role.HUB_TEAM, 201),
    ],
)
def test_only_hub_team_create_courses(role, status):
    body = {"title": "Lean for leaders", "summary": "Why flow matters.", "level": "sponsor"}
    response = _post(client_for(role), "/courses", body)
    assert response.status_code == status
    if status == 201:
        data = response.json()
        assert data["id"]
        assert data["level"] == "sponsor"
        assert data["is_published"] is False
        assert Course.objects.get(pk=data["id"]).slug == "lean-for-leaders"


def test_course_create_refuses_bad_input_with_clear_errors(db):
    hub = client_for(Role.HUB_TEAM)
    response = _post(hub, "/courses", {"title": "x" * 20_000, "summary": "", "level": "guru"})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["title"] == ["Title must be 160 characters or fewer"]
    assert errors["summary"] == ["Enter summary"]
    assert "level" in errors


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 401),
        (Role.RESIDENT, 403),
        (Role.STAFF, 403),
        (Role.PARTNER, 403),
        (Role.HUB_TEAM, 201),
    ],
)
def test_only_hub_team_schedule_sessions(role, status):
    course = CourseFactory()
    body = {
        "starts_at": _future(hour=9),
        "ends_at": _future(hour=12),
        "capacity": 10,
        "location": "https://meet.example.org/abc",
    }
    response = _post(client_for(role), f"/courses/{course.pk}/sessions", body)
    assert response.status_code == status
    if status == 201:
        data = response.json()
        assert data["capacity"] == 10
        assert data["booked"] == 0
        assert data["waitlisted"] == 0
        assert data["location"] == "https://meet.example.org/abc"
        listed = Client().get(f"{API}/courses/{course.pk}/sessions").json()
        assert [s["id"] for s in listed] == [data["id"]]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"capacity": 0}, "capacity", "Capacity must be 1 or more"),
        ({"capacity": -3}, "capacity", "Capacity must be 1 or more"),
        ({"capacity": "ten"}, "capacity", "Enter the capacity as a whole number, like 12"),
        ({"ends_at": "__start_minus"}, "ends_at", "The end must be after the start"),
        (
            {"starts_at": "2016-11-29T09:00", "ends_at": "2016-11-29T12:00"},
            "starts_at",
            "The start must be in the future",
        ),
        (
            {"starts_at": "tomorrow"},
            "starts_at",
            "Enter the start as a date and time, like 2027-03-14 09:30",
        ),
        (
            {"location": "x" * 20_000},
            "location",
            "Address or online link must be 300 characters or fewer",
        ),
    ],
)
def test_session_create_refuses_bad_input_with_clear_errors(change, field, message):
    course = CourseFactory()
    body = {"starts_at": _future(hour=9), "ends_at": _future(hour=12), "capacity": 10}
    body.update(change)
    if body["ends_at"] == "__start_minus":
        body["ends_at"] = _future(hour=8)
    response = _post(client_for(Role.HUB_TEAM), f"/courses/{course.pk}/sessions", body)
    assert response.status_code == 422
    assert response.json()["errors"][field] == [message]


def test_booking_answers_booked_then_waitlisted_with_position_and_409_on_second(db):
    session = SessionFactory(capacity=1)
    first, second = client_for(Role.STAFF), client_for(Role.STAFF)
    one = _post(first, f"/sessions/{session.pk}/bookings")
    assert one.status_code == 201
    assert one.json() | {"id": 0} == {
        "id": 0,
        "session_id": session.pk,
        "status": "booked",
        "waitlist_position": None,
    }
    two = _post(second, f"/sessions/{session.pk}/bookings")
    assert two.status_code == 201
    assert two.json()["status"] == "waitlisted"
    assert two.json()["waitlist_position"] == 1
    again = _post(first, f"/sessions/{session.pk}/bookings")
    assert again.status_code == 409
    assert again.json() == {"detail": "You already have a place on this session"}
    counts = Client().get(f"{API}/sessions/{session.pk}").json()
    assert (counts["capacity"], counts["booked"], counts["waitlisted"]) == (1, 1, 1)


def test_delete_my_booking_answers_204_and_promotes_first_waitlisted(db):
    session = SessionFactory(capacity=1)
    first, second = client_for(Role.STAFF), client_for(Role.STAFF)
    _post(first, f"/sessions/{session.pk}/bookings")
    _post(second, f"/sessions/{session.pk}/bookings")
    response = first.delete(f"{API}/sessions/{session.pk}/bookings/me")
    assert response.status_code == 204
    assert set(Enrolment.objects.filter(session=session).values_list("status", flat=True)) == {
        "cancelled",
        "booked",
    }
    assert first.delete(f"{API}/sessions/{session.pk}/bookings/me").status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 401),
        (Role.RESIDENT, 403),
        (Role.PARTNER, 403),
        (Role.STAFF, 201),
        (Role.HUB_TEAM, 201),
        (Role.LEADERSHIP, 201),
    ],
)
def test_who_may_book_through_the_api(role, status):
    session = SessionFactory()
    assert _post(client_for(role), f"/sessions/{session.pk}/bookings").status_code == status


def test_me_learning_lists_my_bookings(db):
    session = SessionFactory()
    staff = UserFactory(role=Role.STAFF)
    client = Client()
    client.force_login(staff)
    _post(client, f"/sessions/{session.pk}/bookings")
    data = client.get(f"{API}/me/learning").json()
    assert [item["session_id"] for item in data["upcoming"]] == [session.pk]
    assert Client().get(f"{API}/me/learning").status_code == 401


def test_session_of_a_draft_course_is_not_found(db):
    session = SessionFactory(course=CourseFactory(is_published=False))
    assert Client().get(f"{API}/sessions/{session.pk}").status_code == 404
    assert _post(client_for(Role.STAFF), f"/sessions/{session.pk}/bookings").status_code == 404
