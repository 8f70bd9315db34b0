"""The Hub Team edit spaces, photos and the move plan in the admin; events are added on
the "Add an event" page, whose booking goes through the booking service (no clash)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from improvement_hub.accounts.roles import Role
from improvement_hub.spaces.models import Booking, Event, MovePlan, MoveStep, Space, SpacePhoto
from tests.conftest import client_for
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/spaces/"


@pytest.mark.parametrize("model", ["space", "spacephoto", "moveplan", "movestep"])
@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.HUB_TEAM, 200), (Role.STAFF, 403), (Role.PARTNER, 403), (None, 302)],
)
def test_only_the_hub_team_edit_spaces_in_the_admin(model, role, status):
    assert client_for(role).get(f"{ADMIN}{model}/").status_code == status


def _space_post(**changes: object) -> dict[str, object]:
    return {
        "name": "Council House room 2",
        "slug": "council-house-room-2",
        "provider": "council",
        "capacity": "24",
        "step_free": "on",
        "hearing_loop": "on",
        "available_from": "2017-07-01",
        "opens_at": "08:00",
        "closes_at": "18:00",
        "min_notice_hours": "0",
        "max_length_minutes": "480",
        "buffer_minutes": "15",
        "bookable_by_staff": "on",
        "bookable_by_partner": "on",
        "is_public": "on",
        **changes,
    }


def test_hub_team_add_a_space_and_a_photo_with_alt_text():
    client = client_for(Role.HUB_TEAM)
    response = client.post(f"{ADMIN}space/add/", _space_post())
    assert response.status_code == 302, response.content.decode()[:2000]
    space = Space.objects.get(slug="council-house-room-2")
    assert space.access_features == ["Step-free access", "Hearing loop"]
    image = Image.objects.create(title="Room 2", file=get_test_image_file())
    no_alt = client.post(
        f"{ADMIN}spacephoto/add/",
        {"space": space.pk, "image": image.pk, "alt_text": "", "position": "0"},
    )
    assert no_alt.status_code == 200
    assert not SpacePhoto.objects.exists()
    client.post(
        f"{ADMIN}spacephoto/add/",
        {
            "space": space.pk,
            "image": image.pk,
            "alt_text": "Tables set out in groups of six",
            "position": "0",
        },
    )
    assert space.photos.get().alt_text == "Tables set out in groups of six"


def test_the_admin_refuses_a_space_closing_before_it_opens():
    response = client_for(Role.HUB_TEAM).post(
        f"{ADMIN}space/add/", _space_post(available_until="2017-06-30", closes_at="07:00")
    )
    assert response.status_code == 200
    assert not Space.objects.exists()


def test_hub_team_add_and_tick_off_move_plan_steps_in_the_admin(hub):
    lab = make_space(name="Partner lab", provider="partner")
    room = make_space(name="Council room")
    client = client_for(Role.HUB_TEAM)
    client.post(
        f"{ADMIN}moveplan/add/",
        {"name": "Into council buildings", "from_space": lab.pk, "to_space": room.pk},
    )
    plan = MovePlan.objects.get()
    response = client.post(
        f"{ADMIN}movestep/add/",
        {"plan": plan.pk, "kind": "it", "title": "Wi-Fi and screens", "due_on": "2017-05-15"},
    )
    assert response.status_code == 302
    step = MoveStep.objects.get()
    client.post(
        f"{ADMIN}movestep/edit/{step.pk}/",
        {
            "plan": plan.pk,
            "kind": "it",
            "title": "Wi-Fi and screens",
            "due_on": "2017-05-15",
            "done_on": "2017-05-12",
        },
    )
    step.refresh_from_db()
    assert step.done_on == dt.date(2017, 5, 12)
    same_space = client.post(
        f"{ADMIN}moveplan/add/", {"name": "Nowhere", "from_space": lab.pk, "to_space": lab.pk}
    )
    assert same_space.status_code == 200
    assert MovePlan.objects.count() == 1


def _event_post(room: Space, start: dt.datetime, **changes: object) -> dict[str, object]:
    return {
        "title": "Open session: bring us a problem",
        "kind": "open_session",
        "summary": "Tell us about a problem no one service can fix.",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": "12",
        "space": room.pk,
        **changes,
    }


@pytest.mark.parametrize(("role", "status"), [(Role.STAFF, 404), (Role.RESIDENT, 404)])
def test_only_the_hub_team_see_the_add_an_event_page(role, status):
    assert client_for(role).get(reverse("spaces:event_new")).status_code == status


def test_hub_team_add_an_event_which_books_its_space(room):
    client = client_for(Role.HUB_TEAM)
    assert "Add an event" in client.get(reverse("spaces:event_list")).content.decode()
    response = client.post(reverse("spaces:event_new"), _event_post(room, next_weekday(10)))
    assert response.status_code == 302
    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert event.booking is not None
    assert event.booking.space == room
    assert event.booking.people == 12


def test_an_event_cannot_double_book_its_space(room, staff):
    start = next_weekday(10)
    Booking.objects.create(
        space=room,
        booked_by=staff,
        starts_at=start + dt.timedelta(hours=1),
        ends_at=start + dt.timedelta(hours=2),
        blocked_until=start + dt.timedelta(hours=2),
        purpose="Pilot workshop",
    )
    response = client_for(Role.HUB_TEAM).post(reverse("spaces:event_new"), _event_post(room, start))
    assert response.status_code == 400
    assert "That time clashes with another booking" in response.content.decode()
    assert not Event.objects.exists()
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"space": "", "online_url": ""}, "Choose a space or enter an online meeting link"),
        ({"capacity": "10000"}, "Enter 1000 places or fewer"),
        ({"capacity": "0"}, "Enter at least 1 place"),
        ({"capacity": "25"}, "holds up to 20 people"),
        ({"starts_at": "9999-01-01T10:00"}, "Enter a date between the years 2000 and 2100"),
        ({"title": "<script>alert(1)</script>\x00"}, "Error"),
    ],
)
def test_bad_event_input_is_refused_with_a_reason(room, changes, message):
    response = client_for(Role.HUB_TEAM).post(
        reverse("spaces:event_new"), _event_post(room, next_weekday(10), **changes)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_an_online_event_books_nothing():
    client: Client = client_for(Role.HUB_TEAM)
    response = client.post(
        reverse("spaces:event_new"),
        {
            **_event_post(make_space(), next_weekday(10)),
            "space": "",
            "online_url": "https://meet.example.org/lab",
        },
    )
    assert response.status_code == 302
    assert Event.objects.get().booking is None
    assert not Booking.objects.exists()
