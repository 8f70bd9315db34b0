"""Who may do what with initiatives: a small predicate per action, used everywhere."""

from improvement_hub.accounts.permissions import has_role, is_hub_team, is_staff_member
from improvement_hub.accounts.roles import Role


def _on_team(user, initiative) -> bool:  # type: ignore[no-untyped-def]
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached = getattr(initiative, "_team_user_ids", None)
    if cached is None:
        cached = {m.user_id for m in initiative.team.all() if m.user_id}
        initiative._team_user_ids = cached
    return user.pk in cached


def can_view_all_initiatives(user) -> bool:  # type: ignore[no-untyped-def]
    """Council staff (the Hub Team and Leadership included) read every initiative."""
    return is_staff_member(user)


def can_view_initiative(user, initiative) -> bool:  # type: ignore[no-untyped-def]
    """Staff read everything; partners their own; everyone else only what is published."""
    return initiative.is_published or can_view_all_initiatives(user) or _on_team(user, initiative)


def can_view_initiative_workings(user, initiative) -> bool:  # type: ignore[no-untyped-def]
    """The whole record (team, risks, measures, updates): staff and the team. Others see
    only the public summary of a published initiative."""
    return can_view_all_initiatives(user) or _on_team(user, initiative)


def can_create_initiative(user) -> bool:  # type: ignore[no-untyped-def]
    return is_hub_team(user)


def can_edit_initiative(user, initiative) -> bool:  # type: ignore[no-untyped-def]
    """The initiative's own team edits it; the Hub Team edits all."""
    return is_hub_team(user) or _on_team(user, initiative)


def can_decide_pilot(user) -> bool:  # type: ignore[no-untyped-def]
    """Go or no-go on a pilot is Leadership's call."""
    return has_role(user, Role.LEADERSHIP)


def can_view_pilot_decision(user, initiative) -> bool:  # type: ignore[no-untyped-def]
    """Leadership's go or no-go on a pilot is internal: those who see the workings (staff and
    the team) see it, on the page and in the API alike; the public and residents do not."""
    return can_view_initiative_workings(user, initiative)
