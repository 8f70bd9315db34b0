"""Small named predicates about what a person may do, used everywhere alike."""

from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.types import AnyUser


def has_role(user: AnyUser | None, role: Role) -> bool:
    """True for a signed-in, active user in ``role`` (superusers hold every role)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.has_role(str(role))


def is_hub_team(user: AnyUser | None) -> bool:
    return has_role(user, Role.HUB_TEAM)


def is_staff_member(user: AnyUser | None) -> bool:
    """Council staff, including the Hub Team and Leadership, who are staff too."""
    return any(has_role(user, r) for r in (Role.STAFF, Role.HUB_TEAM, Role.LEADERSHIP))


def can_access_admin(user: AnyUser | None) -> bool:
    return user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def can_erase_contributions(user: AnyUser | None) -> bool:
    """The Hub Team (and superusers) handle erasure requests."""
    return is_hub_team(user)
