"""No double booking under races: the database has the last word."""

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from improvement_hub.accounts.roles import Role
from improvement_hub.spaces import services
from improvement_hub.spaces.models import Booking, BookingStatus
from tests.accounts.factories import UserFactory
from tests.spaces.factories import make_space, next_weekday

REQUESTS = 100


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hundred_requests_for_one_slot_give_exactly_one_booking() -> None:
    if connection.vendor != "postgresql":
        # The test database is in memory, shared by threads that SQLite cannot run at once;
        # SQLite's own path (BEGIN IMMEDIATE) is covered by the service tests.
        pytest.skip("SQLite serialises writers; the threaded race runs on PostgreSQL")
    space = make_space()
    people = [UserFactory(role=Role.STAFF) for _ in range(4)]
    start = next_weekday(10)
    barrier = threading.Barrier(8, timeout=30)
    outcomes: list[str] = []

    def attempt(n: int) -> str:
        try:
            if n < 8:
                barrier.wait()  # the first wave starts together
            services.booking_create(
                user=people[n % 4],
                space=space,
                starts_at=start + dt.timedelta(minutes=n % 3 * 15),
                ends_at=start + dt.timedelta(hours=1),
                purpose=f"Request {n}",
                notify=False,
            )
            return "booked"
        except services.BookingClash:
            return "clash"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(attempt, range(REQUESTS)))
    assert outcomes.count("booked") == 1
    assert outcomes.count("clash") == REQUESTS - 1
    assert Booking.objects.filter(space=space, status=BookingStatus.CONFIRMED).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_refuses_an_overlap_that_skips_the_service() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no exclusion constraints; the service serialises writes there")
    space = make_space()
    user = UserFactory(role=Role.STAFF)
    start = next_weekday(10)
    fields = {"space": space, "booked_by": user, "purpose": "x"}
    Booking.objects.create(
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        blocked_until=start + dt.timedelta(hours=1),
        **fields,
    )
    # adjacent is fine; a cancelled booking does not hold its slot
    Booking.objects.create(
        starts_at=start + dt.timedelta(hours=1),
        ends_at=start + dt.timedelta(hours=2),
        blocked_until=start + dt.timedelta(hours=2),
        **fields,
    )
    Booking.objects.create(
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        blocked_until=start + dt.timedelta(hours=1),
        status=BookingStatus.CANCELLED,
        **fields,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            starts_at=start + dt.timedelta(minutes=30),
            ends_at=start + dt.timedelta(minutes=90),
            blocked_until=start + dt.timedelta(minutes=90),
            **fields,
        )


@pytest.mark.django_db
def test_database_refuses_end_before_start() -> None:
    space = make_space()
    user = UserFactory(role=Role.STAFF)
    start = next_weekday(10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            space=space,
            booked_by=user,
            purpose="x",
            starts_at=start,
            ends_at=start,
            blocked_until=start,
        )
    with pytest.raises(ValidationError):
        services.booking_create(
            user=user,
            space=space,
            starts_at=start,
            ends_at=start - dt.timedelta(hours=1),
            purpose="x",
        )
