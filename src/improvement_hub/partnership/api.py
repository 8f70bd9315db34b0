"""The partnership app in the JSON API: the decision register, the rules as data, the
contract and its payment blocks, and the transparency code's contracts register."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, QueryDict, StreamingHttpResponse
from ninja import Field, Router, Schema, Status

from improvement_hub.accounts.api_auth import READ_AUTH
from improvement_hub.accounts.types import ApiReadRequest, ApiWriteRequest
from improvement_hub.core.api import PROBLEMS, Problem, bind_form
from improvement_hub.core.schemas import InputSchema
from improvement_hub.core.spreadsheets import csv_response
from improvement_hub.partnership import selectors, services
from improvement_hub.partnership.filters import DecisionFilter
from improvement_hub.partnership.forms import DecisionForm, DeliverableStatusForm
from improvement_hub.partnership.models import Contract, Decision, Delegation, Deliverable

router = Router(tags=["partnership"])


class DecisionOut(Schema):
    id: int
    reference: str
    subject: str
    decision_maker: str
    decision_maker_title: str
    deputising_for: str
    districts: str
    delegation: str
    route: str
    value_gbp: Decimal
    outline: str
    reasons: str
    state: str
    is_public: bool
    version: int
    corrects: int | None = Field(None, alias="corrects_id")
    signed_on: date | None
    published_on: date | None
    budget_code: str | None = None
    url: str

    @staticmethod
    def resolve_delegation(decision: Decision) -> str:
        return decision.delegation.slug

    @staticmethod
    def resolve_url(decision: Decision) -> str:
        return decision.get_absolute_url()

    @staticmethod
    def resolve_budget_code(decision: Decision, context: dict[str, Any]) -> str | None:
        """Redacted (null) in the public version."""
        if selectors.decision_shows_budget_code(user=context["request"].user):
            return decision.budget_code
        return None


class DecisionIn(InputSchema):
    """A draft decision, checked by the page's form (``forms.DecisionForm``) and the rules."""

    subject: str
    decision_maker: str
    delegation: str = Field(description="A delegation's slug, from GET /delegations")
    value_gbp: Decimal
    route: str
    outline: str
    decision_maker_title: str = ""
    budget_code: str = ""
    exemption_justification: str = ""


class DelegationOut(Schema):
    slug: str
    name: str
    min_gbp: Decimal
    max_gbp: Decimal | None
    routes: list[str]


class DeliverableOut(Schema):
    number: int
    title: str
    status: str


class BlockOut(Schema):
    id: int
    number: int
    amount_gbp: Decimal
    status: str


class ContractOut(Schema):
    id: int
    reference: str
    title: str
    supplier: str
    value_gbp: Decimal
    starts_on: date
    ends_on: date
    spent_gbp: Decimal
    deliverables: list[DeliverableOut]
    payment_blocks: list[BlockOut]

    @staticmethod
    def resolve_supplier(contract: Contract) -> str:
        return contract.supplier.name

    @staticmethod
    def resolve_spent_gbp(contract: Contract) -> Decimal:
        return selectors.contract_spend(contract).paid


@router.get("/decisions", response=list[DecisionOut], auth=READ_AUTH)
def decision_list(
    request: ApiReadRequest, q: str = "", delegation: str = "", officer: str = ""
) -> list[Decision]:
    """The decision register: published decisions for everyone, all of them for the Hub Team
    and Leadership. Filters as on the register page (search, delegation slug, officer)."""
    params = QueryDict(mutable=True)
    params.update({"q": q, "delegation": delegation, "officer": officer})
    filters = DecisionFilter(params, queryset=selectors.decision_list_for_user(user=request.auth))
    return list(filters.qs[:200])


@router.get("/decisions/{decision_id}", response=DecisionOut, auth=READ_AUTH)
def decision_detail(request: ApiReadRequest, decision_id: int) -> Decision:
    """One decision (404 when it is not published and you are not the Hub Team or Leadership)."""
    return selectors.decision_get_for_user(user=request.auth, pk=decision_id)


@router.post("/decisions", response={201: DecisionOut, **PROBLEMS})
def decision_create(request: ApiWriteRequest, payload: DecisionIn) -> Status[Decision]:
    """A draft decision (Hub Team). A value or route the delegation does not allow is a 422
    that names the route that applies instead."""
    form = bind_form(DecisionForm, payload.model_dump())
    decision = services.decision_create(actor=request.auth, data=form.decision_data())
    return Status(201, selectors.decision_get_for_user(user=request.auth, pk=decision.pk))


@router.get("/delegations", response=list[DelegationOut], auth=None)
def delegation_list(request: HttpRequest) -> list[Delegation]:
    """The delegations in force today, with their value ranges and routes (rules as data)."""
    return list(selectors.delegation_list_in_force())


@router.get("/contracts/{contract_id}", response=ContractOut)
def contract_detail(request: ApiWriteRequest, contract_id: int) -> Contract:
    """A contract with its deliverables, payment blocks and spend (a partner: their own only)."""
    return selectors.contract_get_for_user(user=request.auth, pk=contract_id)


@router.post(
    "/payment-blocks/{block_id}/approve", response={200: BlockOut, 409: Problem, **PROBLEMS}
)
def payment_block_approve(
    request: ApiWriteRequest, block_id: int
) -> Status[BlockOut] | Status[Problem]:
    """Approve a payment block (Leadership); 409 while its deliverables are not accepted."""
    block = selectors.block_get_for_user(user=request.auth, pk=block_id)
    try:
        block = services.payment_block_approve(actor=request.auth, block=block)
    except services.PaymentConflict as conflict:
        return Status(409, Problem(detail=conflict.message))
    return Status(
        200,
        BlockOut(
            id=block.pk, number=block.number, amount_gbp=block.amount_gbp, status=block.status
        ),
    )


class DeliverableChangeIn(InputSchema):
    """A task's move, checked by the page's form (``forms.DeliverableStatusForm``)."""

    status: str = Field(description="submitted (the partner), accepted or rejected (Hub Team)")
    reason: str = Field("", description="Why the task is not accepted (needed to reject)")


class DeliverableChangeOut(Schema):
    id: int
    contract: int = Field(..., alias="contract_id")
    number: int
    title: str
    status: str
    rejection_reason: str
    url: str

    @staticmethod
    def resolve_url(deliverable: Deliverable) -> str:
        return deliverable.get_absolute_url()


@router.patch(
    "/deliverables/{deliverable_id}",
    response={200: DeliverableChangeOut, 409: Problem, **PROBLEMS},
)
def deliverable_change(
    request: ApiWriteRequest, deliverable_id: int, payload: DeliverableChangeIn
) -> Status[Deliverable] | Status[Problem]:
    """Move a task as its page does: the partner submits it (with its evidence); the Hub
    Team accepts it, or rejects it with a reason. 409 when its status does not allow the
    move; 403 for a role that may not make it; 404 for a contract that is not yours."""
    deliverable = selectors.deliverable_get_by_id_for_user(user=request.auth, pk=deliverable_id)
    form = bind_form(DeliverableStatusForm, payload.model_dump())
    try:
        moved = services.deliverable_change(
            actor=request.auth, deliverable=deliverable, **form.cleaned_data
        )
    except services.DeliverableConflict as conflict:
        return Status(409, Problem(detail=conflict.message))
    return Status(200, moved)


@router.get("/transparency/contracts.csv", auth=None)
def transparency_contracts_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The Local Government Transparency Code 2015 contracts register, as CSV."""
    return csv_response(
        filename="contracts-register.csv",
        headers=selectors.CONTRACT_COLUMNS,
        rows=selectors.contracts_register_rows(),
    )
