"""The contract: who sees it, the partner's evidence journey, payment blocks and their
rules, variations, the audit trail and the handover."""

import csv
import io
import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from improvement_hub.partnership import selectors, services
from improvement_hub.partnership.models import (
    AuditEntry,
    Contract,
    HandoverPlan,
    PaymentBlock,
    RunningCost,
)
from tests.partnership.conftest import People, World, accept, signed_decision

pytestmark = pytest.mark.django_db


def client(user=None) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


# --- who sees the contract ------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("hub", 200), ("leader", 200), ("partner", 200), ("other_partner", 404), ("staff", 404)],
)
def test_contract_visible_only_to_its_people_when_requested(
    people: People, world: World, role: str, status: int
) -> None:
    who = client(getattr(people, role))
    assert who.get(f"/api/v1/contracts/{world.contract.pk}").status_code == status
    assert who.get(f"/contracts/{world.contract.pk}/").status_code == status
    assert who.get(f"/contracts/{world.contract.pk}/tasks/1/").status_code == status


def test_partner_lists_only_own_contracts(people: People, world: World) -> None:
    assert world.contract.title in client(people.partner).get("/contracts/").content.decode()
    assert (
        world.contract.title not in client(people.other_partner).get("/contracts/").content.decode()
    )


def test_anonymous_sent_to_sign_in_when_contract_requested(world: World) -> None:
    assert client().get(f"/contracts/{world.contract.pk}/").status_code == 302
    assert client().get(f"/api/v1/contracts/{world.contract.pk}").status_code == 401


def test_contract_api_gives_tasks_blocks_and_spend(people: People, world: World) -> None:
    data = client(people.partner).get(f"/api/v1/contracts/{world.contract.pk}").json()
    assert data["supplier"] == "Impact Hub CIC"
    assert Decimal(data["value_gbp"]) == Decimal("150000")
    assert data["starts_on"] == "2016-12-01"
    assert data["ends_on"] == "2017-11-30"
    assert [d["number"] for d in data["deliverables"]] == [1, 2, 3, 4, 5, 6, 7]
    assert {d["status"] for d in data["deliverables"]} == {"not_started"}
    assert [(b["number"], b["status"]) for b in data["payment_blocks"]] == [
        (1, "not due"),
        (2, "not due"),
        (3, "not due"),
    ]
    assert Decimal(data["spent_gbp"]) == 0


# --- the evidence journey -------------------------------------------------------------


def test_partner_submits_and_hub_rejects_then_accepts_when_evidence_journey(
    people: People, world: World
) -> None:
    task = world.tasks[1]
    with pytest.raises(ValidationError, match="Add evidence"):
        services.deliverable_submit(actor=people.partner, deliverable=task)
    services.evidence_add(
        actor=people.partner, deliverable=task, kind="figure", label="Indicators", figure="lab-plan"
    )
    assert task.status == "in_progress"
    services.deliverable_submit(actor=people.partner, deliverable=task)
    with pytest.raises(ValidationError, match="reason"):
        services.deliverable_review(actor=people.hub, deliverable=task, accept=False, reason="  ")
    services.deliverable_review(
        actor=people.hub, deliverable=task, accept=False, reason="Add the indicators' owners"
    )
    assert task.status == "rejected"
    assert task.rejection_reason == "Add the indicators' owners"
    services.evidence_add(
        actor=people.partner, deliverable=task, kind="page", label="Plan", path="/lab/plan/"
    )
    services.deliverable_submit(actor=people.partner, deliverable=task)
    services.deliverable_review(actor=people.hub, deliverable=task, accept=True)
    assert task.status == "accepted"
    with pytest.raises(ValidationError):
        services.evidence_add(
            actor=people.partner, deliverable=task, kind="page", label="Late", path="/lab/"
        )


@pytest.mark.parametrize(
    "path",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/no-such-page-at-all/",
        "lab/plan/",
        "/api/v1/decisions",
        "javascript:alert(1)",
    ],
)
def test_evidence_refused_when_path_not_a_hub_page(people: People, world: World, path: str) -> None:
    with pytest.raises(ValidationError):
        services.evidence_add(
            actor=people.partner, deliverable=world.tasks[1], kind="page", label="x", path=path
        )


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("partner", True),
        ("hub", True),
        ("other_partner", False),
        ("leader", False),
        ("staff", False),
    ],
)
def test_evidence_permissions_when_role_adds(
    people: People, world: World, role: str, allowed: bool
) -> None:
    call = lambda: services.evidence_add(  # noqa: E731
        actor=getattr(people, role),
        deliverable=world.tasks[1],
        kind="page",
        label="Plan",
        path="/lab/plan/",
    )
    if allowed:
        call()
    else:
        with pytest.raises(PermissionDenied):
            call()


def test_partner_cannot_review_when_own_task(people: People, world: World) -> None:
    task = world.tasks[1]
    services.evidence_add(
        actor=people.partner, deliverable=task, kind="page", label="Plan", path="/lab/plan/"
    )
    services.deliverable_submit(actor=people.partner, deliverable=task)
    with pytest.raises(PermissionDenied):
        services.deliverable_review(actor=people.partner, deliverable=task, accept=True)
    assert (
        client(people.partner)
        .post(f"/contracts/{world.contract.pk}/tasks/1/review/", {"status": "accepted"})
        .status_code
        == 404
    )


def test_evidence_pages_without_js_when_partner_posts_forms(people: People, world: World) -> None:
    partner = client(people.partner)
    url = f"/contracts/{world.contract.pk}/tasks/4/"
    bad = partner.post(url + "evidence/", {"kind": "page", "label": "Refer", "path": "/nowhere/"})
    assert bad.status_code == 400
    assert "Enter the address of a page of this hub" in bad.content.decode()
    assert 'value="Refer"' in bad.content.decode()  # nothing typed is lost
    assert (
        partner.post(
            url + "evidence/", {"kind": "page", "label": "Refer", "path": "/lab/refer/"}
        ).status_code
        == 302
    )
    document = SimpleUploadedFile("notes.pdf", b"%PDF-1.4 notes", content_type="application/pdf")
    assert (
        partner.post(
            url + "evidence/", {"kind": "document", "label": "Notes", "document": document}
        ).status_code
        == 302
    )
    assert partner.post(url + "submit/").status_code == 302
    world.tasks[4].refresh_from_db()
    assert world.tasks[4].status == "submitted"
    evidence = world.tasks[4].evidence.get(kind="document")
    download = partner.get(f"{url}evidence/{evidence.pk}/")
    assert download.status_code == 200
    assert client(people.other_partner).get(f"{url}evidence/{evidence.pk}/").status_code == 404
    review = client(people.hub).post(url + "review/", {"status": "rejected", "reason": ""})
    assert review.status_code == 400
    assert client(people.hub).post(url + "review/", {"status": "accepted"}).status_code == 302
    world.tasks[4].refresh_from_db()
    assert world.tasks[4].status == "accepted"


# --- payment blocks -------------------------------------------------------------------


def _invoice(people: People, block: PaymentBlock) -> None:
    services.payment_block_invoice(
        actor=people.hub,
        block=block,
        invoice_number="IHC-1",
        invoice_on=date(2017, 3, 1),
        invoice_gbp=Decimal("50000"),
    )


def test_approve_gives_409_until_tasks_accepted(people: People, world: World) -> None:
    block = world.blocks[2]
    _invoice(people, block)
    leader = client(people.leader)
    url = f"/api/v1/payment-blocks/{block.pk}/approve"
    response = leader.post(url)
    assert response.status_code == 409
    assert "task 3, 4, 7" in response.json()["detail"]
    for n in (3, 4):
        accept(people, world.tasks[n])
    response = leader.post(url)
    assert response.status_code == 409
    assert "task 7 is accepted" in response.json()["detail"]
    accept(people, world.tasks[7])
    response = leader.post(url)
    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert leader.post(url).status_code == 409  # approved once


@pytest.mark.parametrize(
    ("role", "status"), [("hub", 403), ("partner", 403), ("staff", 404), ("other_partner", 404)]
)
def test_approve_refused_when_not_leadership(
    people: People, world: World, role: str, status: int
) -> None:
    for n in (1, 5):
        accept(people, world.tasks[n])
    _invoice(people, world.blocks[1])
    response = client(getattr(people, role)).post(
        f"/api/v1/payment-blocks/{world.blocks[1].pk}/approve"
    )
    assert response.status_code == status
    assert PaymentBlock.objects.get(pk=world.blocks[1].pk).approved_at is None


def test_spend_to_date_when_block_paid(people: People, world: World) -> None:
    for n in (1, 5):
        accept(people, world.tasks[n])
    _invoice(people, world.blocks[1])
    services.payment_block_approve(actor=people.leader, block=world.blocks[1])
    with pytest.raises(ValidationError):
        services.payment_block_pay(
            actor=people.hub, block=world.blocks[2], paid_on=date(2017, 3, 31)
        )
    services.payment_block_pay(actor=people.hub, block=world.blocks[1], paid_on=date(2017, 3, 31))
    spend = selectors.contract_spend(
        selectors.contract_get_for_user(user=people.leader, pk=world.contract.pk)
    )
    assert (spend.paid, spend.remaining, spend.paid_percent) == (
        Decimal("50000"),
        Decimal("100000"),
        33,
    )
    page = client(people.partner).get(f"/contracts/{world.contract.pk}/").content.decode()
    assert "£50,000.00 paid of £150,000.00" in page


def test_blocks_never_exceed_contract_value_when_set(people: People, world: World) -> None:
    with pytest.raises(ValidationError, match="£150,000.01"):
        services.payment_block_set(
            actor=people.hub, contract=world.contract, number=4, amount_gbp=Decimal("0.01")
        )
    with pytest.raises(ValidationError):
        services.payment_block_set(
            actor=people.hub, contract=world.contract, number=3, amount_gbp=Decimal("50000.01")
        )
    services.payment_block_set(
        actor=people.hub, contract=world.contract, number=3, amount_gbp=Decimal("49000")
    )
    assert Contract.objects.get(pk=world.contract.pk).blocks_total_gbp == Decimal("149000")


def test_database_refuses_blocks_total_over_value_when_written_directly(world: World) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Contract.objects.filter(pk=world.contract.pk).update(blocks_total_gbp=Decimal("150000.01"))


def test_invoice_refused_when_over_block_amount(people: People, world: World) -> None:
    with pytest.raises(ValidationError):
        services.payment_block_invoice(
            actor=people.hub,
            block=world.blocks[1],
            invoice_number="X",
            invoice_on=date(2017, 3, 1),
            invoice_gbp=Decimal("50000.01"),
        )


# --- variations -----------------------------------------------------------------------


def test_variation_needs_new_signed_decision(people: People, world: World) -> None:
    with pytest.raises(ValidationError, match="new signed decision"):
        services.contract_vary(
            actor=people.hub,
            contract=world.contract,
            decision=world.decision,
            summary="More",
            ends_on=date(2018, 3, 31),
        )
    new = signed_decision(people, subject="Extend the partner's term", value_gbp=Decimal("150000"))
    services.contract_vary(
        actor=people.hub,
        contract=world.contract,
        decision=new,
        summary="Three more months",
        ends_on=date(2018, 2, 28),
    )
    assert Contract.objects.get(pk=world.contract.pk).ends_on == date(2018, 2, 28)
    with pytest.raises(ValidationError):
        services.contract_vary(
            actor=people.hub,
            contract=world.contract,
            decision=new,
            summary="Again",
            ends_on=date(2018, 3, 31),
        )


def test_variation_refused_when_value_below_blocks(people: People, world: World) -> None:
    new = signed_decision(people, subject="Reduce", value_gbp=Decimal("100000"))
    with pytest.raises(ValidationError, match="already add up"):
        services.contract_vary(
            actor=people.hub,
            contract=world.contract,
            decision=new,
            summary="Less",
            value_gbp=Decimal("100000"),
        )


# --- audit ----------------------------------------------------------------------------


def test_audit_records_who_when_field_before_after_when_things_change(
    people: People, world: World
) -> None:
    accept(people, world.tasks[1])
    entry = AuditEntry.objects.filter(
        object_type="deliverable", object_id=world.tasks[1].pk, field="status"
    ).first()
    assert entry is not None
    assert (entry.before, entry.after, entry.actor) == ("submitted", "accepted", people.hub)
    assert AuditEntry.objects.filter(
        object_type="decision", object_id=world.decision.pk, field="state", after="signed"
    ).exists()
    assert (
        AuditEntry.objects.filter(
            object_type="payment block", field="amount_gbp", after="50000"
        ).count()
        == 3
    )


@pytest.mark.parametrize(
    ("role", "status"), [("hub", 200), ("leader", 200), ("partner", 404), ("staff", 404)]
)
def test_audit_readable_and_exportable_when_hub_or_leadership(
    people: People, world: World, role: str, status: int
) -> None:
    who = client(getattr(people, role))
    assert who.get(f"/contracts/{world.contract.pk}/audit/").status_code == status
    response = who.get(f"/contracts/{world.contract.pk}/audit.csv")
    assert response.status_code == status
    if status == 200:
        rows = list(
            csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
        )
        assert rows[0] == ["When", "Who", "Record", "Field", "Before", "After"]
        assert ["state", "published"] in [[row[3], row[5]] for row in rows[1:]]


# --- handover -------------------------------------------------------------------------


def test_handover_not_signed_off_until_items_met(people: People, world: World) -> None:
    plan = HandoverPlan.objects.create(
        contract=world.contract, next_year_budget_gbp=Decimal("50000")
    )
    items = selectors.handover_readiness(plan=plan)
    # The Academy's and spaces' figures: not available yet
    assert [item.met for item in items][:2] == [None, None]
    assert "Not available yet" in items[0].figure
    with pytest.raises(ValidationError, match="every item is met"):
        services.handover_sign_off(actor=people.leader, plan=plan)
    with pytest.raises(PermissionDenied):
        services.handover_sign_off(actor=people.hub, plan=plan)
    page = client(people.leader).get(f"/handover/{world.contract.pk}/")
    assert page.status_code == 200
    assert "Not available yet" in page.content.decode()
    assert client(people.partner).get(f"/handover/{world.contract.pk}/").status_code == 404


def test_handover_items_computed_when_records_exist(people: People, world: World) -> None:
    plan = HandoverPlan.objects.create(
        contract=world.contract,
        next_year_budget_gbp=Decimal("50000"),
        methods_owner="A",
        plan_owner="B",
        triage_alone_since=timezone.localdate() - timedelta(weeks=9),
        triage_weeks_target=8,
    )
    RunningCost.objects.create(
        plan=plan, kind="staff", description="Staff", amount_gbp=Decimal("52000")
    )
    RunningCost.objects.create(
        plan=plan, kind="income", description="Grant", amount_gbp=Decimal("2000")
    )
    items = {item.name: item for item in selectors.handover_readiness(plan=plan)}
    assert items["Methods and the lab plan owned by named officers"].met is True
    assert items["Running costs for next year funded within the budget"].met is True
    assert items["The Hub Team runs triage alone within its working-day targets"].met is True
    assert (
        "9 of 8 weeks"
        in items["The Hub Team runs triage alone within its working-day targets"].figure
    )


def test_contract_json_boundary_when_bad_ids(people: People, world: World) -> None:
    hub = client(people.hub)
    assert hub.get("/api/v1/contracts/999999").status_code == 404
    assert hub.get("/api/v1/contracts/abc").status_code == 422
    assert client(people.leader).post("/api/v1/payment-blocks/999999/approve").status_code == 404
    assert hub.get(f"/contracts/{world.contract.pk}/tasks/99/").status_code == 404
    assert json.loads(hub.get("/api/v1/delegations").content)
