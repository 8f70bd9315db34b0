"""iCalendar files (RFC 5545) through the ``icalendar`` library: one booking or event for
an email, a space's or a person's feed, the events feed."""

import datetime as dt
from collections.abc import Callable, Iterable
from email.utils import parseaddr

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as VEvent

from improvement_hub.core.validators import strip_control_characters
from improvement_hub.spaces.models import Booking, BookingStatus, Event

CONTENT_TYPE = "text/calendar; charset=utf-8"
BOOKED = "Booked"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Improvement Hub//Lab space and events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", strip_control_characters(name))
    return calendar


def _site() -> str:
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def _uid(kind: str, pk: int) -> str:
    host = _site().split("://")[-1].split("/")[0] or "improvement-hub"
    return f"{kind}-{pk}@{host}"


def booking_vevent(booking: Booking, *, show_purpose: bool) -> VEvent:
    event = VEvent()
    event.add("uid", _uid("booking", booking.pk))
    event.add("dtstamp", booking.updated_at or dt.datetime.now(dt.UTC))
    # UTC instants: every calendar program places them right, either side of a clock change.
    event.add("dtstart", booking.starts_at.astimezone(dt.UTC))
    event.add("dtend", booking.ends_at.astimezone(dt.UTC))
    event.add("summary", strip_control_characters(booking.purpose) if show_purpose else BOOKED)
    space = booking.space
    event.add(
        "location",
        strip_control_characters(", ".join(p for p in (space.name, space.building) if p)),
    )
    cancelled = booking.status in (BookingStatus.CANCELLED, BookingStatus.DECLINED)
    event.add(
        "status",
        "CANCELLED"
        if cancelled
        else "CONFIRMED"
        if booking.status == BookingStatus.CONFIRMED
        else "TENTATIVE",
    )
    event.add(
        "sequence",
        int((booking.updated_at or booking.created_at).timestamp()) if booking.updated_at else 0,
    )
    return event


def bookings_calendar(
    name: str, bookings: Iterable[Booking], *, show_purpose: Callable[[Booking], bool]
) -> bytes:
    calendar = _calendar(name)
    for booking in bookings:
        calendar.add_component(booking_vevent(booking, show_purpose=show_purpose(booking)))
    return bytes(calendar.to_ical())


def event_vevent(event: Event) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", _uid("event", event.pk))
    vevent.add("dtstamp", event.updated_at or dt.datetime.now(dt.UTC))
    vevent.add("dtstart", event.starts_at.astimezone(dt.UTC))
    vevent.add("dtend", event.ends_at.astimezone(dt.UTC))
    vevent.add("summary", strip_control_characters(event.title))
    vevent.add("description", strip_control_characters(event.summary))
    if event.space_id and event.space:
        vevent.add(
            "location",
            strip_control_characters(
                ", ".join(
                    p for p in (event.space.name, event.space.building, event.space.address) if p
                )
            ),
        )
    else:
        vevent.add("location", "Online")
    vevent.add("url", _site() + event.get_absolute_url())
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    vevent.add("sequence", event.sequence)
    return vevent


def events_calendar(name: str, events: Iterable[Event], *, method: str = "") -> bytes:
    """Events as iCalendar. ``method`` ("REQUEST" for a change, "CANCEL" for a
    cancellation) makes it an iTIP message a calendar program applies to the copy it
    holds: the same UID, a higher SEQUENCE."""
    calendar = _calendar(name)
    if method:
        calendar.add("method", method)
    for event in events:
        vevent = event_vevent(event)
        if method:
            vevent.add("organizer", f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
        calendar.add_component(vevent)
    return bytes(calendar.to_ical())
