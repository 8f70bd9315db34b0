"""Two people acting at once on the new pages' services, on PostgreSQL: threads with their
own connections. One contract per reference, one variation per decision, a quarter
published once, no lost running-cost lines, one handover plan, a task moved once."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from improvement_hub.partnership import services
from improvement_hub.partnership.models import (
    AuditEntry,
    Contract,
    HandoverPlan,
    RunningCost,
    TransparencyFile,
    Variation,
)
from tests.partnership.conftest import People, make_world, signed_decision
from tests.partnership.test_concurrency import race

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_same_reference_added_twice_at_once_gives_one_contract(people: People) -> None:
    world = make_world(people, with_blocks=False)

    def add() -> Contract:
        return services.contract_create(
            actor=people.hub,
            reference="IH-2017-002",
            title="Second year",
            value_gbp=Decimal("50000"),
            starts_on=date(2017, 12, 1),
            ends_on=date(2018, 11, 30),
            decision=world.decision,
            supplier=world.contract.supplier,
        )

    results = race([add for _ in range(4)])
    assert sum(isinstance(r, Contract) for r in results) == 1
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 3
    assert all("already exists" in " ".join(r.messages) for r in refused)
    assert Contract.objects.filter(reference="IH-2017-002").count() == 1
    assert AuditEntry.objects.filter(object_type="contract", field="created").count() == 1


def test_one_decision_rests_one_variation_when_two_vary_at_once(people: People) -> None:
    world = make_world(people, with_blocks=False)
    other = Contract.objects.create(
        reference="IH-2017-009",
        title="Other",
        supplier=world.contract.supplier,
        value_gbp=Decimal("1000"),
        starts_on=date(2017, 1, 1),
        ends_on=date(2017, 6, 1),
        decision=world.decision,
    )
    new = signed_decision(people, subject="Variation")
    results = race(
        [
            lambda: services.contract_vary(
                actor=people.hub,
                contract=world.contract,
                decision=new,
                summary="Longer",
                ends_on=date(2018, 3, 31),
            ),
            lambda: services.contract_vary(
                actor=people.hub,
                contract=other,
                decision=new,
                summary="Longer too",
                ends_on=date(2017, 9, 1),
            ),
        ]
    )
    assert sum(isinstance(r, Variation) for r in results) == 1
    assert sum(isinstance(r, ValidationError) for r in results) == 1
    assert Variation.objects.count() == 1
    changed = Contract.objects.filter(ends_on__in=[date(2018, 3, 31), date(2017, 9, 1)])
    assert changed.count() == 1


def test_quarter_published_once_when_two_publish_at_once(people: People) -> None:
    make_world(people, with_blocks=False)
    results = race(
        [
            lambda: services.transparency_publish_quarter(
                actor=people.hub, quarter="2017-Q1", once=True
            )
            for _ in range(3)
        ]
    )
    assert sum(isinstance(r, list) for r in results) == 1
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 2
    assert all("already published" in " ".join(r.messages) for r in refused)
    assert TransparencyFile.objects.filter(quarter="2017-Q1").count() == 2


def test_lines_added_at_once_are_all_kept_with_one_plan(people: People) -> None:
    world = make_world(people, with_blocks=False)
    assert not HandoverPlan.objects.exists()
    results = race(
        [
            lambda n=n: services.running_cost_add(
                actor=people.hub,
                contract=world.contract,
                kind="materials",
                description=f"Line {n}",
                amount_gbp=Decimal("100"),
            )
            for n in range(4)
        ]
        + [
            lambda: services.handover_plan_set(
                actor=people.hub, contract=world.contract, plan_owner="Sam"
            )
        ]
    )
    assert not [r for r in results if isinstance(r, Exception)]
    assert HandoverPlan.objects.count() == 1
    assert RunningCost.objects.count() == 4
    assert AuditEntry.objects.filter(object_type="running cost", field="description").count() == 4
    assert HandoverPlan.objects.get().plan_owner == "Sam"


def test_task_moved_once_when_two_accept_through_the_api_service_at_once(
    people: People,
) -> None:
    world = make_world(people, with_blocks=False)
    task = world.tasks[1]
    services.evidence_add(
        actor=people.partner, deliverable=task, kind="page", label="Plan", path="/lab/plan/"
    )
    services.deliverable_change(actor=people.partner, deliverable=task, status="submitted")
    results = race(
        [
            lambda: services.deliverable_change(
                actor=people.hub, deliverable=task, status="accepted"
            ),
            lambda: services.deliverable_change(
                actor=people.hub, deliverable=task, status="rejected", reason="Not yet"
            ),
        ]
    )
    assert sum(isinstance(r, services.DeliverableConflict) for r in results) == 1
    task.refresh_from_db()
    assert task.status in ("accepted", "rejected")
    moves = AuditEntry.objects.filter(
        object_type="deliverable", object_id=task.pk, field="status", before="submitted"
    )
    assert moves.count() == 1


def test_same_line_sent_twice_at_once_is_kept_once(people: People) -> None:
    world = make_world(people, with_blocks=False)

    def add() -> RunningCost:
        return services.running_cost_add(
            actor=people.hub,
            contract=world.contract,
            kind="space",
            description="Lab room, Civic Centre",
            amount_gbp=Decimal("12000"),
        )

    results = race([add, add])
    assert sum(isinstance(r, RunningCost) for r in results) == 1
    assert sum(isinstance(r, ValidationError) for r in results) == 1
    assert RunningCost.objects.count() == 1
