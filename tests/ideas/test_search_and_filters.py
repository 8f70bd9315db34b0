"""Search with filters and sorts, search text that looks like query syntax, exports of a
searched list, and ids in query strings (issue 8, items 3, 4, 6 and 18).

One small set of ideas is made once for the module (inside a transaction rolled back at
the end) and every combination of filter × search × sort is asked of the list page, the
API and both exports.
"""

import io
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from improvement_hub.accounts.roles import Role
from improvement_hub.core.validators import has_control_characters
from improvement_hub.ideas.filters import SORTS
from improvement_hub.ideas.models import Idea, IdeaStatus
from tests.accounts.factories import UserFactory
from tests.council.factories import DirectorateFactory, PriorityFactory
from tests.ideas.factories import CampaignFactory, IdeaFactory
from tests.ideas.lists import api_ids, csv_ids

pytestmark = pytest.mark.django_db

WORD = "recycling"


@dataclass
class World:
    ideas: list[Idea]
    filters: dict[str, dict[str, str]]  # name -> query parameters
    hub_user: object


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Seven public ideas, one hidden and one draft, across two of each filter value."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        now = timezone.now()
        new = IdeaStatus.objects.get(slug=IdeaStatus.NEW)
        review = IdeaStatus.objects.get(slug=IdeaStatus.UNDER_REVIEW)
        d1, d2 = DirectorateFactory(), DirectorateFactory()
        c1, c2 = CampaignFactory(), CampaignFactory()
        p1, p2 = PriorityFactory(), PriorityFactory()
        rows = [
            # title, status, directorate, campaign, priority, scale, supports, comments, trend
            ("Recycling bins for flats", new, d1, c1, p1, "tweak", 5, 1, 0.5),
            ("Recycling collection reminders", review, d2, c1, p2, "improvement", 3, 4, 2.5),
            ("Recycling points at libraries", new, d1, c2, p1, "improvement", 7, 0, 1.5),
            ("Recycling lessons in schools", review, d2, None, None, "tweak", 1, 6, 3.5),
            ("Library opening hours", new, d1, c1, p1, "tweak", 2, 2, 6.5),
            ("Parking permits online", review, d2, c2, p2, "improvement", 6, 3, 4.5),
            ("Repairs by text message", new, None, None, p1, "", 4, 5, 5.5),
        ]
        ideas = []
        for days, (title, status, dir_, camp, prio, scale, sup, com, trend) in enumerate(rows):
            idea = IdeaFactory(
                title=title,
                status=status,
                directorate=dir_,
                campaign=camp,
                scale=scale,
                support_count=sup,
                comment_count=com,
                trending_score=trend,
                submitted_at=now - timedelta(days=days + 1),
            )
            if prio:
                idea.priorities.add(prio)
            ideas.append(idea)
        IdeaFactory(title="Recycling hidden away", directorate=d1, hidden_at=now)
        IdeaFactory(title="Recycling still a draft", directorate=d1, submitted_at=None)
        filters = {
            "none": {},
            "status": {"status": new.slug},
            "directorate": {"directorate": d1.slug},
            "campaign": {"campaign": c1.slug},
            "priority": {"priority": p1.slug},
            "scale": {"scale": "tweak"},
            "all": {
                "status": new.slug,
                "directorate": d1.slug,
                "campaign": c1.slug,
                "priority": p1.slug,
                "scale": "tweak",
            },
        }
        hub_user = UserFactory(role=Role.HUB_TEAM)
    yield World(ideas=ideas, filters=filters, hub_user=hub_user)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def hub_client(world) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.hub_user)
    return client


def _matches(idea: Idea, params: dict[str, str], q: str) -> bool:
    checks = {
        "status": lambda v: idea.status.slug == v,
        "directorate": lambda v: idea.directorate is not None and idea.directorate.slug == v,
        "campaign": lambda v: idea.campaign is not None and idea.campaign.slug == v,
        "priority": lambda v: v in {p.slug for p in idea.priorities.all()},
        "scale": lambda v: idea.scale == v,
    }
    if q and q not in idea.title.lower():
        return False
    return all(checks[name](value) for name, value in params.items())


def _expected(world: World, params: dict[str, str], q: str, sort: str) -> list[int]:
    ideas = [i for i in world.ideas if _matches(i, params, q)]
    key = {
        "newest": lambda i: i.submitted_at,
        "supported": lambda i: i.support_count,
        "discussed": lambda i: i.comment_count,
        "trending": lambda i: i.trending_score,
    }.get(sort, lambda i: i.pk)
    return [i.pk for i in sorted(ideas, key=key, reverse=True)]


def _page_ids(client: Client, params: dict[str, str]) -> list[int]:
    response = client.get(reverse("ideas:idea_list"), params)
    assert response.status_code == 200
    html = response.content.decode()
    return [
        int(n)
        for n in re.findall(r'<li class="hub-idea">\s*<h2[^>]*><a[^>]*href="/ideas/(\d+)/', html)
    ]


def _xlsx_ids(client: Client, params: dict[str, str]) -> list[int]:
    response = client.get(reverse("ideas:export_xlsx"), params)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Number"
    return [int(row[0]) for row in rows[1:]]


FILTER_NAMES = ["none", "status", "directorate", "campaign", "priority", "scale", "all"]
CASES = [(f, q, s) for f in FILTER_NAMES for q in ("", WORD) for s in SORTS]


@pytest.mark.parametrize(
    ("filter_name", "q", "sort"), CASES, ids=[f"{f}-{q or 'all'}-{s}" for f, q, s in CASES]
)
def test_page_api_and_exports_list_the_same_matching_ideas_when_search_filters_and_sort_combine(
    world, hub_client, filter_name, q, sort
):
    params = {**world.filters[filter_name], "q": q, "sort": sort}
    expected = _expected(world, world.filters[filter_name], q, sort)
    page = _page_ids(hub_client, params)
    api = api_ids(hub_client, params)
    if sort == "random" or (q and sort == "newest"):  # shuffled, or best match first
        assert sorted(page) == sorted(expected)
    else:
        assert page == expected
    if sort == "random":  # the page shuffles for each visitor; the API has one order
        assert sorted(api) == sorted(page)
    else:
        assert api == page
    assert csv_ids(hub_client, params) == page, "the CSV holds what the page lists"
    assert _xlsx_ids(hub_client, params) == page, "the XLSX holds what the page lists"


HOSTILE = [
    'a"b',
    '"',
    '""',
    "'",
    "javascript:alert(1)",
    "javascript:",
    ":",
    "*",
    "bins*",
    "NEAR",
    "NEAR(a b)",
    "a NEAR/2 b",
    "-",
    "-bins",
    "a - b",
    "AND",
    "a AND",
    "OR b",
    "NOT",
    "a OR NOT b",
    "^",
    "^bins",
    "(",
    ")",
    "(a OR b",
    "{title}:bins",
    "title:bins",
    "a & b | !c",
    "bins:*",
    "<->",
    "100%",
    "%s %d",
    "\\",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\x1b[31m\x07",
    "zero\u200bwidth\u200d",
    "\u202eevil",
    "ünïcödé 😀",
    "٣٤ ²",
    "a" * 20_000,
    "word " * 500,
]


@pytest.mark.parametrize("q", HOSTILE, ids=[f"q{i}" for i in range(len(HOSTILE))])
def test_search_answers_without_error_when_the_text_looks_like_query_syntax(world, hub_client, q):
    for url in ["/ideas/", "/api/v1/ideas", "/ideas/export.csv", "/ideas/export.xlsx"]:
        response = hub_client.get(url, {"q": q})
        if has_control_characters(q):
            # refused before any view runs, as no person types these (core.middleware)
            assert response.status_code == 400, url
            continue
        if url.startswith("/api/") and response.status_code == 422:
            # the API refuses control characters in any text it is sent, saying where
            assert response.json()["detail"]
            continue
        assert response.status_code == 200, url
        if url == "/ideas/":
            assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    "q",
    [
        f'{WORD}"',
        f'"{WORD}',
        f"{WORD}*",
        f"{WORD}:",
        f"({WORD})",
        f"{{{WORD}}}",
        f"^{WORD}",
        f"-{WORD}",
        f"{WORD}\u200b",
    ],
)
def test_search_finds_the_words_when_they_come_with_query_syntax(world, hub_client, q):
    expected = sorted(_expected(world, {}, WORD, "supported"))
    assert sorted(_page_ids(hub_client, {"q": q})) == expected
    assert sorted(api_ids(hub_client, {"q": q})) == expected


@pytest.mark.parametrize("q", ['"', "*", ":", "()", "-", "^", '"*"', "\u200b"])
def test_search_finds_nothing_when_the_text_has_no_words(world, hub_client, q):
    response = hub_client.get(reverse("ideas:idea_list"), {"q": q})
    assert "0 ideas matching" in response.content.decode()
    assert _page_ids(hub_client, {"q": q}) == []
    assert api_ids(hub_client, {"q": q}) == []
    assert csv_ids(hub_client, {"q": q}) == []


BAD_IDS = [
    "99999999999999999999",
    "9223372036854775808",
    "-1",
    "0",
    "abc",
    "²",
    "٣",
    "１",
    "",
    " ",
    "1.5",
]  # control characters get a 400 before any view: tests/core/test_control_characters_middleware.py


@pytest.mark.parametrize("value", BAD_IDS, ids=[f"v{i}" for i in range(len(BAD_IDS))])
def test_review_queue_ignores_the_assignee_when_it_is_not_a_possible_id(world, hub_client, value):
    response = hub_client.get(reverse("ideas:review_queue"), {"assignee": value, "page": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "7 ideas waiting" in html, "the filter is ignored: every open idea is listed"
    select = html[
        html.index('name="assignee"') : html.index("</select>", html.index('name="assignee"'))
    ]
    selected = re.findall(r'<option value="([^"]*)" selected', select)
    assert selected in ([], [""]), "the filter shows 'Anyone'"


def test_review_queue_filters_by_a_good_assignee_id(world, hub_client):
    Idea.objects.filter(pk=world.ideas[0].pk).update(assignee=world.hub_user)
    html = hub_client.get(
        reverse("ideas:review_queue"), {"assignee": str(world.hub_user.pk)}
    ).content.decode()
    assert "1 idea waiting" in html
    assert world.ideas[0].title in html


@pytest.mark.parametrize("value", BAD_IDS, ids=[f"v{i}" for i in range(len(BAD_IDS))])
def test_list_page_shows_a_page_when_the_page_number_is_not_a_possible_number(
    world, hub_client, value
):
    for params in ({"page": value}, {"page": value, "q": WORD, "sort": "supported"}):
        response = hub_client.get(reverse("ideas:idea_list"), params)
        assert response.status_code == 200


@pytest.mark.parametrize("value", BAD_IDS, ids=[f"v{i}" for i in range(len(BAD_IDS))])
@pytest.mark.parametrize(
    "name", ["page", "page_size", "status", "directorate", "campaign", "priority", "scale"]
)
def test_api_refuses_or_ignores_a_parameter_when_it_cannot_name_anything(
    world, hub_client, name, value
):
    response = hub_client.get("/api/v1/ideas", {name: value})
    assert response.status_code in {200, 422}, response.content
    if response.status_code == 422:
        assert response.json()["detail"], "says which parameter is wrong"
