"""Issue 14: the header's unread count is read from the cache on every signed-in page, and
every change to it shows on the next page: a new notification, one read, all read, the
account closed."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from improvement_hub.accounts.closure import account_close
from improvement_hub.notifications import services
from improvement_hub.notifications.models import Notification
from improvement_hub.notifications.selectors import notification_unread_count

pytestmark = pytest.mark.django_db
PAGE = "/account/"


def _header_count(client) -> int:  # type: ignore[no-untyped-def]
    html = client.get(PAGE).content.decode()
    found = re.search(r'hub-header__count">\((\d+)', html)
    return int(found.group(1)) if found else 0


def _tell(person, subject: str = "An idea you follow changed") -> None:  # type: ignore[no-untyped-def]
    services.notify(recipients=[person], subject=subject, body="Its status changed.", url="/ideas/")


def test_the_count_is_not_read_again_while_nothing_changed(person, person_client):  # type: ignore[no-untyped-def]
    _tell(person)
    assert _header_count(person_client) == 1
    with CaptureQueriesContext(connection) as captured:
        assert _header_count(person_client) == 1
    assert not [q for q in captured if "notifications_notification" in q["sql"]]


def test_a_new_notification_shows_on_the_next_page(person, person_client):  # type: ignore[no-untyped-def]
    assert _header_count(person_client) == 0
    _tell(person)
    assert _header_count(person_client) == 1
    _tell(person, "Another change")
    assert _header_count(person_client) == 2


def test_reading_one_or_all_shows_on_the_next_page(person, person_client):  # type: ignore[no-untyped-def]
    for n in range(3):
        _tell(person, f"Change {n}")
    assert _header_count(person_client) == 3
    first = Notification.objects.filter(recipient=person).first()
    services.notification_mark_read(user=person, notification=first)
    assert _header_count(person_client) == 2
    services.notification_mark_all_read(user=person)
    assert _header_count(person_client) == 0


def test_a_closed_account_has_no_count_left_in_the_cache(person):  # type: ignore[no-untyped-def]
    _tell(person)
    assert notification_unread_count(user=person) == 1
    account_close(user=person)
    person.refresh_from_db()
    person.is_active = True  # only to ask the count again: the rows are gone
    assert notification_unread_count(user=person) == 0


def test_a_notification_switched_off_in_the_hub_is_not_counted(person, person_client):  # type: ignore[no-untyped-def]
    assert _header_count(person_client) == 0
    Notification.objects.create(
        recipient=person,
        subject="Email only",
        body="x",
        url="/",
        kind="followed_change",
        in_hub=False,
    )
    _tell(person)
    assert _header_count(person_client) == 1
