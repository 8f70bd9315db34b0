"""Who may do what with decisions, the contract, its deliverables and payments."""

from typing import TYPE_CHECKING

from improvement_hub.accounts.permissions import has_role, is_hub_team
from improvement_hub.accounts.roles import Role

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser
    from improvement_hub.partnership.models import Contract


def is_leadership(user: "AnyUser | None") -> bool:
    return has_role(user, Role.LEADERSHIP)


def is_partner(user: "AnyUser | None") -> bool:
    return has_role(user, Role.PARTNER)


def can_see_all_decisions(user: "AnyUser | None") -> bool:
    """Drafts and private decisions: the Hub Team and Leadership. Everyone sees published ones."""
    return is_hub_team(user) or is_leadership(user)


def can_draft_decision(user: "AnyUser | None") -> bool:
    return is_hub_team(user)


def can_sign_decision(user: "AnyUser | None") -> bool:
    """Leadership signs (the authorised officer, or a deputy named on the record)."""
    return is_leadership(user)


def can_publish_decision(user: "AnyUser | None") -> bool:
    return is_hub_team(user) or is_leadership(user)


def can_see_contracts(user: "AnyUser | None") -> bool:
    """The contracts pages: the Hub Team, Leadership, and partners (their own contracts)."""
    return is_hub_team(user) or is_leadership(user) or is_partner(user)


def can_see_contract(user: "AnyUser | None", contract: "Contract") -> bool:
    if is_hub_team(user) or is_leadership(user):
        return True
    return (
        user is not None
        and is_partner(user)
        and contract.partner_contacts.filter(pk=user.pk).exists()
    )


def can_submit_evidence(user: "AnyUser | None", contract: "Contract") -> bool:
    """The partner's contacts submit evidence; the Hub Team may add it for them."""
    return is_hub_team(user) or (is_partner(user) and can_see_contract(user, contract))


def can_review_deliverable(user: "AnyUser | None") -> bool:
    """The Hub Team accepts or rejects a deliverable."""
    return is_hub_team(user)


def can_manage_payments(user: "AnyUser | None") -> bool:
    """The Hub Team records invoices and payments and sets the blocks."""
    return is_hub_team(user)


def can_approve_payment(user: "AnyUser | None") -> bool:
    return is_leadership(user)


def can_read_audit(user: "AnyUser | None") -> bool:
    return is_hub_team(user) or is_leadership(user)


def can_see_handover(user: "AnyUser | None") -> bool:
    return is_hub_team(user) or is_leadership(user)


def can_sign_off_handover(user: "AnyUser | None") -> bool:
    return is_leadership(user)


def can_edit_deliverable(user: "AnyUser | None") -> bool:
    """The Hub Team set a task's acceptance criteria, due date and owner."""
    return is_hub_team(user)


def can_manage_contracts(user: "AnyUser | None") -> bool:
    """The Hub Team add contracts, record variations, set the handover plan and its running
    costs, and publish the transparency quarters."""
    return is_hub_team(user)
