"""Every write of the partnership app: decisions and their rules, evidence and acceptance,
payment blocks and approvals, variations and the handover sign-off. Each is permission-
checked, atomic and written to the audit trail."""

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from improvement_hub.core.spreadsheets import safe_cell
from improvement_hub.partnership import evidence, notification_kinds, permissions, selectors
from improvement_hub.partnership.models import (
    AuditEntry,
    Contract,
    Decision,
    DecisionState,
    Delegation,
    Deliverable,
    DeliverableStatus,
    EvidenceKind,
    EvidenceLink,
    HandoverPlan,
    PaymentBlock,
    Quotation,
    RunningCost,
    Supplier,
    TransparencyFile,
    Variation,
)
from improvement_hub.partnership.rules import ROUTE_LABELS, money

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User
    from improvement_hub.accounts.types import AnyUser


class PaymentConflict(Exception):
    """A payment block cannot be approved in its present state (the API's 409)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


SIGNED_IMMUTABLE = "A signed decision cannot be changed: make a correction instead"


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("You do not have permission to do that")


def _person(actor: "AnyUser") -> "User":
    """The signed-in person acting (the permission checks already refuse visitors)."""
    if not actor.is_authenticated:
        raise PermissionDenied("You do not have permission to do that")
    return actor


AUDIT_KINDS = {
    "PaymentBlock": "payment block",
    "HandoverPlan": "handover plan",
    "RunningCost": "running cost",
}


def _audit(
    *,
    actor: "AnyUser | None",
    obj: Decision | Contract | Deliverable | PaymentBlock | HandoverPlan | RunningCost,
    changes: Mapping[str, tuple[object, object]],
    contract: Contract | None = None,
) -> None:
    """One audit entry per changed field: who, when, field, before and after."""
    kind = AUDIT_KINDS.get(type(obj).__name__, type(obj).__name__.lower())
    user = actor if actor is not None and actor.is_authenticated else None
    AuditEntry.objects.bulk_create(
        AuditEntry(
            object_type=kind,
            object_id=obj.pk,
            contract=contract or (obj if isinstance(obj, Contract) else None),
            field=field,
            before="" if before is None else str(before),
            after="" if after is None else str(after),
            actor=user,
        )
        for field, (before, after) in changes.items()
        if before != after
    )


# --- decisions --------------------------------------------------------------------------


def route_errors(
    *, delegation: Delegation, value: Decimal, route: str, day: date
) -> dict[str, str]:
    """What the form refuses: a band another route decides (naming it), a value outside
    the delegation's range, or a route the delegation does not allow."""
    for other in selectors.other_routes_in_force(day):
        in_band = value >= other.min_gbp and (other.max_gbp is None or value <= other.max_gbp)
        if in_band and (not other.only_route or other.only_route == route):
            return {
                "value_gbp": f"This form is not for {money(value)}: use the route that applies "
                f"instead, {other.name}"
            }
    if value < delegation.min_gbp or (
        delegation.max_gbp is not None and value >= delegation.max_gbp
    ):
        upper = (
            f"under {money(delegation.max_gbp)}"
            if delegation.max_gbp is not None
            else "with no limit"
        )
        return {
            "value_gbp": f"The delegation ‘{delegation.name}’ covers {money(delegation.min_gbp)} "
            f"and more, {upper}: choose another delegation"
        }
    if route not in delegation.routes:
        allowed = ", ".join(ROUTE_LABELS.get(r, r).lower() for r in delegation.routes) or "no route"
        return {
            "route": f"The delegation ‘{delegation.name}’ allows {allowed}: choose one of those"
        }
    return {}


@dataclass(frozen=True)
class DecisionData:
    subject: str
    decision_maker: str
    delegation: Delegation
    value_gbp: Decimal
    route: str
    outline: str
    decision_maker_title: str = ""
    deputising_for: str = ""
    districts: str = "All wards"
    reasons: str = ""
    is_public: bool = True
    exempt_paragraph: str = ""
    cost_note: str = ""
    budget_code: str = ""
    advertised_days: int | None = None
    direct_approaches: int = 0
    single_quote_reason: str = ""
    exemption_justification: str = ""
    consultation: str = ""


def decision_create(
    *, actor: "AnyUser", data: DecisionData, corrects: Decision | None = None
) -> Decision:
    """A draft decision. Refuses a value or route its delegation (or the form) is not for."""
    _require(permissions.can_draft_decision(actor))
    errors = route_errors(
        delegation=data.delegation, value=data.value_gbp, route=data.route, day=timezone.localdate()
    )
    if not data.is_public and not data.exempt_paragraph.strip():
        errors["exempt_paragraph"] = (
            "Enter the exempt information paragraph, or say why the decision is private"
        )
    if errors:
        raise ValidationError(errors)
    decision = Decision(
        **{k: v for k, v in data.__dict__.items()},
        created_by=_person(actor),
        corrects=corrects,
        version=corrects.version + 1 if corrects else 1,
    )
    decision.full_clean()
    decision.save()
    _audit(actor=actor, obj=decision, changes={"state": (None, decision.state)})
    return decision


def _move(
    *, actor: "AnyUser", decision: Decision, from_states: Iterable[str], to: str, **fields: Any
) -> Decision:
    """A conditional update, so two clicks (or two people) move a decision once."""
    moved = Decision.objects.filter(pk=decision.pk, state__in=list(from_states)).update(
        state=to, **fields
    )
    if not moved:
        raise ValidationError(
            f"This decision is {decision.get_state_display().lower()} and cannot be moved to {to}"
        )
    before = decision.state
    decision.refresh_from_db()
    _audit(
        actor=actor,
        obj=decision,
        changes={"state": (before, to), **{k: (None, v) for k, v in fields.items()}},
    )
    return decision


@transaction.atomic
def quotation_add(
    *, actor: "AnyUser", decision: Decision, supplier: str, amount_gbp: Decimal, received_on: date
) -> Quotation:
    """Records a written quotation on a decision that is not signed yet."""
    _require(permissions.can_draft_decision(actor))
    if (
        Decision.objects.filter(pk=decision.pk, state__in=["draft", "submitted"])
        .select_for_update()
        .count()
        != 1
    ):
        raise ValidationError(SIGNED_IMMUTABLE)
    quotation = Quotation(
        decision=decision, supplier=supplier, amount_gbp=amount_gbp, received_on=received_on
    )
    quotation.full_clean()
    quotation.save()
    _audit(actor=actor, obj=decision, changes={"quotation": (None, str(quotation))})
    return quotation


@transaction.atomic
def decision_submit(*, actor: "AnyUser", decision: Decision) -> Decision:
    _require(permissions.can_draft_decision(actor))
    return _move(actor=actor, decision=decision, from_states=["draft"], to=DecisionState.SUBMITTED)


@transaction.atomic
def decision_sign(
    *, actor: "AnyUser", decision: Decision, signed_on: date | None = None
) -> Decision:
    """Signs a submitted decision; refused while a standing-orders requirement is unmet
    and no exemption is justified, or when the rules in force refuse its value or route."""
    _require(permissions.can_sign_decision(actor))
    locked = Decision.objects.select_for_update().prefetch_related("quotations").get(pk=decision.pk)
    check = selectors.decision_check(locked)
    if check.blocks_signing:
        raise ValidationError(
            "The standing orders are not met: "
            + "; ".join(check.shortfalls).lower()
            + ". Record the evidence or justify an exemption"
        )
    errors = route_errors(
        delegation=locked.delegation,
        value=locked.value_gbp,
        route=locked.route,
        day=timezone.localdate(),
    )
    if errors:
        raise ValidationError(next(iter(errors.values())))
    return _move(
        actor=actor,
        decision=locked,
        from_states=["submitted"],
        to=DecisionState.SIGNED,
        signed_by=actor,
        signed_on=signed_on or timezone.localdate(),
    )


@transaction.atomic
def decision_publish(*, actor: "AnyUser", decision: Decision) -> Decision:
    """Publishes a signed public decision in the register."""
    _require(permissions.can_publish_decision(actor))
    if not decision.is_public:
        raise ValidationError("A private decision is not published")
    return _move(
        actor=actor,
        decision=decision,
        from_states=["signed"],
        to=DecisionState.PUBLISHED,
        published_on=timezone.localdate(),
    )


@transaction.atomic
def decision_withdraw(*, actor: "AnyUser", decision: Decision) -> Decision:
    _require(permissions.can_publish_decision(actor))
    return _move(
        actor=actor,
        decision=decision,
        from_states=["draft", "submitted", "signed", "published"],
        to=DecisionState.WITHDRAWN,
    )


@transaction.atomic
def decision_correct(*, actor: "AnyUser", decision: Decision) -> Decision:
    """A new draft version of a signed decision, linking the old one; only one correction each."""
    _require(permissions.can_draft_decision(actor))
    if not decision.is_signed:
        raise ValidationError("Only a signed decision needs a correction: edit the draft instead")
    if Decision.objects.filter(corrects=decision).exists():
        raise ValidationError("This decision already has a correction")
    fields = {f: getattr(decision, f) for f in DecisionData.__dataclass_fields__}
    copy = Decision(
        **fields, corrects=decision, version=decision.version + 1, created_by=_person(actor)
    )
    try:
        with transaction.atomic():
            copy.save()
    except IntegrityError as error:
        raise ValidationError("This decision already has a correction") from error
    for quotation in decision.quotations.all():
        Quotation.objects.create(
            decision=copy,
            supplier=quotation.supplier,
            amount_gbp=quotation.amount_gbp,
            received_on=quotation.received_on,
        )
    _audit(actor=actor, obj=copy, changes={"corrects": (None, decision.reference)})
    return copy


# --- deliverables and evidence ----------------------------------------------------------

OPEN_FOR_EVIDENCE = [
    DeliverableStatus.NOT_STARTED,
    DeliverableStatus.IN_PROGRESS,
    DeliverableStatus.REJECTED,
]


def evidence_add(
    *,
    actor: "AnyUser",
    deliverable: Deliverable,
    kind: str,
    label: str,
    path: str = "",
    figure: str = "",
    document: UploadedFile[Any] | None = None,
) -> EvidenceLink:
    """Adds evidence to a deliverable still open for it. A page must be one of the hub's."""
    _require(permissions.can_submit_evidence(actor, deliverable.contract))
    if deliverable.status not in OPEN_FOR_EVIDENCE:
        raise ValidationError("Evidence cannot be added once the task is submitted or accepted")
    if kind == EvidenceKind.PAGE and not selectors.hub_path_is_valid(path):
        raise ValidationError({"path": "Enter the address of a page of this hub, starting with /"})
    if kind == EvidenceKind.FIGURE and figure not in dict(selectors.FIGURE_CHOICES):
        raise ValidationError({"figure": "Select a figure from the list"})
    if kind == EvidenceKind.DOCUMENT and document is None:
        raise ValidationError({"document": "Select a document"})
    if kind == EvidenceKind.DOCUMENT and document is not None:
        try:
            evidence.document_check(document)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from None
    with transaction.atomic():
        link = EvidenceLink.objects.create(
            deliverable=deliverable,
            kind=kind,
            label=label,
            path=path if kind == "page" else "",
            figure=figure if kind == "figure" else "",
            document=document if kind == "document" else "",
            added_by=_person(actor),
        )
        changes: dict[str, tuple[object, object]] = {"evidence": (None, label)}
        if deliverable.status == DeliverableStatus.NOT_STARTED:
            Deliverable.objects.filter(pk=deliverable.pk).update(
                status=DeliverableStatus.IN_PROGRESS
            )
            changes["status"] = (deliverable.status, DeliverableStatus.IN_PROGRESS)
            deliverable.status = DeliverableStatus.IN_PROGRESS
        _audit(actor=actor, obj=deliverable, changes=changes, contract=deliverable.contract)
    return link


def _deliverable_move(
    *,
    actor: "AnyUser",
    deliverable: Deliverable,
    from_states: Iterable[str],
    message: str,
    **fields: Any,
) -> Deliverable:
    before = {k: getattr(deliverable, k) for k in ("status", "rejection_reason")}
    moved = Deliverable.objects.filter(pk=deliverable.pk, status__in=list(from_states)).update(
        **fields
    )
    if not moved:
        raise ValidationError(message)
    deliverable.refresh_from_db()
    _audit(
        actor=actor,
        obj=deliverable,
        contract=deliverable.contract,
        changes={k: (before[k], getattr(deliverable, k)) for k in before},
    )
    return deliverable


@transaction.atomic
def deliverable_submit(*, actor: "AnyUser", deliverable: Deliverable) -> Deliverable:
    """The partner submits a task for acceptance; it needs at least one piece of evidence."""
    _require(permissions.can_submit_evidence(actor, deliverable.contract))
    if not deliverable.evidence.exists():
        raise ValidationError("Add evidence before you submit the task")
    moved = _deliverable_move(
        actor=actor,
        deliverable=deliverable,
        from_states=OPEN_FOR_EVIDENCE,
        message="This task has already been submitted",
        status=DeliverableStatus.SUBMITTED,
        submitted_at=timezone.now(),
        rejection_reason="",
    )
    tell = partial(notification_kinds.task_submitted_tell, moved.pk, actor.pk)
    transaction.on_commit(tell, robust=True)
    return moved


@transaction.atomic
def deliverable_review(
    *, actor: "AnyUser", deliverable: Deliverable, accept: bool, reason: str = ""
) -> Deliverable:
    """The Hub Team accepts a submitted task, or rejects it with a reason."""
    _require(permissions.can_review_deliverable(actor))
    if not accept and not reason.strip():
        raise ValidationError({"reason": "Enter the reason the task is not accepted"})
    moved = _deliverable_move(
        actor=actor,
        deliverable=deliverable,
        from_states=[DeliverableStatus.SUBMITTED],
        message="Only a submitted task can be accepted or rejected",
        status=DeliverableStatus.ACCEPTED if accept else DeliverableStatus.REJECTED,
        rejection_reason="" if accept else reason.strip(),
        decided_at=timezone.now(),
        decided_by=actor,
    )
    tell = partial(notification_kinds.task_reviewed_tell, moved.pk, actor.pk)
    transaction.on_commit(tell, robust=True)
    return moved


@transaction.atomic
def deliverable_edit(
    *,
    actor: "AnyUser",
    deliverable: Deliverable,
    acceptance_criteria: str,
    due_on: date,
    owner: "User | None",
) -> Deliverable:
    """The Hub Team change a task's acceptance criteria, due date or owner, until it is
    accepted; the due date stays within the contract, the owner is the Hub Team or the
    partner's contact. Each change is in the audit trail."""
    _require(permissions.can_edit_deliverable(actor))
    locked = (
        Deliverable.objects.select_for_update().select_related("contract").get(pk=deliverable.pk)
    )
    contract = locked.contract
    if locked.status == DeliverableStatus.ACCEPTED:
        raise ValidationError("An accepted task cannot be changed")
    criteria = acceptance_criteria.strip()
    if not criteria:
        raise ValidationError({"acceptance_criteria": "Enter the acceptance criteria"})
    if not contract.starts_on <= due_on <= contract.ends_on:
        raise ValidationError(
            {
                "due_on": f"The due date must be between {contract.starts_on:%-d %B %Y} and "
                f"{contract.ends_on:%-d %B %Y}, the contract's term"
            }
        )
    choices = selectors.deliverable_owner_choices(contract=contract)
    if owner is not None and not choices.filter(pk=owner.pk).exists():
        raise ValidationError({"owner": "Select the Hub Team or the partner's contact"})
    new = {"acceptance_criteria": criteria, "due_on": due_on, "owner": owner}
    changes = {k: (getattr(locked, k), v) for k, v in new.items() if getattr(locked, k) != v}
    if changes:
        for field, value in new.items():
            setattr(locked, field, value)
        locked.save(update_fields=list(new))
        _audit(actor=actor, obj=locked, contract=contract, changes=changes)
    return locked


class DeliverableConflict(Exception):
    """A task cannot move to that status from where it is (the API's 409)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


CHANGE_VERBS: dict[str, str] = {
    DeliverableStatus.SUBMITTED: "submitted",
    DeliverableStatus.ACCEPTED: "accepted",
    DeliverableStatus.REJECTED: "rejected",
}


def deliverable_change(
    *, actor: "AnyUser", deliverable: Deliverable, status: str, reason: str = ""
) -> Deliverable:
    """Moves a task as its page does: the partner (or the Hub Team) submits it with its
    evidence; the Hub Team accepts it or rejects it with a reason. A move its status does
    not allow (or a task with no evidence) is a DeliverableConflict."""
    if status == DeliverableStatus.SUBMITTED:
        _require(permissions.can_submit_evidence(actor, deliverable.contract))
    elif status in (DeliverableStatus.ACCEPTED, DeliverableStatus.REJECTED):
        _require(permissions.can_review_deliverable(actor))
    else:
        raise ValidationError({"status": "Select submitted, accepted or rejected"})
    try:
        if status == DeliverableStatus.SUBMITTED:
            return deliverable_submit(actor=actor, deliverable=deliverable)
        return deliverable_review(
            actor=actor,
            deliverable=deliverable,
            accept=status == DeliverableStatus.ACCEPTED,
            reason=reason,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise
        now = Deliverable.objects.filter(pk=deliverable.pk).values_list("status", flat=True)
        label = DeliverableStatus(now.first() or deliverable.status).label.lower()
        if status == DeliverableStatus.SUBMITTED and label != "submitted" and label != "accepted":
            raise DeliverableConflict(" ".join(error.messages)) from None
        raise DeliverableConflict(
            f"Task {deliverable.number} is {label}, so it cannot be {CHANGE_VERBS[status]}"
        ) from None


# --- payment blocks ---------------------------------------------------------------------


@transaction.atomic
def payment_block_set(
    *,
    actor: "AnyUser",
    contract: Contract,
    number: int,
    amount_gbp: Decimal,
    deliverables: Iterable[Deliverable] = (),
    due_on: date | None = None,
) -> PaymentBlock:
    """Creates or changes a block. The blocks never add up to more than the contract's
    value: the contract row is locked, and its check constraint holds the total."""
    _require(permissions.can_manage_payments(actor))
    if amount_gbp <= 0:
        raise ValidationError({"amount_gbp": "Enter an amount more than £0"})
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    block = PaymentBlock.objects.filter(contract=locked, number=number).first()
    if block is not None and block.approved_at:
        raise ValidationError("An approved block cannot be changed")
    others = PaymentBlock.objects.filter(contract=locked).exclude(number=number).aggregate(
        t=Sum("amount_gbp")
    )["t"] or Decimal("0")
    total = others + amount_gbp
    if total > locked.value_gbp:
        raise ValidationError(
            {
                "amount_gbp": f"The blocks would add up to {money(total)}, more than the "
                f"contract's {money(locked.value_gbp)}"
            }
        )
    before = block.amount_gbp if block else None
    if block is None:
        block = PaymentBlock.objects.create(
            contract=locked, number=number, amount_gbp=amount_gbp, due_on=due_on
        )
    else:
        PaymentBlock.objects.filter(pk=block.pk).update(amount_gbp=amount_gbp, due_on=due_on)
        block.amount_gbp = amount_gbp
    block.deliverables.set(list(deliverables))
    Contract.objects.filter(pk=locked.pk).update(blocks_total_gbp=total)
    _audit(actor=actor, obj=block, contract=locked, changes={"amount_gbp": (before, amount_gbp)})
    return block


@transaction.atomic
def payment_block_invoice(
    *,
    actor: "AnyUser",
    block: PaymentBlock,
    invoice_number: str,
    invoice_on: date,
    invoice_gbp: Decimal,
) -> PaymentBlock:
    _require(permissions.can_manage_payments(actor))
    locked = PaymentBlock.objects.select_for_update().get(pk=block.pk)
    if locked.approved_at:
        raise ValidationError("The invoice of an approved block cannot be changed")
    if invoice_gbp > locked.amount_gbp:
        raise ValidationError(
            {"invoice_gbp": f"The invoice must be {money(locked.amount_gbp)} or less"}
        )
    before = (locked.invoice_number, locked.invoice_gbp)
    PaymentBlock.objects.filter(pk=locked.pk).update(
        invoice_number=invoice_number, invoice_on=invoice_on, invoice_gbp=invoice_gbp
    )
    _audit(
        actor=actor,
        obj=locked,
        contract=locked.contract,
        changes={
            "invoice_number": (before[0], invoice_number),
            "invoice_gbp": (before[1], invoice_gbp),
        },
    )
    locked.refresh_from_db()
    return locked


@transaction.atomic
def payment_block_approve(*, actor: "AnyUser", block: PaymentBlock) -> PaymentBlock:
    """Leadership approves a block once all its deliverables are accepted and its invoice
    is in. Locked, so concurrent approvals approve it once."""
    _require(permissions.can_approve_payment(actor))
    locked = PaymentBlock.objects.select_for_update().get(pk=block.pk)
    if locked.approved_at:
        raise PaymentConflict("This block is already approved")
    waiting = [
        d.number for d in locked.deliverables.all() if d.status != DeliverableStatus.ACCEPTED
    ]
    if waiting:
        tasks = ", ".join(str(n) for n in waiting)
        raise PaymentConflict(
            f"This block cannot be approved until task {tasks} "
            f"{'is' if len(waiting) == 1 else 'are'} accepted"
        )
    if not locked.invoice_number:
        raise PaymentConflict("This block cannot be approved until its invoice is received")
    now = timezone.now()
    PaymentBlock.objects.filter(pk=locked.pk).update(approved_by=actor, approved_at=now)
    tell = partial(notification_kinds.block_approved_tell, locked.pk, actor.pk)
    transaction.on_commit(tell, robust=True)
    _audit(
        actor=actor, obj=locked, contract=locked.contract, changes={"approved_by": (None, actor)}
    )
    locked.refresh_from_db()
    return locked


@transaction.atomic
def payment_block_pay(*, actor: "AnyUser", block: PaymentBlock, paid_on: date) -> PaymentBlock:
    _require(permissions.can_manage_payments(actor))
    moved = PaymentBlock.objects.filter(
        pk=block.pk, approved_at__isnull=False, paid_on__isnull=True
    ).update(paid_on=paid_on)
    if not moved:
        raise ValidationError("Only an approved block that is not paid can be marked paid")
    _audit(actor=actor, obj=block, contract=block.contract, changes={"paid_on": (None, paid_on)})
    block.refresh_from_db()
    return block


# --- contracts, variations and handover ---------------------------------------------------

CONTRACT_MAX_GBP = Decimal("150000")
CONTRACT_MAX_MONTHS = 12
VARIATION_NEEDS_DECISION = (
    "A variation needs a new signed decision of its own: the contract's own decision, a "
    "draft, or a decision another variation rests on cannot be used"
)


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class SupplierData:
    """A new supplier: the organisation's name, its numbers and the Code's flags."""

    name: str
    company_number: str = ""
    charity_number: str = ""
    is_sme: bool = False
    is_vcse: bool = False


@transaction.atomic
def contract_create(
    *,
    actor: "AnyUser",
    reference: str,
    title: str,
    value_gbp: Decimal,
    starts_on: date,
    ends_on: date,
    decision: Decision,
    supplier: Supplier | None = None,
    new_supplier: SupplierData | None = None,
    description: str = "",
    hub_contacts: Iterable["User"] = (),
    partner_contacts: Iterable["User"] = (),
) -> Contract:
    """The Hub Team add a contract resting on a signed decision: up to £150,000 and no more
    than the decision allows, up to 12 months, its contacts from the Hub Team and partners.
    Refuses a reference already used (a second click of the same form included)."""
    _require(permissions.can_manage_contracts(actor))
    errors: dict[str, str] = {}
    reference, title = reference.strip(), title.strip()
    if not reference:
        errors["reference"] = "Enter the contract's reference"
    elif Contract.objects.filter(reference__iexact=reference).exists():
        errors["reference"] = f"A contract with the reference {reference} already exists"
    if not title:
        errors["title"] = "Enter the contract's title"
    if (supplier is None) == (new_supplier is None or not new_supplier.name.strip()):
        errors["supplier"] = "Select a supplier, or enter the name of a new one (not both)"
    locked = Decision.objects.select_for_update().filter(pk=decision.pk).first()
    if locked is None or not locked.is_signed:
        errors["decision"] = "Select a signed decision: a contract rests on one"
    if value_gbp <= 0:
        errors["value_gbp"] = "Enter a value more than £0"
    elif value_gbp > CONTRACT_MAX_GBP:
        errors["value_gbp"] = f"The value must be {money(CONTRACT_MAX_GBP)} or less"
    elif locked is not None and value_gbp > locked.value_gbp:
        errors["value_gbp"] = (
            f"The decision {locked.reference} allows up to {money(locked.value_gbp)}"
        )
    if ends_on <= starts_on:
        errors["ends_on"] = "The end date must be after the start date"
    elif ends_on > _months_later(starts_on, CONTRACT_MAX_MONTHS):
        errors["ends_on"] = f"The contract runs for {CONTRACT_MAX_MONTHS} months at most"
    hub_contacts, partner_contacts = list(hub_contacts), list(partner_contacts)
    hub_ids = set(selectors.hub_contact_choices().values_list("pk", flat=True))
    if any(u.pk not in hub_ids for u in hub_contacts):
        errors["hub_contacts"] = "Select people in the Hub Team"
    partner_ids = set(selectors.partner_contact_choices().values_list("pk", flat=True))
    if any(u.pk not in partner_ids for u in partner_contacts):
        errors["partner_contacts"] = "Select people with the Partner role"
    if errors:
        raise ValidationError(errors)
    if supplier is None and new_supplier is not None:
        supplier = Supplier(**{**new_supplier.__dict__, "name": new_supplier.name.strip()})
        supplier.full_clean()
        supplier.save()
    contract = Contract(
        reference=reference,
        title=title,
        description=description,
        supplier=supplier,
        value_gbp=value_gbp,
        starts_on=starts_on,
        ends_on=ends_on,
        decision=locked,
    )
    try:
        with transaction.atomic():
            contract.save()
    except IntegrityError:
        # Two people (or two clicks) adding the same reference at once: one wins.
        raise ValidationError(
            {"reference": f"A contract with the reference {reference} already exists"}
        ) from None
    contract.hub_contacts.set(hub_contacts)
    contract.partner_contacts.set(partner_contacts)
    _audit(
        actor=actor,
        obj=contract,
        changes={
            "created": (None, contract.reference),
            "title": (None, title),
            "supplier": (None, supplier),
            "value_gbp": (None, value_gbp),
            "starts_on": (None, starts_on),
            "ends_on": (None, ends_on),
            "decision": (None, locked.reference if locked else ""),
            "hub_contacts": (None, ", ".join(user_label(u) for u in hub_contacts)),
            "partner_contacts": (None, ", ".join(user_label(u) for u in partner_contacts)),
        },
    )
    return contract


@transaction.atomic
def contract_vary(
    *,
    actor: "AnyUser",
    contract: Contract,
    decision: Decision,
    summary: str,
    value_gbp: Decimal | None = None,
    ends_on: date | None = None,
) -> Variation:
    """Changes a contract's value or term; needs its own signed decision, not the original."""
    _require(permissions.can_manage_contracts(actor))
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    # Locking the decision too means two variations (of this contract or another) cannot
    # both rest on it: the second waits, then finds the first.
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if (
        not decision.is_signed
        or decision.pk == locked.decision_id
        or Variation.objects.filter(decision=decision).exists()
    ):
        raise ValidationError({"decision": VARIATION_NEEDS_DECISION})
    if not summary.strip():
        raise ValidationError({"summary": "Enter what the variation changes"})
    if value_gbp is not None and value_gbp < locked.blocks_total_gbp:
        raise ValidationError(
            {"value_gbp": f"The payment blocks already add up to {money(locked.blocks_total_gbp)}"}
        )
    if value_gbp is not None and value_gbp > decision.value_gbp:
        raise ValidationError(
            {"value_gbp": f"The decision allows up to {money(decision.value_gbp)}"}
        )
    if ends_on is not None and ends_on <= locked.starts_on:
        raise ValidationError({"ends_on": "The end date must be after the start date"})
    changes: dict[str, tuple[object, object]] = {}
    if value_gbp is not None:
        changes["value_gbp"] = (locked.value_gbp, value_gbp)
        locked.value_gbp = value_gbp
    if ends_on is not None:
        changes["ends_on"] = (locked.ends_on, ends_on)
        locked.ends_on = ends_on
    locked.save(update_fields=["value_gbp", "ends_on"])
    variation = Variation.objects.create(
        contract=locked,
        decision=decision,
        summary=summary,
        value_gbp=value_gbp,
        ends_on=ends_on,
        made_by=_person(actor),
    )
    _audit(actor=actor, obj=locked, changes={**changes, "variation": (None, decision.reference)})
    return variation


@transaction.atomic
def handover_sign_off(*, actor: "AnyUser", plan: HandoverPlan, note: str = "") -> HandoverPlan:
    """Leadership signs off the handover once every readiness item is met."""
    _require(permissions.can_sign_off_handover(actor))
    unmet = [item.name for item in selectors.handover_readiness(plan=plan) if item.met is not True]
    if unmet:
        raise ValidationError(
            "The handover cannot be signed off until every item is met: " + "; ".join(unmet).lower()
        )
    moved = HandoverPlan.objects.filter(pk=plan.pk, signed_off_at__isnull=True).update(
        signed_off_by=actor, signed_off_at=timezone.now(), sign_off_note=note
    )
    if not moved:
        raise ValidationError("The handover is already signed off")
    _audit(actor=actor, obj=plan.contract, changes={"handover_signed_off": (None, actor)})
    plan.refresh_from_db()
    return plan


HANDOVER_SIGNED_OFF = "The handover is signed off: its plan and running costs are kept as signed"


def _plan_locked(contract: Contract) -> HandoverPlan:
    """The contract's handover plan, created if it has none, locked for this transaction."""
    Contract.objects.select_for_update().filter(pk=contract.pk).first()
    plan, _ = HandoverPlan.objects.get_or_create(contract=contract)
    plan = HandoverPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.signed_off_at:
        raise ValidationError(HANDOVER_SIGNED_OFF)
    return plan


HANDOVER_FIELDS = (
    "facilitators_target",
    "triage_weeks_target",
    "triage_alone_since",
    "methods_owner",
    "plan_owner",
    "next_year_budget_gbp",
)


@transaction.atomic
def handover_plan_set(*, actor: "AnyUser", contract: Contract, **values: Any) -> HandoverPlan:
    """The Hub Team set what "self-sustaining" means (targets, owners, next year's budget);
    refused once Leadership has signed the handover off. Each changed field is audited."""
    _require(permissions.can_manage_contracts(actor))
    unknown = set(values) - set(HANDOVER_FIELDS)
    if unknown:
        raise ValueError(f"Not fields of the handover plan: {sorted(unknown)}")
    plan = _plan_locked(contract)
    for name in ("methods_owner", "plan_owner"):
        if name in values:
            values[name] = str(values[name]).strip()
    changes = {k: (getattr(plan, k), v) for k, v in values.items() if getattr(plan, k) != v}
    if changes:
        for name, value in values.items():
            setattr(plan, name, value)
        plan.full_clean()
        plan.save(update_fields=list(values))
        _audit(actor=actor, obj=plan, contract=contract, changes=changes)
    return plan


def _cost_values(cost: RunningCost) -> dict[str, object]:
    return {
        "kind": cost.get_kind_display(),
        "description": cost.description,
        "budget_line": cost.budget_line,
        "amount_gbp": cost.amount_gbp,
    }


@transaction.atomic
def running_cost_add(
    *,
    actor: "AnyUser",
    contract: Contract,
    kind: str,
    description: str,
    amount_gbp: Decimal,
    budget_line: str = "",
) -> RunningCost:
    """A line of next year's running costs (staff time, space, materials) or funding
    (external income), with its budget line; audited."""
    _require(permissions.can_manage_contracts(actor))
    plan = _plan_locked(contract)
    if plan.running_costs.filter(
        kind=kind, description__iexact=description.strip(), amount_gbp=amount_gbp
    ).exists():
        # The same line twice is a second click (the plan is locked, so also at once).
        raise ValidationError("This line is already in the running costs")
    cost = RunningCost(
        plan=plan,
        kind=kind,
        description=description.strip(),
        budget_line=budget_line.strip(),
        amount_gbp=amount_gbp,
    )
    cost.full_clean()
    cost.save()
    _audit(
        actor=actor,
        obj=cost,
        contract=contract,
        changes={k: (None, v) for k, v in _cost_values(cost).items()},
    )
    return cost


@transaction.atomic
def running_cost_change(
    *,
    actor: "AnyUser",
    cost: RunningCost,
    kind: str,
    description: str,
    amount_gbp: Decimal,
    budget_line: str = "",
) -> RunningCost:
    """Changes a line of the running costs; each changed field is audited."""
    _require(permissions.can_manage_contracts(actor))
    contract = cost.plan.contract
    plan = _plan_locked(contract)
    locked = RunningCost.objects.select_for_update().filter(pk=cost.pk, plan=plan).first()
    if locked is None:
        raise ValidationError("This line has been removed: add it again if it is still needed")
    before = _cost_values(locked)
    locked.kind, locked.description = kind, description.strip()
    locked.budget_line, locked.amount_gbp = budget_line.strip(), amount_gbp
    locked.full_clean()
    locked.save()
    after = _cost_values(locked)
    _audit(
        actor=actor,
        obj=locked,
        contract=contract,
        changes={k: (before[k], after[k]) for k in after},
    )
    return locked


@transaction.atomic
def running_cost_remove(*, actor: "AnyUser", cost: RunningCost) -> None:
    """Removes a line of the running costs; what it was stays in the audit trail."""
    _require(permissions.can_manage_contracts(actor))
    contract = cost.plan.contract
    plan = _plan_locked(contract)
    locked = RunningCost.objects.select_for_update().filter(pk=cost.pk, plan=plan).first()
    if locked is None:
        return  # already removed (a second click, or someone else): nothing left to do
    _audit(
        actor=actor,
        obj=locked,
        contract=contract,
        changes={k: (v, None) for k, v in _cost_values(locked).items()},
    )
    locked.delete()


def transparency_publish(
    *, kind: str, quarter: str, content: str, once: bool = False
) -> TransparencyFile:
    """Keeps a quarter's file as published; a quarter already kept is not replaced (and,
    with ``once``, saying so is an error: a second click, or someone else first)."""
    row, created = TransparencyFile.objects.get_or_create(
        kind=kind, quarter=quarter, defaults={"content": content}
    )
    if once and not created:
        raise ValidationError(
            {
                "quarter": f"{quarter} was already published on "
                f"{timezone.localtime(row.published_at):%-d %B %Y at %H:%M}: its files are kept "
                "unchanged"
            }
        )
    return row


def quarter_dates(quarter: str) -> tuple[date, date]:
    """The first and last day of a quarter written like 2017-Q1; a ValidationError if not."""
    match = re.fullmatch(r"(\d{4})-Q([1-4])", quarter.strip())
    if match is None:
        raise ValidationError({"quarter": "Enter a quarter like 2017-Q1"})
    year, number = int(match[1]), int(match[2])
    first = date(year, 3 * number - 2, 1)
    after = date(year + 1, 1, 1) if number == 4 else date(year, 3 * number + 1, 1)
    return first, after - timedelta(days=1)


def _csv_text(headers: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(list(headers))
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def transparency_publish_quarter(
    *, actor: "AnyUser | None", quarter: str, once: bool = False
) -> list[TransparencyFile]:
    """Publishes a quarter that has ended: the contracts register as it stands and the spend
    over £500 paid in the quarter, each kept unchanged once published. ``actor`` None is
    the scheduled command; a person must be in the Hub Team. With ``once`` (the page), a
    quarter already published is refused with when it was published."""
    if actor is not None:
        _require(permissions.can_manage_contracts(actor))
    first, last = quarter_dates(quarter)
    if last >= timezone.localdate():
        raise ValidationError({"quarter": "A quarter can be published only after it ends"})
    quarter = f"{first.year}-Q{(first.month + 2) // 3}"
    contracts = _csv_text(selectors.CONTRACT_COLUMNS, selectors.contracts_register_rows())
    spend = _csv_text(selectors.SPEND_COLUMNS, selectors.spend_rows(paid_from=first, paid_to=last))
    with transaction.atomic():
        return [
            transparency_publish(
                kind=TransparencyFile.Kind.CONTRACTS, quarter=quarter, content=contracts, once=once
            ),
            transparency_publish(
                kind=TransparencyFile.Kind.SPEND, quarter=quarter, content=spend, once=once
            ),
        ]


def user_label(user: "User | None") -> str:
    return user.get_full_name() or user.email if user is not None else ""
