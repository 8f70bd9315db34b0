"""The portfolio: list, board, spectrum, timeline (fit and clash), summary, goals, filters,
exports, and SQL queries that do not grow with the data."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from improvement_hub.initiatives import selectors
from improvement_hub.initiatives.models import ProgrammeGoal, StatusUpdate
from tests.council.factories import DirectorateFactory, PriorityFactory, ServiceFactory
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import (
    InitiativeFactory,
    MeasureFactory,
    ObservationFactory,
    PhaseFactory,
    PilotFactory,
    ProgrammeFactory,
    PublishedInitiativeFactory,
    TeamMemberFactory,
)

pytestmark = pytest.mark.django_db

PAGES = [
    "/initiatives/",
    "/initiatives/board/",
    "/initiatives/spectrum/",
    "/initiatives/timeline/",
    "/initiatives/summary/",
]


def _portfolio(count: int) -> None:
    priority = PriorityFactory()
    programme = ProgrammeFactory()
    PhaseFactory(programme=programme)
    for n in range(count):
        initiative = InitiativeFactory(
            scale=["tweak", "improvement", "redesign", "transformation"][n % 4],
            redesign_programme=programme,
            starts_on=date(2017, 1, 1),
        )
        initiative.priorities.add(priority)
        initiative.services.add(ServiceFactory(), ServiceFactory())
        StatusUpdate.objects.create(
            initiative=initiative, on=date(2017, 3, 1), rag="red", summary="x"
        )
        PilotFactory(initiative=initiative)
        TeamMemberFactory(initiative=initiative)


@pytest.mark.parametrize("path", PAGES)
def test_portfolio_pages_make_the_same_number_of_queries_for_more_data(
    path, hub, django_assert_num_queries
):
    client = signed_in(hub)
    _portfolio(2)
    client.get(path)  # the first request fills per-process caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(path).status_code == 200
    queries = len(few)  # read before the next request resets the connection's query log
    _portfolio(12)
    client.get(path)  # new services or directorates refresh the cached chrome once
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


def test_initiative_and_measure_pages_make_the_same_number_of_queries_for_more_data(hub):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in(hub)
    initiative = InitiativeFactory()
    measure = MeasureFactory(initiative=initiative)

    def counts() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as detail:
            assert client.get(initiative.get_absolute_url()).status_code == 200
        with CaptureQueriesContext(connection) as chart:
            assert client.get(measure.get_absolute_url()).status_code == 200
        return len(detail), len(chart)

    for _ in range(2):
        PilotFactory(initiative=initiative).measures.add(measure)
        ObservationFactory(measure=measure)
        TeamMemberFactory(initiative=initiative)
    counts()  # the first request fills per-process caches (site settings, content types)
    before = counts()
    for _ in range(15):
        PilotFactory(initiative=initiative).measures.add(measure)
        ObservationFactory(measure=measure)
        TeamMemberFactory(initiative=initiative)
        MeasureFactory(initiative=initiative)
    assert counts() == before


def test_board_spectrum_and_summary_place_each_initiative(hub):
    housing = PriorityFactory(name="Housing X", slug="housing-x")
    a = InitiativeFactory(title="Tweak one", scale="tweak", stage="test")
    b = InitiativeFactory(
        title="Redesign one", scale="redesign", method="double_diamond", stage="define"
    )
    a.priorities.add(housing)
    b.priorities.add(housing)
    one, two = DirectorateFactory(), DirectorateFactory()
    b.services.add(ServiceFactory(directorate=one), ServiceFactory(directorate=two))
    lanes = selectors.portfolio_board(selectors.initiative_list_for_user(user=hub))
    placed = {
        (lane.method, stage): [i.title for i in items]
        for lane in lanes
        for stage, _, items in lane.columns
    }
    assert placed[("model_for_improvement", "test")] == ["Tweak one"]
    assert placed[("double_diamond", "define")] == ["Redesign one"]
    spectrum = {
        value: [i.title for i in items]
        for value, _, _, items in selectors.portfolio_spectrum(
            selectors.initiative_list_for_user(user=hub)
        )
    }
    assert spectrum["tweak"] == ["Tweak one"]
    assert spectrum["transformation"] == []
    summary = selectors.portfolio_summary(selectors.initiative_list_for_user(user=hub))
    row = next(r for r in summary["priorities"] if r.slug == "housing-x")
    assert (row.initiatives, row.cross_system, row.by_scale["redesign"]) == (2, 1, 1)
    assert {r.name for r in summary["directorates"]} == {one.name, two.name}


def test_the_timeline_shows_where_pilots_fit_or_clash(hub):
    programme = ProgrammeFactory(title="Early Help redesign")
    PhaseFactory(
        programme=programme,
        name="Design and test",
        starts_on=date(2017, 1, 1),
        ends_on=date(2017, 6, 30),
    )
    PhaseFactory(
        programme=programme,
        name="Go-live freeze",
        starts_on=date(2017, 7, 1),
        ends_on=date(2017, 9, 30),
        accepts_pilots=False,
    )
    initiative = InitiativeFactory(redesign_programme=programme, starts_on=date(2017, 1, 1))
    PilotFactory(
        initiative=initiative, title="Fits", starts_on=date(2017, 2, 1), ends_on=date(2017, 5, 31)
    )
    PilotFactory(
        initiative=initiative,
        title="Clashes",
        starts_on=date(2017, 6, 1),
        ends_on=date(2017, 7, 31),
    )
    PilotFactory(
        initiative=initiative,
        title="Outside",
        starts_on=date(2016, 6, 1),
        ends_on=date(2016, 7, 31),
    )
    response = signed_in(hub).get("/initiatives/timeline/")
    assert response.status_code == 200
    text = response.text
    assert "Fits ‘Design and test’" in text
    assert "Clashes with ‘Go-live freeze’ (1 Jul 2017 to 30 Sep 2017)" in text
    assert "Runs outside the redesign programme&#x27;s timescale" in text
    assert text.count("<svg") >= 1
    detail = signed_in(hub).get(initiative.get_absolute_url())
    assert "Clashes with ‘Go-live freeze’" in detail.text


def test_a_programme_goal_shows_progress_against_its_date(client):
    ProgrammeGoal.objects.create(
        title="3 pilots before June 2017", pilots_target=3, deadline=date(2017, 6, 1)
    )
    for starts in (date(2017, 1, 9), date(2017, 3, 1)):
        PilotFactory(
            initiative=PublishedInitiativeFactory(), starts_on=starts, ends_on=date(2017, 8, 1)
        )
    PilotFactory(
        initiative=PublishedInitiativeFactory(),
        starts_on=date(2017, 7, 1),
        ends_on=date(2017, 8, 1),
    )
    page = client.get("/initiatives/")
    assert "2 of 3 pilots started before 1 June 2017" in page.text
    assert "Missed" in page.text
    PilotFactory(
        initiative=PublishedInitiativeFactory(),
        starts_on=date(2017, 5, 2),
        ends_on=date(2017, 8, 1),
    )
    assert "Met" in client.get("/initiatives/").text


def test_filters_narrow_the_list_and_nonsense_is_ignored(hub):
    priority = PriorityFactory(slug="children-x")
    InitiativeFactory(title="Children first", scale="redesign").priorities.add(priority)
    InitiativeFactory(title="Repairs", scale="tweak")
    client = signed_in(hub)
    assert "Repairs" not in client.get("/initiatives/?priority=children-x").text
    assert "Children first" not in client.get("/initiatives/?scale=tweak").text
    assert "Children first" in client.get("/initiatives/?q=children").text
    odd = client.get(
        "/initiatives/?scale=<script>&stage=%E2%80%AE&rag=x'--&page=999&q=" + "x" * 5000
    )
    assert odd.status_code == 200
    assert "<script>" not in odd.text


def test_exports_follow_the_filters_and_are_safe_in_spreadsheets(hub):
    InitiativeFactory(title='=HYPERLINK("http://evil")', scale="tweak")
    InitiativeFactory(title="Redesign the front door", scale="redesign")
    client = signed_in(hub)
    csv_response = client.get("/initiatives/export.csv?scale=tweak")
    assert csv_response["Content-Type"].startswith("text/csv")
    body = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in body
    assert "Redesign the front door" not in body
    xlsx = client.get("/initiatives/export.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert set(titles) == {'\'=HYPERLINK("http://evil")', "Redesign the front door"}
    assert client.get("/initiatives/export.pdf").status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_exports_are_for_staff(who, client):
    from improvement_hub.accounts.roles import Role
    from tests.accounts.factories import UserFactory

    if who == "resident":
        client.force_login(UserFactory(role=Role.RESIDENT))
    assert client.get("/initiatives/export.csv").status_code in (302, 404)
