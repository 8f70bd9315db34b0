"""A contract world built through the services where the rules live, and the people in it."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from improvement_hub.partnership import selectors, services
from improvement_hub.partnership.models import (
    Contract,
    Decision,
    Deliverable,
    PaymentBlock,
    Supplier,
)
from improvement_hub.partnership.services import DecisionData
from tests.accounts.factories import UserFactory


@dataclass
class People:
    hub: User
    leader: User
    partner: User
    other_partner: User
    staff: User


@pytest.fixture
def people(db) -> People:  # type: ignore[no-untyped-def]
    return People(
        hub=UserFactory(role=Role.HUB_TEAM),
        leader=UserFactory(role=Role.LEADERSHIP),
        partner=UserFactory(role=Role.PARTNER),
        other_partner=UserFactory(role=Role.PARTNER),
        staff=UserFactory(role=Role.STAFF),
    )


def delegation(slug: str = "officer-single-contractor"):  # type: ignore[no-untyped-def]
    return selectors.delegation_list_in_force().get(slug=slug)


def decision_data(**overrides: object) -> DecisionData:
    values: dict[str, object] = {
        "subject": "Provision of support for the set up of an Improvement Hub",
        "decision_maker": "Shauna Posaner",
        "delegation": delegation(),
        "value_gbp": Decimal("150000"),
        "route": "single-contractor-negotiation",
        "outline": "To engage Impact Hub CIC for up to 12 months.",
        "budget_code": "HR-SECRET-42",
        "exemption_justification": "Completed through single contractor negotiation.",
    }
    values.update(overrides)
    return DecisionData(**values)  # type: ignore[arg-type]


def signed_decision(people: People, **overrides: object) -> Decision:
    decision = services.decision_create(actor=people.hub, data=decision_data(**overrides))
    services.decision_submit(actor=people.hub, decision=decision)
    return services.decision_sign(
        actor=people.leader, decision=decision, signed_on=date(2016, 11, 29)
    )


def published_decision(people: People, **overrides: object) -> Decision:
    return services.decision_publish(
        actor=people.hub, decision=signed_decision(people, **overrides)
    )


@dataclass
class World:
    contract: Contract
    decision: Decision
    tasks: dict[int, Deliverable]
    blocks: dict[int, PaymentBlock]


def make_world(people: People, *, with_blocks: bool = True) -> World:
    decision = published_decision(people)
    supplier = Supplier.objects.create(
        name="Impact Hub CIC", company_number="09000001", is_sme=True, is_vcse=True
    )
    contract = Contract.objects.create(
        reference="IH-2016-001",
        title="Support for the set up of the Improvement Hub",
        supplier=supplier,
        value_gbp=Decimal("150000"),
        starts_on=date(2016, 12, 1),
        ends_on=date(2017, 11, 30),
        decision=decision,
    )
    contract.partner_contacts.add(people.partner)
    contract.hub_contacts.add(people.hub)
    tasks = {
        n: Deliverable.objects.create(
            contract=contract,
            number=n,
            title=f"Task {n}",
            acceptance_criteria="Done well",
            due_on=date(2017, 5, 31),
        )
        for n in range(1, 8)
    }
    blocks: dict[int, PaymentBlock] = {}
    if with_blocks:
        for number, deps in ((1, [1, 5]), (2, [3, 4, 7]), (3, [2, 6])):
            blocks[number] = services.payment_block_set(
                actor=people.hub,
                contract=contract,
                number=number,
                amount_gbp=Decimal("50000"),
                deliverables=[tasks[n] for n in deps],
            )
    return World(contract, decision, tasks, blocks)


@pytest.fixture
def world(people: People) -> World:
    return make_world(people)


def accept(people: People, task: Deliverable) -> None:
    services.evidence_add(
        actor=people.partner, deliverable=task, kind="page", label="The lab plan", path="/lab/plan/"
    )
    services.deliverable_submit(actor=people.partner, deliverable=task)
    services.deliverable_review(actor=people.hub, deliverable=task, accept=True)
