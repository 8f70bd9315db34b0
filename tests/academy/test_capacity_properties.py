"""Property test: whatever the order of bookings and cancellations, a session never has
more booked than its capacity, nobody waits while a seat is free, and the waiting list
keeps arrival order."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from improvement_hub.academy import services
from improvement_hub.academy.models import Enrolment
from improvement_hub.accounts.roles import Role
from tests.academy.factories import SessionFactory
from tests.accounts.factories import UserFactory

Status = Enrolment.Status

# ("book", person index) or ("cancel", person index)
steps = st.lists(
    st.tuples(st.sampled_from(["book", "cancel"]), st.integers(min_value=0, max_value=5)),
    min_size=1,
    max_size=25,
)


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(capacity=st.integers(min_value=1, max_value=3), script=steps)
def test_capacity_and_waiting_list_hold_for_any_order(capacity, script):
    session = SessionFactory(capacity=capacity)
    people = [UserFactory(role=Role.STAFF) for _ in range(6)]
    for action, index in script:
        person = people[index]
        live = session.enrolments.filter(person=person).exclude(status=Status.CANCELLED).first()
        if action == "book":
            try:
                services.booking_create(actor=person, session=session)
            except services.AlreadyBooked:
                assert live is not None
        elif live is not None:
            services.booking_cancel(actor=person, enrolment=live)
        rows = list(session.enrolments.exclude(status=Status.CANCELLED).order_by("queue_number"))
        booked = [r for r in rows if r.status == Status.BOOKED]
        waiting = [r for r in rows if r.status == Status.WAITLISTED]
        assert len(booked) <= capacity
        assert not waiting or len(booked) == capacity  # nobody waits while a seat is free
        assert [services.waitlist_position(r) for r in waiting] == list(range(1, len(waiting) + 1))
        assert len({r.person_id for r in rows}) == len(rows)  # one live booking each
