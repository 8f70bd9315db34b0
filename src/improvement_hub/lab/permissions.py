"""Who may do what in the Innovation Lab."""

from typing import TYPE_CHECKING

from improvement_hub.accounts.permissions import is_hub_team

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from improvement_hub.accounts.models import User


def can_triage(user: "User | AnonymousUser") -> bool:
    """Triage, personal data and evidence are for the Hub Team only."""
    return is_hub_team(user)
