"""POST /api/v1/bookings/series (issue 12): the repeating booking page's form as its input
boundary; 201 with every booking, 409 listing every clash (nothing booked) or the free
times booked when clashes are skipped, 422 for bad input or a broken rule."""

import datetime as dt

import pytest
from django.test import Client

from improvement_hub.accounts.roles import Role
from improvement_hub.spaces import services
from improvement_hub.spaces.models import Booking, BookingSeries
from tests.accounts.factories import UserFactory
from tests.spaces.factories import next_weekday

pytestmark = pytest.mark.django_db

URL = "/api/v1/bookings/series"
FIRST = next_weekday(10)


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _series(room, **extra: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "space": room.pk,
        "starts_at": FIRST.isoformat(),
        "ends_at": (FIRST + dt.timedelta(hours=1)).isoformat(),
        "purpose": "Weekly stand-up",
        "repeat": "weekly",
        "count": 4,
        **extra,
    }


def _post(client: Client, body: dict[str, object]):  # type: ignore[no-untyped-def]
    return client.post(URL, body, content_type="application/json")


def _clash_in_week(staff, room, week: int) -> Booking:  # type: ignore[no-untyped-def]
    start = FIRST + dt.timedelta(weeks=week)
    return services.booking_create(
        user=staff,
        space=room,
        starts_at=start + dt.timedelta(minutes=30),
        ends_at=start + dt.timedelta(hours=2),
        purpose="Already here",
    )


def test_201_books_every_time_in_one_series(staff, room):
    response = _post(_client(staff), _series(room))
    assert response.status_code == 201, response.content
    body = response.json()
    starts = [dt.datetime.fromisoformat(b["starts_at"]) for b in body["bookings"]]
    assert starts == [FIRST + dt.timedelta(weeks=n) for n in range(4)]
    assert body["skipped"] == []
    assert {b["status"] for b in body["bookings"]} == {"confirmed"}
    series = BookingSeries.objects.get(pk=body["series"])
    assert series.bookings.count() == 4
    assert series.frequency == "weekly"


def test_409_lists_every_clash_and_books_nothing(staff, room):
    _clash_in_week(staff, room, 1)
    _clash_in_week(staff, room, 3)
    response = _post(_client(staff), _series(room, on_clash="refuse"))
    assert response.status_code == 409
    body = response.json()
    assert body["detail"] == "That time clashes with another booking: nothing was booked"
    assert [dt.datetime.fromisoformat(t["starts_at"]) for t in body["times"]] == [
        FIRST + dt.timedelta(weeks=1),
        FIRST + dt.timedelta(weeks=3),
    ]
    assert all(t["clash"] and "Clashes with a booking" in t["reason"] for t in body["times"])
    assert not Booking.objects.filter(purpose="Weekly stand-up").exists()
    assert not BookingSeries.objects.exists()


def test_refuse_is_the_default(staff, room):
    _clash_in_week(staff, room, 2)
    body = _series(room)
    assert _post(_client(staff), body).status_code == 409


def test_skip_books_the_free_times_and_lists_those_skipped(staff, room):
    _clash_in_week(staff, room, 1)
    response = _post(_client(staff), _series(room, on_clash="skip"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["bookings"]) == 3
    assert [dt.datetime.fromisoformat(t["starts_at"]) for t in body["skipped"]] == [
        FIRST + dt.timedelta(weeks=1)
    ]
    assert Booking.objects.filter(purpose="Weekly stand-up").count() == 3


def test_skip_with_every_time_taken_is_409(staff, room):
    for week in range(2):
        _clash_in_week(staff, room, week)
    response = _post(_client(staff), _series(room, count=2, on_clash="skip"))
    assert response.status_code == 409
    assert len(response.json()["times"]) == 2


def test_until_a_date_and_monthly(staff, room):
    until = (FIRST + dt.timedelta(weeks=2)).date()
    weekly = _post(_client(staff), _series(room, count=None, until=until.isoformat()))
    assert weekly.status_code == 201, weekly.content
    assert len(weekly.json()["bookings"]) == 3
    monthly = _post(
        _client(staff),
        _series(
            room,
            starts_at=(FIRST + dt.timedelta(hours=3)).isoformat(),
            ends_at=(FIRST + dt.timedelta(hours=4)).isoformat(),
            repeat="monthly",
            count=2,
            on_clash="skip",
        ),
    )
    assert monthly.status_code == 201, monthly.content
    body = monthly.json()
    # a month on may fall on a closed weekend: skipped with why, never a 500
    assert len(body["bookings"]) + len(body["skipped"]) == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"repeat": "daily"}, "repeat"),
        ({"on_clash": "overwrite"}, "on_clash"),
        ({"count": None, "until": None}, "count"),
        ({"count": 1000}, "count"),
        ({"ends_at": FIRST.isoformat()}, "ends_at"),
        ({"starts_at": "9999-01-01T10:00"}, "starts_at"),
        ({"starts_at": "not a time"}, "starts_at"),
        ({"purpose": ""}, "purpose"),
        ({"purpose": "x" * 201}, "purpose"),
        ({"purpose": "Stand-up\x07"}, "purpose"),
        ({"space": 999999}, "space"),
        ({"people": 10000}, "people"),
    ],
)
def test_bad_input_is_422_naming_the_field(staff, room, change, field):
    response = _post(_client(staff), _series(room, **change))
    assert response.status_code == 422, response.content
    body = response.json()
    # the form's errors by field, or (an invisible control character) the schema's guard,
    # which names the field too (docs/decisions/0015)
    named = body.get("errors") or {str(e["loc"][-1]): e for e in body.get("detail", [])}
    assert field in named
    assert not Booking.objects.exists()


def test_a_time_that_breaks_the_rules_is_422_with_why(staff, room):
    response = _post(
        _client(staff),
        _series(
            room,
            starts_at=(FIRST.replace(hour=19)).isoformat(),
            ends_at=(FIRST.replace(hour=20)).isoformat(),
        ),
    )
    assert response.status_code == 422
    assert "starts_at" in response.json()["errors"]
    assert not Booking.objects.exists()


def test_a_past_first_time_is_refused(staff, room):
    past = FIRST - dt.timedelta(days=400)
    response = _post(
        _client(staff),
        _series(
            room,
            starts_at=past.isoformat(),
            ends_at=(past + dt.timedelta(hours=1)).isoformat(),
            count=2,
        ),
    )
    assert response.status_code == 422
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.STAFF, 201), (Role.PARTNER, 201), (Role.HUB_TEAM, 201), (Role.RESIDENT, 403)],
)
def test_who_may_book_a_series(role, status, room):
    response = _post(_client(UserFactory(role=role)), _series(room, count=2))
    assert response.status_code == status, response.content


def test_signed_out_is_refused(room):
    assert _post(_client(None), _series(room)).status_code in (401, 403)
    assert not Booking.objects.exists()


def test_a_clash_taken_between_check_and_save_is_409_with_nothing_booked(staff, room, monkeypatch):
    """The race: the check finds every time free, then another booking lands first."""
    real = services._series_problems

    def check_then_lose_the_race(user, space, times, **kwargs):  # type: ignore[no-untyped-def]
        found = real(user, space, times, **kwargs)
        _clash_in_week(staff, room, 2)
        return found

    monkeypatch.setattr(services, "_series_problems", check_then_lose_the_race)
    response = _post(_client(staff), _series(room))
    assert response.status_code == 409
    assert len(response.json()["times"]) == 1
    assert not Booking.objects.filter(purpose="Weekly stand-up").exists()
