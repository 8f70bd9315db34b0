"""The Hub Team publish a transparency quarter on a page: choose the quarter (a GET form,
so no JavaScript is needed), see what will be published, publish; published quarters are
listed with their files; a second click, or publishing a quarter again, says so."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from improvement_hub.partnership import selectors, services
from improvement_hub.partnership.models import PaymentBlock, TransparencyFile
from tests.partnership.conftest import People, World, accept
from tests.partnership.test_contract_pages import ROLES, as_role, client

pytestmark = pytest.mark.django_db

URL = "/transparency/publish/"


@pytest.fixture
def paid_block(people: People, world: World) -> PaymentBlock:
    """Block 1 paid on 15 March 2017 (in 2017-Q1)."""
    for n in (1, 5):
        accept(people, world.tasks[n])
    block = world.blocks[1]
    services.payment_block_invoice(
        actor=people.hub,
        block=block,
        invoice_number="IHC-001",
        invoice_on=date(2017, 3, 1),
        invoice_gbp=Decimal("50000"),
    )
    services.payment_block_approve(actor=people.leader, block=block)
    return services.payment_block_pay(actor=people.hub, block=block, paid_on=date(2017, 3, 15))


def test_hub_team_sees_preview_then_publishes(
    people: People, world: World, paid_block: PaymentBlock
) -> None:
    hub = client(people.hub)
    choose = hub.get(URL).content.decode()
    assert "No quarter is published yet" in choose
    assert '<option value="2017-Q1">January to March 2017 (2017-Q1)</option>' in choose
    assert '<option value="2016-Q4">' in choose  # back to the first contract's start
    assert '<option value="2016-Q3">' not in choose
    preview = hub.get(URL, {"quarter": "2017-Q1"}).content.decode()
    assert "Contracts register: 1 contract" in preview
    assert "Spend over £500 paid in the quarter: 1 payment" in preview
    assert "IHC-001" in preview or "IH-2016-001" in preview
    assert "Publish 2017-Q1" in preview
    assert not TransparencyFile.objects.exists()  # seeing is not publishing
    other = hub.get(URL, {"quarter": "2017-Q2"}).content.decode()
    assert "No spend over £500 paid in this quarter" in other
    done = hub.post(URL, {"quarter": "2017-Q1"})
    assert done.status_code == 302
    files = TransparencyFile.objects.filter(quarter="2017-Q1")
    assert sorted(files.values_list("kind", flat=True)) == ["contracts", "spend"]
    spend = files.get(kind="spend").content
    assert "50000" in spend
    listed = hub.get(URL).content.decode()
    for row in files:
        assert f"/transparency/files/{row.pk}/" in listed
    assert "2017-Q1), published</option>" in listed
    # and on the public page
    assert f"/transparency/files/{files[0].pk}/" in client().get("/transparency/").content.decode()


def test_second_click_and_republishing_say_when_it_was_published(
    people: People, world: World, paid_block: PaymentBlock
) -> None:
    hub = client(people.hub)
    assert hub.post(URL, {"quarter": "2017-Q1"}).status_code == 302
    kept = TransparencyFile.objects.get(quarter="2017-Q1", kind="spend")
    # a payment after publishing does not change the kept file
    PaymentBlock.objects.filter(pk=world.blocks[2].pk).update(
        approved_at=timezone.now(), paid_on=date(2017, 3, 20)
    )
    again = hub.post(URL, {"quarter": "2017-Q1"})
    assert again.status_code == 400
    page = again.content.decode()
    assert "There is a problem" in page
    assert "2017-Q1 was already published on" in page
    assert "its files are kept unchanged" in page
    assert "This quarter is already published" in page
    assert "Publish 2017-Q1" not in page
    assert TransparencyFile.objects.get(pk=kept.pk).content == kept.content
    assert TransparencyFile.objects.count() == 2


@pytest.mark.parametrize(
    ("quarter", "message"),
    [
        ("", "Select quarter"),
        ("2099-Q1", "Select a quarter that has ended from the list"),
        ("2017-Q5", "Select a quarter that has ended from the list"),
        ("<script>alert(1)</script>", "Select a quarter that has ended from the list"),
        ("x" * 20_000, "Select a quarter that has ended from the list"),
    ],
)
def test_bad_quarter_is_refused_and_nothing_published(
    people: People, world: World, quarter: str, message: str
) -> None:
    hub = client(people.hub)
    for response in (hub.post(URL, {"quarter": quarter}), hub.get(URL, {"quarter": quarter})):
        assert response.status_code == 400
        assert message in response.content.decode()
        assert "<script>alert(1)</script>" not in response.content.decode()
    assert not TransparencyFile.objects.exists()


def test_the_quarter_now_running_is_not_offered_or_published(people: People, world: World) -> None:
    today = selectors.quarter_of(timezone.localdate())
    assert today not in selectors.quarters_ended()
    assert client(people.hub).post(URL, {"quarter": today}).status_code == 400
    assert not TransparencyFile.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_publish_page_by_role(people: People, world: World, role: str) -> None:
    who = as_role(people, role)
    statuses = [who.get(URL).status_code, who.post(URL, {"quarter": "2017-Q1"}).status_code]
    if role == "hub_team":
        assert statuses == [200, 302]
    elif role == "anonymous":
        assert statuses == [302, 302]
    else:
        assert statuses == [404, 404]
    assert TransparencyFile.objects.exists() == (role == "hub_team")
    if role == "leadership":
        with pytest.raises(PermissionDenied):
            services.transparency_publish_quarter(actor=people.leader, quarter="2017-Q1")
