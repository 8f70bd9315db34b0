"""Decisions: the lifecycle, immutability once signed, corrections, the register, the PDF,
the API and the page sharing one boundary, permissions and hostile input."""

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test import Client
from pypdf import PdfReader

from improvement_hub.partnership import services
from improvement_hub.partnership.models import Decision, Quotation
from tests.partnership.conftest import (
    People,
    decision_data,
    published_decision,
    signed_decision,
)

pytestmark = pytest.mark.django_db


def client(user=None) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def test_decision_moves_draft_submitted_signed_published_when_each_role_acts(
    people: People,
) -> None:
    decision = published_decision(people)
    assert decision.state == "published"
    assert decision.signed_by == people.leader
    assert decision.signed_on == date(2016, 11, 29)


def test_signed_decision_refused_by_service_and_database_when_changed(people: People) -> None:
    decision = signed_decision(people)
    with pytest.raises(ValidationError):
        services.quotation_add(
            actor=people.hub,
            decision=decision,
            supplier="Late Ltd",
            amount_gbp=Decimal("1"),
            received_on=date(2017, 1, 1),
        )
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(value_gbp=Decimal("1"))
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(budget_code="changed")
    if connection.vendor == "postgresql":  # SQLite lets Django's test flush empty the table
        with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
            Decision.objects.filter(pk=decision.pk).delete()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        Quotation.objects.create(
            decision=decision, supplier="x", amount_gbp=Decimal("1"), received_on=date(2017, 1, 1)
        )
    decision.refresh_from_db()
    assert decision.value_gbp == Decimal("150000")
    assert decision.budget_code == "HR-SECRET-42"


def test_signing_officer_account_may_be_erased_when_decision_signed(people: People) -> None:
    decision = signed_decision(people)
    people.leader.delete()
    decision.refresh_from_db()
    assert decision.signed_by is None
    assert decision.decision_maker == "Shauna Posaner"


def test_signed_decision_may_still_be_published_when_only_state_changes(people: People) -> None:
    decision = signed_decision(people)
    services.decision_publish(actor=people.hub, decision=decision)
    decision.refresh_from_db()
    assert decision.state == "published"


def test_correction_is_new_version_linking_old_when_signed_decision_corrected(
    people: People,
) -> None:
    old = published_decision(people)
    new = services.decision_correct(actor=people.hub, decision=old)
    assert new.corrects == old
    assert new.version == 2
    assert new.state == "draft"
    assert new.subject == old.subject
    with pytest.raises(ValidationError, match="already has a correction"):
        services.decision_correct(actor=people.hub, decision=old)
    old.refresh_from_db()
    assert old.state == "published"


def test_decision_cannot_be_signed_when_standing_orders_unmet(people: People) -> None:
    decision = services.decision_create(
        actor=people.hub,
        data=decision_data(
            value_gbp=Decimal("9999.99"),
            route="quotations",
            delegation=_quotations(),
            exemption_justification="",
        ),
    )
    for n in range(2):
        services.quotation_add(
            actor=people.hub,
            decision=decision,
            supplier=f"Supplier {n}",
            amount_gbp=Decimal("9000"),
            received_on=date(2016, 11, 1),
        )
    services.decision_submit(actor=people.hub, decision=decision)
    with pytest.raises(ValidationError, match="standing orders are not met"):
        services.decision_sign(actor=people.leader, decision=decision)
    # A draft's quotations may still be added; the third makes it signable.
    services.quotation_add(
        actor=people.hub,
        decision=decision,
        supplier="Supplier 3",
        amount_gbp=Decimal("9100"),
        received_on=date(2016, 11, 2),
    )
    assert services.decision_sign(actor=people.leader, decision=decision).state == "signed"


def _quotations():  # type: ignore[no-untyped-def]
    from tests.partnership.conftest import delegation

    return delegation("officer-quotations")


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [
        ("hub", "create", True),
        ("leader", "create", False),
        ("partner", "create", False),
        ("staff", "create", False),
        ("hub", "sign", False),
        ("leader", "sign", True),
        ("partner", "sign", False),
        ("hub", "publish", True),
        ("leader", "publish", True),
        ("partner", "publish", False),
        ("staff", "publish", False),
    ],
)
def test_decision_permissions_when_role_acts(
    people: People, role: str, action: str, allowed: bool
) -> None:
    actor = getattr(people, role)
    if action == "create":
        call = lambda: services.decision_create(actor=actor, data=decision_data())  # noqa: E731
    else:
        decision = services.decision_create(actor=people.hub, data=decision_data())
        services.decision_submit(actor=people.hub, decision=decision)
        if action == "publish":
            services.decision_sign(actor=people.leader, decision=decision)
            call = lambda: services.decision_publish(actor=actor, decision=decision)  # noqa: E731
        else:
            call = lambda: services.decision_sign(actor=actor, decision=decision)  # noqa: E731
    if allowed:
        call()
    else:
        with pytest.raises(PermissionDenied):
            call()


def test_double_submit_moves_decision_once_when_clicked_twice(people: People) -> None:
    decision = services.decision_create(actor=people.hub, data=decision_data())
    services.decision_submit(actor=people.hub, decision=decision)
    with pytest.raises(ValidationError):
        services.decision_submit(actor=people.hub, decision=decision)
    assert Decision.objects.get(pk=decision.pk).state == "submitted"


# --- the API and the page: one boundary ----------------------------------------------------

API_BODY = {
    "subject": "Lab furniture",
    "decision_maker": "A Officer",
    "delegation": "officer-single-contractor",
    "value_gbp": "250000",
    "route": "single-contractor-negotiation",
    "outline": "Buy furniture.",
}


def test_api_create_refuses_and_names_cabinet_when_over_200k(people: People) -> None:
    response = client(people.hub).post(
        "/api/v1/decisions", json.dumps(API_BODY), content_type="application/json"
    )
    assert response.status_code == 422
    assert "Cabinet" in response.json()["errors"]["value_gbp"][0]


def test_page_gives_same_message_as_api_when_over_200k(people: People) -> None:
    api = client(people.hub).post(
        "/api/v1/decisions", json.dumps(API_BODY), content_type="application/json"
    )
    page = client(people.hub).post("/decisions/new/", {**API_BODY})
    assert page.status_code == 400
    message = api.json()["errors"]["value_gbp"][0]
    assert message.replace("'", "&#x27;") in page.content.decode()


def test_api_create_gives_201_when_allowed(people: People) -> None:
    body = {**API_BODY, "value_gbp": "150000"}
    response = client(people.hub).post(
        "/api/v1/decisions", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 201
    data = response.json()
    assert data["state"] == "draft"
    assert data["delegation"] == "officer-single-contractor"
    assert Decision.objects.filter(pk=data["id"]).exists()


@pytest.mark.parametrize("role", ["leader", "partner", "staff"])
def test_api_create_refused_when_not_hub_team(people: People, role: str) -> None:
    body = {**API_BODY, "value_gbp": "150000"}
    response = client(getattr(people, role)).post(
        "/api/v1/decisions", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 403


def test_api_create_refuses_route_delegation_does_not_allow(people: People) -> None:
    body = {**API_BODY, "value_gbp": "150000", "route": "quotations"}
    response = client(people.hub).post(
        "/api/v1/decisions", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    assert "single contractor negotiation" in response.json()["errors"]["route"][0]


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "x" * 201,
        "nul\x00byte",
        "\ud800",
        '=HYPERLINK("http://evil")',
        "💷 ünïcödé ‮reversed",
    ],
)
def test_hostile_subject_never_500_when_posted(people: People, hostile: str) -> None:
    body = {**API_BODY, "value_gbp": "150000", "subject": hostile}
    try:
        payload = json.dumps(body)
    except UnicodeEncodeError:  # pragma: no cover
        pytest.skip("not encodable")
    api = client(people.hub).post("/api/v1/decisions", payload, content_type="application/json")
    assert api.status_code in (201, 422)
    if hostile != "\ud800":  # a browser cannot send a lone surrogate in a form
        page = client(people.hub).post("/decisions/new/", body)
        assert page.status_code in (302, 400)
    if api.status_code == 201:
        detail = client(people.hub).get(f"/decisions/{api.json()['id']}/")
        assert b"<script>alert(1)" not in detail.content


def test_api_refuses_bad_amounts_when_not_money(people: People) -> None:
    for value in ["abc", "-5", "0", "1e400", "12.345", "99999999999999"]:
        response = client(people.hub).post(
            "/api/v1/decisions",
            json.dumps({**API_BODY, "value_gbp": value}),
            content_type="application/json",
        )
        assert response.status_code == 422, value


# --- the register, the page, the PDF, the budget code -----------------------------------


def test_public_sees_only_published_when_listing(people: People) -> None:
    published = published_decision(people)
    draft = services.decision_create(actor=people.hub, data=decision_data(subject="Secret draft"))
    anonymous = client().get("/api/v1/decisions").json()
    assert [d["id"] for d in anonymous] == [published.pk]
    assert client().get(f"/api/v1/decisions/{draft.pk}").status_code == 404
    assert client().get(f"/decisions/{draft.pk}/").status_code == 404
    everything = client(people.leader).get("/api/v1/decisions").json()
    assert {d["id"] for d in everything} == {published.pk, draft.pk}


def test_budget_code_redacted_when_public(people: People) -> None:
    decision = published_decision(people)
    page = client().get(f"/decisions/{decision.pk}/").content.decode()
    assert "HR-SECRET-42" not in page
    assert "[REDACTED]" in page
    assert client().get(f"/api/v1/decisions/{decision.pk}").json()["budget_code"] is None
    assert (
        client(people.hub).get(f"/api/v1/decisions/{decision.pk}").json()["budget_code"]
        == "HR-SECRET-42"
    )


def test_pdf_opens_and_holds_decision_text_when_downloaded(people: People) -> None:
    decision = published_decision(people, outline="To engage Impact Hub CIC for up to 12 months.")
    response = client().get(f"/decisions/{decision.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Impact Hub CIC" in text
    assert "Shauna Posaner" in text
    assert "Compliance with standing orders" in text
    assert "HR-SECRET-42" not in text
    assert "[REDACTED]" in text


def test_register_filters_when_searched_and_filtered(people: People) -> None:
    published_decision(people, subject="Lab furniture", decision_maker="Alex Officer")
    published_decision(people, subject="Hub support", decision_maker="Shauna Posaner")
    page = client().get("/decisions/", {"q": "furniture"}).content.decode()
    assert "Lab furniture" in page
    assert "Hub support" not in page
    page = client().get("/decisions/", {"officer": "Shauna Posaner"}).content.decode()
    assert "Hub support" in page
    assert "Lab furniture" not in page
    api = client().get("/api/v1/decisions", {"officer": "Alex Officer"}).json()
    assert [d["subject"] for d in api] == ["Lab furniture"]
    page = client().get("/decisions/", {"signed_from": "1/12/2016"}).content.decode()
    assert "No decisions match" in page
    # Bad filters are ignored rather than refused.
    assert (
        client()
        .get("/decisions/", {"signed_from": "31/02/2017", "delegation": "nope", "page": "x"})
        .status_code
        == 200
    )


def test_delegations_api_gives_rules_as_data(people: People) -> None:
    data = client().get("/api/v1/delegations").json()
    single = next(d for d in data if d["slug"] == "officer-single-contractor")
    assert single["name"] == "Expenditure under £162k — single contractor negotiation"
    assert Decimal(single["max_gbp"]) == Decimal("162000")
    assert "single-contractor-negotiation" in single["routes"]


def test_decision_actions_on_page_when_signed_in(people: People) -> None:
    decision = services.decision_create(actor=people.hub, data=decision_data())
    hub = client(people.hub)
    assert hub.post(f"/decisions/{decision.pk}/submit/").status_code == 302
    assert client(people.partner).post(f"/decisions/{decision.pk}/sign/").status_code == 404
    assert client(people.leader).post(f"/decisions/{decision.pk}/sign/").status_code == 302
    assert hub.post(f"/decisions/{decision.pk}/publish/").status_code == 302
    assert Decision.objects.get(pk=decision.pk).state == "published"
    assert hub.post(f"/decisions/{decision.pk}/nonsense/").status_code == 404
