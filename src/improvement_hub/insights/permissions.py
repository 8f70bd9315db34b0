"""Who may see the insights dashboard."""

from improvement_hub.accounts.permissions import has_role, is_hub_team
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.types import AnyUser


def can_view_dashboard(user: AnyUser | None) -> bool:
    """Leadership and the Hub Team (and superusers)."""
    return is_hub_team(user) or has_role(user, Role.LEADERSHIP)
