"""Booking emails, sent by the task worker with an .ics attachment. The task row holds
ids only: the address and the text are read when it runs. Nothing here imports services."""

from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

from improvement_hub.academy.calendar import enrolment_ics
from improvement_hub.academy.models import Enrolment


class EmailKind(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    PENDING = "pending"
    PROMOTED = "promoted"
    REMINDER = "reminder"
    CHANGED = "changed"
    CANCELLED = "cancelled"


SUBJECTS = {
    EmailKind.CONFIRMED: "Your place is booked: {course}",
    EmailKind.WAITLISTED: "You are on the waiting list: {course}",
    EmailKind.PENDING: "Your booking is waiting for your manager's approval: {course}",
    EmailKind.PROMOTED: "A place is now yours: {course}",
    EmailKind.REMINDER: "Reminder: {course} on {date}",
    EmailKind.CHANGED: "Your session has changed: {course} on {date}",
    EmailKind.CANCELLED: "Your booking is cancelled: {course}",
}


def enrolment_email_send(*, enrolment_id: int, kind: str, sequence: int) -> bool:
    """Sends one booking email with its calendar attachment (REQUEST, or CANCEL when the
    booking is cancelled), as the booking is now."""
    enrolment = (
        Enrolment.objects.select_related(
            "session__course", "session__venue_booking__space", "person"
        )
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None or not enrolment.person.email or not enrolment.person.is_active:
        return False
    email_kind = EmailKind(kind)
    session = enrolment.session
    subject = SUBJECTS[email_kind].format(
        course=session.course.title, date=f"{session.starts_at:%d %B %Y}"
    )
    base = str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    body = render_to_string(
        "academy/emails/enrolment.txt",
        {
            "kind": str(email_kind),
            "enrolment": enrolment,
            "session": session,
            "session_url": base + session.get_absolute_url(),
        },
    )
    message = EmailMultiAlternatives(subject=subject, body=body, to=[enrolment.person.email])
    cancel = email_kind == EmailKind.CANCELLED
    ics = enrolment_ics(enrolment, sequence=sequence, cancel=cancel)
    method = "CANCEL" if cancel else "REQUEST"
    message.attach("invite.ics", ics, f"text/calendar; charset=utf-8; method={method}")
    return bool(message.send())


@task()
def send_enrolment_email(enrolment_id: int, kind: str, sequence: int) -> bool:
    """Emails a booking's news: ids only in the task row."""
    return enrolment_email_send(enrolment_id=enrolment_id, kind=kind, sequence=sequence)
