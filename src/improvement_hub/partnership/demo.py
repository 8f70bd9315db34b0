"""Demo data for the partnership app (part of the seed's story; see config/management/commands/demo.py).

The officer decision of 29 November 2016 (signed and published, its budget code redacted in
the public version), the Impact Hub CIC contract from December 2016, its seven tasks as they
stood in spring 2017, and three payment blocks: block 1 paid, block 2 waiting for task 7's
acceptance, block 3 not due. Written directly, as history.
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from improvement_hub.accounts.models import User
from improvement_hub.council.models import Organisation
from improvement_hub.partnership import selectors
from improvement_hub.partnership.models import (
    AuditEntry,
    Contract,
    Decision,
    Delegation,
    Deliverable,
    EvidenceLink,
    HandoverPlan,
    PaymentBlock,
    RunningCost,
    Supplier,
    TransparencyFile,
)
from improvement_hub.partnership.rules import Route

LONDON = ZoneInfo("Europe/London")

OUTLINE = """To deliver the Council's priorities, significant change is needed in how the Council works and interacts with our partners, service users and customers. To approach change in a sustainable way the Council is setting up an Improvement Hub of 4 strands: the Change Academy, the Improvement Team, the Ideas Forum and the Innovation Lab, led by the Improvement Hub Team in Corporate Human Resources.

We are seeking to work with the Impact Hub CIC, a social enterprise that has delivered Innovation Lab type approaches for other local authorities, to support the Improvement Hub Team to set up the Improvement Hub and its strands, in co-design with the Team.

The proposed tasks the Impact Hub CIC will provide are:
1. Develop the Innovation Lab plan, including implementation of key sustainability practices.
2. Upskill the Improvement Hub Team to ensure that they are ambassadors for the approach.
3. Co-execute and deliver a prototype for service design that links the spectrum of change together.
4. Ensure that the lab becomes a resource that communities can refer cross-system problems into.
5. Develop the branding, positioning and communications of the Innovation Lab.
6. Provide physical lab space until June 2017, with support to host the lab within Council buildings.
7. Deliver 3 pilots before June 2017 to apply and test the approaches designed.

The basis of the negotiations will be to agree the scope of services, the cost and the terms and conditions."""

TASKS = [
    (
        1,
        "Develop the Innovation Lab plan",
        "The lab plan published with its sustainability practices and indicators.",
        date(2017, 2, 28),
        "accepted",
    ),
    (
        2,
        "Upskill the Improvement Hub Team as ambassadors",
        "Every Hub Team member on the ambassador pathway; at least two learning visits to other labs.",
        date(2017, 9, 30),
        "in_progress",
    ),
    (
        3,
        "Co-deliver a service-design prototype",
        "A prototype tested with users, and initiatives at every scale of the spectrum of change.",
        date(2017, 4, 30),
        "accepted",
    ),
    (
        4,
        "Open the lab to community referrals",
        "Communities can refer cross-system problems; referrals triaged within the working-day targets.",
        date(2017, 4, 30),
        "accepted",
    ),
    (
        5,
        "Branding, positioning and communications",
        "The lab's name, look and comms pages agreed and live.",
        date(2017, 2, 28),
        "accepted",
    ),
    (
        6,
        "Lab space until June 2017, and the move into council buildings",
        "Lab space provided until June 2017 and a move plan for council buildings agreed.",
        date(2017, 6, 30),
        "in_progress",
    ),
    (
        7,
        "Deliver 3 pilots before June 2017",
        "Three pilots started before June 2017, each with its Change Academy training planned.",
        date(2017, 5, 31),
        "submitted",
    ),
]
EVIDENCE = {
    1: [
        ("page", "The Innovation Lab plan", "/lab/plan/", ""),
        ("figure", "Sustainability indicators", "", "lab-plan"),
    ],
    2: [
        ("figure", "Ambassador pathway and learning visits", "", "academy"),
        ("page", "Other labs we learn from", "/lab/labs/", ""),
    ],
    3: [("figure", "Prototypes and the spectrum of change", "", "prototype")],
    4: [
        ("page", "Refer a problem to the lab", "/lab/refer/", ""),
        ("figure", "Referrals and challenges", "", "referrals"),
    ],
    5: [("page", "The Innovation Lab's home page", "/lab/", "")],
    6: [("figure", "Spaces, the move plan and utilisation", "", "spaces")],
    7: [("figure", "Pilots and their training readiness", "", "pilots")],
}


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def _decision(hub: User | None, leader: User | None) -> Decision:
    delegation = (
        Delegation.objects.filter(slug="officer-single-contractor")
        .order_by("-effective_from")
        .first()
    )
    assert delegation is not None  # noqa: S101  # seeded by migration 0002
    decision, _ = Decision.objects.get_or_create(
        subject="Provision of support for the set up of an 'Improvement Hub'",
        version=1,
        defaults={
            "districts": "All wards",
            "decision_maker": "Shauna Posaner",
            "outline": OUTLINE,
            "delegation": delegation,
            "route": Route.SINGLE_CONTRACTOR,
            "reasons": "To engage with Impact Hub CIC, for the provision of advice, specialist expertise and resources to support the set-up of an Improvement Hub for a period of up to 12 months and at a cost of up to £150,000.",
            "is_public": True,
            "value_gbp": Decimal("150000"),
            "cost_note": "to be paid in 3 separate blocks",
            "budget_code": "HR-IMPHUB-2016",
            "exemption_justification": "Completed through single contractor negotiation.",
            "consultation": "Not required.",
            "state": "published",
            "created_by": hub,
            "signed_by": leader,
            "signed_on": date(2016, 11, 29),
            "published_on": date(2016, 11, 30),
        },
    )
    return decision


def load(log: Callable[[str], None]) -> None:
    """Load this app's part of the demo story. Safe to run again: updates in place."""
    hub = User.objects.filter(email="hubteam@demo.example").first()
    leader = User.objects.filter(email="leadership@demo.example").first()
    partner = User.objects.filter(email="partner@demo.example").first()
    decision = _decision(hub, leader)
    if decision.signed_by is None and leader is not None and not decision.is_signed:
        Decision.objects.filter(pk=decision.pk).update(signed_by=leader)
    supplier, _ = Supplier.objects.update_or_create(
        name="Impact Hub CIC",
        defaults={
            "organisation": Organisation.objects.filter(name__icontains="Impact Hub").first(),
            "company_number": "09000001 (demo)",
            "is_sme": True,
            "is_vcse": True,
            "address": "Digbeth, Birmingham",
        },
    )
    contract, _ = Contract.objects.update_or_create(
        reference="IH-2016-001",
        defaults={
            "title": "Support for the set up of the Improvement Hub",
            "description": "Advice, specialist expertise and resources to set up the Improvement Hub and its 4 strands, with the Improvement Hub Team.",
            "supplier": supplier,
            "value_gbp": Decimal("150000"),
            "blocks_total_gbp": Decimal("150000"),
            "starts_on": date(2016, 12, 1),
            "ends_on": date(2017, 11, 30),
            "review_on": date(2017, 6, 1),
            "decision": decision,
            "was_tendered": False,
        },
    )
    if hub:
        contract.hub_contacts.add(hub)
    if partner:
        contract.partner_contacts.add(partner)
    deliverables = {}
    for number, title, criteria, due, status in TASKS:
        decided = status in ("accepted", "rejected")
        deliverable, _ = Deliverable.objects.update_or_create(
            contract=contract,
            number=number,
            defaults={
                "title": title,
                "acceptance_criteria": criteria,
                "due_on": due,
                "owner": partner,
                "status": status,
                "submitted_at": _at(due) if status in ("submitted", "accepted") else None,
                "decided_at": _at(due, 15) if decided else None,
                "decided_by": hub if decided else None,
            },
        )
        deliverables[number] = deliverable
        for kind, label, path, figure in EVIDENCE[number]:
            EvidenceLink.objects.get_or_create(
                deliverable=deliverable,
                label=label,
                defaults={"kind": kind, "path": path, "figure": figure, "added_by": partner},
            )
    blocks = [
        (
            1,
            date(2017, 3, 31),
            [1, 5],
            ("IHC-0117", date(2017, 3, 1)),
            date(2017, 3, 20),
            date(2017, 3, 31),
        ),
        (2, date(2017, 6, 30), [3, 4, 7], ("IHC-0217", date(2017, 5, 15)), None, None),
        (3, date(2017, 11, 30), [2, 6], None, None, None),
    ]
    for number, due, tasks, invoice, approved, paid in blocks:
        block, _ = PaymentBlock.objects.update_or_create(
            contract=contract,
            number=number,
            defaults={
                "amount_gbp": Decimal("50000"),
                "due_on": due,
                "invoice_number": invoice[0] if invoice else "",
                "invoice_on": invoice[1] if invoice else None,
                "invoice_gbp": Decimal("50000") if invoice else None,
                "approved_by": leader if approved else None,
                "approved_at": _at(approved) if approved else None,
                "paid_on": paid,
            },
        )
        block.deliverables.set([deliverables[n] for n in tasks])
    _history(contract, decision, deliverables, hub, leader)
    plan, _ = HandoverPlan.objects.update_or_create(
        contract=contract,
        defaults={
            "facilitators_target": 6,
            "triage_weeks_target": 8,
            "methods_owner": "Hana Hughes, Improvement Hub Team",
            "plan_owner": "Lee Morgan, Corporate Human Resources",
            "next_year_budget_gbp": Decimal("60000"),
        },
    )
    for kind, text, line, amount in [
        ("staff", "Hub Team time for the lab (1.0 FTE)", "HR-IMPHUB-STAFF", "42000"),
        ("space", "Lab room in the council house", "HR-IMPHUB-SPACE", "8000"),
        ("materials", "Workshop materials", "HR-IMPHUB-MAT", "3000"),
        ("income", "Partner agencies' contribution", "", "5000"),
    ]:
        RunningCost.objects.update_or_create(
            plan=plan,
            description=text,
            defaults={"kind": kind, "budget_line": line, "amount_gbp": Decimal(amount)},
        )
    from improvement_hub.core.spreadsheets import safe_cell  # the same cells as the live CSV

    for kind, columns, rows in [
        ("contracts", selectors.CONTRACT_COLUMNS, selectors.contracts_register_rows()),
        ("spend", selectors.SPEND_COLUMNS, selectors.spend_rows()),
    ]:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[safe_cell(c) for c in row] for row in rows])
        TransparencyFile.objects.get_or_create(
            kind=kind, quarter="2017-Q1", defaults={"content": buffer.getvalue()}
        )
    log(
        "Partnership: the decision of 29 Nov 2016, the Impact Hub CIC contract, 7 tasks, 3 payment blocks"
    )


def _history(
    contract: Contract,
    decision: Decision,
    deliverables: dict[int, Deliverable],
    hub: User | None,
    leader: User | None,
) -> None:
    """A few audit entries as they happened (written once)."""
    if AuditEntry.objects.filter(contract=contract).exists():
        return
    rows = [
        ("decision", decision.pk, None, "state", "submitted", "signed", leader, date(2016, 11, 29)),
        ("decision", decision.pk, None, "state", "signed", "published", hub, date(2016, 11, 30)),
        (
            "deliverable",
            deliverables[1].pk,
            contract,
            "status",
            "submitted",
            "accepted",
            hub,
            date(2017, 2, 28),
        ),
        (
            "deliverable",
            deliverables[5].pk,
            contract,
            "status",
            "submitted",
            "accepted",
            hub,
            date(2017, 2, 28),
        ),
        ("payment block", 1, contract, "approved_by", "", "Lee Morgan", leader, date(2017, 3, 20)),
        ("payment block", 1, contract, "paid_on", "", "2017-03-31", hub, date(2017, 3, 31)),
        (
            "deliverable",
            deliverables[7].pk,
            contract,
            "status",
            "in_progress",
            "submitted",
            None,
            date(2017, 5, 31),
        ),
    ]
    for object_type, object_id, on_contract, field, before, after, actor, day in rows:
        entry = AuditEntry.objects.create(
            object_type=object_type,
            object_id=object_id,
            contract=on_contract,
            field=field,
            before=before,
            after=after,
            actor=actor,
        )
        AuditEntry.objects.filter(pk=entry.pk).update(at=_at(day))
