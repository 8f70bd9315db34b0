"""The Hub Team add a contract and record its variations on GOV.UK pages with no
JavaScript; the services hold the rules (£150,000, the decision's value, 12 months, a new
signed decision for each variation) and write the audit trail."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from improvement_hub.accounts.roles import Role
from improvement_hub.partnership import services
from improvement_hub.partnership.models import AuditEntry, Contract, Supplier, Variation
from tests.accounts.factories import UserFactory
from tests.partnership.conftest import People, World, signed_decision

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "staff", "hub_team", "partner", "leadership"]


def client(user=None) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def as_role(people: People, role: str) -> Client:
    users = {
        "resident": UserFactory(role=Role.RESIDENT),
        "staff": people.staff,
        "hub_team": people.hub,
        "partner": people.partner,
        "leadership": people.leader,
    }
    return client(users.get(role))


def contract_answers(world: World, **overrides: object) -> dict[str, object]:
    answers: dict[str, object] = {
        "reference": "IH-2017-002",
        "title": "Support for the lab's second year",
        "decision": world.decision.pk,
        "supplier": world.contract.supplier_id,
        "value_gbp": "90000",
        "starts_on": "1/12/2017",
        "ends_on": "30/11/2018",
    }
    answers.update(overrides)
    return answers


# --- adding a contract ------------------------------------------------------------------


def test_hub_team_adds_contract_with_new_supplier_and_audit_records_it(
    people: People, world: World
) -> None:
    decision = signed_decision(people, value_gbp=Decimal("120000"))
    response = client(people.hub).post(
        "/contracts/new/",
        contract_answers(
            world,
            decision=decision.pk,
            supplier="",
            supplier_name="Lab Friends CIC",
            company_number="10000001",
            is_sme="on",
            is_vcse="on",
            hub_contacts=[people.hub.pk],
            partner_contacts=[people.other_partner.pk],
        ),
    )
    assert response.status_code == 302
    contract = Contract.objects.get(reference="IH-2017-002")
    assert response["Location"] == contract.get_absolute_url()
    assert contract.supplier.name == "Lab Friends CIC"
    assert contract.supplier.is_sme
    assert contract.supplier.is_vcse
    assert contract.value_gbp == Decimal("90000")
    assert contract.decision == decision
    assert list(contract.hub_contacts.all()) == [people.hub]
    assert list(contract.partner_contacts.all()) == [people.other_partner]
    entries = AuditEntry.objects.filter(object_type="contract", object_id=contract.pk)
    fields = {e.field: e for e in entries}
    assert {"created", "value_gbp", "decision", "supplier", "partner_contacts"} <= set(fields)
    assert fields["value_gbp"].after == "90000"
    assert fields["value_gbp"].actor == people.hub
    # the new partner contact now sees it; the other partner does not
    assert client(people.other_partner).get(contract.get_absolute_url()).status_code == 200
    assert client(people.partner).get(contract.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"value_gbp": "150000.01"}, "value_gbp", "£150,000 or less"),
        ({"reference": "IH-2016-001"}, "reference", "already exists"),
        ({"ends_on": "1/12/2017"}, "ends_on", "after the start date"),
        ({"ends_on": "2/12/2018"}, "ends_on", "12 months at most"),
        ({"ends_on": "31/2/2018"}, "ends_on", "must be a real date"),
        ({"supplier": ""}, "supplier", "Select a supplier, or enter the name of a new one"),
        ({"supplier_name": "Also this"}, "supplier_name", "Leave the new supplier"),
        ({"supplier": "99999"}, "supplier", "Select a supplier from the list"),
        ({"decision": ""}, "decision", "Select the signed decision"),
        ({"decision": "<script>"}, "decision", "Select a signed decision from the list"),
        ({"value_gbp": "lots"}, "value_gbp", "must be an amount in pounds"),
        ({"value_gbp": "1e400"}, "value_gbp", ""),
        ({"title": "x" * 300}, "title", "200 characters or fewer"),
        ({"title": "Hub\x00"}, "title", ""),
        ({"partner_contacts": ["staff"]}, "partner_contacts", "Select people from the list"),
    ],
)
def test_bad_contract_input_shows_error_keeps_answers_and_adds_nothing(
    people: People, world: World, overrides: dict[str, object], field: str, message: str
) -> None:
    if overrides.get("partner_contacts") == ["staff"]:
        overrides = {"partner_contacts": [people.staff.pk]}  # Staff is not a partner
    before = Contract.objects.count()
    response = client(people.hub).post("/contracts/new/", contract_answers(world, **overrides))
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message.replace("'", "&#x27;") in page
    assert 'value="Support for the lab&#x27;s second year"' in page or field == "title"
    assert Contract.objects.count() == before


def test_value_above_decision_is_refused_with_decision_named(people: People, world: World) -> None:
    small = signed_decision(people, value_gbp=Decimal("40000"))
    response = client(people.hub).post(
        "/contracts/new/", contract_answers(world, decision=small.pk, value_gbp="40000.01")
    )
    assert response.status_code == 400
    assert f"The decision {small.reference} allows up to £40,000" in response.content.decode()


def test_draft_decision_is_not_offered_and_service_refuses_it(people: People, world: World) -> None:
    from tests.partnership.conftest import decision_data

    draft = services.decision_create(actor=people.hub, data=decision_data())
    page = client(people.hub).get("/contracts/new/").content.decode()
    assert f'value="{draft.pk}"' not in page
    with pytest.raises(ValidationError, match="signed decision"):
        services.contract_create(
            actor=people.hub,
            reference="X-1",
            title="X",
            value_gbp=Decimal("10"),
            starts_on=date(2017, 1, 1),
            ends_on=date(2017, 6, 1),
            decision=draft,
            supplier=world.contract.supplier,
        )


def test_second_click_of_add_contract_adds_one_and_says_why(people: People, world: World) -> None:
    hub = client(people.hub)
    first = hub.post("/contracts/new/", contract_answers(world))
    second = hub.post("/contracts/new/", contract_answers(world))
    assert first.status_code == 302
    assert second.status_code == 400
    assert "A contract with the reference IH-2017-002 already exists" in second.content.decode()
    assert Contract.objects.filter(reference="IH-2017-002").count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_add_contract_page_by_role(people: People, world: World, role: str) -> None:
    who = as_role(people, role)
    page = who.get("/contracts/new/")
    post = who.post("/contracts/new/", contract_answers(world))
    if role == "hub_team":
        assert page.status_code == 200
        assert post.status_code == 302
    elif role == "anonymous":
        assert page.status_code == post.status_code == 302
        assert "/accounts/login/" in page["Location"]
    else:
        assert page.status_code == post.status_code == 404
    assert Contract.objects.filter(reference="IH-2017-002").exists() == (role == "hub_team")


@pytest.mark.parametrize("role", ["staff", "partner", "leadership"])
def test_add_contract_service_refuses_other_roles(people: People, world: World, role: str) -> None:
    actor = {"staff": people.staff, "partner": people.partner, "leadership": people.leader}[role]
    with pytest.raises(PermissionDenied):
        services.contract_create(
            actor=actor,
            reference="X-1",
            title="X",
            value_gbp=Decimal("10"),
            starts_on=date(2017, 1, 1),
            ends_on=date(2017, 6, 1),
            decision=world.decision,
            supplier=world.contract.supplier,
        )


def test_hostile_text_is_escaped_on_contract_page(people: People, world: World) -> None:
    client(people.hub).post(
        "/contracts/new/",
        contract_answers(
            world, title="<script>alert(1)</script>", supplier="", supplier_name="<b>S"
        ),
    )
    contract = Contract.objects.get(reference="IH-2017-002")
    page = client(people.hub).get(contract.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert Supplier.objects.filter(name="<b>S").exists()


# --- recording a variation -------------------------------------------------------------


def vary_url(world: World) -> str:
    return f"/contracts/{world.contract.pk}/vary/"


def test_variation_page_says_why_it_refuses_without_new_decision(
    people: People, world: World
) -> None:
    hub = client(people.hub)
    page = hub.get(vary_url(world)).content.decode()
    assert "There is no new signed decision to rest a variation on" in page
    assert "/decisions/new/" in page
    # the contract's own decision cannot be used again
    refused = hub.post(
        vary_url(world),
        {"decision": world.decision.pk, "summary": "A longer term", "ends_on": "31/3/2018"},
    )
    assert refused.status_code == 400
    assert "a variation needs one of its own" in refused.content.decode()
    missing = hub.post(vary_url(world), {"summary": "A longer term", "ends_on": "31/3/2018"})
    assert missing.status_code == 400
    assert "Select the new signed decision the variation rests on" in missing.content.decode()
    assert "A longer term" in missing.content.decode()  # nothing typed is lost
    world.contract.refresh_from_db()
    assert world.contract.ends_on == date(2017, 11, 30)
    assert not Variation.objects.exists()


def test_variation_with_new_signed_decision_changes_term_and_value_and_is_audited(
    people: People, world: World
) -> None:
    new = signed_decision(people, subject="Variation: a longer term", value_gbp=Decimal("150000"))
    response = client(people.hub).post(
        vary_url(world),
        {
            "decision": new.pk,
            "summary": "Four more months for task 7",
            "ends_on": "31/3/2018",
            "value_gbp": "150000",
        },
    )
    assert response.status_code == 302
    world.contract.refresh_from_db()
    assert world.contract.ends_on == date(2018, 3, 31)
    variation = Variation.objects.get()
    assert variation.decision == new
    assert variation.made_by == people.hub
    audit = AuditEntry.objects.filter(object_type="contract", object_id=world.contract.pk)
    ends = audit.get(field="ends_on")
    assert (ends.before, ends.after, ends.actor) == ("2017-11-30", "2018-03-31", people.hub)
    assert audit.filter(field="variation", after=new.reference).exists()
    detail = client(people.leader).get(world.contract.get_absolute_url()).content.decode()
    assert "Four more months for task 7" in detail
    # a second click of the same form records nothing more, and says so
    again = client(people.hub).post(
        vary_url(world),
        {"decision": new.pk, "summary": "Four more months for task 7", "ends_on": "31/3/2018"},
        follow=True,
    )
    assert "This variation is already recorded" in again.content.decode()
    assert Variation.objects.count() == 1
    # and the same decision cannot rest a variation of another contract
    with pytest.raises(ValidationError, match="new signed decision of its own"):
        services.contract_vary(
            actor=people.hub,
            contract=Contract.objects.create(
                reference="IH-2017-003",
                title="Other",
                supplier=world.contract.supplier,
                value_gbp=Decimal("1000"),
                starts_on=date(2017, 1, 1),
                ends_on=date(2017, 6, 1),
                decision=world.decision,
            ),
            decision=new,
            summary="Again",
        )


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"summary": "", "ends_on": "31/3/2018"}, "Enter what the variation changes"),
        ({"summary": "Less", "value_gbp": "100000"}, "already add up to £150,000"),
        ({"summary": "More", "value_gbp": "160000"}, "The decision allows up to £155,000"),
        ({"summary": "Back", "ends_on": "1/11/2016"}, "after the start date"),
        ({"summary": "Odd", "ends_on": "32/1/2018"}, "must be a real date"),
    ],
)
def test_bad_variation_input_is_refused_and_contract_unchanged(
    people: People, world: World, answers: dict[str, str], message: str
) -> None:
    new = signed_decision(people, subject="Variation", value_gbp=Decimal("155000"))
    response = client(people.hub).post(vary_url(world), {"decision": new.pk, **answers})
    assert response.status_code == 400
    assert message in response.content.decode()
    world.contract.refresh_from_db()
    assert (world.contract.value_gbp, world.contract.ends_on) == (
        Decimal("150000"),
        date(2017, 11, 30),
    )
    assert not Variation.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_variation_page_by_role(people: People, world: World, role: str) -> None:
    new = signed_decision(people, subject="Variation")
    who = as_role(people, role)
    page = who.get(vary_url(world))
    post = who.post(
        vary_url(world), {"decision": new.pk, "summary": "Longer", "ends_on": "1/3/2018"}
    )
    if role == "hub_team":
        assert (page.status_code, post.status_code) == (200, 302)
    elif role == "anonymous":
        assert page.status_code == post.status_code == 302
    else:
        assert page.status_code == post.status_code == 404
    assert Variation.objects.exists() == (role == "hub_team")
    with pytest.raises(PermissionDenied):
        services.contract_vary(
            actor=people.leader, contract=world.contract, decision=new, summary="No"
        )
