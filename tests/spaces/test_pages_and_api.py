"""The pages and the API of lab space: one input boundary, role x action, bad input."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from improvement_hub.accounts.roles import Role
from improvement_hub.spaces import services
from improvement_hub.spaces.models import Booking, BookingStatus, Space
from tests.accounts.factories import UserFactory
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def booking_json(
    space: Space, start: dt.datetime, hours: int = 1, **extra: object
) -> dict[str, object]:
    return {
        "space": space.pk,
        "starts_at": start.isoformat(),
        "ends_at": (start + dt.timedelta(hours=hours)).isoformat(),
        "purpose": "Pilot workshop",
        **extra,
    }


def test_api_books_then_answers_409_with_the_clashing_range(staff, room):
    client = client_for(staff)
    created = client.post(
        "/api/v1/bookings",
        booking_json(room, next_weekday(10), hours=2),
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "confirmed"
    clash = client.post(
        "/api/v1/bookings", booking_json(room, next_weekday(11)), content_type="application/json"
    )
    assert clash.status_code == 409
    body = clash.json()
    assert body["detail"] == "That time clashes with another booking"
    assert dt.datetime.fromisoformat(body["clash"]["starts_at"]) == next_weekday(10)
    assert dt.datetime.fromisoformat(body["clash"]["ends_at"]) == next_weekday(12)


def test_api_and_page_give_the_same_reason_for_a_broken_rule(staff, room):
    client = client_for(staff)
    api = client.post(
        "/api/v1/bookings", booking_json(room, next_weekday(19)), content_type="application/json"
    )
    assert api.status_code == 422
    why = api.json()["errors"]["starts_at"][0]
    assert "is open 08:00 to 18:00" in why
    page = client.post(reverse("spaces:booking_new"), {**booking_json(room, next_weekday(19))})
    assert page.status_code == 400
    assert why in page.content.decode()
    assert "Free times nearby" in page.content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"people": 0}, "people"),
        ({"people": 10_000}, "people"),
        ({"starts_at": "9999-01-01T10:00"}, "starts_at"),
        ({"starts_at": "not a date"}, "starts_at"),
        ({"purpose": "x" * 201}, "purpose"),
        ({"purpose": "ring\u0007"}, "purpose"),
        ({"purpose": ""}, "purpose"),
    ],
)
def test_bad_booking_input_is_a_clear_422_never_a_500(staff, room, change, field):
    payload = {**booking_json(room, next_weekday(10)), **change}
    response = client_for(staff).post("/api/v1/bookings", payload, content_type="application/json")
    assert response.status_code == 422, response.content
    body = response.json()
    named = body["errors"] if "errors" in body else [d["loc"][-1] for d in body["detail"]]
    assert field in named


def test_end_before_start_is_refused_on_the_page(staff, room):
    start = next_weekday(10)
    response = client_for(staff).post(
        reverse("spaces:booking_new"),
        {
            "space": room.pk,
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "purpose": "x",
        },
    )
    assert response.status_code == 400
    assert "The end time must be after the start time" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 401),
        (Role.RESIDENT, 403),
        (Role.STAFF, 201),
        (Role.PARTNER, 201),
        (Role.HUB_TEAM, 201),
        (Role.LEADERSHIP, 201),
    ],
)
def test_who_may_book_through_the_api(role, status):
    space = make_space()
    user = UserFactory(role=role) if role else None
    response = client_for(user).post(
        "/api/v1/bookings", booking_json(space, next_weekday(10)), content_type="application/json"
    )
    assert response.status_code in ((status,) if status != 401 else (401, 403))


@pytest.mark.parametrize(
    ("role", "status"), [(Role.STAFF, 404), (Role.HUB_TEAM, 204), ("booker", 204), (None, 401)]
)
def test_who_may_cancel_through_the_api(role, status, staff, room):
    booking = services.booking_create(
        user=staff, space=room, starts_at=next_weekday(10), ends_at=next_weekday(11), purpose="x"
    )
    user = staff if role == "booker" else (UserFactory(role=role) if role else None)
    response = client_for(user).delete(f"/api/v1/bookings/{booking.pk}")
    assert response.status_code in ((status,) if status != 401 else (401, 403))
    booking.refresh_from_db()
    assert (booking.status == BookingStatus.CANCELLED) == (status == 204)


def test_space_list_hides_internal_spaces_from_the_public(staff):
    make_space(name="Public room")
    make_space(name="Back office", is_public=False)
    public = [s["name"] for s in Client().get("/api/v1/spaces").json()]
    internal = [s["name"] for s in client_for(staff).get("/api/v1/spaces").json()]
    assert public == ["Public room"]
    assert sorted(internal) == ["Back office", "Public room"]
    hidden = Space.objects.get(name="Back office")
    assert Client().get(f"/api/v1/spaces/{hidden.pk}").status_code == 404
    assert Client().get(reverse("spaces:space_detail", args=[hidden.slug])).status_code == 404


def test_only_the_hub_team_adds_spaces(staff, hub):
    payload = {
        "name": "Council House room 2",
        "capacity": 30,
        "provider": "council",
        "available_from": "2017-07-01",
    }
    assert (
        client_for(staff)
        .post("/api/v1/spaces", payload, content_type="application/json")
        .status_code
        == 403
    )
    created = client_for(hub).post("/api/v1/spaces", payload, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["slug"] == "council-house-room-2"
    bad = client_for(hub).post(
        "/api/v1/spaces",
        {**payload, "capacity": 0, "available_until": "2017-01-01"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"capacity", "available_until"}


def test_availability_gives_free_and_busy_ranges(staff, room):
    start = next_weekday(10)
    services.booking_create(
        user=staff, space=room, starts_at=start, ends_at=start + dt.timedelta(hours=2), purpose="x"
    )
    day = start.date().isoformat()
    body = Client().get(f"/api/v1/spaces/{room.pk}/availability?from={day}&to={day}").json()
    busy = [
        (dt.datetime.fromisoformat(r["starts_at"]), dt.datetime.fromisoformat(r["ends_at"]))
        for r in body["busy"]
    ]
    free = [
        (dt.datetime.fromisoformat(r["starts_at"]), dt.datetime.fromisoformat(r["ends_at"]))
        for r in body["free"]
    ]
    assert busy == [(start, start + dt.timedelta(hours=2))]
    assert free == [(next_weekday(8), start), (start + dt.timedelta(hours=2), next_weekday(18))]
    too_long = Client().get(f"/api/v1/spaces/{room.pk}/availability?from=2017-01-01&to=2017-12-31")
    assert too_long.status_code == 422
    assert (
        Client()
        .get(f"/api/v1/spaces/{room.pk}/availability?from=2017-13-01&to=2017-01-01")
        .status_code
        == 422
    )


def test_space_calendar_shows_booked_to_those_who_may_not_see_the_purpose(staff, room):
    services.booking_create(
        user=staff,
        space=room,
        starts_at=next_weekday(10),
        ends_at=next_weekday(11),
        purpose="Confidential restructure",
    )
    services.booking_create(
        user=staff,
        space=room,
        starts_at=next_weekday(12),
        ends_at=next_weekday(13),
        purpose="Open session",
        purpose_is_public=True,
    )
    public = Client().get(f"/api/v1/spaces/{room.pk}/calendar.ics")
    assert public["Content-Type"].startswith("text/calendar")
    summaries = [str(e["summary"]) for e in Calendar.from_ical(public.content).walk("VEVENT")]
    assert summaries == ["Booked", "Open session"]
    inside = client_for(staff).get(f"/api/v1/spaces/{room.pk}/calendar.ics")
    assert [str(e["summary"]) for e in Calendar.from_ical(inside.content).walk("VEVENT")] == [
        "Confidential restructure",
        "Open session",
    ]


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_week_tables_render_with_constant_queries(staff, room):
    week = next_weekday(10).date().isoformat()
    client = client_for(staff)
    every = reverse("spaces:spaces_week") + f"?week={week}"
    one = reverse("spaces:space_detail", args=[room.slug]) + f"?week={week}"
    client.get(every)  # warm up the session and roles
    before = (_queries(client, every), _queries(client, one))
    for n in range(12):
        space = make_space()
        for hour in (9, 11, 14):
            services.booking_create(
                user=staff,
                space=space,
                starts_at=next_weekday(hour),
                ends_at=next_weekday(hour + 1),
                purpose=f"Workshop {n}",
            )
        services.booking_create(
            user=staff,
            space=room,
            starts_at=next_weekday(8, weekday=n % 5),
            ends_at=next_weekday(9, weekday=n % 5),
            purpose="x",
        ) if n < 5 else None
    assert (_queries(client, every), _queries(client, one)) == before
    assert "Workshop 11" in client.get(every).content.decode()


def test_week_page_shows_booked_not_the_purpose_to_the_public(staff, room):
    services.booking_create(
        user=staff,
        space=room,
        starts_at=next_weekday(10),
        ends_at=next_weekday(11),
        purpose="Confidential restructure",
    )
    week = next_weekday(10).date().isoformat()
    page = (
        Client()
        .get(reverse("spaces:space_detail", args=[room.slug]) + f"?week={week}")
        .content.decode()
    )
    assert "Confidential restructure" not in page
    assert "Booked" in page
    assert (
        "Confidential restructure"
        in client_for(staff)
        .get(reverse("spaces:space_detail", args=[room.slug]) + f"?week={week}")
        .content.decode()
    )
    assert (
        Client()
        .get(reverse("spaces:space_detail", args=[room.slug]) + "?week=99999-01-01")
        .status_code
        == 200
    )


def test_person_feed_needs_the_signed_address(staff, room, commit_callbacks):
    services.booking_create(
        user=staff, space=room, starts_at=next_weekday(10), ends_at=next_weekday(11), purpose="Mine"
    )
    page = client_for(staff).get(reverse("spaces:my_bookings"))
    token = page.context["feed_token"]
    feed = Client().get(reverse("spaces:person_calendar", args=[token]))
    assert [str(e["summary"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")] == ["Mine"]
    assert Client().get(reverse("spaces:person_calendar", args=["1:forged"])).status_code == 404


@pytest.mark.parametrize(
    ("name", "hub_only"),
    [("spaces:approvals", True), ("spaces:resource_queue", True), ("spaces:utilisation", True)],
)
def test_hub_pages_are_hidden_from_others(name, hub_only, staff, hub):
    assert client_for(staff).get(reverse(name)).status_code == 404
    assert client_for(hub).get(reverse(name)).status_code == 200
    assert Client().get(reverse(name)).status_code == 302


def test_approval_flow_through_the_pages(resident, hub, commit_callbacks):
    space = make_space(community_by_request=True)
    client = client_for(resident)
    start = next_weekday(10)
    with commit_callbacks():
        response = client.post(
            reverse("spaces:booking_new"),
            {
                "space": space.pk,
                "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
                "purpose": "Tenants' association meeting",
                "people": 12,
            },
        )
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert booking.status == BookingStatus.PENDING
    hub_client = client_for(hub)
    assert (
        "Tenants&#x27; association meeting"
        in hub_client.get(reverse("spaces:approvals")).content.decode()
    )
    refused = hub_client.post(
        reverse("spaces:booking_decide", args=[booking.pk]), {"approve": "no", "reason": ""}
    )
    assert refused.status_code == 400
    assert "Enter why the booking is declined" in refused.content.decode()
    with commit_callbacks():
        hub_client.post(reverse("spaces:booking_decide", args=[booking.pk]), {"approve": "yes"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert any("approved" in m.subject for m in mail.outbox)


def test_resource_requests_go_to_the_hub_team_who_work_through_them(staff, hub, room):
    booking = services.booking_create(
        user=staff, space=room, starts_at=next_weekday(10), ends_at=next_weekday(11), purpose="x"
    )
    client = client_for(staff)
    assert (
        client.post(
            reverse("spaces:resource_request", args=[booking.pk]),
            {"kind": "catering", "details": "Tea for 12"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("spaces:resource_request", args=[booking.pk]),
            {"kind": "catering", "details": ""},
        ).status_code
        == 400
    )
    request = booking.resource_requests.get()
    hub_client = client_for(hub)
    assert "Tea for 12" in hub_client.get(reverse("spaces:resource_queue")).content.decode()
    hub_client.post(
        reverse("spaces:resource_update", args=[request.pk]), {"status": "done", "note": "Ordered"}
    )
    request.refresh_from_db()
    assert request.status == "done"
    assert (
        client.post(
            reverse("spaces:resource_update", args=[request.pk]), {"status": "declined"}
        ).status_code
        == 404
    )
