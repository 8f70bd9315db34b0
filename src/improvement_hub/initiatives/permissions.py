"""Who may do what with initiatives: a small predicate per action, used everywhere."""

from typing import TYPE_CHECKING, TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from improvement_hub.accounts.permissions import has_role, is_hub_team, is_staff_member
from improvement_hub.accounts.roles import Role

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User
    from improvement_hub.initiatives.models import Initiative, Pilot

# Whoever is asking: a signed-in person or the anonymous public.
Viewer: TypeAlias = "User | AnonymousUser"


def _on_team(user: Viewer, initiative: "Initiative") -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached: set[int] | None = getattr(initiative, "_team_user_ids", None)
    if cached is None:
        cached = {m.user_id for m in initiative.team.all() if m.user_id}
        setattr(initiative, "_team_user_ids", cached)  # noqa: B010  # a per-request cache
    return user.pk in cached


def can_view_all_initiatives(user: Viewer) -> bool:
    """Council staff (the Hub Team and Leadership included) read every initiative."""
    return is_staff_member(user)


def can_view_initiative(user: Viewer, initiative: "Initiative") -> bool:
    """Staff read everything; partners their own; everyone else only what is published."""
    return initiative.is_published or can_view_all_initiatives(user) or _on_team(user, initiative)


def can_view_initiative_workings(user: Viewer, initiative: "Initiative") -> bool:
    """The whole record (team, risks, measures, updates): staff and the team. Others see
    only the public summary of a published initiative."""
    return can_view_all_initiatives(user) or _on_team(user, initiative)


def can_create_initiative(user: Viewer) -> bool:
    return is_hub_team(user)


def can_edit_initiative(user: Viewer, initiative: "Initiative") -> bool:
    """The initiative's own team edits it; the Hub Team edits all."""
    return is_hub_team(user) or _on_team(user, initiative)


def can_decide_pilots(user: Viewer) -> bool:
    """Go or no-go on pilots is Leadership's call."""
    return has_role(user, Role.LEADERSHIP)


def can_decide_pilot(user: Viewer, pilot: "Pilot") -> bool:
    """Leadership decides go or no-go on a pilot once it has started (not before)."""
    return can_decide_pilots(user) and pilot.starts_on <= timezone.localdate()


def can_view_pilot_decision(user: Viewer, initiative: "Initiative") -> bool:
    """Leadership's go or no-go on a pilot is internal: those who see the workings (staff and
    the team) see it, on the page and in the API alike; the public and residents do not."""
    return can_view_initiative_workings(user, initiative)


def can_follow_initiative(user: Viewer, initiative: "Initiative") -> bool:
    """Anyone signed in who may read the initiative follows it to hear of its progress."""
    return (
        bool(getattr(user, "is_authenticated", False))
        and user.is_active
        and can_view_initiative(user, initiative)
    )
