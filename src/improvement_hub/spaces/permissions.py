"""Who may do what with spaces, bookings and events."""

from typing import TYPE_CHECKING

from improvement_hub.accounts.permissions import has_role, is_hub_team, is_staff_member
from improvement_hub.accounts.roles import Role

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser
    from improvement_hub.spaces.models import Booking, Space


def is_partner(user: "AnyUser | None") -> bool:
    return has_role(user, Role.PARTNER)


def can_manage_spaces(user: "AnyUser | None") -> bool:
    """Spaces, approvals, resource requests, the move plan and events: the Hub Team."""
    return is_hub_team(user)


def can_see_internal(user: "AnyUser | None") -> bool:
    """Internal spaces and the purpose of internal bookings: staff, partners, the Hub Team."""
    return is_staff_member(user) or is_partner(user)


def can_see_space(user: "AnyUser | None", space: "Space") -> bool:
    return space.is_public or can_see_internal(user)


def can_book_space(user: "AnyUser | None", space: "Space") -> bool:
    """The Hub Team always; staff and partners where the space allows them; anyone signed
    in (residents, community groups) where the space takes requests."""
    if user is None or not user.is_authenticated:
        return False
    if is_hub_team(user):
        return True
    if is_staff_member(user) and space.bookable_by_staff:
        return True
    if is_partner(user) and space.bookable_by_partner:
        return True
    return space.community_by_request and can_see_space(user, space)


def needs_approval(user: "AnyUser | None", space: "Space") -> str:
    """Why a booking by ``user`` must be approved by the Hub Team, or "" when it need not."""
    if is_hub_team(user):
        return ""
    allowed = (is_staff_member(user) and space.bookable_by_staff) or (
        is_partner(user) and space.bookable_by_partner
    )
    return "" if allowed else "Community group bookings are approved by the Hub Team"


def can_see_purpose(user: "AnyUser | None", booking: "Booking") -> bool:
    """Others see only "Booked" for an internal booking."""
    if booking.purpose_is_public or can_see_internal(user):
        return True
    return user is not None and user.is_authenticated and booking.booked_by_id == user.pk


def can_change_booking(user: "AnyUser | None", booking: "Booking") -> bool:
    """The booker or the Hub Team."""
    if user is None or not user.is_authenticated:
        return False
    return booking.booked_by_id == user.pk or is_hub_team(user)


def can_see_utilisation(user: "AnyUser | None") -> bool:
    """Utilisation is for the Hub Team and Leadership."""
    return is_hub_team(user) or has_role(user, Role.LEADERSHIP)
