"""Reducing an event's places while people confirm theirs (PostgreSQL, threads): the event
row is locked for the change, so either the reduction comes first (the confirmations go to
the waiting list) or the confirmations do (the reduction is refused with the count). Never
more confirmed places than the capacity, and the count always matches the register."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from improvement_hub.accounts.roles import Role
from improvement_hub.spaces import services
from improvement_hub.spaces.models import Event, Registration
from tests.accounts.factories import UserFactory
from tests.spaces.factories import make_space, next_weekday

ROUNDS = 5


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fewer_places_racing_confirmations_never_overfills() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the threaded race runs on PostgreSQL")
    hub = UserFactory(role=Role.HUB_TEAM)
    space = make_space()
    for round_ in range(ROUNDS):
        start = next_weekday(9 + round_)
        event = services.event_create(
            user=hub,
            title=f"Workshop {round_}",
            kind=Event.Kind.CO_DESIGN,
            summary="Design it with us.",
            starts_at=start,
            ends_at=start.replace(minute=45),
            capacity=6,
            space=space,
        )
        people = [
            services.registration_submit(
                event=event, name=f"P{n}", email=f"p{round_}-{n}@example.org"
            )
            for n in range(6)
        ]
        for registration in people[:3]:
            services.registration_confirm(registration=registration)
        barrier = threading.Barrier(4, timeout=30)

        def reduce(event: Event = event, barrier: threading.Barrier = barrier) -> str:
            try:
                barrier.wait()
                services.event_update(
                    user=hub,
                    event=event,
                    title=event.title,
                    kind=event.kind,
                    summary=event.summary,
                    starts_at=event.starts_at,
                    ends_at=event.ends_at,
                    capacity=3,
                    space=event.space,
                )
                return "reduced"
            except ValidationError:
                return "refused"
            finally:
                connection.close()

        def confirm(registration: Registration, barrier: threading.Barrier = barrier) -> str:
            try:
                barrier.wait()
                return services.registration_confirm(registration=registration).status
            finally:
                connection.close()

        with ThreadPoolExecutor(max_workers=4) as pool:
            reduced = pool.submit(reduce)
            confirmed = [pool.submit(confirm, r) for r in people[3:]]
            outcome, statuses = reduced.result(), [f.result() for f in confirmed]
        event.refresh_from_db()
        places = Registration.objects.filter(event=event, status="confirmed").count()
        assert event.confirmed_count == places <= event.capacity
        if outcome == "reduced":
            assert event.capacity == 3
            assert places == 3
            assert statuses == ["waitlisted"] * 3
        else:
            assert event.capacity == 6
            assert places == 6
