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


# The roles the Hub Team gives and takes away on the people page. Resident is what a new
# account gets; it is not changed by hand.
MANAGED_ROLES: tuple[Role, ...] = (Role.STAFF, Role.HUB_TEAM, Role.PARTNER, Role.LEADERSHIP)


def can_manage_people(user: AnyUser | None) -> bool:
    """The Hub Team finds people, sees their roles and sets their line manager."""
    return is_hub_team(user)


def can_change_role(user: AnyUser | None, role: Role) -> bool:
    """Who may give or take away ``role``: Staff and Partner are given by anyone who
    manages people; Hub Team and Leadership only by a member of the Hub Team itself."""
    if role not in MANAGED_ROLES:
        return False
    if role in (Role.HUB_TEAM, Role.LEADERSHIP):
        return is_hub_team(user)
    return can_manage_people(user)
