"""Emails of the spaces app, sent by the task worker. A task row holds ids only: the
address, the booking and the calendar file are read when it runs."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from improvement_hub.spaces import ics
from improvement_hub.spaces.models import Booking, Event, Registration

SUBJECTS = {
    "created": "Your booking of {space}",
    "changed": "Your booking of {space} has changed",
    "cancelled": "Your booking of {space} is cancelled",
    "confirmed": "Your booking of {space} is approved",
    "declined": "Your booking of {space} is declined",
    "reminder": "Reminder: your booking of {space}",
}


def site_url(path: str) -> str:
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path


def booking_email_send(*, booking_id: int, what: str) -> bool:
    """Tells the booker what happened to their booking, with the booking as an .ics."""
    booking = Booking.objects.select_related("space", "booked_by").filter(pk=booking_id).first()
    if booking is None or not booking.booked_by.email or what not in SUBJECTS:
        return False
    body = render_to_string(
        "spaces/emails/booking.txt",
        {"booking": booking, "what": what, "url": site_url(reverse("spaces:my_bookings"))},
    )
    message = EmailMessage(
        subject=SUBJECTS[what].format(space=booking.space.name),
        body=body,
        to=[booking.booked_by.email],
    )
    message.attach(
        f"booking-{booking.pk}.ics",
        ics.bookings_calendar(booking.space.name, [booking], show_purpose=lambda b: True),
        "text/calendar",
    )
    return bool(message.send())


@task()
def send_booking_email(booking_id: int, what: str) -> bool:
    return booking_email_send(booking_id=booking_id, what=what)


def registration_email_send(*, registration_id: int, what: str) -> bool:
    """Asks a registrant to confirm their email, or tells them their place is confirmed,
    waiting, or a reminder; confirmed places carry the event as an .ics."""
    registration = (
        Registration.objects.select_related("event", "event__space")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or not registration.email or registration.personal_data_erased_at:
        return False
    event: Event = registration.event
    links = {
        "confirm_url": site_url(
            reverse("spaces:registration_confirm", kwargs={"token": registration.token})
        ),
        "manage_url": site_url(
            reverse("spaces:registration_manage", kwargs={"token": registration.token})
        ),
        "event_url": site_url(event.get_absolute_url()),
    }
    subjects = {
        "confirm": f"Confirm your place at {event.title}",
        "confirmed": f"Your place at {event.title}",
        "waitlisted": f"You are on the waiting list for {event.title}",
        "reminder": f"Reminder: {event.title}",
        "changed": f"{event.title} has changed",
        "cancelled": f"{event.title} is cancelled",
        "next": f"What happened after {event.title}",
    }
    if what not in subjects:
        return False
    body = render_to_string(
        "spaces/emails/registration.txt",
        {"registration": registration, "event": event, "what": what, **links},
    )
    message = EmailMessage(subject=subjects[what], body=body, to=[registration.email])
    if what in ("confirmed", "reminder", "changed", "cancelled"):
        # a change or a cancellation updates the copy in the person's calendar (same UID,
        # the event's higher SEQUENCE); METHOD:CANCEL removes it
        method = {"changed": "REQUEST", "cancelled": "CANCEL"}.get(what, "")
        message.attach(
            f"event-{event.pk}.ics",
            ics.events_calendar(event.title, [event], method=method),
            f"text/calendar; method={method}" if method else "text/calendar",
        )
    return bool(message.send())


@task()
def send_registration_email(registration_id: int, what: str) -> bool:
    return registration_email_send(registration_id=registration_id, what=what)
