"""A quarter's transparency files, written by a service and the publish_transparency command."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from improvement_hub.partnership import services
from improvement_hub.partnership.models import PaymentBlock, TransparencyFile
from tests.partnership.conftest import People, World

pytestmark = pytest.mark.django_db


def _paid(world: World, number: int, paid_on: date) -> None:
    PaymentBlock.objects.filter(pk=world.blocks[number].pk).update(
        approved_at="2017-01-01T10:00Z", paid_on=paid_on
    )


def test_quarter_files_hold_contracts_and_only_that_quarters_spend(
    people: People, world: World
) -> None:
    _paid(world, 1, date(2017, 2, 10))
    _paid(world, 2, date(2017, 4, 3))
    files = services.transparency_publish_quarter(actor=people.hub, quarter="2017-Q1")
    assert [f.kind for f in files] == ["contracts", "spend"]
    contracts = list(csv.reader(io.StringIO(files[0].content)))
    assert contracts[0][0] == "Reference number"
    assert contracts[1][0] == "IH-2016-001"
    spend = list(csv.reader(io.StringIO(files[1].content)))
    assert [row[0] for row in spend[1:]] == ["10/02/2017"]
    # published once: the same quarter again keeps the first files
    _paid(world, 3, date(2017, 3, 1))
    again = services.transparency_publish_quarter(actor=people.hub, quarter="2017-Q1")
    assert again[1].content == files[1].content
    assert TransparencyFile.objects.count() == 2


@pytest.mark.parametrize("quarter", ["2017", "2017-Q5", "17-Q1", "<b>", "2017-q1 ", "9999-Q1"])
def test_bad_or_future_quarter_refused(people: People, world: World, quarter: str) -> None:
    with pytest.raises(ValidationError):
        services.transparency_publish_quarter(actor=people.hub, quarter=quarter)
    assert not TransparencyFile.objects.exists()


@pytest.mark.parametrize("role", ["leader", "partner", "staff"])
def test_only_hub_team_publishes(people: People, world: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.transparency_publish_quarter(actor=getattr(people, role), quarter="2017-Q1")


def test_command_publishes_quarter_and_refuses_bad_one(world: World) -> None:
    out = io.StringIO()
    call_command("publish_transparency", "--quarter", "2017-Q2", stdout=out)
    assert "Contracts register for 2017-Q2 is published" in out.getvalue()
    assert TransparencyFile.objects.filter(quarter="2017-Q2").count() == 2
    with pytest.raises(CommandError, match="Enter a quarter like 2017-Q1"):
        call_command("publish_transparency", "--quarter", "next")
    call_command("publish_transparency", stdout=io.StringIO())  # the last quarter that ended
    assert TransparencyFile.objects.count() == 4
