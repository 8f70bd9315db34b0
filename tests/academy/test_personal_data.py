"""The Academy's part of "download your data" and "close your account"."""

import pytest

from improvement_hub.academy import services
from improvement_hub.academy.models import CalendarFeed, Enrolment
from improvement_hub.accounts.roles import Role
from improvement_hub.core.personal_data import personal_data_close, personal_data_export
from tests.academy.factories import SessionFactory
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_export_lists_my_bookings_but_not_the_calendar_token(staff):
    session = SessionFactory()
    services.booking_create(actor=staff, session=session)
    feed = services.calendar_feed_renew(actor=staff)
    data = personal_data_export(user=staff)["academy"]
    assert [b["course"] for b in data["bookings"]] == [session.course.title]
    assert feed.token not in str(data)


def test_closing_an_account_gives_up_future_places_to_the_waiting_list(staff):
    session = SessionFactory(capacity=1)
    services.booking_create(actor=staff, session=session)
    waiting = services.booking_create(actor=UserFactory(role=Role.STAFF), session=session)
    services.calendar_feed_renew(actor=staff)
    personal_data_close(user=staff)
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.BOOKED
    assert not CalendarFeed.objects.filter(person=staff).exists()
