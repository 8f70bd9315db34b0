"""One input boundary (issue 9): the page and the API bind the same form and filter set
and call the same services, so they refuse the same answers in the same words, answer a
rate limit alike, and list the same ideas for the same query."""

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from improvement_hub.ideas.models import Idea
from tests.council.factories import PriorityFactory, ServiceFactory
from tests.ideas.factories import CampaignFactory, IdeaFactory
from tests.ideas.lists import api_ids, csv_ids

pytestmark = pytest.mark.django_db

ANSWERS = {
    "title": "Let tenants book repairs online",
    "problem": "Tenants wait on the phone to report repairs.",
    "proposal": "An online form with appointment slots.",
}


def _inactive_priority() -> dict[str, object]:
    return {"priorities": [PriorityFactory(is_active=False).slug]}


def _inactive_service() -> dict[str, object]:
    return {"service": ServiceFactory(is_active=False).slug}


def _closed_campaign() -> dict[str, object]:
    now = timezone.now()
    closed = CampaignFactory(opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1))
    return {"campaign": closed.slug}


REFUSED: dict[str, tuple[str, Callable[[], dict[str, object]]]] = {
    "inactive priority": ("priorities", _inactive_priority),
    "unknown priority": ("priorities", lambda: {"priorities": ["not-a-priority"]}),
    "inactive service": ("service", _inactive_service),
    "closed campaign": ("campaign", _closed_campaign),
    "unknown scale": ("scale", lambda: {"scale": "massive"}),
    "oversize title": ("title", lambda: {"title": "x" * 121}),
    "hostile oversize title": ("title", lambda: {"title": "<script>" + "&" * 200}),
    "empty title": ("title", lambda: {"title": "   "}),
    "empty proposal": ("proposal", lambda: {"proposal": ""}),
}


@pytest.mark.parametrize("case", REFUSED.keys())
def test_page_and_api_refuse_the_same_answers_with_the_same_message(as_staff, case):
    field, make = REFUSED[case]
    answers = {**ANSWERS, **make()}
    api = as_staff.post("/api/v1/ideas", json.dumps(answers), content_type="application/json")
    assert api.status_code == 422, api.content
    messages = api.json()["errors"][field]
    assert messages
    page = as_staff.post(reverse("ideas:idea_new"), answers)
    assert page.status_code == 400
    html = page.content.decode()
    for message in messages:
        assert escape(message) in html, f"the page says what the API says: {message}"
    assert not Idea.objects.exists()


def test_api_rate_limit_is_a_429_with_retry_after_and_the_page_says_the_same(as_staff, settings):
    settings.IDEAS_RATE_LIMITS = {**settings.IDEAS_RATE_LIMITS, "idea": (1, 3600)}
    post = lambda: as_staff.post(  # noqa: E731
        "/api/v1/ideas", json.dumps(ANSWERS), content_type="application/json"
    )
    assert post().status_code == 201
    api = post()
    assert api.status_code == 429
    assert 1 <= int(api["Retry-After"]) <= 3600
    message = api.json()["detail"]
    assert "a lot of ideas in a short time" in message
    as_staff.post(reverse("ideas:idea_new"), ANSWERS)
    draft = Idea.objects.filter(submitted_at__isnull=True).get()
    page = as_staff.post(reverse("ideas:idea_check", args=[draft.pk]))
    assert page.status_code == 429
    assert page["Retry-After"]
    assert escape(message) in page.content.decode()


def test_support_rate_limit_is_a_429_with_retry_after_on_the_api_and_with_htmx(as_staff, settings):
    settings.IDEAS_RATE_LIMITS = {**settings.IDEAS_RATE_LIMITS, "support": (1, 600)}
    first, second = IdeaFactory(), IdeaFactory()
    assert as_staff.post(f"/api/v1/ideas/{first.pk}/support").status_code == 200
    api = as_staff.post(f"/api/v1/ideas/{second.pk}/support")
    assert api.status_code == 429
    assert int(api["Retry-After"]) >= 1
    page = as_staff.post(reverse("ideas:idea_support", args=[second.pk]), HTTP_HX_REQUEST="true")
    assert page.status_code == 429
    assert page["Retry-After"]
    assert escape(api.json()["detail"]) in page.content.decode()


def _page_ids(client: Client, params: dict[str, str]) -> list[int]:
    response = client.get(reverse("ideas:idea_list"), params)
    assert response.status_code == 200
    return [idea.pk for idea in response.context["page"].object_list]


@pytest.mark.parametrize(
    "params",
    [
        {"scale": "tweak"},
        {"scale": "massive"},  # not a scale: ignored everywhere
        {"priority": "housing", "sort": "supported"},
        {"priority": "no-such-priority", "scale": "tweak"},
        {"status": "<script>", "sort": "DROP"},
        {"q": "repairs", "sort": "discussed"},
        {"q": "x" * 201},  # longer than a search may be: ignored everywhere
    ],
    ids=str,
)
def test_one_filter_set_gives_the_page_the_api_and_the_export_the_same_ideas(as_hub, params):
    from improvement_hub.council.models import Priority

    housing = Priority.objects.get(slug="housing")
    for n, scale in enumerate(["tweak", "improvement", "tweak", ""]):
        idea = IdeaFactory(
            title=f"Repairs idea {n}", scale=scale, support_count=n, comment_count=3 - n
        )
        if n % 2:
            idea.priorities.add(housing)
    IdeaFactory(title="Library hours", scale="tweak")
    page = _page_ids(as_hub, params)
    assert page, "every case lists some ideas"
    assert api_ids(as_hub, params) == page
    assert csv_ids(as_hub, params) == page


def test_api_documents_the_list_filters_of_the_filter_set(client):
    from improvement_hub.ideas.filters import IdeaFilter

    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/ideas"]["get"]
    documented = {p["name"] for p in operation["parameters"]}
    assert set(IdeaFilter.base_filters) <= documented
