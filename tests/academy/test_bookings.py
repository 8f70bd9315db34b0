"""Booking rules: seats, the waiting list in arrival order, a second booking, cancelling
and promotion, deadlines, manager approval."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from improvement_hub.academy import services
from improvement_hub.academy.models import Enrolment
from improvement_hub.accounts.roles import Role
from tests.academy.factories import CourseFactory, SessionFactory
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

Status = Enrolment.Status


def _staff(n: int) -> list:
    return [UserFactory(role=Role.STAFF) for _ in range(n)]


def test_seats_then_waiting_list_in_arrival_order_when_session_fills():
    session = SessionFactory(capacity=2)
    people = _staff(5)
    enrolments = [services.booking_create(actor=p, session=session) for p in people]
    assert [e.status for e in enrolments] == [Status.BOOKED] * 2 + [Status.WAITLISTED] * 3
    assert [services.waitlist_position(e) for e in enrolments] == [None, None, 1, 2, 3]


def test_second_booking_is_refused_when_person_already_has_a_place(session, staff):
    services.booking_create(actor=staff, session=session)
    with pytest.raises(services.AlreadyBooked):
        services.booking_create(actor=staff, session=session)
    assert session.enrolments.count() == 1


def test_cancel_promotes_first_waitlisted_when_a_booked_place_is_freed(mailoutbox):
    session = SessionFactory(capacity=1)
    first, second, third = _staff(3)
    booked = services.booking_create(actor=first, session=session)
    waiting = services.booking_create(actor=second, session=session)
    services.booking_create(actor=third, session=session)
    services.booking_cancel(actor=first, enrolment=booked)
    waiting.refresh_from_db()
    assert waiting.status == Status.BOOKED
    assert waiting.sequence == 1
    third_enrolment = session.enrolments.get(person=third)
    assert services.waitlist_position(third_enrolment) == 1


def test_nobody_is_promoted_after_booking_deadline_without_hub_team(hub):
    session = SessionFactory(capacity=1)
    first, second = _staff(2)
    booked = services.booking_create(actor=first, session=session)
    waiting = services.booking_create(actor=second, session=session)
    session.booking_deadline = timezone.now() - timedelta(minutes=1)
    session.save()
    services.booking_cancel(actor=first, enrolment=booked)
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED
    with pytest.raises(PermissionDenied):
        services.waitlist_promote(actor=first, session=session)
    services.waitlist_promote(actor=hub, session=session)
    waiting.refresh_from_db()
    assert waiting.status == Status.BOOKED


def test_booking_is_refused_when_booking_deadline_has_passed(staff):
    session = SessionFactory()
    session.booking_deadline = timezone.now() - timedelta(minutes=1)
    session.save()
    with pytest.raises(ValidationError, match="Booking for this session has closed"):
        services.booking_create(actor=staff, session=session)


def test_late_cancellation_is_recorded_when_after_cancellation_deadline(staff):
    session = SessionFactory()
    enrolment = services.booking_create(actor=staff, session=session)
    session.cancellation_deadline = timezone.now() - timedelta(minutes=1)
    session.save()
    services.booking_cancel(actor=staff, enrolment=enrolment)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.CANCELLED
    assert enrolment.attendance == Enrolment.Attendance.LATE_CANCELLATION


def test_person_can_book_again_when_they_cancelled(session, staff):
    enrolment = services.booking_create(actor=staff, session=session)
    services.booking_cancel(actor=staff, enrolment=enrolment)
    again = services.booking_create(actor=staff, session=session)
    assert again.status == Status.BOOKED
    assert again.queue_number > enrolment.queue_number


@pytest.mark.parametrize("role", [Role.RESIDENT, None])
def test_residents_and_visitors_never_book(session, role):
    from django.contrib.auth.models import AnonymousUser

    actor = UserFactory(role=role) if role else AnonymousUser()
    with pytest.raises(PermissionDenied):
        services.booking_create(actor=actor, session=session)


def test_partners_book_only_courses_open_to_partners():
    partner = UserFactory(role=Role.PARTNER)
    closed = SessionFactory(course=CourseFactory(for_partners=False))
    open_ = SessionFactory(course=CourseFactory(for_partners=True))
    with pytest.raises(PermissionDenied):
        services.booking_create(actor=partner, session=closed)
    assert services.booking_create(actor=partner, session=open_).status == Status.BOOKED


def test_draft_course_cannot_be_booked(staff):
    session = SessionFactory(course=CourseFactory(is_published=False))
    with pytest.raises(PermissionDenied):
        services.booking_create(actor=staff, session=session)


def test_line_manager_books_their_staff_and_nobody_elses():
    manager, report, stranger = _staff(3)
    report.line_manager = manager
    report.save()
    session = SessionFactory()
    enrolment = services.booking_create(actor=manager, session=session, person=report)
    assert enrolment.person == report
    assert enrolment.booked_by == manager
    with pytest.raises(PermissionDenied):
        services.booking_create(actor=stranger, session=session, person=manager)


def test_booking_waits_for_manager_approval_when_course_needs_it():
    manager, report = _staff(2)
    report.line_manager = manager
    report.save()
    session = SessionFactory(course=CourseFactory(needs_manager_approval=True), capacity=1)
    enrolment = services.booking_create(actor=report, session=session)
    assert enrolment.status == Status.PENDING
    other = UserFactory(role=Role.STAFF)
    with pytest.raises(PermissionDenied):
        services.booking_approve(actor=other, enrolment=enrolment)
    services.booking_approve(actor=manager, enrolment=enrolment)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.BOOKED


def test_pending_booking_takes_no_seat(staff):
    manager = UserFactory(role=Role.STAFF)
    staff.line_manager = manager
    staff.save()
    session = SessionFactory(course=CourseFactory(needs_manager_approval=True), capacity=1)
    services.booking_create(actor=staff, session=session)
    other = UserFactory(role=Role.STAFF)
    other.line_manager = manager
    other.save()
    by_manager = services.booking_create(actor=manager, session=session, person=other)
    assert by_manager.status == Status.BOOKED


def test_cancelled_session_cannot_be_booked(staff):
    session = SessionFactory(is_cancelled=True)
    with pytest.raises(ValidationError, match="cancelled"):
        services.booking_create(actor=staff, session=session)
