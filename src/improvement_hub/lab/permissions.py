"""Who may do what in the Innovation Lab."""

from improvement_hub.accounts.permissions import is_hub_team


def can_triage(user) -> bool:  # type: ignore[no-untyped-def]
    """Triage, personal data and evidence are for the Hub Team only."""
    return is_hub_team(user)
