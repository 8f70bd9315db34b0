"""A booking that falls after the partner's space closes is offered the council's room:
in the refusal (page and API alike) and as a link that fills the form in for it."""

import datetime as dt
import html
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from improvement_hub.spaces import selectors, services
from improvement_hub.spaces.models import Booking, Provider
from tests.spaces.factories import make_space, next_weekday
from tests.spaces.test_pages_and_api import booking_json, client_for

pytestmark = pytest.mark.django_db

WHEN = next_weekday(10, days=45)


@pytest.fixture
def partner_lab(db):  # type: ignore[no-untyped-def]
    return make_space(
        name="The partner’s lab",
        provider=Provider.PARTNER,
        capacity=30,
        available_until=timezone.localdate() + dt.timedelta(days=30),
    )


@pytest.fixture
def council_room(db):  # type: ignore[no-untyped-def]
    return make_space(
        name="Council House room 2",
        provider=Provider.COUNCIL,
        capacity=30,
        step_free=True,
        hearing_loop=True,
        available_from=timezone.localdate() + dt.timedelta(days=31),
    )


def test_refusal_after_the_partner_space_closes_names_the_free_council_room(
    staff, partner_lab, council_room
):
    small = make_space(name="Small council room", capacity=4)
    with pytest.raises(ValidationError) as refused:
        services.booking_create(
            user=staff,
            space=partner_lab,
            starts_at=WHEN,
            ends_at=WHEN + dt.timedelta(hours=2),
            purpose="Pilot workshop",
            people=12,
        )
    errors = refused.value.message_dict
    assert "can be booked until" in errors["starts_at"][0]
    assert errors["instead"] == ["The council’s space is free at that time: Council House room 2"]
    assert small.name not in errors["instead"][0]  # too small for 12 people


def test_council_rooms_taken_or_not_yet_open_are_not_offered(staff, partner_lab, council_room):
    Booking.objects.create(
        space=council_room,
        booked_by=staff,
        starts_at=WHEN + dt.timedelta(hours=1),
        ends_at=WHEN + dt.timedelta(hours=3),
        blocked_until=WHEN + dt.timedelta(hours=3),
        purpose="Academy session",
    )
    make_space(name="Opens later", available_from=WHEN.date() + dt.timedelta(days=1))
    found = selectors.council_rooms_instead(
        user=staff, space=partner_lab, starts_at=WHEN, ends_at=WHEN + dt.timedelta(hours=2)
    )
    assert found == []
    adjacent = selectors.council_rooms_instead(
        user=staff,
        space=partner_lab,
        starts_at=WHEN - dt.timedelta(hours=1),
        ends_at=WHEN + dt.timedelta(hours=1),
    )
    assert adjacent == [council_room]


def test_nothing_is_offered_while_the_partner_space_is_open(staff, partner_lab, council_room):
    before = next_weekday(10, days=14)
    assert (
        selectors.council_rooms_instead(
            user=staff, space=partner_lab, starts_at=before, ends_at=before + dt.timedelta(hours=1)
        )
        == []
    )


def test_booking_page_links_to_the_council_room_with_the_form_filled_in(
    staff, partner_lab, council_room
):
    client = client_for(staff)
    page = client.post(
        reverse("spaces:booking_new"), booking_json(partner_lab, WHEN, hours=2, people=12)
    )
    assert page.status_code == 400
    text = html.unescape(page.content.decode())
    assert "Book the council’s space instead" in text
    assert "hearing loop" in text
    href = next(
        part.split('"')[0]
        for part in text.split('href="')[1:]
        if part.startswith(reverse("spaces:booking_new") + "?")
    )
    query = parse_qs(urlsplit(href).query)
    local = timezone.localtime(WHEN)
    assert query["space"] == [str(council_room.pk)]
    assert query["starts_at"] == [local.strftime("%Y-%m-%dT%H:%M")]
    assert query["people"] == ["12"]
    filled = html.unescape(client.get(href).content.decode())
    assert f'<option value="{council_room.pk}" selected>' in filled
    assert local.strftime("%Y-%m-%dT%H:%M") in filled
    booked = client.post(reverse("spaces:booking_new"), {k: v[0] for k, v in query.items()})
    assert booked.status_code == 302
    assert Booking.objects.get().space == council_room


def test_api_refusal_carries_the_council_room(staff, partner_lab, council_room):
    response = client_for(staff).post(
        "/api/v1/bookings", booking_json(partner_lab, WHEN), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"]["instead"] == [
        "The council’s space is free at that time: Council House room 2"
    ]
