"""Exact capacity under concurrency: 50 people racing for 10 seats."""

import threading

import pytest
from django.db import connection, connections

from improvement_hub.academy import services
from improvement_hub.academy.models import Enrolment
from improvement_hub.accounts.roles import Role
from tests.academy.factories import SessionFactory
from tests.accounts.factories import UserFactory

RACERS, SEATS = 50, 10


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_bookings_for_ten_seats_give_ten_booked_forty_waitlisted_in_order():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the threaded race runs on PostgreSQL")
    session = SessionFactory(capacity=SEATS)
    people = [UserFactory(role=Role.STAFF) for _ in range(RACERS)]
    start = threading.Barrier(RACERS)
    results: dict[int, Enrolment] = {}
    errors: list[BaseException] = []

    def book(person) -> None:  # type: ignore[no-untyped-def]
        try:
            start.wait()
            results[person.pk] = services.booking_create(actor=person, session=session)
        except BaseException as error:  # noqa: BLE001  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    rows = list(Enrolment.objects.filter(session=session).order_by("queue_number"))
    assert [r.status for r in rows].count(Enrolment.Status.BOOKED) == SEATS
    assert [r.status for r in rows].count(Enrolment.Status.WAITLISTED) == RACERS - SEATS
    # arrival order: the first ten in the queue have the seats, the rest wait in turn
    assert all(r.status == Enrolment.Status.BOOKED for r in rows[:SEATS])
    waiting = [r for r in rows if r.status == Enrolment.Status.WAITLISTED]
    assert [services.waitlist_position(r) for r in waiting] == list(range(1, RACERS - SEATS + 1))
    assert sorted(r.queue_number for r in rows) == list(range(1, RACERS + 1))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_double_click_books_once_when_the_same_person_races_themselves():
    if connection.vendor != "postgresql":
        pytest.skip("the threaded race runs on PostgreSQL")
    session = SessionFactory(capacity=SEATS)
    person = UserFactory(role=Role.STAFF)
    start = threading.Barrier(5)
    outcomes: list[str] = []

    def book() -> None:
        try:
            start.wait()
            services.booking_create(actor=person, session=session)
            outcomes.append("booked")
        except services.AlreadyBooked:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked"] + ["conflict"] * 4
    assert Enrolment.objects.filter(session=session, person=person).count() == 1
