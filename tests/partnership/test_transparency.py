"""The Local Government Transparency Code 2015 outputs: columns exactly the Code's."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from improvement_hub.partnership import services
from improvement_hub.partnership.models import Contract, PaymentBlock
from tests.partnership.conftest import People, World

pytestmark = pytest.mark.django_db

CODE_CONTRACT_COLUMNS = [
    "Reference number",
    "Title of agreement",
    "Local authority department responsible",
    "Description of the goods and/or services being provided",
    "Supplier name and details",
    "Sum to be paid over the length of the contract or the estimated annual spending or budget for the contract",  # noqa: E501 - the Code's words
    "Value Added Tax that cannot be recovered",
    "Start, end and review dates",
    "Whether or not the contract was the result of an invitation to quote or a published invitation to tender",  # noqa: E501 - the Code's words
    "Whether or not the supplier is a small or medium sized enterprise and/or a voluntary or community sector organisation and where it is, provide relevant registration number",  # noqa: E501 - the Code's words
]
CODE_SPEND_COLUMNS = [
    "Date the expenditure was incurred",
    "Local authority department which incurred the expenditure",
    "Beneficiary",
    "Summary of the purpose of the expenditure",
    "Amount",
    "Non-recoverable VAT",
    "Merchant category",
]


def rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


@pytest.mark.parametrize(
    "url", ["/api/v1/transparency/contracts.csv", "/transparency/contracts.csv"]
)
def test_contracts_register_has_code_columns_exactly(world: World, url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = rows(response)
    assert table[0] == CODE_CONTRACT_COLUMNS
    assert len(table) == 2
    row = dict(zip(CODE_CONTRACT_COLUMNS, table[1], strict=True))
    assert row["Reference number"] == "IH-2016-001"
    assert row[CODE_CONTRACT_COLUMNS[5]] == "150000.00"
    assert row["Start, end and review dates"].startswith("start 01/12/2016, end 30/11/2017")
    assert row[CODE_CONTRACT_COLUMNS[-1]] == "SME and VCSE: Company 09000001"


def test_contracts_register_leaves_out_contracts_of_5000_or_less(
    people: People, world: World
) -> None:
    Contract.objects.create(
        reference="SMALL-1",
        title="Small",
        supplier=world.contract.supplier,
        value_gbp=Decimal("5000"),
        starts_on=date(2017, 1, 1),
        ends_on=date(2017, 2, 1),
        decision=world.decision,
    )
    assert [r[0] for r in rows(Client().get("/transparency/contracts.csv"))[1:]] == ["IH-2016-001"]


def test_spend_over_500_lists_paid_blocks_with_code_columns(people: People, world: World) -> None:
    block = world.blocks[1]
    PaymentBlock.objects.filter(pk=block.pk).update(
        approved_at="2017-03-20T10:00:00Z", paid_on=date(2017, 3, 31)
    )
    table = rows(Client().get("/transparency/spend.csv"))
    assert table[0] == CODE_SPEND_COLUMNS
    assert table[1] == [
        "31/03/2017",
        "Corporate Human Resources",
        "Impact Hub CIC",
        "Support for the set up of the Improvement Hub: payment block 1",
        "50000.00",
        "0.00",
        "Consultancy and professional services",
    ]


def test_transparency_page_public_and_csv_safe_when_hostile_title(world: World) -> None:
    Contract.objects.filter(pk=world.contract.pk).update(title='=HYPERLINK("http://evil")')
    assert Client().get("/transparency/").status_code == 200
    table = rows(Client().get("/transparency/contracts.csv"))
    assert table[1][1].startswith("'=")


def test_quarterly_file_kept_when_published(world: World) -> None:
    kept = services.transparency_publish(kind="contracts", quarter="2017-Q1", content="a,b\n")
    again = services.transparency_publish(kind="contracts", quarter="2017-Q1", content="changed\n")
    assert again.pk == kept.pk
    assert again.content == "a,b\n"
    response = Client().get(f"/transparency/files/{kept.pk}/")
    assert response.status_code == 200
    assert response.content == b"a,b\n"
