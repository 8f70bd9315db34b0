"""Reminders 2 working days before; the Hub Team edit courses in the admin."""

from datetime import datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from improvement_hub import workdays
from improvement_hub.academy import services
from improvement_hub.academy.models import Course
from improvement_hub.accounts.roles import Role
from tests.academy.factories import SessionFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_reminder_goes_once_two_working_days_before_with_the_same_event(
    staff, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    today = timezone.localdate()
    day = workdays.add_working_days(today, 2)
    start = timezone.make_aware(datetime.combine(day, time(10)))
    session = SessionFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    later = SessionFactory(starts_at=start + timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        booked = services.booking_create(actor=staff, session=session)
        services.booking_create(actor=staff, session=later)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today) == 1
        assert services.reminders_send(today=today) == 0
    (message,) = mailoutbox
    assert message.subject.startswith("Reminder:")
    (event,) = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert str(event["UID"]) == booked.ical_uid


def test_booking_is_refused_once_the_session_has_started(staff):
    session = SessionFactory()
    started = timezone.now() - timedelta(minutes=5)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=started,
        booking_deadline=started,
        cancellation_deadline=started,
        ends_at=started + timedelta(hours=1),
    )
    session.refresh_from_db()
    with pytest.raises(services.ValidationError, match="already started"):
        services.booking_create(actor=staff, session=session)


@pytest.mark.parametrize(("role", "status"), [(Role.HUB_TEAM, 200), (Role.STAFF, 403), (None, 302)])
def test_courses_are_edited_in_the_admin_by_the_hub_team(db, role, status):
    response = client_for(role).get("/admin/snippets/academy/course/")
    assert response.status_code == status


def test_hub_team_add_a_draft_course_in_the_admin(db):
    client: Client = client_for(Role.HUB_TEAM)
    response = client.post(
        "/admin/snippets/academy/course/add/",
        {
            "title": "Lean for leaders",
            "slug": "lean-for-leaders",
            "summary": "Why flow matters.",
            "level": "sponsor",
            "format": "workshop",
            "for_staff": "on",
        },
    )
    assert response.status_code == 302
    course = Course.objects.get(slug="lean-for-leaders")
    assert course.is_published is False
    assert Client().get(course.get_absolute_url()).status_code == 404
