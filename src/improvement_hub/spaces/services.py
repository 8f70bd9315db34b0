"""Every write of the spaces app: bookings (no overlap, rules, approval), series, resource
requests, spaces, the move plan, events and registrations.

A clash is refused twice over: a query here names the clashing booking, and the database
has the last word under races (PostgreSQL's exclusion constraint; on SQLite the write
transaction is ``BEGIN IMMEDIATE``, so the check and the insert are serialised).
"""

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from improvement_hub.accounts.models import User
from improvement_hub.council.models import Priority
from improvement_hub.spaces import emails, permissions, rules
from improvement_hub.spaces.models import (
    HOLDING,
    Booking,
    BookingSeries,
    BookingStatus,
    Purpose,
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
) -> str:
    """Raises the rules' refusal with the nearest free times; returns why approval is needed."""
    errors, approval = rules.booking_rule_errors(
        space=space, starts_at=starts_at, ends_at=ends_at, now=now, out_of_hours_ok=out_of_hours_ok
    )
    if errors:
        if "ends_at" not in errors or ends_at > starts_at:
            from improvement_hub.spaces.selectors import free_times_near

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
