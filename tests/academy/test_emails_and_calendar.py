"""Booking emails carry an .ics that updates or cancels the same event; the personal
calendar feed is secret and revocable."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from improvement_hub.academy import services
from improvement_hub.academy.emails import enrolment_email_send
from improvement_hub.accounts.roles import Role
from tests.academy.factories import SessionFactory
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _event(message):  # type: ignore[no-untyped-def]
    ((name, content, mimetype),) = message.attachments
    assert name == "invite.ics"
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event, mimetype


def _send_queued(django_capture_on_commit_callbacks, action):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        return action()


def test_confirmation_promotion_and_cancellation_update_the_same_event(
    mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    session = SessionFactory(capacity=1)
    first, second = UserFactory(role=Role.STAFF), UserFactory(role=Role.STAFF)
    booked = _send_queued(
        django_capture_on_commit_callbacks,
        lambda: services.booking_create(actor=first, session=session),
    )
    _send_queued(
        django_capture_on_commit_callbacks,
        lambda: services.booking_create(actor=second, session=session),
    )
    _send_queued(
        django_capture_on_commit_callbacks,
        lambda: services.booking_cancel(actor=first, enrolment=booked),
    )
    by_person: dict[str, list] = {}
    for message in mailoutbox:
        by_person.setdefault(message.to[0], []).append(message)

    confirm, cancel = by_person[first.email]
    assert confirm.subject.startswith("Your place is booked")
    calendar, event, mimetype = _event(confirm)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert "method=REQUEST" in mimetype
    assert int(event["SEQUENCE"]) == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTSTART") == session.starts_at.replace(microsecond=0)
    calendar, cancelled, mimetype = _event(cancel)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert "method=CANCEL" in mimetype
    assert str(cancelled["UID"]) == str(event["UID"])
    assert int(cancelled["SEQUENCE"]) == 1
    assert str(cancelled["STATUS"]) == "CANCELLED"

    waitlisted, promoted = by_person[second.email]
    assert waitlisted.subject.startswith("You are on the waiting list")
    _, tentative, _ = _event(waitlisted)
    assert str(tentative["STATUS"]) == "TENTATIVE"
    assert int(tentative["SEQUENCE"]) == 0
    assert promoted.subject.startswith("A place is now yours")
    _, confirmed, _ = _event(promoted)
    assert str(confirmed["UID"]) == str(tentative["UID"]) != str(event["UID"])
    assert int(confirmed["SEQUENCE"]) == 1
    assert str(confirmed["STATUS"]) == "CONFIRMED"


def test_no_email_is_sent_when_the_person_is_deactivated(mailoutbox, session, staff):
    enrolment = services.booking_create(actor=staff, session=session)
    staff.is_active = False
    staff.save()
    assert enrolment_email_send(enrolment_id=enrolment.pk, kind="confirmed", sequence=0) is False
    assert mailoutbox == []


def test_calendar_feed_lists_my_sessions_and_stops_when_revoked(session, staff):
    services.booking_create(actor=staff, session=session)
    other = SessionFactory(starts_at=timezone.now() + timedelta(days=20))
    services.booking_create(actor=staff, session=other)
    feed = services.calendar_feed_renew(actor=staff)
    url = reverse("academy:calendar_feed_ics", kwargs={"token": feed.token})
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 2
    renewed = services.calendar_feed_renew(actor=staff)
    assert renewed.token != feed.token
    assert Client().get(url).status_code == 404
    services.calendar_feed_revoke(actor=staff)
    new_url = reverse("academy:calendar_feed_ics", kwargs={"token": renewed.token})
    assert Client().get(new_url).status_code == 404


def test_calendar_feed_is_not_found_for_a_made_up_token(db):
    assert Client().get("/change-academy/calendar/not-a-token.ics").status_code == 404


def test_hub_team_cancel_a_session_and_everyone_gets_a_calendar_cancel(
    mailoutbox, django_capture_on_commit_callbacks, settings, hub
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    session = SessionFactory(capacity=1)
    people = [UserFactory(role=Role.STAFF) for _ in range(2)]
    for person in people:
        services.booking_create(actor=person, session=session)
    mailoutbox.clear()
    with pytest.raises(PermissionDenied):
        services.session_cancel(actor=people[0], session=session)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.session_cancel(actor=hub, session=session) == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)
    for message in mailoutbox:
        calendar, event, _ = _event(message)
        assert str(calendar["METHOD"]) == "CANCEL"
        assert int(event["SEQUENCE"]) == 1
    assert services.session_cancel(actor=hub, session=session) == 0


def test_changing_a_session_updates_everyones_event_and_fills_new_seats(
    mailoutbox, django_capture_on_commit_callbacks, settings, hub
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    session = SessionFactory(capacity=1)
    first, second, third = (UserFactory(role=Role.STAFF) for _ in range(3))
    for person in (first, second, third):
        services.booking_create(actor=person, session=session)
    mailoutbox.clear()
    later = session.starts_at + timedelta(days=1)
    data = services.SessionData(
        starts_at=later, ends_at=later + timedelta(hours=2), capacity=2, address="Room 9"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.session_change(actor=hub, session=session, data=data)
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects[second.email].startswith("A place is now yours")
    assert subjects[first.email].startswith("Your session has changed")
    assert subjects[third.email].startswith("Your session has changed")
    _, event, _ = _event(next(m for m in mailoutbox if m.to[0] == first.email))
    assert event.decoded("DTSTART") == later.replace(microsecond=0)
    assert int(event["SEQUENCE"]) == 1
    smaller = services.SessionData(
        starts_at=later, ends_at=later + timedelta(hours=2), capacity=1, address="Room 9"
    )
    with pytest.raises(ValidationError, match="less than the 2 people already booked"):
        services.session_change(actor=hub, session=session, data=smaller)
