"""iCalendar (RFC 5545) for the Academy: one event per booking, with a stable UID and a
SEQUENCE that goes up with each change, so a calendar updates or cancels the same event."""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from icalendar import Calendar, Event, vCalAddress, vText

from improvement_hub.academy.models import Enrolment

PRODID = "-//Improvement Hub//Change Academy//EN"


def _calendar(method: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    return calendar


def _event(enrolment: Enrolment, *, sequence: int, cancelled: bool, tentative: bool) -> Event:
    session = enrolment.session
    event = Event()
    event.add("uid", enrolment.ical_uid)
    event.add("sequence", sequence)
    event.add("dtstamp", datetime.now(tz=UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", f"Change Academy: {session.course.title}")
    event.add("location", vText(session.location))
    url = str(settings.WAGTAILADMIN_BASE_URL).rstrip("/") + session.get_absolute_url()
    event.add("url", url)
    event.add("description", f"{session.course.summary}\n\n{url}")
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = vText("Change Academy")
    event.add("organizer", organizer)
    if enrolment.person.email:
        attendee = vCalAddress(f"mailto:{enrolment.person.email}")
        attendee.params["cn"] = vText(enrolment.person.get_full_name() or enrolment.person.email)
        event.add("attendee", attendee)
    if cancelled:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    return event


def enrolment_ics(enrolment: Enrolment, *, sequence: int, cancel: bool = False) -> bytes:
    """The .ics attached to a booking's email: METHOD REQUEST (a place or a waiting-list
    place, tentative) or METHOD CANCEL for the same UID."""
    calendar = _calendar("CANCEL" if cancel else "REQUEST")
    tentative = enrolment.status in (Enrolment.Status.WAITLISTED, Enrolment.Status.PENDING)
    calendar.add_component(
        _event(enrolment, sequence=sequence, cancelled=cancel, tentative=tentative)
    )
    return calendar.to_ical()


def feed_ics(enrolments: Iterable[Enrolment]) -> bytes:
    """A person's feed: every booking they have had, cancelled ones marked so."""
    calendar = _calendar(None)
    calendar.add("x-wr-calname", "My Change Academy sessions")
    for enrolment in enrolments:
        cancelled = enrolment.status == Enrolment.Status.CANCELLED or enrolment.session.is_cancelled
        tentative = enrolment.status != Enrolment.Status.BOOKED
        calendar.add_component(
            _event(enrolment, sequence=enrolment.sequence, cancelled=cancelled, tentative=tentative)
        )
    return calendar.to_ical()
