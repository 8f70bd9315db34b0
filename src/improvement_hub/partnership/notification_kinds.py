"""The partnership app's own kinds of notification, and who is told what (in the hub and
by email, through notifications.services.notify): the Hub Team when the partner submits a
task, the partner's contacts when a task is accepted or not (with the reason), Leadership
when a payment block is ready for approval, the Hub Team when a block is approved.

Each ``*_tell`` is called after the change is committed, with ids, and reads afresh."""

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from improvement_hub.accounts.roles import Role
from improvement_hub.notifications.kinds import DECISION_WAITING, kind_register
from improvement_hub.notifications.services import notify, notify_role
from improvement_hub.partnership.models import (
    Contract,
    Deliverable,
    DeliverableStatus,
    PaymentBlock,
)

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

TASK_SUBMITTED = kind_register(
    key="partnership.task_submitted",
    label="The partner submits a contract task for acceptance",
    roles=(Role.HUB_TEAM,),
    order=90,
)
TASK_REVIEWED = kind_register(
    key="partnership.task_reviewed",
    label="A contract task is accepted or not accepted",
    hint="Tasks of the contracts you are a contact for.",
    roles=(Role.PARTNER,),
    order=91,
)
BLOCK_APPROVED = kind_register(
    key="partnership.block_approved",
    label="A payment block is approved",
    roles=(Role.HUB_TEAM,),
    order=92,
)


def _hub_team(contract: Contract) -> "list[User]":
    """The contract's Hub Team contacts, or the whole Hub Team when it names none."""
    contacts = list(contract.hub_contacts.filter(is_active=True))
    if contacts:
        return contacts
    return list(get_user_model().objects.filter(is_active=True, groups__name=str(Role.HUB_TEAM)))


def _actor(actor_id: int | None) -> "User | None":
    return get_user_model().objects.filter(pk=actor_id).first() if actor_id else None


def task_submitted_tell(deliverable_id: int, actor_id: int | None) -> None:
    task = Deliverable.objects.select_related("contract").filter(pk=deliverable_id).first()
    if task is None or task.status != DeliverableStatus.SUBMITTED:
        return
    notify(
        recipients=_hub_team(task.contract),
        subject=f"Task {task.number} of {task.contract.reference} is submitted for acceptance",
        body=f"{task.title}. Check its evidence against the acceptance criteria.",
        url=task.get_absolute_url(),
        exclude=_actor(actor_id),
        kind=TASK_SUBMITTED,
    )


def task_reviewed_tell(deliverable_id: int, actor_id: int | None) -> None:
    task = Deliverable.objects.select_related("contract").filter(pk=deliverable_id).first()
    if task is None or task.status not in (DeliverableStatus.ACCEPTED, DeliverableStatus.REJECTED):
        return
    accepted = task.status == DeliverableStatus.ACCEPTED
    notify(
        recipients=task.contract.partner_contacts.filter(is_active=True),
        subject=f"Task {task.number} of {task.contract.reference} is "
        + ("accepted" if accepted else "not accepted"),
        body=task.title if accepted else f"{task.title}. The reason: {task.rejection_reason}",
        url=task.get_absolute_url(),
        exclude=_actor(actor_id),
        kind=TASK_REVIEWED,
    )
    if accepted:
        for block in PaymentBlock.objects.filter(deliverables=task, approved_at__isnull=True):
            block_ready_tell(block.pk)


def block_ready_tell(block_id: int) -> None:
    """Tells Leadership of a block whose tasks are all accepted (once per block)."""
    block = PaymentBlock.objects.select_related("contract").filter(pk=block_id).first()
    if block is None or block.approved_at:
        return
    statuses = list(block.deliverables.values_list("status", flat=True))
    if not statuses or any(s != DeliverableStatus.ACCEPTED for s in statuses):
        return
    invoice = "Its invoice is in." if block.invoice_number else "Its invoice is not in yet."
    notify_role(
        role=Role.LEADERSHIP,
        subject=f"Payment block {block.number} of {block.contract.reference} is ready for approval",
        body=f"All its tasks are accepted. {invoice}",
        url=block.contract.get_absolute_url(),
        kind=DECISION_WAITING,
    )


def block_approved_tell(block_id: int, actor_id: int | None) -> None:
    block = PaymentBlock.objects.select_related("contract").filter(pk=block_id).first()
    if block is None or not block.approved_at:
        return
    notify(
        recipients=_hub_team(block.contract),
        subject=f"Payment block {block.number} of {block.contract.reference} is approved",
        body="It can now be paid.",
        url=block.contract.get_absolute_url(),
        exclude=_actor(actor_id),
        kind=BLOCK_APPROVED,
    )
