"""Two sessions moved into the same free slot of a space at the same moment: exactly one
gets it; the other is refused with the reason and keeps its own space and times (nothing
lost). Threads on PostgreSQL, where the spaces' exclusion constraint has the last word."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from improvement_hub.academy import services
from improvement_hub.academy.models import Session
from improvement_hub.accounts.roles import Role
from tests.academy.factories import CourseFactory
from tests.accounts.factories import UserFactory
from tests.spaces.factories import make_space, next_weekday

RACERS = 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sessions_racing_into_one_slot_give_it_to_exactly_one_and_the_rest_keep_theirs():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the threaded race runs on PostgreSQL")
    hub = UserFactory(role=Role.HUB_TEAM)
    target = make_space(name="The big room")
    start = next_weekday(9, days=14)
    sessions = []
    for n in range(RACERS):
        own = make_space(name=f"Room {n}")
        data = services.SessionData(
            starts_at=start, ends_at=start + timedelta(hours=3), capacity=5, space=own
        )
        sessions.append(services.session_create(actor=hub, course=CourseFactory(), data=data))
    barrier = threading.Barrier(RACERS)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def move(session: Session) -> None:
        try:
            data = services.SessionData(
                starts_at=start, ends_at=start + timedelta(hours=3), capacity=5, space=target
            )
            barrier.wait()
            services.session_change(actor=hub, session=session, data=data)
            outcomes.append("moved")
        except ValidationError as refused:
            said = " ".join(refused.message_dict.get("space", []))
            outcomes.append("refused" if "clashes" in said else f"refused otherwise: {said}")
        except BaseException as error:  # noqa: BLE001  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=move, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(outcomes) == ["moved"] + ["refused"] * (RACERS - 1)
    rows = list(Session.objects.select_related("venue_booking__space").order_by("pk"))
    in_target = [s for s in rows if s.venue_booking.space == target]
    assert len(in_target) == 1
    for session in rows:  # everyone still holds a space for the session: nothing lost
        assert session.venue_booking.is_holding
        assert session.sequence == (1 if session in in_target else 0)
