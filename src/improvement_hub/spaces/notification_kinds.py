"""The spaces app's own kinds of notification (notifications.kinds holds the shared ones)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.notifications.kinds import (
    ASSIGNED_TO_YOU,
    DECISION_WAITING,
    FOLLOWED_CHANGE,
    kind_register,
)
from improvement_hub.notifications.services import notify, notify_role
from improvement_hub.spaces.models import Booking, BookingStatus

BOOKING_CHANGED = kind_register(
    key="spaces.booking_changed",
    label="A booking of yours is changed, approved, declined or cancelled",
    order=80,
)


def approval_waiting_tell(booking_id: int) -> None:
    """Tells the Hub Team of a booking that waits for their approval."""
    booking = Booking.objects.select_related("space").filter(pk=booking_id).first()
    if booking is None or booking.status != BookingStatus.PENDING:
        return
    notify_role(
        role=Role.HUB_TEAM,
        subject=f"A booking of {booking.space.name} waits for approval",
        body=f"{booking.local_range}. {booking.approval_reason}.",
        url=reverse("spaces:approvals"),
        kind=DECISION_WAITING,
        exclude=booking.booked_by,
    )


def booking_changed_tell(booking_id: int, what: str, actor_id: int | None) -> None:
    """Tells the booker (unless they made the change) and, for a change or cancellation,
    the people registered for an event held in it."""
    booking = Booking.objects.select_related("space", "booked_by").filter(pk=booking_id).first()
    if booking is None:
        return
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    words = {
        "changed": "has changed",
        "cancelled": "is cancelled",
        "confirmed": "is approved",
        "declined": "is declined",
    }
    notify(
        recipients=[booking.booked_by],
        subject=f"Your booking of {booking.space.name} {words.get(what, 'has changed')}",
        body=booking.local_range,
        url=reverse("spaces:my_bookings"),
        exclude=actor,
        kind=BOOKING_CHANGED,
    )
    event = getattr(booking, "event", None)  # a reverse one-to-one: None when no event
    if event is not None and what in ("changed", "cancelled"):
        registered = [
            r.user for r in event.registrations.filter(user__isnull=False).select_related("user")
        ]
        notify(
            recipients=registered,
            subject=f"{event.title} {words[what]}",
            body=booking.local_range,
            url=event.get_absolute_url(),
            exclude=actor,
            kind=FOLLOWED_CHANGE,
        )


def resource_request_tell(request_id: int) -> None:
    """Tells the Hub Team of a new resource request."""
    from improvement_hub.spaces.models import ResourceRequest

    request = (
        ResourceRequest.objects.select_related("booking__space", "booking__booked_by")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        return
    notify_role(
        role=Role.HUB_TEAM,
        subject=f"{request.get_kind_display()} asked for at {request.booking.space.name}",
        body=request.booking.local_range,
        url=reverse("spaces:resource_queue"),
        kind=ASSIGNED_TO_YOU,
        exclude=request.booking.booked_by,
    )
