"""Events with registration (no account, waitlist) and repeating bookings (clashes, clock
change, all or nothing); utilisation exports."""

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from openpyxl import load_workbook

from improvement_hub.spaces import rules, services
from improvement_hub.spaces.models import LONDON, Booking, BookingSeries, Event, Registration
from tests.spaces.factories import local, make_space, next_weekday

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(hub, room):  # type: ignore[no-untyped-def]
    return services.event_create(
        user=hub,
        title="Open session: bring us a problem",
        kind=Event.Kind.OPEN_SESSION,
        summary="Tell us about a problem no one service can fix.",
        starts_at=next_weekday(14),
        ends_at=next_weekday(16),
        capacity=2,
        space=room,
    )


def _confirm_link(message: str) -> str:
    return re.search(r"https?://\S+/events/places/[0-9a-f-]+/confirm/", message).group(0)


def test_resident_registers_without_an_account_and_is_counted_once_confirmed(
    event, commit_callbacks
):
    client = Client()
    with commit_callbacks():
        response = client.post(
            event.get_absolute_url(), {"name": "Pat Resident", "email": "pat@example.org"}
        )
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    event.refresh_from_db()
    assert event.confirmed_count == 0
    link = _confirm_link(mail.outbox[-1].body)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert (
        client.get("/" + path).status_code == 200
    )  # a page with a button: scanners confirm nothing
    event.refresh_from_db()
    assert event.confirmed_count == 0
    with commit_callbacks():
        client.post("/" + path)
        client.post("/" + path)  # twice: counted once
    event.refresh_from_db()
    assert event.confirmed_count == 1
    confirmation = mail.outbox[-1]
    assert confirmation.subject == f"Your place at {event.title}"
    ics = Calendar.from_ical(confirmation.attachments[0][1]).walk("VEVENT")[0]
    assert str(ics["summary"]) == event.title


def test_full_event_puts_people_on_the_waitlist_and_a_cancellation_moves_them_up(
    event, commit_callbacks
):
    people = [
        services.registration_submit(event=event, name=f"P{n}", email=f"p{n}@example.org")
        for n in range(3)
    ]
    with commit_callbacks():
        for registration in people:
            services.registration_confirm(registration=registration)
    statuses = [Registration.objects.get(pk=r.pk).status for r in people]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    with commit_callbacks():
        services.registration_cancel(registration=people[0])
    assert Registration.objects.get(pk=people[2].pk).status == "confirmed"
    assert mail.outbox[-1].to == ["p2@example.org"]
    event.refresh_from_db()
    assert event.confirmed_count == 2


def test_registering_twice_with_one_email_keeps_one_place(event):
    first = services.registration_submit(event=event, name="Pat", email="Pat@Example.org")
    again = services.registration_submit(event=event, name="Pat", email="pat@example.org")
    assert first.pk == again.pk


def test_api_registration_is_202_and_refuses_bad_input(event):
    client = Client()
    ok = client.post(
        f"/api/v1/events/{event.pk}/registrations",
        {"name": "Sam", "email": "sam@example.org"},
        content_type="application/json",
    )
    assert ok.status_code == 202
    bad = client.post(
        f"/api/v1/events/{event.pk}/registrations",
        {"name": "", "email": "not-an-email"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"name", "email"}
    assert (
        client.post(
            "/api/v1/events/999999/registrations",
            {"name": "a", "email": "a@example.org"},
            content_type="application/json",
        ).status_code
        == 404
    )
    listed = client.get("/api/v1/events").json()
    assert [e["title"] for e in listed] == [event.title]


def test_staff_with_their_account_are_confirmed_straight_away(event, staff):
    registration = services.registration_submit(
        event=event, name="Staff", email=staff.email, user=staff
    )
    assert registration.status == "confirmed"


def test_events_feeds_parse(event):
    client = Client()
    feed = client.get(reverse("spaces:event_calendar"))
    assert [str(e["summary"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")] == [
        event.title
    ]
    rss = client.get(reverse("spaces:event_feed")).content.decode()
    assert "Open session: bring us a problem" in rss


def test_event_capacity_beyond_the_room_is_refused(hub, room):
    with pytest.raises(ValidationError):
        services.event_create(
            user=hub,
            title="Too big",
            kind=Event.Kind.SHOW_AND_TELL,
            summary="x",
            starts_at=next_weekday(14),
            ends_at=next_weekday(15),
            capacity=10_000,
            space=room,
        )


def test_attendance_and_feedback(event, hub):
    registration = services.registration_confirm(
        registration=services.registration_submit(event=event, name="Pat", email="pat@example.org")
    )
    assert services.attendance_mark(user=hub, event=event, attended_ids=[registration.pk]) == 1
    with pytest.raises(ValidationError):  # before the event
        services.feedback_submit(registration=registration, rating=5, feedback="Great")
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - dt.timedelta(hours=2))
    registration.refresh_from_db()
    services.feedback_submit(registration=registration, rating=5, feedback="Great")
    assert Registration.objects.get(pk=registration.pk).feedback_rating == 5


# --- repeating bookings --------------------------------------------------------------------------


def test_weekly_series_keeps_local_times_across_the_clock_change():
    times = services.series_times(
        starts_at=local(2017, 3, 19, 10),
        ends_at=local(2017, 3, 19, 12),
        frequency=BookingSeries.Frequency.WEEKLY,
        count=3,
        until=None,
    )
    assert [(s.astimezone(LONDON).hour, e.astimezone(LONDON).hour) for s, e in times] == [
        (10, 12)
    ] * 3
    assert [s.utcoffset() for s, _ in times] == [
        dt.timedelta(0),
        dt.timedelta(hours=1),
        dt.timedelta(hours=1),
    ]
    assert [s.astimezone(dt.UTC).hour for s, _ in times] == [10, 9, 9]


def test_booking_across_the_clock_change_keeps_its_local_times_in_ics(staff):
    """26 March 2017: the clocks go forward at 01:00. A booking made for 10:00 on the Monday after
    stays 10:00 for the booker's calendar, which reads the UTC instant."""
    space = make_space(available_from=dt.date(2017, 1, 1))
    start = local(2017, 3, 27, 10)
    booking = Booking.objects.create(
        space=space,
        booked_by=staff,
        starts_at=start,
        ends_at=local(2017, 3, 27, 11),
        blocked_until=local(2017, 3, 27, 11),
        purpose="Workshop",
    )
    booking.refresh_from_db()
    assert booking.starts_at.astimezone(LONDON).hour == 10
    assert booking.starts_at.astimezone(dt.UTC).hour == 9
    from improvement_hub.spaces import ics

    vevent = Calendar.from_ical(
        ics.bookings_calendar("x", [booking], show_purpose=lambda b: True)
    ).walk("VEVENT")[0]
    assert vevent.decoded("dtstart").astimezone(LONDON).hour == 10
    assert rules.local(booking.starts_at).strftime("%H:%M") == "10:00"


def test_monthly_series_skips_months_without_the_day():
    times = services.series_times(
        starts_at=local(2017, 1, 31, 10),
        ends_at=local(2017, 1, 31, 11),
        frequency="monthly",
        count=3,
        until=None,
    )
    assert [s.date() for s, _ in times] == [
        dt.date(2017, 1, 31),
        dt.date(2017, 3, 31),
        dt.date(2017, 5, 31),
    ]


def test_series_lists_clashes_and_saves_all_or_nothing(staff, room):
    services.booking_create(
        user=staff,
        space=room,
        starts_at=next_weekday(10, days=14),
        ends_at=next_weekday(11, days=14),
        purpose="Already here",
    )
    times = services.series_times(
        starts_at=next_weekday(10),
        ends_at=next_weekday(11),
        frequency="weekly",
        count=4,
        until=None,
    )
    checked = services.series_check(user=staff, space=room, times=times)
    problems = [problem for _, _, problem in checked]
    assert [bool(p) for p in problems] == [False, True, False, False]
    with pytest.raises(ValidationError) as refused:
        services.series_create(
            user=staff, space=room, times=times, frequency="weekly", purpose="Weekly stand-up"
        )
    assert "Nothing was booked" in refused.value.messages[0]
    assert Booking.objects.filter(purpose="Weekly stand-up").count() == 0
    chosen = [t for t, (_, _, p) in zip(times, checked, strict=True) if not p]
    services.series_create(
        user=staff, space=room, times=chosen, frequency="weekly", purpose="Weekly stand-up"
    )
    assert Booking.objects.filter(purpose="Weekly stand-up").count() == 3


def test_series_page_offers_skip_or_another_time_then_books(staff, room):
    services.booking_create(
        user=staff,
        space=room,
        starts_at=next_weekday(10, days=14),
        ends_at=next_weekday(11, days=14),
        purpose="Already here",
    )
    client = Client()
    client.force_login(staff)
    form = {
        "space": room.pk,
        "starts_at": next_weekday(10).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": next_weekday(11).strftime("%Y-%m-%dT%H:%M"),
        "frequency": "weekly",
        "count": 3,
        "purpose": "Design sprint",
    }
    check = client.post(reverse("spaces:series_new"), {**form, "action": "check"})
    assert check.status_code == 200
    plan = check.context["plan"]
    assert [bool(item.problem) for item in plan] == [False, True, False]
    assert plan[1].alternatives
    booked = client.post(reverse("spaces:series_new"), {**form, "action": "book", "time-1": "0"})
    assert booked.status_code == 302
    made = list(Booking.objects.filter(purpose="Design sprint").order_by("starts_at"))
    assert len(made) == 3
    assert made[1].starts_at == plan[1].alternatives[0][0]


def test_utilisation_exports_are_formula_safe(hub, staff):
    space = make_space(name='=HYPERLINK("http://x")')
    services.booking_create(
        user=staff, space=space, starts_at=next_weekday(10), ends_at=next_weekday(12), purpose="x"
    )
    client = Client()
    client.force_login(hub)
    day = next_weekday(10).date()
    query = f"?from={day - dt.timedelta(days=7)}&to={day + dt.timedelta(days=7)}"
    csv = client.get(reverse("spaces:utilisation") + query + "&format=csv")
    text = b"".join(csv.streaming_content).decode()
    assert "'=HYPERLINK" in text
    xlsx = client.get(reverse("spaces:utilisation") + query + "&format=xlsx&by=month")
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert rows[0][:6] == (
        "Space",
        "Provider",
        "Month starting",
        "Hours open",
        "Hours booked",
        "Per cent used",
    )
    assert any(row[4] == 2 for row in rows[1:])


def test_registrations_are_erased_after_the_retention_period(event, settings):
    settings.LAB_RETENTION_MONTHS = 12
    kept = services.registration_confirm(
        registration=services.registration_submit(event=event, name="Pat", email="pat@example.org")
    )
    unconfirmed = services.registration_submit(event=event, name="Sam", email="sam@example.org")
    assert services.registration_retention_erase() == 0
    Registration.objects.filter(pk=unconfirmed.pk).update(
        created_at=timezone.now() - dt.timedelta(days=31)
    )
    assert services.registration_retention_erase() == 1
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=400),
        ends_at=timezone.now() - dt.timedelta(days=399),
    )
    assert services.registration_retention_erase() == 1
    kept.refresh_from_db()
    assert (kept.name, kept.email, kept.status) == ("", "", "confirmed")
    assert Registration.objects.get(pk=unconfirmed.pk).email == ""
