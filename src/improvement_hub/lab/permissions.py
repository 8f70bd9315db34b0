"""Who may do what in the Innovation Lab."""

from typing import TYPE_CHECKING

from improvement_hub.accounts.permissions import is_hub_team

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser


def can_triage(user: "AnyUser") -> bool:
    """Triage, personal data and evidence are for the Hub Team only."""
    return is_hub_team(user)
