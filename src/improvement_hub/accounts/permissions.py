"""Small named predicates about what a person may do, used everywhere alike."""

from improvement_hub.accounts.roles import Role


def has_role(user, role: Role) -> bool:  # type: ignore[no-untyped-def]
    """True for a signed-in, active user in ``role`` (superusers hold every role)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.has_role(str(role))


def is_hub_team(user) -> bool:  # type: ignore[no-untyped-def]
    return has_role(user, Role.HUB_TEAM)


def is_staff_member(user) -> bool:  # type: ignore[no-untyped-def]
    """Council staff, including the Hub Team and Leadership, who are staff too."""
    return any(has_role(user, r) for r in (Role.STAFF, Role.HUB_TEAM, Role.LEADERSHIP))


def can_access_admin(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
        "wagtailadmin.access_admin"
    )
