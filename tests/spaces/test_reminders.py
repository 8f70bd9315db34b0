"""Reminders (with an .ics) two working days before each booking and event place, once."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from icalendar import Calendar

from improvement_hub.spaces import services
from improvement_hub.spaces.models import Booking, BookingStatus, Event, Registration
from tests.spaces.factories import local

pytestmark = pytest.mark.django_db

# Wednesday 1 March 2017: two working days on is Friday 3 March.
TODAY = dt.date(2017, 3, 1)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _booking(room, user, when: dt.datetime, status: str = BookingStatus.CONFIRMED) -> Booking:
    return Booking.objects.create(
        space=room,
        booked_by=user,
        starts_at=when,
        ends_at=when + dt.timedelta(hours=1),
        blocked_until=when + dt.timedelta(hours=1),
        purpose="Pilot workshop",
        status=status,
    )


def _place(room, hub, when: dt.datetime, **fields: object) -> Registration:
    event = Event.objects.create(
        title="Open session: bring us a problem",
        slug=f"open-{when:%Y%m%d%H}",
        kind=Event.Kind.OPEN_SESSION,
        summary="Tell us about a problem.",
        starts_at=when,
        ends_at=when + dt.timedelta(hours=2),
        space=room,
        capacity=10,
        confirmed_count=1,
        is_cancelled=bool(fields.pop("cancelled", False)),
    )
    values = {"name": "Pat", "email": "pat@example.org", "status": "confirmed"} | fields
    return Registration.objects.create(event=event, **values)


def test_reminders_go_once_for_bookings_and_places_within_two_working_days(
    room, staff, hub, mailoutbox, commit_callbacks
):
    _booking(room, staff, local(2017, 3, 3, 10))
    _booking(room, staff, local(2017, 3, 6, 10))  # Monday: three working days on
    _booking(room, staff, local(2017, 3, 1, 15))  # today: too late to remind
    _booking(room, staff, local(2017, 3, 2, 12), status=BookingStatus.CANCELLED)
    _place(room, hub, local(2017, 3, 2, 14))
    _place(room, hub, local(2017, 3, 3, 14), status="waitlisted")
    _place(room, hub, local(2017, 3, 2, 16), cancelled=True, email="sam@example.org")
    with commit_callbacks():
        assert services.reminders_send(today=TODAY) == 2
        assert services.reminders_send(today=TODAY) == 0
    subjects = sorted(m.subject for m in mailoutbox)
    assert subjects == [
        "Reminder: Open session: bring us a problem",
        "Reminder: your booking of Lab room",
    ]
    for message in mailoutbox:
        (ics,) = message.attachments
        assert ics[2] == "text/calendar"
        (vevent,) = Calendar.from_ical(ics[1]).walk("VEVENT")
        assert vevent.decoded("DTSTART").date() in (dt.date(2017, 3, 2), dt.date(2017, 3, 3))


def test_reminders_skip_a_weekend_and_a_bank_holiday(room, staff, mailoutbox, commit_callbacks):
    # Thursday 13 April 2017: Good Friday and the weekend lie between it and Tuesday 18th.
    _booking(room, staff, local(2017, 4, 18, 10))
    with commit_callbacks():
        assert services.reminders_send(today=dt.date(2017, 4, 13)) == 1
    assert len(mailoutbox) == 1


def test_erased_registrants_get_no_reminder(room, hub, mailoutbox, commit_callbacks):
    _place(room, hub, local(2017, 3, 2, 14), personal_data_erased_at=local(2017, 2, 1, 9))
    with commit_callbacks():
        assert services.reminders_send(today=TODAY) == 0
    assert mailoutbox == []


def test_the_daily_command_queues_reminders(room, staff):
    out = StringIO()
    call_command("send_space_reminders", stdout=out)
    assert "0 reminders queued" in out.getvalue()
