"""Booking a space: the rules, clashes, adjacency, buffers, approval, cancelling."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from icalendar import Calendar

from improvement_hub.spaces import selectors, services
from improvement_hub.spaces.models import Booking, BookingStatus
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db


def book(user, space, start, hours=1, purpose="Pilot workshop", **kw):  # type: ignore[no-untyped-def]
    return services.booking_create(
        user=user,
        space=space,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=hours),
        purpose=purpose,
        **kw,
    )


def test_staff_booking_is_confirmed_and_emailed_with_an_ics(staff, room, commit_callbacks):
    start = next_weekday(10)
    with commit_callbacks():
        booking = book(staff, room, start)
    assert booking.status == BookingStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [[staff.email]]
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == start
    assert str(event["summary"]) == "Pilot workshop"


def test_overlap_is_refused_naming_the_clash_when_times_cross(staff, partner, room):
    first = book(staff, room, next_weekday(10), hours=2)
    with pytest.raises(services.BookingClash) as refused:
        book(partner, room, next_weekday(11))
    assert refused.value.clash == first
    assert "clashes with another booking" in refused.value.message_dict["starts_at"][0]
    assert Booking.objects.count() == 1


def test_adjacent_bookings_are_allowed_when_there_is_no_buffer(staff, room):
    book(staff, room, next_weekday(10))
    book(staff, room, next_weekday(11))
    assert Booking.objects.count() == 2


def test_buffer_keeps_time_to_turn_the_room_round_when_set(staff):
    space = make_space(buffer_minutes=30)
    book(staff, space, next_weekday(10))
    with pytest.raises(services.BookingClash):
        book(staff, space, next_weekday(11))
    with pytest.raises(services.BookingClash):  # before: its own buffer runs into the next
        services.booking_create(
            user=staff,
            space=space,
            starts_at=next_weekday(9),
            ends_at=next_weekday(10) - dt.timedelta(minutes=15),
            purpose="x",
        )
    book(staff, space, next_weekday(11) + dt.timedelta(minutes=30))


def test_cancelled_booking_frees_the_slot(staff, room):
    booking = book(staff, room, next_weekday(10))
    services.booking_cancel(user=staff, booking=booking)
    book(staff, room, next_weekday(10))


@pytest.mark.parametrize(
    ("start", "hours", "field", "words"),
    [
        (lambda: next_weekday(10), -1, "ends_at", "end time must be after the start time"),
        (lambda: next_weekday(10, days=-14), 1, "starts_at", "must be in the future"),
        (lambda: next_weekday(19), 1, "starts_at", "is open 08:00 to 18:00"),
        (lambda: next_weekday(8), 9, "ends_at", "can be up to 8 hours long"),
        (lambda: next_weekday(10, weekday=5), 1, "starts_at", "closed at weekends"),
        (lambda: next_weekday(10, days=3 * 366 + 7), 1, "starts_at", "within 3 years"),
    ],
)
def test_rules_refuse_with_why_when_broken(staff, room, start, hours, field, words):
    with pytest.raises(ValidationError) as refused:
        book(staff, room, start(), hours=hours)
    assert any(words in m for m in refused.value.message_dict[field])


def test_year_9999_is_refused(staff, room):
    start = dt.datetime(9999, 1, 5, 10, tzinfo=dt.UTC)
    with pytest.raises(ValidationError):
        book(staff, room, start)


def test_notice_and_availability_offer_the_nearest_free_times(staff):
    space = make_space(min_notice_hours=14 * 24)
    with pytest.raises(ValidationError) as refused:
        book(staff, space, next_weekday(10, days=2))
    errors = refused.value.message_dict
    assert errors["starts_at"] == [f"{space.name} needs at least 14 days’ notice"]
    assert errors["nearest"][0].startswith("Free times nearby: ")
    free = selectors.free_times_near(
        space=space, starts_at=next_weekday(10, days=2), ends_at=next_weekday(11, days=2)
    )
    assert len(free) == 3
    assert all(start >= next_weekday(10, days=14) - dt.timedelta(days=7) for start, _ in free)
    for start, end in free:  # each is really bookable
        services.booking_create(user=staff, space=space, starts_at=start, ends_at=end, purpose="x")


def test_until_date_is_enforced_when_the_space_closes(staff):
    space = make_space(
        name="Partner lab", available_until=timezone.localdate() + dt.timedelta(days=3)
    )
    with pytest.raises(ValidationError) as refused:
        book(staff, space, next_weekday(10, days=14))
    assert "can be booked until" in refused.value.message_dict["starts_at"][0]


def test_too_many_people_are_refused(staff, room):
    with pytest.raises(ValidationError) as refused:
        book(staff, room, next_weekday(10), people=10_000)
    assert refused.value.message_dict["people"] == ["Lab room holds up to 20 people"]


def test_hostile_purpose_is_stored_as_text_and_control_characters_refused(staff, room):
    booking = book(staff, room, next_weekday(10), purpose="<script>alert(1)</script> 🧪 مرحبا")
    assert booking.purpose.startswith("<script>")
    with pytest.raises(ValidationError):
        services.booking_create(
            user=staff,
            space=room,
            starts_at=next_weekday(12),
            ends_at=next_weekday(13),
            purpose="bell\x07",
        )


def test_community_request_waits_for_the_hub_team_who_may_decline_with_a_reason(
    resident, hub, commit_callbacks
):
    space = make_space(community_by_request=True)
    with commit_callbacks():
        booking = book(resident, space, next_weekday(10))
    assert booking.status == BookingStatus.PENDING
    assert booking.approval_reason
    assert hub.notifications.filter(kind="decision_waiting").exists()
    with pytest.raises(ValidationError):
        services.booking_decide(user=hub, booking=booking, approve=False, reason="  ")
    with commit_callbacks():
        services.booking_decide(
            user=hub, booking=booking, approve=False, reason="Room needed for a council meeting"
        )
    assert any("Room needed for a council meeting" in m.body for m in mail.outbox)
    with pytest.raises(ValidationError):
        services.booking_decide(user=hub, booking=booking, approve=True)


def test_out_of_hours_request_needs_approval_when_asked_for(staff, room):
    booking = book(staff, room, next_weekday(18), out_of_hours_request=True)
    assert booking.status == BookingStatus.PENDING
    assert "Out-of-hours" in booking.approval_reason


def test_residents_cannot_book_a_space_without_requests(resident, room):
    with pytest.raises(PermissionDenied):
        book(resident, room, next_weekday(10))


def test_only_booker_or_hub_team_cancel(staff, partner, hub, room, commit_callbacks):
    booking = book(staff, room, next_weekday(10))
    with pytest.raises(Http404):
        services.booking_cancel(user=partner, booking=booking)
    with commit_callbacks():
        services.booking_cancel(user=hub, booking=booking)
    assert booking.status == BookingStatus.CANCELLED
    assert staff.notifications.filter(subject__contains="is cancelled").exists()
    services.booking_cancel(user=hub, booking=booking)  # twice: nothing more happens
    assert staff.notifications.filter(subject__contains="is cancelled").count() == 1


def test_change_moves_the_booking_and_refuses_a_clash(staff, room):
    booking = book(staff, room, next_weekday(10))
    other = book(staff, room, next_weekday(14))
    with pytest.raises(services.BookingClash):
        services.booking_change(
            user=staff, booking=booking, starts_at=next_weekday(14), ends_at=next_weekday(15)
        )
    moved = services.booking_change(
        user=staff, booking=booking, starts_at=next_weekday(12), ends_at=next_weekday(13)
    )
    assert moved.starts_at == next_weekday(12)
    # moving into its own old slot's neighbour is fine, and it never clashes with itself
    services.booking_change(
        user=staff,
        booking=moved,
        starts_at=next_weekday(
            12,
        ),
        ends_at=next_weekday(14),
    )
    assert other.status == BookingStatus.CONFIRMED


def test_space_list_bookable_follows_who_may_book(staff, partner, resident, hub):
    make_space(name="Open room")
    make_space(name="Staff only", bookable_by_partner=False)
    make_space(name="Internal", is_public=False)
    make_space(name="Community room", community_by_request=True, bookable_by_staff=False)
    assert {s.name for s in selectors.space_list_bookable(staff)} == {
        "Open room",
        "Staff only",
        "Internal",
        "Community room",
    }
    assert {s.name for s in selectors.space_list_bookable(partner)} == {
        "Open room",
        "Internal",
        "Community room",
    }
    assert {s.name for s in selectors.space_list_bookable(resident)} == {"Community room"}
    assert len(selectors.space_list_bookable(hub)) == 4
