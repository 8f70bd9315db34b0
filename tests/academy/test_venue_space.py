"""A session's venue may be one of the hub's spaces: scheduling books it (spaces' rules)."""

import pytest
from django.test import Client
from django.urls import reverse

from improvement_hub.accounts.roles import Role
from tests.academy.factories import CourseFactory
from tests.conftest import client_for
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db


def _post(client: Client, course, space, start):  # type: ignore[no-untyped-def]
    url = reverse("academy:session_new", args=[course.slug])
    return client.post(
        url,
        {
            "starts_at": start.strftime("%Y-%m-%d %H:%M"),
            "ends_at": start.replace(hour=start.hour + 3).strftime("%Y-%m-%d %H:%M"),
            "capacity": "12",
            "space": str(space.pk),
        },
    )


def test_scheduling_in_a_space_books_it_and_a_clash_is_refused_with_the_spaces_message():
    course = CourseFactory()
    space = make_space()
    hub = client_for(Role.HUB_TEAM)
    start = next_weekday(9)
    response = _post(hub, course, space, start)
    assert response.status_code == 302
    session = course.sessions.get()
    assert session.venue_booking is not None
    assert session.venue_booking.space == space
    assert session.location == str(space)
    clash = _post(hub, course, space, start)
    assert clash.status_code == 400
    assert course.sessions.count() == 1
