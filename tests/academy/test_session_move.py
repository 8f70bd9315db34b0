"""Moving an Academy session to another of the hub's spaces, or to other times, on the
session's change page: the space is re-booked through the spaces' services (a clash or
the spaces' rules refuse it with the reason and the nearest free times, and nothing is
lost), and everyone booked or waiting is sent the same calendar event, SEQUENCE + 1."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from improvement_hub.academy import services
from improvement_hub.academy.models import Session
from improvement_hub.accounts.roles import Role
from improvement_hub.spaces import services as spaces_services
from improvement_hub.spaces.models import Booking
from tests.academy.factories import CourseFactory
from tests.accounts.factories import UserFactory
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db

ROLES = [None, *Role]
ROLE_IDS = ["anonymous", *(r.name.lower() for r in Role)]
FMT = "%Y-%m-%d %H:%M"


@pytest.fixture
def immediate(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def booked(hub, immediate, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """A session in Room A for 2 people: two booked and one on the waiting list."""
    room_a = make_space(name="Room A")
    start = next_weekday(9, days=14)
    data = services.SessionData(
        starts_at=start, ends_at=start + timedelta(hours=3), capacity=2, space=room_a
    )
    session = services.session_create(actor=hub, course=CourseFactory(), data=data)
    people = [UserFactory(role=Role.STAFF) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for person in people:
            services.booking_create(actor=person, session=session)
    return session, room_a, people


def _answers(session: Session, **changes: object) -> dict[str, object]:
    answers: dict[str, object] = {
        "starts_at": session.starts_at.astimezone(next_weekday(9).tzinfo).strftime(FMT),
        "ends_at": session.ends_at.astimezone(next_weekday(9).tzinfo).strftime(FMT),
        "capacity": str(session.capacity),
        "space": str(session.venue_booking.space_id) if session.venue_booking_id else "",
    }
    answers.update(changes)
    return answers


def _events(mailoutbox):  # type: ignore[no-untyped-def]
    found = {}
    for message in mailoutbox:
        for name, content, _ in message.attachments:
            if name.endswith(".ics"):
                calendar = Calendar.from_ical(content)
                (event,) = calendar.walk("VEVENT")
                found[message.to[0]] = (calendar, event)
    return found


def test_moving_to_another_space_rebooks_it_and_tells_everyone_with_the_same_event(
    booked, hub, mailoutbox, django_capture_on_commit_callbacks
):
    session, room_a, people = booked
    old_booking = session.venue_booking
    before = _events(mailoutbox)
    assert {p.email for p in people} <= set(before)  # the first emails carried events
    mailoutbox.clear()
    room_b = make_space(name="Room B")
    client = Client()
    client.force_login(hub)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("academy:session_edit", args=[session.pk]),
            _answers(session, space=str(room_b.pk)),
        )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.venue_booking.space == room_b
    assert session.venue_booking.is_holding
    old_booking.refresh_from_db()
    assert not old_booking.is_holding  # room A is free again
    assert session.location == "Room B"
    after = _events(mailoutbox)
    for person in people:  # booked and waitlisted alike
        calendar, event = after[person.email]
        assert str(event["UID"]) == str(before[person.email][1]["UID"])
        assert int(event["SEQUENCE"]) == int(before[person.email][1]["SEQUENCE"]) + 1
        assert str(calendar["METHOD"]) == "REQUEST"
        assert "Room B" in str(event["LOCATION"])


def test_a_clash_in_the_new_space_is_refused_with_the_reason_and_nearest_free_times(
    booked, hub, mailoutbox
):
    session, room_a, people = booked
    room_b = make_space(name="Room B")
    spaces_services.booking_create(
        user=hub,
        space=room_b,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        purpose="Budget workshop",
    )
    mailoutbox.clear()
    client = Client()
    client.force_login(hub)

    response = client.post(
        reverse("academy:session_edit", args=[session.pk]),
        _answers(session, space=str(room_b.pk), capacity="3"),
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "That time clashes with another booking" in page
    assert "Free times nearby in Room B" in page
    assert 'value="3"' in page  # what was typed is kept
    session.refresh_from_db()
    assert session.venue_booking.space == room_a
    assert session.venue_booking.is_holding
    assert session.capacity == 2
    assert session.sequence == 0
    assert Booking.objects.filter(space=room_b).count() == 1
    assert mailoutbox == []


def test_moving_the_time_in_the_same_space_moves_its_booking_or_says_where_it_is_free(
    booked, hub, mailoutbox, django_capture_on_commit_callbacks
):
    session, room_a, people = booked
    later = session.starts_at + timedelta(hours=4)
    spaces_services.booking_create(
        user=hub, space=room_a, starts_at=later, ends_at=later + timedelta(hours=1), purpose="x"
    )
    client = Client()
    client.force_login(hub)
    url = reverse("academy:session_edit", args=[session.pk])
    clash = client.post(
        url,
        _answers(
            session,
            starts_at=later.strftime(FMT),
            ends_at=(later + timedelta(hours=2)).strftime(FMT),
        ),
    )
    assert clash.status_code == 400
    assert "That time clashes with another booking" in clash.content.decode()
    assert "Free times nearby in Room A" in clash.content.decode()
    mailoutbox.clear()
    next_day = session.starts_at + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        moved = client.post(
            url,
            _answers(
                session,
                starts_at=next_day.strftime(FMT),
                ends_at=(next_day + timedelta(hours=3)).strftime(FMT),
            ),
        )
    assert moved.status_code == 302
    session.refresh_from_db()
    assert session.starts_at == next_day
    assert session.venue_booking.starts_at == next_day
    assert session.venue_booking.space == room_a
    events = _events(mailoutbox)
    assert {p.email for p in people} <= set(events)
    assert all(e.decoded("DTSTART") == next_day for _, e in events.values())


def test_outside_the_spaces_opening_hours_is_refused_with_its_rule_and_free_times(booked, hub):
    session, room_a, _ = booked
    room_b = make_space(name="Room B")
    evening = session.starts_at.replace(hour=19)
    client = Client()
    client.force_login(hub)
    response = client.post(
        reverse("academy:session_edit", args=[session.pk]),
        _answers(
            session,
            space=str(room_b.pk),
            starts_at=evening.strftime(FMT),
            ends_at=(evening + timedelta(hours=2)).strftime(FMT),
        ),
    )
    assert response.status_code == 400
    assert "Free times nearby in Room B" in response.content.decode()
    session.refresh_from_db()
    assert session.venue_booking.space == room_a


def test_the_change_page_shows_the_space_held_and_saving_keeps_it(booked, hub):
    session, room_a, _ = booked
    client = Client()
    client.force_login(hub)
    url = reverse("academy:session_edit", args=[session.pk])
    page = client.get(url).content.decode()
    assert f'<option value="{room_a.pk}" selected>' in page
    assert client.post(url, _answers(session, capacity="5")).status_code == 302
    session.refresh_from_db()
    assert session.venue_booking.space == room_a
    assert session.capacity == 5


def test_choosing_no_space_lets_it_go_and_uses_the_address(booked, hub):
    session, room_a, _ = booked
    old = session.venue_booking
    client = Client()
    client.force_login(hub)
    response = client.post(
        reverse("academy:session_edit", args=[session.pk]),
        _answers(session, space="", location="Woodside Library"),
    )
    assert response.status_code == 302
    session.refresh_from_db()
    old.refresh_from_db()
    assert session.venue_booking is None
    assert not old.is_holding
    assert session.location == "Woodside Library"


@pytest.mark.parametrize("space", ["999999", "abc", "<script>", "1 OR 1=1"])
def test_an_unknown_space_is_refused_with_a_message(booked, hub, space):
    session, room_a, _ = booked
    client = Client()
    client.force_login(hub)
    response = client.post(
        reverse("academy:session_edit", args=[session.pk]), _answers(session, space=space)
    )
    assert response.status_code == 400
    assert "Choose one of the hub" in response.content.decode()
    session.refresh_from_db()
    assert session.venue_booking.space == room_a


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_only_the_hub_team_move_a_session(booked, role):
    session, room_a, _ = booked
    room_b = make_space(name="Room B")
    client = Client()
    if role is not None:
        client.force_login(UserFactory(role=role))
    response = client.post(
        reverse("academy:session_edit", args=[session.pk]),
        _answers(session, space=str(room_b.pk)),
    )
    session.refresh_from_db()
    if role == Role.HUB_TEAM:
        assert response.status_code == 302
        assert session.venue_booking.space == room_b
        return
    assert response.status_code == (302 if role is None else 404)
    assert session.venue_booking.space == room_a


def test_the_service_refuses_anyone_outside_the_hub_team(booked):
    from django.core.exceptions import PermissionDenied

    session, _, people = booked
    data = services.SessionData(
        starts_at=session.starts_at, ends_at=session.ends_at, capacity=2, space=make_space()
    )
    with pytest.raises(PermissionDenied):
        services.session_change(actor=people[0], session=session, data=data)
