"""Every write of the spaces app: bookings (no overlap, rules, approval), series, resource
requests, spaces, the move plan, events and registrations.

A clash is refused twice over: a query here names the clashing booking, and the database
has the last word under races (PostgreSQL's exclusion constraint; on SQLite the write
transaction is ``BEGIN IMMEDIATE``, so the check and the insert are serialised).
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify

from improvement_hub.accounts.models import User
from improvement_hub.council.models import Priority
from improvement_hub.spaces import emails, permissions, rules
from improvement_hub.spaces.links import event_links_save
from improvement_hub.spaces.models import (
    HOLDING,
    Booking,
    BookingSeries,
    BookingStatus,
    Event,
    MoveStep,
    Purpose,
    Registration,
    ResourceRequest,
    Space,
)

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser

CLASH = "That time clashes with another booking"


class BookingClash(ValidationError):
    """A booking overlaps another (with its buffer). The API answers 409 and names the
    clashing range; pages show the same message as any other refusal."""

    def __init__(self, *, clash: Booking | None) -> None:
        self.clash = clash
        message = CLASH
        if clash is not None:
            message = (
                f"{CLASH} ({clash.local_range}, with the room's time to turn round)"
                if (clash.blocked_until > clash.ends_at)
                else f"{CLASH} ({clash.local_range})"
            )
        super().__init__({"starts_at": [message]})


def clash_find(
    *, space: Space, starts_at: dt.datetime, blocked_until: dt.datetime, exclude: int | None = None
) -> Booking | None:
    """The first holding booking of ``space`` whose blocked range overlaps the one given."""
    found = Booking.objects.filter(
        space=space, status__in=HOLDING, starts_at__lt=blocked_until, blocked_until__gt=starts_at
    )
    if exclude is not None:
        found = found.exclude(pk=exclude)
    return found.order_by("starts_at").first()


def _refuse_rules(
    *,
    space: Space,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    now: dt.datetime,
    out_of_hours_ok: bool,
    user: "AnyUser | None" = None,
    people: int = 1,
) -> str:
    """Raises the rules' refusal with the nearest free times (and, after the partner's
    space closes, the council rooms free then); returns why approval is needed."""
    errors, approval = rules.booking_rule_errors(
        space=space, starts_at=starts_at, ends_at=ends_at, now=now, out_of_hours_ok=out_of_hours_ok
    )
    if errors:
        if "ends_at" not in errors or ends_at > starts_at:
            from improvement_hub.spaces.selectors import council_rooms_instead, free_times_near

            instead = council_rooms_instead(
                user=user, space=space, starts_at=starts_at, ends_at=ends_at, people=people, now=now
            )
            if instead:
                names = ", ".join(room.name for room in instead)
                errors["instead"] = [f"The council’s space is free at that time: {names}"]
            nearest = free_times_near(space=space, starts_at=starts_at, ends_at=ends_at, now=now)
            if nearest:
                errors["nearest"] = [f"Free times nearby: {rules.describe(nearest)}"]
        raise ValidationError(errors)
    return approval


def _insert(booking: Booking) -> Booking:
    """Saves a new or moved booking, refusing a clash; runs inside the caller's atomic block."""
    clash = clash_find(
        space=booking.space,
        starts_at=booking.starts_at,
        blocked_until=booking.blocked_until,
        exclude=booking.pk,
    )
    if clash is not None:
        raise BookingClash(clash=clash)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:
        if "booking_no_overlap" not in str(error):
            raise
        # Another request took the slot between the check and the insert.
        raise BookingClash(
            clash=clash_find(
                space=booking.space,
                starts_at=booking.starts_at,
                blocked_until=booking.blocked_until,
            )
        ) from error
    return booking


def booking_create(
    *,
    user: "AnyUser",
    space: Space,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    purpose: str,
    kind: str = Purpose.MEETING,
    priority: Priority | None = None,
    people: int = 1,
    purpose_is_public: bool = False,
    out_of_hours_request: bool = False,
    series: BookingSeries | None = None,
    notify: bool = True,
) -> Booking:
    """Books ``space``: refuses those who may not book it, times outside its availability,
    opening hours or rules (saying why, with the nearest free times), more people than it
    holds, and a clash (``BookingClash``). Community and out-of-hours bookings wait for the
    Hub Team's approval. The booker gets a confirmation with an .ics after commit."""
    if not permissions.can_book_space(user, space) or not isinstance(user, User):
        raise PermissionDenied("You cannot book this space")
    now = timezone.now()
    approval = _refuse_rules(
        space=space,
        starts_at=starts_at,
        ends_at=ends_at,
        now=now,
        out_of_hours_ok=out_of_hours_request,
        user=user,
        people=people,
    )
    if people > space.capacity:
        raise ValidationError({"people": [f"{space.name} holds up to {space.capacity} people"]})
    approval = permissions.needs_approval(user, space) or approval
    booking = Booking(
        space=space,
        booked_by=user,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_until=ends_at + space.buffer,
        purpose=purpose.strip(),
        kind=kind,
        priority=priority,
        people=people,
        purpose_is_public=purpose_is_public,
        status=BookingStatus.PENDING if approval else BookingStatus.CONFIRMED,
        approval_reason=approval,
        series=series,
    )
    booking.full_clean(exclude=["booked_by", "space", "priority", "series"])
    with transaction.atomic():
        _insert(booking)
        if notify:
            transaction.on_commit(partial(_after_create, booking.pk))
    return booking


def _after_create(booking_id: int) -> None:
    emails.send_booking_email.enqueue(booking_id=booking_id, what="created")
    from improvement_hub.spaces.notification_kinds import approval_waiting_tell

    approval_waiting_tell(booking_id)


def booking_cancel(*, user: "AnyUser", booking: Booking) -> Booking:
    """Cancels a booking (the booker or the Hub Team); the booker is told when someone
    else cancels. Cancelling twice changes nothing the second time."""
    if not permissions.can_change_booking(user, booking):
        raise Http404
    with transaction.atomic():
        changed = Booking.objects.filter(pk=booking.pk, status__in=HOLDING).update(
            status=BookingStatus.CANCELLED, cancelled_at=timezone.now(), updated_at=timezone.now()
        )
        booking.refresh_from_db()
        if changed:
            transaction.on_commit(partial(_after_change, booking.pk, "cancelled", user.pk))
    return booking


def booking_change(
    *, user: "AnyUser", booking: Booking, starts_at: dt.datetime, ends_at: dt.datetime
) -> Booking:
    """Moves a holding booking to new times under the same rules; refuses a clash with
    any other booking; those affected are told."""
    if not permissions.can_change_booking(user, booking):
        raise Http404
    if not booking.is_holding:
        raise ValidationError({"starts_at": ["Only a confirmed or waiting booking can be changed"]})
    space = booking.space
    _refuse_rules(
        space=space,
        starts_at=starts_at,
        ends_at=ends_at,
        now=timezone.now(),
        out_of_hours_ok=bool(booking.approval_reason) or permissions.can_manage_spaces(user),
        user=user,
        people=booking.people,
    )
    with transaction.atomic():
        locked = Booking.objects.select_for_update().get(pk=booking.pk)
        locked.starts_at, locked.ends_at = starts_at, ends_at
        locked.blocked_until = ends_at + space.buffer
        _insert(locked)
        transaction.on_commit(partial(_after_change, locked.pk, "changed", user.pk))
    return locked


def _after_change(booking_id: int, what: str, actor_id: int | None) -> None:
    emails.send_booking_email.enqueue(booking_id=booking_id, what=what)
    from improvement_hub.spaces.notification_kinds import booking_changed_tell

    booking_changed_tell(booking_id, what, actor_id)


def booking_decide(
    *, user: "AnyUser", booking: Booking, approve: bool, reason: str = ""
) -> Booking:
    """The Hub Team approves or declines a booking waiting for approval; a refusal needs a
    reason, which the booker is sent. Deciding twice changes nothing."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can approve bookings")
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": ["Enter why the booking is declined"]})
    status = BookingStatus.CONFIRMED if approve else BookingStatus.DECLINED
    with transaction.atomic():
        changed = Booking.objects.filter(pk=booking.pk, status=BookingStatus.PENDING).update(
            status=status, decision_reason=reason, decided_by=user, updated_at=timezone.now()
        )
        if not changed:
            raise ValidationError({"__all__": ["This booking has already been decided"]})
        booking.refresh_from_db()
        transaction.on_commit(partial(_after_change, booking.pk, status, user.pk))
    return booking


# --- resource requests -------------------------------------------------------------------------


def resource_request_add(
    *, user: "AnyUser", booking: Booking, kind: str, details: str
) -> ResourceRequest:
    """Asks for equipment, catering, a facilitator or access support for a booking (its
    booker or the Hub Team); the Hub Team is told."""
    if not permissions.can_change_booking(user, booking):
        raise Http404
    if not booking.is_holding:
        raise ValidationError(
            {"kind": ["You can only ask for resources for a confirmed or waiting booking"]}
        )
    request = ResourceRequest(booking=booking, kind=kind, details=details.strip())
    request.full_clean(exclude=["booking"])
    request.save()
    transaction.on_commit(partial(_resource_tell, request.pk))
    return request


def _resource_tell(request_id: int) -> None:
    from improvement_hub.spaces.notification_kinds import resource_request_tell

    resource_request_tell(request_id)


def resource_request_update(
    *, user: "AnyUser", request: ResourceRequest, status: str, note: str = ""
) -> ResourceRequest:
    """The Hub Team moves a resource request on (requested, in progress, done, declined)."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can update resource requests")
    if status not in ResourceRequest.Status.values:
        raise ValidationError({"status": ["Select a status"]})
    request.status, request.note = status, note.strip()
    request.full_clean(exclude=["booking"])
    request.save(update_fields=["status", "note", "updated_at"])
    return request


# --- spaces ------------------------------------------------------------------------------------


def space_create(
    *,
    user: "AnyUser",
    name: str,
    capacity: int,
    provider: str,
    available_from: dt.date,
    available_until: dt.date | None = None,
    **details: Any,
) -> Space:
    """A new bookable space (the Hub Team); its address is made from its name."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can add spaces")
    base = slugify(name)[:100] or "space"
    slug, n = base, 1
    while Space.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    space = Space(
        name=name.strip(),
        slug=slug,
        capacity=capacity,
        provider=provider,
        available_from=available_from,
        available_until=available_until,
        **details,
    )
    space.full_clean()
    space.save()
    return space


# --- recurring bookings -----------------------------------------------------------------------


def series_times(
    *,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    frequency: str,
    count: int | None,
    until: dt.date | None,
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The times of a series in local wall-clock time: a weekly 10:00 stays 10:00 across a
    clock change. Monthly repeats fall on the same day of the month (skipping months
    without it). At most 52."""
    from improvement_hub.spaces.forms import MAX_REPEATS

    first, last = rules.local(starts_at), rules.local(ends_at)
    length_days = (last.date() - first.date()).days
    times: list[tuple[dt.datetime, dt.datetime]] = []
    step = 0
    while len(times) < (count or MAX_REPEATS) and step < MAX_REPEATS * 2:
        if frequency == BookingSeries.Frequency.WEEKLY:
            day = first.date() + dt.timedelta(weeks=step)
        else:
            month = first.month - 1 + step
            try:
                day = first.date().replace(year=first.year + month // 12, month=month % 12 + 1)
            except ValueError:  # 31 April
                step += 1
                continue
        step += 1
        if until is not None and day > until:
            break
        times.append(
            (
                rules.at(day, first.timetz().replace(tzinfo=None)),
                rules.at(day + dt.timedelta(days=length_days), last.timetz().replace(tzinfo=None)),
            )
        )
    return times


def series_check(
    *,
    user: "AnyUser",
    space: Space,
    times: Sequence[tuple[dt.datetime, dt.datetime]],
    out_of_hours_ok: bool = True,
) -> list[tuple[dt.datetime, dt.datetime, str]]:
    """Each time of a series with what stops it ("" when it is free): a clash or a rule."""
    found = _series_problems(user, space, times, out_of_hours_ok=out_of_hours_ok)
    return [(t.starts_at, t.ends_at, t.problem) for t in found]


@dataclass(frozen=True)
class SeriesProblem:
    starts_at: dt.datetime
    ends_at: dt.datetime
    problem: str  # "" when the time is free
    clash: bool  # the problem is another booking (not a rule)


def _series_problems(
    user: "AnyUser",
    space: Space,
    times: Sequence[tuple[dt.datetime, dt.datetime]],
    *,
    out_of_hours_ok: bool = True,
) -> list[SeriesProblem]:
    if not permissions.can_book_space(user, space):
        raise PermissionDenied("You cannot book this space")
    now = timezone.now()
    found = []
    for start, end in times:
        errors, _ = rules.booking_rule_errors(
            space=space, starts_at=start, ends_at=end, now=now, out_of_hours_ok=out_of_hours_ok
        )
        problem = next((m for messages in errors.values() for m in messages), "")
        clash = None
        if not problem:
            clash = clash_find(space=space, starts_at=start, blocked_until=end + space.buffer)
            problem = f"Clashes with a booking {clash.local_range}" if clash else ""
        found.append(SeriesProblem(start, end, problem, clash is not None))
    return found


class SeriesClash(ValidationError):
    """Times of a series clash with other bookings: nothing was booked. ``times`` lists
    every time that cannot be booked, clashes and broken rules alike, each with why."""

    def __init__(self, *, times: list[SeriesProblem]) -> None:
        self.times = times
        first = times[0]
        when = rules.describe([(first.starts_at, first.ends_at)])
        more = f" (and {len(times) - 1} more)" if len(times) > 1 else ""
        super().__init__({"__all__": [f"{when}{more}: {first.problem}. Nothing was booked"]})


@dataclass
class SeriesBooked:
    bookings: list[Booking]
    skipped: list[SeriesProblem]


def series_book(
    *,
    user: "AnyUser",
    space: Space,
    times: Sequence[tuple[dt.datetime, dt.datetime]],
    frequency: str,
    purpose: str,
    on_clash: str = "refuse",
    out_of_hours_request: bool = False,
    **details: Any,
) -> SeriesBooked:
    """A repeating booking in one step (the API; the page lets the person choose time by
    time). ``on_clash="refuse"``: a clash books nothing and raises ``SeriesClash`` listing
    every time that cannot be booked. ``"skip"``: those times are left out and the rest
    booked, all or none. A time that breaks the space's rules (and no clash) is refused as
    any rule is, listing each; with ``skip`` it is left out too."""
    found = _series_problems(user, space, times, out_of_hours_ok=out_of_hours_request)
    problems = [t for t in found if t.problem]
    if problems and on_clash != "skip":
        if any(t.clash for t in problems):
            raise SeriesClash(times=problems)
        raise ValidationError(
            {
                "starts_at": [
                    f"{rules.describe([(t.starts_at, t.ends_at)])}: {t.problem}" for t in problems
                ]
            }
        )
    chosen = [(t.starts_at, t.ends_at) for t in found if not t.problem]
    if not chosen:
        if any(t.clash for t in problems):
            raise SeriesClash(times=problems)
        raise ValidationError(
            {"starts_at": ["None of the times can be booked: nothing was booked"]}
        )
    bookings = series_create(
        user=user,
        space=space,
        times=chosen,
        frequency=frequency,
        purpose=purpose,
        out_of_hours_request=out_of_hours_request,
        **details,
    )
    return SeriesBooked(bookings=bookings, skipped=problems)


def series_create(
    *,
    user: "AnyUser",
    space: Space,
    times: Sequence[tuple[dt.datetime, dt.datetime]],
    frequency: str,
    purpose: str,
    **details: Any,
) -> list[Booking]:
    """Books every time of a series, or none: one clash or broken rule refuses them all
    (the person skips those times or picks others first). One confirmation email."""
    if not isinstance(user, User) or not permissions.can_book_space(user, space):
        raise PermissionDenied("You cannot book this space")
    if not times:
        raise ValidationError({"__all__": ["Choose at least one time to book"]})
    with transaction.atomic():
        series = BookingSeries.objects.create(created_by=user, frequency=frequency)
        bookings = []
        for n, (start, end) in enumerate(times):
            try:
                bookings.append(
                    booking_create(
                        user=user,
                        space=space,
                        starts_at=start,
                        ends_at=end,
                        purpose=purpose,
                        series=series,
                        notify=n == 0,
                        **details,
                    )
                )
            except BookingClash as error:  # taken since it was checked: nothing is booked
                raise SeriesClash(
                    times=[SeriesProblem(start, end, error.messages[0], clash=True)]
                ) from error
            except ValidationError as error:
                when = rules.describe([(start, end)])
                messages = [
                    m
                    for ms in getattr(error, "message_dict", {"": error.messages}).values()
                    for m in ms
                ]
                raise ValidationError(
                    {"__all__": [f"{when}: {messages[0]}. Nothing was booked"]}
                ) from error
    return bookings


# --- events and registrations -------------------------------------------------------------------


def event_create(
    *,
    user: "AnyUser",
    title: str,
    kind: str,
    summary: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int,
    space: Space | None = None,
    online_url: str = "",
    what_to_expect: str = "",
    links: dict[str, Any] | None = None,
) -> Event:
    """A Lab event (the Hub Team): in a space, which it books, or online. ``links`` are
    what higher apps link it to (``spaces.links``), saved with it or not at all."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can add events")
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": ["The event must start in the future"]})
    with transaction.atomic():
        booking = None
        if space is not None:
            if capacity > space.capacity:
                raise ValidationError(
                    {"capacity": [f"{space.name} holds up to {space.capacity} people"]}
                )
            booking = booking_create(
                user=user,
                space=space,
                starts_at=starts_at,
                ends_at=ends_at,
                purpose=title,
                kind=Purpose.EVENT,
                people=capacity,
                purpose_is_public=True,
            )
        base = slugify(f"{title} {rules.local(starts_at):%Y-%m-%d}")[:180] or "event"
        slug, n = base, 1
        while Event.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        event = Event(
            title=title.strip(),
            slug=slug,
            kind=kind,
            summary=summary.strip(),
            what_to_expect=what_to_expect,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            space=space,
            booking=booking,
            online_url=online_url,
            created_by=user if isinstance(user, User) else None,
        )
        event.full_clean(exclude=["booking", "space", "created_by"])
        event.save()
        event_links_save(actor=user, event=event, values=links or {})
    return event


# What calendar programs must hear about: a change to these sends registrants an updated
# .ics (the same UID, SEQUENCE one higher).
EVENT_SIGNIFICANT = ("title", "starts_at", "ends_at", "space_id", "online_url")


def _event_registrants(event_id: int) -> list[int]:
    """Those holding a place or waiting for one (not those yet to confirm their email,
    whose address is unproven, nor the erased)."""
    return list(
        Registration.objects.filter(
            event_id=event_id,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
            personal_data_erased_at__isnull=True,
        )
        .exclude(email="")
        .values_list("pk", flat=True)
    )


def _event_booking_release(event: Event) -> None:
    if event.booking_id:
        Booking.objects.filter(pk=event.booking_id, status__in=HOLDING).update(
            status=BookingStatus.CANCELLED, cancelled_at=timezone.now(), updated_at=timezone.now()
        )


def event_update(
    *,
    user: "AnyUser",
    event: Event,
    title: str,
    kind: str,
    summary: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int,
    space: Space | None = None,
    online_url: str = "",
    what_to_expect: str = "",
    links: dict[str, Any] | None = None,
) -> tuple[Event, int]:
    """Changes an event (the Hub Team). A new time or space moves its booking under the
    same rules and clash check as any booking (a new space is booked, the old released);
    online, the booking is released. Capacity cannot go below the places already
    confirmed (the Hub Team cancels places first); more capacity gives places to the
    waiting list in order. When the title, time or place changes, everyone with a place or
    waiting is emailed an updated .ics. Returns the event and how many were told."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can change events")
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.is_cancelled:
            raise ValidationError({"__all__": ["This event is cancelled, so it cannot be changed"]})
        if locked.ends_at <= timezone.now():
            raise ValidationError(
                {"__all__": ["This event has already happened, so it cannot be changed"]}
            )
        moved = (starts_at, ends_at) != (locked.starts_at, locked.ends_at)
        if moved and starts_at <= timezone.now():
            raise ValidationError({"starts_at": ["The event must start in the future"]})
        if capacity < locked.confirmed_count:
            raise ValidationError(
                {
                    "capacity": [
                        f"{locked.confirmed_count} people have a place, so the event needs at "
                        f"least {locked.confirmed_count} places. To have fewer, cancel places "
                        "on the register first"
                    ]
                }
            )
        if space is not None and capacity > space.capacity:
            raise ValidationError(
                {"capacity": [f"{space.name} holds up to {space.capacity} people"]}
            )
        before = {name: getattr(locked, name) for name in EVENT_SIGNIFICANT}
        booking = locked.booking if locked.booking and locked.booking.is_holding else None
        if space is None:
            _event_booking_release(locked)
            locked.booking = None
        elif booking is not None and booking.space_id == space.pk:
            if moved:
                _refuse_rules(
                    space=space,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    now=timezone.now(),
                    out_of_hours_ok=True,
                    user=user,
                    people=capacity,
                )
            booking = Booking.objects.select_for_update().get(pk=booking.pk)
            booking.starts_at, booking.ends_at = starts_at, ends_at
            booking.blocked_until = ends_at + space.buffer
            booking.purpose, booking.people = title.strip(), capacity
            booking.full_clean(exclude=["booked_by", "space", "priority", "series"])
            _insert(booking)
        else:
            _event_booking_release(locked)
            locked.booking = booking_create(
                user=user,
                space=space,
                starts_at=starts_at,
                ends_at=ends_at,
                purpose=title,
                kind=Purpose.EVENT,
                people=capacity,
                purpose_is_public=True,
                notify=False,
            )
        locked.title, locked.kind, locked.summary = title.strip(), kind, summary.strip()
        locked.what_to_expect = what_to_expect
        locked.starts_at, locked.ends_at = starts_at, ends_at
        locked.capacity, locked.space, locked.online_url = capacity, space, online_url
        significant = any(getattr(locked, n) != v for n, v in before.items())
        if significant:
            locked.sequence += 1
        locked.full_clean(exclude=["booking", "space", "created_by"])
        locked.save()
        event_links_save(actor=user, event=locked, values=links or {})
        _waitlist_promote(locked)
        told = _event_registrants(locked.pk) if significant else []
        for pk in told:
            _registration_email(pk, "changed")
    return locked, len(told)


def _waitlist_promote(event: Event) -> None:
    """Gives the places left to the waiting list, first come first served (each is told)."""
    while True:
        waiting = (
            Registration.objects.select_for_update()
            .filter(event_id=event.pk, status=Registration.Status.WAITLISTED)
            .order_by("confirmed_at", "pk")
            .first()
        )
        if waiting is None:
            return
        took = Event.objects.filter(pk=event.pk, confirmed_count__lt=F("capacity")).update(
            confirmed_count=F("confirmed_count") + 1
        )
        if not took:
            return
        Registration.objects.filter(pk=waiting.pk).update(status=Registration.Status.CONFIRMED)
        _registration_email(waiting.pk, "confirmed")


def event_cancel(*, user: "AnyUser", event: Event, reason: str = "") -> tuple[Event, int]:
    """Cancels an event (the Hub Team): its space is released, registration closes and
    everyone with a place or waiting is emailed, with an .ics that removes it from their
    calendar (METHOD:CANCEL). Cancelling twice tells nobody twice. Returns the event and
    how many were told."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can cancel events")
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.is_cancelled:
            return locked, 0
        if locked.ends_at <= timezone.now():
            raise ValidationError(
                {"__all__": ["This event has already happened, so it cannot be cancelled"]}
            )
        locked.is_cancelled = True
        locked.cancellation_reason = reason.strip()
        locked.sequence += 1
        locked.full_clean(exclude=["booking", "space", "created_by"])
        locked.save(update_fields=["is_cancelled", "cancellation_reason", "sequence", "updated_at"])
        _event_booking_release(locked)
        told = _event_registrants(locked.pk)
        for pk in told:
            _registration_email(pk, "cancelled")
    return locked, len(told)


def _registration_email(registration_id: int, what: str) -> None:
    transaction.on_commit(
        partial(emails.send_registration_email.enqueue, registration_id=registration_id, what=what)
    )


def registration_submit(
    *, event: Event, name: str, email: str, user: "AnyUser | None" = None
) -> Registration:
    """Registers for an event. Without an account: an email asks to confirm, and the place
    counts once confirmed. With an account whose email is this one: counted straight away.
    Registering again with the same email changes nothing (and sends no second email)."""
    if event.is_cancelled or event.ends_at < timezone.now():
        raise ValidationError({"__all__": ["Registration for this event is closed"]})
    email = email.strip()
    with_account = (
        user is not None and user.is_authenticated and (user.email or "").lower() == email.lower()
    )
    existing = (
        event.registrations.filter(email__iexact=email)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )
    if existing is not None:
        return existing
    registration = Registration(
        event=event,
        name=name.strip(),
        email=email,
        user=user if with_account and isinstance(user, User) else None,
    )
    registration.full_clean(exclude=["event", "user"])
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same email at the same moment: one place
        found = (
            event.registrations.filter(email__iexact=email)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if found is None:
            raise
        return found
    if with_account:
        return registration_confirm(registration=registration)
    _registration_email(registration.pk, "confirm")
    return registration


def registration_confirm(*, registration: Registration) -> Registration:
    """Confirms an email address: a place if one is left (an exact count under races),
    else the waiting list. Confirming twice changes nothing."""
    with transaction.atomic():
        if (
            Registration.objects.filter(
                pk=registration.pk, status=Registration.Status.UNCONFIRMED
            ).update(confirmed_at=timezone.now(), status=Registration.Status.WAITLISTED)
            == 0
        ):
            registration.refresh_from_db()
            return registration
        took = Event.objects.filter(
            pk=registration.event_id, confirmed_count__lt=F("capacity")
        ).update(confirmed_count=F("confirmed_count") + 1)
        if took:
            Registration.objects.filter(pk=registration.pk).update(
                status=Registration.Status.CONFIRMED
            )
        registration.refresh_from_db()
        _registration_email(registration.pk, "confirmed" if took else "waitlisted")
    return registration


def registration_cancel(*, registration: Registration) -> Registration:
    """Gives up a place; the first on the waiting list gets it (and an email)."""
    with transaction.atomic():
        was = Registration.objects.select_for_update().get(pk=registration.pk)
        if was.status == Registration.Status.CANCELLED:
            return was
        Registration.objects.filter(pk=was.pk).update(status=Registration.Status.CANCELLED)
        if was.status == Registration.Status.CONFIRMED:
            Event.objects.filter(pk=was.event_id).update(confirmed_count=F("confirmed_count") - 1)
            waiting = (
                Registration.objects.select_for_update()
                .filter(event_id=was.event_id, status=Registration.Status.WAITLISTED)
                .order_by("confirmed_at", "pk")
                .first()
            )
            if waiting is not None:
                Event.objects.filter(pk=was.event_id).update(
                    confirmed_count=F("confirmed_count") + 1
                )
                Registration.objects.filter(pk=waiting.pk).update(
                    status=Registration.Status.CONFIRMED
                )
                _registration_email(waiting.pk, "confirmed")
        was.refresh_from_db()
    return was


def attendance_mark(*, user: "AnyUser", event: Event, attended_ids: Sequence[int]) -> int:
    """The Hub Team marks who came (the others did not). Returns how many came."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can mark attendance")
    places = event.registrations.filter(status=Registration.Status.CONFIRMED)
    came = places.filter(pk__in=list(attended_ids)).update(attended=True)
    places.exclude(pk__in=list(attended_ids)).update(attended=False)
    return came


def feedback_submit(*, registration: Registration, rating: int, feedback: str) -> Registration:
    """A short feedback form for someone who came, after the event."""
    if (
        registration.status != Registration.Status.CONFIRMED
        or registration.event.starts_at > timezone.now()
    ):
        raise ValidationError(
            {"__all__": ["You can give feedback after an event you had a place at"]}
        )
    registration.feedback_rating, registration.feedback = rating, feedback.strip()
    registration.full_clean(exclude=["event", "user"])
    registration.save(update_fields=["feedback_rating", "feedback", "updated_at"])
    return registration


def event_follow_up(*, user: "AnyUser", event: Event) -> int:
    """ "You came to X, here is what happened next": emails those who came (a challenge or
    initiative that links to the event calls this when it moves)."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can send follow-ups")
    came = list(
        event.registrations.filter(attended=True, personal_data_erased_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for pk in came:
        _registration_email(pk, "next")
    return len(came)


def move_step_done(*, user: "AnyUser", step: MoveStep, done_on: dt.date | None) -> MoveStep:
    """Marks a move step done (or not yet) — the Hub Team."""
    if not permissions.can_manage_spaces(user):
        raise PermissionDenied("Only the Hub Team can update the move plan")
    step.done_on = done_on
    step.save(update_fields=["done_on"])
    return step


def registration_retention_erase(*, now: dt.datetime | None = None) -> int:
    """The referrals' retention rule for event registrations: names, emails and feedback
    text go ``LAB_RETENTION_MONTHS`` after the event, and unconfirmed registrations after
    30 days; counts, attendance and ratings stay for the Lab's learning. Returns how many."""
    from django.conf import settings

    from improvement_hub.core.tasks import task_results_erase

    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=round(settings.LAB_RETENTION_MONTHS * 30.44))
    expired = Registration.objects.filter(
        personal_data_erased_at__isnull=True, event__ends_at__lt=cutoff
    )
    stale = Registration.objects.filter(
        personal_data_erased_at__isnull=True,
        status=Registration.Status.UNCONFIRMED,
        created_at__lt=now - dt.timedelta(days=30),
    )
    erased = 0
    for registration in (expired | stale).distinct():
        with transaction.atomic():
            task_results_erase(mentioning=[registration.email])
            erased += Registration.objects.filter(pk=registration.pk).update(
                name="",
                email="",
                feedback="",
                user=None,
                personal_data_erased_at=now,
                status=Registration.Status.CANCELLED
                if registration.status == Registration.Status.UNCONFIRMED
                else registration.status,
            )
    return erased


REMINDER_WORKING_DAYS = 2


def reminders_send(*, today: dt.date | None = None) -> int:
    """Queues a reminder (with its .ics) for each confirmed booking and each confirmed
    place at an event that starts within ``REMINDER_WORKING_DAYS`` working days after
    ``today``; each is reminded once, however often this runs. Run daily."""
    from improvement_hub import workdays

    today = today or timezone.localdate()
    last = workdays.add_working_days(today, REMINDER_WORKING_DAYS)
    window = {"starts_at__date__gt": today, "starts_at__date__lte": last}
    count = 0
    bookings = Booking.objects.filter(
        status=BookingStatus.CONFIRMED, reminded_at__isnull=True, **window
    ).values_list("pk", flat=True)
    for pk in list(bookings):
        with transaction.atomic():
            if Booking.objects.filter(pk=pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            ):
                transaction.on_commit(
                    partial(emails.send_booking_email.enqueue, booking_id=pk, what="reminder")
                )
                count += 1
    places = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        personal_data_erased_at__isnull=True,
        event__is_cancelled=False,
        **{f"event__{key}": value for key, value in window.items()},
    ).values_list("pk", flat=True)
    for pk in list(places):
        with transaction.atomic():
            if Registration.objects.filter(pk=pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            ):
                _registration_email(pk, "reminder")
                count += 1
    return count
