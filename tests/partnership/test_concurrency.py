"""Payment rules under concurrency, on PostgreSQL: threads with their own connections."""

import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from improvement_hub.partnership import services
from improvement_hub.partnership.models import AuditEntry, Contract, PaymentBlock
from tests.partnership.conftest import People, accept, make_world

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def race(calls: list[Callable[[], object]]) -> list[object]:
    """Runs the calls at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001  # the outcome is what the test checks
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_blocks_never_exceed_value_when_set_concurrently(people: People) -> None:
    world = make_world(people, with_blocks=False)
    calls = [
        (
            lambda n=n: services.payment_block_set(
                actor=people.hub, contract=world.contract, number=n, amount_gbp=Decimal("40000")
            )
        )
        for n in range(1, 7)
    ]
    results = race(calls)
    made = [r for r in results if isinstance(r, PaymentBlock)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(made) == 3  # 3 x £40,000 fit in £150,000; a fourth would not
    assert len(refused) == 3
    contract = Contract.objects.get(pk=world.contract.pk)
    assert contract.blocks_total_gbp == Decimal("120000")
    assert sum(b.amount_gbp for b in PaymentBlock.objects.filter(contract=contract)) == Decimal(
        "120000"
    )


def test_block_approved_once_when_approved_concurrently(people: People) -> None:
    world = make_world(people)
    for n in (1, 5):
        accept(people, world.tasks[n])
    block = world.blocks[1]
    from datetime import date

    services.payment_block_invoice(
        actor=people.hub,
        block=block,
        invoice_number="IHC-1",
        invoice_on=date(2017, 3, 1),
        invoice_gbp=Decimal("50000"),
    )
    results = race(
        [lambda: services.payment_block_approve(actor=people.leader, block=block) for _ in range(5)]
    )
    assert sum(isinstance(r, PaymentBlock) for r in results) == 1
    assert sum(isinstance(r, services.PaymentConflict) for r in results) == 4
    assert (
        AuditEntry.objects.filter(
            object_type="payment block", object_id=block.pk, field="approved_by"
        ).count()
        == 1
    )


def test_deliverable_accepted_once_when_reviewed_concurrently(people: People) -> None:
    world = make_world(people)
    task = world.tasks[2]
    services.evidence_add(
        actor=people.partner, deliverable=task, kind="page", label="Plan", path="/lab/plan/"
    )
    services.deliverable_submit(actor=people.partner, deliverable=task)
    results = race(
        [
            lambda: services.deliverable_review(actor=people.hub, deliverable=task, accept=True)
            for _ in range(2)
        ]
        + [
            lambda: services.deliverable_review(
                actor=people.hub, deliverable=task, accept=False, reason="No"
            )
            for _ in range(2)
        ]
    )
    assert sum(not isinstance(r, Exception) for r in results) == 1
    task.refresh_from_db()
    assert task.status in ("accepted", "rejected")
