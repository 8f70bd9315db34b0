"""The public results ("You said, we did") at /results/: the list by council priority with
its filters and pages, a page per published initiative, and the open data (CSV, JSON)."""

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.council.models import Priority
from improvement_hub.initiatives.models import (
    Benefit,
    Initiative,
    Measure,
    MeasureRebase,
    Milestone,
    Risk,
    StatusUpdate,
)
from improvement_hub.insights import results_opendata
from improvement_hub.insights.results_selectors import LICENCE_URL
from improvement_hub.lab.models import Challenge
from tests.accounts.factories import UserFactory
from tests.ideas.factories import IdeaFactory
from tests.initiatives.factories import (
    InitiativeFactory,
    MeasureFactory,
    ObservationFactory,
    PilotFactory,
    PublishedInitiativeFactory,
    TeamMemberFactory,
)
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db


# --- a world with a published result and, beside it, everything the public must never see

SECRET = "SECRET"
SECRET_EMAIL = "secret-referrer@example.org"
WEEK1 = date(2017, 1, 2)


def add_values(measure: Measure, values: list[float]) -> None:
    for n, value in enumerate(values):
        ObservationFactory(measure=measure, on=WEEK1 + timedelta(weeks=n), value=value)


def shifted_values() -> list[float]:
    """Twelve weeks around 24 days, then twelve around 16: a re-baselined improvement."""
    return [24 + (n % 3) - 1 for n in range(12)] + [16 + (n % 3) - 1 for n in range(12)]


@dataclass
class ResultsWorld:
    published: Initiative
    unpublished: Initiative
    outcome: Measure
    process: Measure


def build_results_world() -> ResultsWorld:
    children = Priority.objects.get(slug="children")
    published = PublishedInitiativeFactory(
        title="Family Front Door",
        problem=f"{SECRET} problem statement, internal",
        public_summary="One front door for families, so they tell their story once.",
        stage="test",
        starts_on=date(2016, 12, 5),
    )
    published.priorities.add(children)
    Milestone.objects.create(
        initiative=published,
        title="Baseline agreed",
        due_on=date(2017, 1, 31),
        done_on=date(2017, 1, 20),
    )
    Milestone.objects.create(
        initiative=published, title="Decision on spreading", due_on=date(2018, 3, 30)
    )
    outcome = MeasureFactory(
        initiative=published,
        name="Days to help",
        kind=Measure.Kind.OUTCOME,
        target=15.0,
        is_published=True,
    )
    add_values(outcome, shifted_values())
    MeasureRebase.objects.create(
        measure=outcome, on=WEEK1 + timedelta(weeks=12), reason="Joint triage began"
    )
    process = MeasureFactory(
        initiative=published, name=f"{SECRET} calls abandoned", kind=Measure.Kind.PROCESS
    )
    add_values(process, [5, 6, 7])
    MeasureFactory(
        initiative=published, name=f"{SECRET} balancing visits", kind=Measure.Kind.BALANCING
    )
    # an outcome measure its team has not chosen to show: the flag decides, not the kind
    add_values(
        MeasureFactory(
            initiative=published, name=f"{SECRET} outcome not shown", kind=Measure.Kind.OUTCOME
        ),
        [9, 8, 7],
    )
    public_idea = IdeaFactory(title="One contact for families")
    draft_idea = IdeaFactory(title=f"{SECRET} draft idea", submitted_at=None)
    hidden_idea = IdeaFactory(title=f"{SECRET} hidden idea", hidden_at=timezone.now())
    published.source_ideas.add(public_idea, draft_idea, hidden_idea)
    open_challenge = Challenge.objects.create(
        title="Children in temporary housing",
        slug="children-temp",
        statement="Families move often.",
    )
    closed_challenge = Challenge.objects.create(
        title=f"{SECRET} unpublished challenge",
        slug="secret-challenge",
        statement=f"{SECRET} statement",
        is_published=False,
    )
    published.source_challenges.add(open_challenge, closed_challenge)
    PilotFactory(
        initiative=published,
        title="Sparkbrook pilot",
        decision="go",
        decision_reason=f"{SECRET} go reason",
        decided_at=timezone.now(),
        decided_by=_leader(),
        evaluation=f"{SECRET} evaluation",
    )
    TeamMemberFactory(initiative=published, name=f"{SECRET} team member")
    Risk.objects.create(initiative=published, description=f"{SECRET} risk", likelihood=3, impact=3)
    StatusUpdate.objects.create(
        initiative=published, on=date(2017, 3, 1), rag="red", summary=f"{SECRET} status"
    )
    Benefit.objects.create(
        initiative=published,
        kind="cashable",
        description=f"{SECRET} benefit",
        planned=Decimal("1000"),
    )
    unpublished = InitiativeFactory(title=f"{SECRET} unpublished initiative", stage="test")
    unpublished.priorities.add(children)
    hidden_measure = MeasureFactory(
        initiative=unpublished,
        name=f"{SECRET} outcome of a draft",
        kind=Measure.Kind.OUTCOME,
        is_published=True,  # shown once its initiative is: not before
    )
    add_values(hidden_measure, [1, 2, 3])
    Milestone.objects.create(
        initiative=unpublished,
        title=f"{SECRET} milestone",
        due_on=date(2017, 1, 1),
        done_on=date(2017, 1, 1),
    )
    make_referral(email=SECRET_EMAIL, problem=f"{SECRET} referral problem")
    return ResultsWorld(published, unpublished, outcome, process)


def _leader():  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.LEADERSHIP)


LIST = reverse("results:result_list")
DATA_CSV = reverse("results:data_csv")
FIGURES_CSV = reverse("results:figures_csv")
MEASURES_CSV = reverse("results:measures_csv")
DATA_JSON = reverse("results:data_json")


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    return build_results_world()


def _text(response) -> str:  # type: ignore[no-untyped-def]
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def _csv(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return list(csv.reader(io.StringIO(_text(response))))


def _client(role: Role | None) -> Client:
    client = Client()
    if role is not None:
        client.force_login(UserFactory(role=role))
    return client


# --- never unpublished or internal data ---------------------------------------------------


@pytest.mark.parametrize("role", [None, Role.RESIDENT, Role.STAFF, Role.HUB_TEAM, Role.LEADERSHIP])
def test_no_page_or_download_shows_unpublished_or_internal_data_when_they_are_present(world, role):  # type: ignore[no-untyped-def]
    client = _client(role)
    urls = [
        LIST,
        f"{LIST}?priority=children",
        f"{LIST}?stage=test",
        reverse("results:result_detail", args=[world.published.pk]),
        DATA_CSV,
        FIGURES_CSV,
        MEASURES_CSV,
        DATA_JSON,
        f"{DATA_JSON}?priority=children",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = _text(response)
        if url != FIGURES_CSV:  # the figures are counts, without titles
            assert "Family Front Door" in text, url
        assert SECRET not in text, url
        assert SECRET_EMAIL not in text, url


@pytest.mark.parametrize("role", [None, Role.STAFF, Role.HUB_TEAM])
def test_an_unpublished_initiative_has_no_result_page_whoever_asks(world, role):  # type: ignore[no-untyped-def]
    response = _client(role).get(reverse("results:result_detail", args=[world.unpublished.pk]))
    assert response.status_code == 404
    assert _client(role).get(reverse("results:result_detail", args=[999999])).status_code == 404


def test_the_figures_count_only_published_results_and_their_outcome_measures(world):  # type: ignore[no-untyped-def]
    rows = _csv(Client().get(FIGURES_CSV))
    assert rows[0] == results_opendata.FIGURE_HEADERS
    children = next(r for r in rows if r[1] == "children")
    # one published result; its 1 done milestone of 2; 1 outcome measure, which improved
    assert children[2:] == ["1", "1", "2", "50", "1", "1"]
    housing = next(r for r in rows if r[1] == "housing")
    assert housing[2:] == ["0", "0", "0", "", "0", "0"]


# --- the result page ------------------------------------------------------------------------


def test_a_result_page_tells_what_it_came_from_what_is_tried_how_far_and_what_changed(world):  # type: ignore[no-untyped-def]
    response = Client().get(reverse("results:result_detail", args=[world.published.pk]))
    text = _text(response)
    assert "One front door for families, so they tell their story once." in text
    # what it came from: the public idea and the published challenge, linked
    assert "One contact for families" in text
    assert reverse("lab:challenge_detail", args=["children-temp"]) in text
    # how far: stage and the milestones done (not the ones still to do)
    assert response.context["result"].progress == 50
    assert "Baseline agreed" in text
    assert "Decision on spreading" not in text
    assert "Sparkbrook pilot" in text
    # its outcome measure: an SVG chart with its own ids, its summary, its values
    assert f'id="chart-{world.outcome.pk}-title"' in text
    assert "Improved: the process shifted from a mean of 24 to 16 days" in text
    assert "Days to help" in text
    # what changed for residents
    assert response.context["result"].changes[0][0] == "Days to help"
    assert "Open Government Licence" in text


def test_a_result_without_measures_or_sources_says_so(db):  # type: ignore[no-untyped-def]
    initiative = PublishedInitiativeFactory()
    text = _text(Client().get(reverse("results:result_detail", args=[initiative.pk])))
    assert "No measures have been published for this work yet." in text
    assert "No significant change has been measured yet." in text
    assert "This work was started by a council service." in text


def test_the_initiatives_public_page_links_its_results_page(world):  # type: ignore[no-untyped-def]
    text = _text(Client().get(world.published.get_absolute_url()))
    assert reverse("results:result_detail", args=[world.published.pk]) in text


# --- the list ----------------------------------------------------------------------------


def test_the_list_shows_figures_by_priority_in_the_councils_order(world):  # type: ignore[no-untyped-def]
    response = Client().get(LIST)
    names = [f.name for f in response.context["figures"]]
    assert names == [p.name for p in Priority.objects.all()]
    assert names[:4] == ["Children", "Jobs and skills", "Housing", "Health"]
    assert response.context["total"].results == 1
    assert "Open Government Licence" in _text(response)


def test_the_list_filters_by_priority_stage_scale_and_words(world):  # type: ignore[no-untyped-def]
    housing = PublishedInitiativeFactory(title="Damp repairs done once", stage="aim")
    housing.priorities.add(Priority.objects.get(slug="housing"))

    def titles(query: str) -> list[str]:
        page = Client().get(f"{LIST}?{query}").context["page"]
        return sorted(i.title for i in page.object_list)

    assert titles("") == ["Damp repairs done once", "Family Front Door"]
    assert titles("priority=housing") == ["Damp repairs done once"]
    assert titles("priority=children") == ["Family Front Door"]
    assert titles("stage=test") == ["Family Front Door"]
    assert titles("q=damp") == ["Damp repairs done once"]
    assert titles("scale=transformation") == []


def test_a_filter_value_that_is_not_a_choice_is_ignored_not_an_error(world):  # type: ignore[no-untyped-def]
    response = Client().get(
        f"{LIST}?priority=nonsense&stage=zzz&scale=%E2%9C%93&page=abc&q={'x' * 5000}"
    )
    assert response.status_code == 200
    assert "govuk-error-summary" not in _text(response)
    response = Client().get(f"{LIST}?priority=nonsense&stage=zzz")
    assert [i.title for i in response.context["page"].object_list] == ["Family Front Door"]


def test_the_list_is_paged_the_govuk_way(db):  # type: ignore[no-untyped-def]
    for n in range(21):
        PublishedInitiativeFactory(title=f"Result {n:02}")
    first = Client().get(LIST)
    assert len(first.context["page"].object_list) == 20
    assert 'class="govuk-pagination"' in _text(first)
    second = Client().get(f"{LIST}?page=2")
    assert len(second.context["page"].object_list) == 1
    assert "Page 2 of 2" in _text(second)


# --- the open data ------------------------------------------------------------------------


def test_the_results_csv_has_its_columns_a_row_a_result_and_the_licence_link(world):  # type: ignore[no-untyped-def]
    response = Client().get(DATA_CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    rows = _csv(response)
    assert rows[0] == results_opendata.RESULT_HEADERS
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Title"] == "Family Front Door"
    assert row["Web address"] == "http://testserver" + reverse(
        "results:result_detail", args=[world.published.pk]
    )
    assert row["Council priorities"] == "Children"
    assert (row["Milestones done"], row["Milestones"], row["Progress %"]) == ("1", "2", "50")
    assert row["Public measures"] == "1"
    assert row["What changed"].startswith("Days to help: Improved")
    assert row["Ideas"] == "One contact for families"
    assert row["Lab challenges"] == "Children in temporary housing"


def test_the_measures_csv_has_a_row_a_value_of_each_public_measure(world):  # type: ignore[no-untyped-def]
    rows = _csv(Client().get(MEASURES_CSV))
    assert rows[0] == results_opendata.MEASURE_HEADERS
    assert len(rows) == 1 + len(shifted_values())
    assert {r[2] for r in rows[1:]} == {"Days to help"}
    assert rows[1][4:] == ["Lower is better", "15.0", "2017-01-02", "23.0"]


def test_a_csv_cell_cannot_be_a_spreadsheet_formula(db):  # type: ignore[no-untyped-def]
    PublishedInitiativeFactory(title="=HYPERLINK(1)", public_summary="@SUM(1)")
    rows = _csv(Client().get(DATA_CSV))
    assert rows[1][1] == "'=HYPERLINK(1)"
    assert rows[1][3] == "'@SUM(1)"


def test_the_json_holds_the_licence_figures_and_results(world):  # type: ignore[no-untyped-def]
    response = Client().get(f"{DATA_JSON}?priority=children&stage=nonsense")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    document = json.loads(response.content)
    assert set(document) == {"licence", "generated_at", "filters", "figures", "results"}
    assert document["licence"]["url"] == LICENCE_URL
    assert "Open Government Licence" in document["licence"]["attribution"]
    assert document["filters"] == {"q": None, "priority": "children", "scale": None, "stage": None}
    assert document["figures"]["all"]["results"] == 1
    assert [f["priority"] for f in document["figures"]["by_priority"]][:4] == [
        "children",
        "jobs-and-skills",
        "housing",
        "health",
    ]
    (result,) = document["results"]
    assert set(result) == {
        "id", "title", "url", "summary", "priorities", "scale", "stage", "stage_label",
        "starts_on", "ends_on", "last_updated", "progress_percent", "milestones", "pilots",
        "what_changed", "what_changed_in_words", "measures", "sources",
    }  # fmt: skip
    assert result["priorities"] == ["children"]
    assert result["milestones"] == {
        "total": 2,
        "done": [{"title": "Baseline agreed", "done_on": "2017-01-20"}],
    }
    assert result["pilots"] == [
        {"title": "Sparkbrook pilot", "starts_on": "2017-02-01", "ends_on": "2017-05-31"}
    ]
    (measure,) = result["measures"]
    assert measure["name"] == "Days to help"
    assert measure["improvement_direction"] == "decrease"
    assert measure["target"] == 15.0
    assert len(measure["observations"]) == 24
    assert measure["observations"][0] == {"on": "2017-01-02", "value": 23.0}
    assert measure["summary"].startswith("Improved")
    assert [i["title"] for i in result["sources"]["ideas"]] == ["One contact for families"]
    assert [c["title"] for c in result["sources"]["challenges"]] == [
        "Children in temporary housing"
    ]
    empty = json.loads(Client().get(f"{DATA_JSON}?priority=housing").content)
    assert empty["results"] == []
    assert empty["figures"]["all"]["results"] == 0


# --- constant queries ------------------------------------------------------------------------


def _published_with_measures(n: int, measures: int = 1) -> None:
    children = Priority.objects.get(slug="children")
    for _ in range(n):
        initiative = PublishedInitiativeFactory()
        initiative.priorities.add(children)
        for _ in range(measures):
            add_values(MeasureFactory(initiative=initiative, is_published=True), [3, 4, 5])


@pytest.mark.parametrize("url", [LIST, DATA_CSV, FIGURES_CSV, MEASURES_CSV, DATA_JSON])
def test_the_list_and_open_data_read_a_constant_number_of_queries(
    db, url, django_assert_num_queries
):  # type: ignore[no-untyped-def]
    _published_with_measures(1)
    client = Client()
    _text(client.get(url))  # the first request reads what is cached after (the branding)

    with CaptureQueriesContext(connection) as one:
        _text(client.get(url))
    _published_with_measures(6, measures=2)
    with django_assert_num_queries(len(one)):
        _text(client.get(url))


def test_a_result_page_reads_a_constant_number_of_queries(db, django_assert_num_queries):  # type: ignore[no-untyped-def]
    small = PublishedInitiativeFactory()
    add_values(MeasureFactory(initiative=small, is_published=True), [1, 2])
    big = PublishedInitiativeFactory()
    for _ in range(4):
        add_values(MeasureFactory(initiative=big, is_published=True), shifted_values())
    client = Client()
    client.get(reverse("results:result_detail", args=[small.pk]))  # the branding, cached
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("results:result_detail", args=[small.pk]))
    with django_assert_num_queries(len(one)):
        client.get(reverse("results:result_detail", args=[big.pk]))
