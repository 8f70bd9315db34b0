"""The Hub Team changes and cancels an event (issue 12): its booking moves with it under the
same rules, registrants get an updated calendar entry (same UID, SEQUENCE one higher; a
cancellation is METHOD:CANCEL), capacity never drops below the places taken, and only the
Hub Team may do it."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from improvement_hub.accounts.roles import Role
from improvement_hub.spaces import ics, services
from improvement_hub.spaces.models import Booking, BookingStatus, Event, Registration
from tests.accounts.factories import UserFactory
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db

START, END = next_weekday(14), next_weekday(16)


def _fields(event: Event, **changes: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "title": event.title,
        "kind": event.kind,
        "summary": event.summary,
        "what_to_expect": event.what_to_expect,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "capacity": event.capacity,
        "space": event.space,
        "online_url": event.online_url,
    }
    return fields | changes


@pytest.fixture
def event(hub, room):  # type: ignore[no-untyped-def]
    return services.event_create(
        user=hub,
        title="Open session",
        kind=Event.Kind.OPEN_SESSION,
        summary="Bring us a problem.",
        starts_at=START,
        ends_at=END,
        capacity=2,
        space=room,
    )


@pytest.fixture
def people(event, commit_callbacks):  # type: ignore[no-untyped-def]
    """Two with a place, one waiting, one who never confirmed their email."""
    made = [
        services.registration_submit(event=event, name=f"P{n}", email=f"p{n}@example.org")
        for n in range(4)
    ]
    with commit_callbacks():
        for registration in made[:3]:
            services.registration_confirm(registration=registration)
    mail.outbox.clear()
    return made


def _ics(message) -> Calendar:  # type: ignore[no-untyped-def]
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    return Calendar.from_ical(attachment[1])


def test_a_new_time_moves_the_booking_and_sends_registrants_an_updated_ics(
    hub, event, people, commit_callbacks
):
    confirmed_ics = Calendar.from_ical(ics.events_calendar(event.title, [event])).walk("VEVENT")[0]
    assert int(confirmed_ics["sequence"]) == 0
    later = (START + dt.timedelta(hours=1), END + dt.timedelta(hours=1))
    with commit_callbacks():
        changed, told = services.event_update(
            user=hub, event=event, **_fields(event, starts_at=later[0], ends_at=later[1])
        )
    assert told == 3  # two places and one waiting; not the unconfirmed address
    assert sorted(m.to[0] for m in mail.outbox) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    message = mail.outbox[0]
    assert message.subject == "Open session has changed"
    calendar = _ics(message)
    assert str(calendar["method"]) == "REQUEST"
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["uid"]) == str(confirmed_ics["uid"])
    assert int(vevent["sequence"]) == 1
    assert vevent.decoded("dtstart") == later[0]
    booking = Booking.objects.get(pk=event.booking_id)
    assert (booking.starts_at, booking.ends_at, booking.status) == (*later, "confirmed")
    assert changed.sequence == 1


def test_a_new_description_alone_tells_nobody(hub, event, people, commit_callbacks):
    with commit_callbacks():
        changed, told = services.event_update(
            user=hub, event=event, **_fields(event, what_to_expect="Tea and biscuits.")
        )
    assert told == 0
    assert mail.outbox == []
    assert (changed.sequence, changed.what_to_expect) == (0, "Tea and biscuits.")


def test_capacity_cannot_drop_below_the_places_taken(hub, event, people):
    with pytest.raises(ValidationError) as refused:
        services.event_update(user=hub, event=event, **_fields(event, capacity=1))
    assert refused.value.message_dict["capacity"] == [
        "2 people have a place, so the event needs at least 2 places. "
        "To have fewer, cancel places on the register first"
    ]
    event.refresh_from_db()
    assert event.capacity == 2


def test_more_capacity_gives_the_waiting_list_places_in_order(hub, event, people, commit_callbacks):
    with commit_callbacks():
        services.event_update(user=hub, event=event, **_fields(event, capacity=5))
    assert Registration.objects.get(pk=people[2].pk).status == "confirmed"
    event.refresh_from_db()
    assert event.confirmed_count == 3
    assert [m.to for m in mail.outbox] == [["p2@example.org"]]


def test_a_new_space_books_it_and_releases_the_old_one(hub, event, room):
    other = make_space(name="Council room")
    old = event.booking_id
    changed, _ = services.event_update(user=hub, event=event, **_fields(event, space=other))
    assert Booking.objects.get(pk=old).status == BookingStatus.CANCELLED
    assert changed.booking.space == other
    assert changed.booking.is_holding
    assert changed.sequence == 1


def test_a_clash_at_the_new_time_changes_nothing(hub, staff, event, room):
    taken = services.booking_create(
        user=staff,
        space=room,
        starts_at=END + dt.timedelta(hours=1),
        ends_at=END + dt.timedelta(hours=2),
        purpose="Team meeting",
    )
    with pytest.raises(ValidationError) as refused:
        services.event_update(
            user=hub,
            event=event,
            **_fields(event, ends_at=END + dt.timedelta(hours=1, minutes=30)),
        )
    assert "clashes with another booking" in refused.value.message_dict["starts_at"][0]
    event.refresh_from_db()
    assert event.ends_at == END
    assert Booking.objects.get(pk=event.booking_id).ends_at == END
    assert Booking.objects.get(pk=taken.pk).is_holding


def test_going_online_releases_the_space(hub, event):
    changed, _ = services.event_update(
        user=hub, event=event, **_fields(event, space=None, online_url="https://meet.example.org/x")
    )
    assert changed.space is None
    assert changed.booking is None
    assert not Booking.objects.filter(status__in=["confirmed", "pending"]).exists()


def test_cancelling_releases_the_space_and_sends_a_method_cancel(
    hub, event, people, commit_callbacks
):
    client = Client()
    with commit_callbacks():
        cancelled, told = services.event_cancel(
            user=hub, event=event, reason="The room flooded. We will set a new date."
        )
    assert told == 3
    calendar = _ics(mail.outbox[0])
    assert str(calendar["method"]) == "CANCEL"
    vevent = calendar.walk("VEVENT")[0]
    assert (str(vevent["status"]), int(vevent["sequence"])) == ("CANCELLED", 1)
    assert "The room flooded" in mail.outbox[0].body
    assert Booking.objects.get(pk=event.booking_id).status == BookingStatus.CANCELLED
    page = client.get(event.get_absolute_url()).content.decode()
    assert "This event is cancelled" in page
    assert "The room flooded" in page
    with pytest.raises(ValidationError):
        services.registration_submit(event=cancelled, name="Late", email="late@example.org")
    mail.outbox.clear()
    with commit_callbacks():
        _, again = services.event_cancel(user=hub, event=event)
    assert again == 0
    assert mail.outbox == []
    with pytest.raises(ValidationError):
        services.event_update(user=hub, event=event, **_fields(event, title="Back on"))


@pytest.mark.parametrize("role", [Role.STAFF, Role.PARTNER, Role.RESIDENT, None])
def test_only_the_hub_team_changes_or_cancels_events(role, event):
    user = UserFactory(role=role) if role else None
    client = Client()
    if user is not None:
        client.force_login(user)
    for name in ("spaces:event_edit", "spaces:event_cancel"):
        url = reverse(name, kwargs={"slug": event.slug})
        assert client.get(url).status_code in (302, 404)
        assert client.post(url, {"reason": "x"}).status_code in (302, 404)
    if user is not None:
        with pytest.raises(PermissionDenied):
            services.event_update(user=user, event=event, **_fields(event, title="Mine"))
        with pytest.raises(PermissionDenied):
            services.event_cancel(user=user, event=event)
    event.refresh_from_db()
    assert (event.title, event.is_cancelled) == ("Open session", False)


def _post(event: Event, **changes: str) -> dict[str, str]:
    data = {
        "title": event.title,
        "kind": event.kind,
        "summary": event.summary,
        "what_to_expect": "",
        "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
        "capacity": str(event.capacity),
        "space": str(event.space_id or ""),
        "online_url": event.online_url,
        "challenge": "",
    }
    return data | changes


def test_the_change_page_is_filled_in_and_saves(hub, event, people, commit_callbacks):
    client = Client()
    client.force_login(hub)
    url = reverse("spaces:event_edit", kwargs={"slug": event.slug})
    page = client.get(url).content.decode()
    assert 'value="Open session"' in page
    assert timezone.localtime(START).strftime("%Y-%m-%dT%H:%M") in page
    with commit_callbacks():
        response = client.post(url, _post(event, title="Open session: bring a friend"))
    assert response.status_code == 302
    assert response.url == event.get_absolute_url()  # the address stays the same
    assert len(mail.outbox) == 3
    shown = client.get(event.get_absolute_url()).content.decode()
    assert "Open session: bring a friend has been changed: 3 people have been emailed" in shown


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"capacity": "1"}, "capacity", "2 people have a place"),
        ({"capacity": "0"}, "capacity", "Enter at least 1 place"),
        ({"capacity": "10000"}, "capacity", "Enter 1000 places or fewer"),
        ({"ends_at": "2000-01-01T10:00"}, "ends_at", "The end time must be after the start time"),
        (
            {"starts_at": "2020-01-01T10:00", "ends_at": "2020-01-01T11:00"},
            "starts_at",
            "The event must start in the future",
        ),
        ({"starts_at": "9999-01-01T10:00"}, "starts_at", "Enter a date between the years"),
        ({"title": "Bad\x00title"}, "title", ""),
        ({"title": "x" * 201}, "title", "200"),
    ],
)
def test_bad_changes_are_refused_clearly_and_nothing_is_lost(
    hub, event, people, changes, field, message
):
    client = Client()
    client.force_login(hub)
    url = reverse("spaces:event_edit", kwargs={"slug": event.slug})
    response = client.post(url, _post(event, **changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert f'href="#id_{field}"' in page
    event.refresh_from_db()
    assert (event.title, event.capacity, event.starts_at) == ("Open session", 2, START)


def test_hostile_text_is_shown_as_text(hub, event):
    client = Client()
    client.force_login(hub)
    url = reverse("spaces:event_edit", kwargs={"slug": event.slug})
    hostile = "<script>alert(1)</script> & friends"
    response = client.post(url, _post(event, title=hostile, summary=hostile))
    assert response.status_code == 302
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends" in page


def test_a_past_event_cannot_be_changed_or_cancelled(hub, event):
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=2),
        ends_at=timezone.now() - dt.timedelta(days=2) + dt.timedelta(hours=1),
    )
    event.refresh_from_db()
    with pytest.raises(ValidationError):
        services.event_update(user=hub, event=event, **_fields(event, title="Renamed"))
    with pytest.raises(ValidationError):
        services.event_cancel(user=hub, event=event)
    client = Client()
    client.force_login(hub)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Change the event" not in page


def test_the_cancel_page_confirms_then_cancels(hub, event, people, commit_callbacks):
    client = Client()
    client.force_login(hub)
    url = reverse("spaces:event_cancel", kwargs={"slug": event.slug})
    page = client.get(url).content.decode()
    assert "You cannot undo this" in page
    event.refresh_from_db()
    assert not event.is_cancelled  # a GET changes nothing
    with commit_callbacks():
        response = client.post(url, {"reason": ""})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled
    assert len(mail.outbox) == 3
    assert client.post(url, {"reason": "x" * 501}).status_code == 400
