"""The Hub Team set the handover plan and the lab's running costs and funding for next year
on pages with no JavaScript; every change is in the audit trail (who, when, field, before,
after), and nothing changes once Leadership has signed the handover off."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from improvement_hub.partnership import services
from improvement_hub.partnership.models import AuditEntry, HandoverPlan, RunningCost
from tests.partnership.conftest import People, World
from tests.partnership.test_contract_pages import ROLES, as_role, client

pytestmark = pytest.mark.django_db

PLAN = {
    "facilitators_target": "6",
    "triage_weeks_target": "8",
    "triage_alone_since": "1/9/2017",
    "methods_owner": "Jo Bloggs, Head of Service Design",
    "plan_owner": "Sam Smith, Lab Manager",
    "next_year_budget_gbp": "45000",
}


def plan_url(world: World) -> str:
    return f"/handover/{world.contract.pk}/edit/"


def cost_url(world: World, cost: RunningCost | None = None) -> str:
    tail = f"{cost.pk}/" if cost else "new/"
    return f"/handover/{world.contract.pk}/costs/{tail}"


def test_hub_team_sets_plan_and_each_field_is_audited(people: People, world: World) -> None:
    hub = client(people.hub)
    assert "Set the handover plan" in hub.get(f"/handover/{world.contract.pk}/").content.decode()
    response = hub.post(plan_url(world), PLAN)
    assert response.status_code == 302
    plan = HandoverPlan.objects.get(contract=world.contract)
    assert plan.plan_owner == "Sam Smith, Lab Manager"
    assert plan.next_year_budget_gbp == Decimal("45000")
    audit = AuditEntry.objects.filter(object_type="handover plan", object_id=plan.pk)
    assert set(audit.values_list("field", flat=True)) == {
        "triage_alone_since",
        "methods_owner",
        "plan_owner",
        "next_year_budget_gbp",
    }  # the targets were already 6 and 8: unchanged fields are not audited
    budget = audit.get(field="next_year_budget_gbp")
    assert (budget.before, budget.after, budget.actor) == ("0.00", "45000", people.hub)
    assert budget.contract == world.contract
    # a second save of a change: before and after
    hub.post(plan_url(world), {**PLAN, "plan_owner": "Ali Khan"})
    owner = audit.filter(field="plan_owner").order_by("-id").first()
    assert owner is not None
    assert (owner.before, owner.after) == ("Sam Smith, Lab Manager", "Ali Khan")
    # the trail is readable and exportable
    trail = hub.get(f"/contracts/{world.contract.pk}/audit.csv")
    assert "Ali Khan" in b"".join(trail.streaming_content).decode()  # type: ignore[attr-defined]


def test_running_costs_added_changed_removed_with_audit(people: People, world: World) -> None:
    hub = client(people.hub)
    line = {"kind": "staff", "description": "Lab facilitator, 0.5 FTE", "amount_gbp": "18000"}
    assert hub.post(cost_url(world), {**line, "budget_line": "HR-LAB-01"}).status_code == 302
    income = {"kind": "income", "description": "Foundation grant", "amount_gbp": "5000"}
    assert hub.post(cost_url(world), income).status_code == 302
    twice = hub.post(cost_url(world), income)  # a second click of the same line
    assert twice.status_code == 400
    assert "This line is already in the running costs" in twice.content.decode()
    assert RunningCost.objects.filter(kind="income").count() == 1
    cost = RunningCost.objects.get(kind="staff")
    page = hub.get(f"/handover/{world.contract.pk}/").content.decode()
    assert "Lab facilitator, 0.5 FTE" in page
    assert "HR-LAB-01" in page
    assert "Costs £18,000, external income £5,000" in page
    changed = hub.post(cost_url(world, cost), {**line, "amount_gbp": "20000"})
    assert changed.status_code == 302
    cost.refresh_from_db()
    assert cost.amount_gbp == Decimal("20000")
    audit = AuditEntry.objects.filter(object_type="running cost", object_id=cost.pk)
    amount = audit.filter(field="amount_gbp").order_by("id")
    assert [(a.before, a.after) for a in amount] == [("", "18000"), ("18000.00", "20000")]
    assert audit.get(field="budget_line", before="HR-LAB-01").after == ""
    removed = hub.post(f"{cost_url(world, cost)}remove/")
    assert removed.status_code == 302
    assert not RunningCost.objects.filter(pk=cost.pk).exists()
    assert audit.filter(field="description", before="Lab facilitator, 0.5 FTE", after="").exists()
    # a second click of remove does no harm
    assert hub.post(f"{cost_url(world, cost)}remove/").status_code == 302
    assert hub.get(cost_url(world, cost)).status_code == 404


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"kind": "", "description": "x", "amount_gbp": "1"}, "Select what the line is"),
        ({"kind": "rent", "description": "x", "amount_gbp": "1"}, "Select"),
        ({"kind": "space", "description": "", "amount_gbp": "1"}, "Enter description"),
        ({"kind": "space", "description": "Room", "amount_gbp": "-5"}, "must be more than £0"),
        ({"kind": "space", "description": "Room", "amount_gbp": "NaN"}, "amount in pounds"),
        ({"kind": "space", "description": "Room", "amount_gbp": "1" * 30}, "too large"),
        ({"kind": "space", "description": "R" * 201, "amount_gbp": "1"}, "200 characters"),
        ({"kind": "space", "description": "Room\x07", "amount_gbp": "1"}, ""),
    ],
)
def test_bad_running_cost_is_refused_and_nothing_saved(
    people: People, world: World, answers: dict[str, str], message: str
) -> None:
    response = client(people.hub).post(cost_url(world), answers)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert message.lower() in response.content.decode().lower()
    assert not RunningCost.objects.exists()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"facilitators_target": "six"}, "must be a whole number"),
        ({"triage_weeks_target": "-1"}, "must be 0 or more"),
        ({"triage_alone_since": "31/9/2017"}, "must be a real date"),
        ({"next_year_budget_gbp": "£45k"}, "must be an amount in pounds"),
        ({"methods_owner": "<script>alert(1)</script>" + "x" * 200}, "150 characters"),
    ],
)
def test_bad_plan_input_is_refused_and_typed_answers_kept(
    people: People, world: World, answers: dict[str, str], message: str
) -> None:
    response = client(people.hub).post(plan_url(world), {**PLAN, **answers})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Sam Smith, Lab Manager" in page
    assert "<script>alert(1)</script>" not in page
    assert not HandoverPlan.objects.exists()


def test_signed_off_handover_cannot_change(people: People, world: World) -> None:
    services.handover_plan_set(actor=people.hub, contract=world.contract, plan_owner="Sam")
    cost = services.running_cost_add(
        actor=people.hub,
        contract=world.contract,
        kind="space",
        description="Room",
        amount_gbp=Decimal("100"),
    )
    HandoverPlan.objects.filter(contract=world.contract).update(
        signed_off_at=timezone.now(), signed_off_by=people.leader
    )
    with pytest.raises(ValidationError, match="signed off"):
        services.handover_plan_set(actor=people.hub, contract=world.contract, plan_owner="Ali")
    with pytest.raises(ValidationError, match="signed off"):
        services.running_cost_remove(actor=people.hub, cost=cost)
    hub = client(people.hub)
    response = hub.post(plan_url(world), PLAN, follow=True)
    assert "The handover is signed off" in response.content.decode()
    assert hub.post(cost_url(world), {"kind": "space", "description": "x", "amount_gbp": "1"})[
        "Location"
    ].endswith(f"/handover/{world.contract.pk}/")
    assert HandoverPlan.objects.get().plan_owner == "Sam"
    assert RunningCost.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_handover_edit_pages_by_role(people: People, world: World, role: str) -> None:
    who = as_role(people, role)
    line = {"kind": "materials", "description": "Post-its", "amount_gbp": "300"}
    responses = [
        who.get(plan_url(world)),
        who.post(plan_url(world), PLAN),
        who.get(cost_url(world)),
        who.post(cost_url(world), line),
    ]
    statuses = [r.status_code for r in responses]
    if role == "hub_team":
        assert statuses == [200, 302, 200, 302]
    elif role == "anonymous":
        assert statuses == [302] * 4
    else:
        assert statuses == [404] * 4
    assert RunningCost.objects.exists() == (role == "hub_team")
    if role != "hub_team":
        actor = {"anonymous": None, "resident": None}.get(role, people.leader)
        with pytest.raises(PermissionDenied):
            services.running_cost_add(
                actor=actor or people.staff,
                contract=world.contract,
                kind="space",
                description="Room",
                amount_gbp=Decimal("1"),
            )


def test_one_plans_cost_cannot_be_reached_through_another_contract(
    people: People, world: World
) -> None:
    from tests.partnership.test_contract_pages import contract_answers

    hub = client(people.hub)
    hub.post(cost_url(world), {"kind": "space", "description": "Room", "amount_gbp": "1"})
    cost = RunningCost.objects.get()
    hub.post("/contracts/new/", contract_answers(world))
    from improvement_hub.partnership.models import Contract

    other = Contract.objects.get(reference="IH-2017-002")
    hub.post(f"/handover/{other.pk}/edit/", PLAN)
    assert hub.get(f"/handover/{other.pk}/costs/{cost.pk}/").status_code == 404
    assert hub.post(f"/handover/{other.pk}/costs/{cost.pk}/remove/").status_code == 302
    assert RunningCost.objects.filter(pk=cost.pk).exists()
