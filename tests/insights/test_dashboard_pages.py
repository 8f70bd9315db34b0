"""The dashboard page, its downloads and its board pack, as each role would use them."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from pypdf import PdfReader

from improvement_hub.accounts.roles import Role
from improvement_hub.council.models import Directorate
from improvement_hub.insights.services import aggregates_refresh
from tests.conftest import client_for
from tests.ideas.factories import IdeaFactory

URL = "/insights/"


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    for url in (URL, "/insights/board-pack.pdf", "/insights/tables/rag.csv"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.RESIDENT, Role.STAFF, Role.PARTNER])
def test_signed_in_without_access_gets_a_403_that_says_why(role) -> None:  # type: ignore[no-untyped-def]
    client = client_for(role)
    for url in (URL, "/insights/board-pack.pdf", "/insights/tables/rag.xlsx"):
        response = client.get(url)
        assert response.status_code == 403
    assert "Only Leadership and the Improvement Hub Team" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.HUB_TEAM])
def test_leadership_and_hub_team_see_the_dashboard(role, world) -> None:  # type: ignore[no-untyped-def]
    response = client_for(role).get(URL, {"period": "all"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Of 3 ideas submitted in the period, 2 (66.7%) have had an answer" in page
    assert 'role="img"' in page
    assert "Computed " in page  # every figure says how fresh it is
    assert page.count('class="govuk-body-s hub-fresh"') == page.count("<table")


def test_filters_narrow_every_figure(world) -> None:  # type: ignore[no-untyped-def]
    client = client_for(Role.LEADERSHIP)
    page = client.get(
        URL, {"period": "all", "priority": world["housing"], "directorate": world["place"]}
    ).content.decode()
    assert "Of 1 ideas submitted in the period" in page  # I2 only
    assert "Housing, Place" in page
    assert f'<option value="{world["housing"]}" selected>' in page


def test_a_filter_value_it_does_not_know_gives_an_error_not_a_500(world) -> None:  # type: ignore[no-untyped-def]
    client = client_for(Role.HUB_TEAM)
    response = client.get(URL, {"period": "<script>", "priority": "999999", "directorate": "x"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "<title>Error: " in page
    assert "<script>" not in page.split("</header>", 1)[1].replace("<script nonce", "")


def test_each_table_downloads_as_csv_and_xlsx_with_the_same_rows(world) -> None:  # type: ignore[no-untyped-def]
    client = client_for(Role.LEADERSHIP)
    response = client.get("/insights/tables/ideas-funnel.csv", {"period": "all"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[:2] == [
        ["Step", "Number", "Per cent of ideas submitted"],
        ["Ideas submitted", "3", "100.0"],
    ]
    response = client.get("/insights/tables/cycle-times.xlsx", {"period": "all"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[2]] == ["Idea submitted to first answer", 10, 2, 1, 50, 10]
    assert client.get("/insights/tables/no-such-table.csv").status_code == 404


def test_downloads_are_safe_from_formulas(world) -> None:  # type: ignore[no-untyped-def]
    Directorate.objects.filter(pk=world["people"]).update(name='=HYPERLINK("http://x")')
    # every directorate has a row in the table of staff trained, so its name is written out
    client = client_for(Role.HUB_TEAM)
    text = b"".join(
        client.get("/insights/tables/academy-trained.csv", {"period": "all"}).streaming_content
    ).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    sheet = load_workbook(
        io.BytesIO(client.get("/insights/tables/academy-trained.xlsx").content)
    ).active
    assert '\'=HYPERLINK("http://x")' in [row[0].value for row in sheet.iter_rows()]


def test_the_board_pack_is_a_pdf_holding_the_figures(world) -> None:  # type: ignore[no-untyped-def]
    response = client_for(Role.LEADERSHIP).get("/insights/board-pack.pdf", {"period": "all"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Board pack: Improvement Hub insights" in text
    assert "Of 3 ideas submitted in the period, 2 (66.7%) have had an answer" in text
    assert "Referral received to decided" in text
    assert "Cashable savings: £3,000 planned, £800 forecast, £500 realised" in text


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    client.get(url)  # warm: the session and the site root
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_makes_the_same_number_of_queries_whatever_the_data(world) -> None:  # type: ignore[no-untyped-def]
    client = client_for(Role.LEADERSHIP)
    url = f"{URL}?period=all&priority={world['children']}"
    before = _queries(client, url)
    IdeaFactory.create_batch(30)
    aggregates_refresh()
    assert _queries(client, url) == before
