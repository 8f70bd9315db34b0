"""The all-spaces week page (issue 12, speed): 20 spaces to a page (GOV.UK pagination),
filtered by building, provider, size and access features; the same number of queries
however many spaces and bookings; filters survive a change of week or page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement_hub.spaces import services
from improvement_hub.spaces.models import Provider
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db

WEEK = next_weekday(10).date().isoformat()
URL = reverse("spaces:spaces_week")


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _names(html: str) -> list[str]:
    import re

    return re.findall(r'<th scope="row" class="govuk-table__header"><a [^>]+>([^<]+)</a>', html)


def test_spaces_come_20_to_a_page_with_govuk_pagination(staff):
    for n in range(45):
        make_space(name=f"Space {n:02d}", slug=f"space-{n:02d}")
    client = _client(staff)
    first = client.get(URL, {"week": WEEK}).content.decode()
    assert _names(first) == [f"Space {n:02d}" for n in range(20)]
    assert "Showing spaces 1 to 20 of 45" in first
    assert 'class="govuk-pagination"' in first
    third = client.get(URL, {"week": WEEK, "page": 3}).content.decode()
    assert _names(third) == [f"Space {n:02d}" for n in range(40, 45)]
    # a page past the end shows the last; nonsense shows the first
    assert _names(client.get(URL, {"page": 99}).content.decode()) == _names(third)
    assert _names(client.get(URL, {"page": "x"}).content.decode()) == _names(first)


def test_filters_by_building_provider_size_and_access(staff):
    make_space(name="Small council room", building="Town Hall", capacity=6, step_free=True)
    make_space(
        name="Big council room",
        building="Town Hall",
        capacity=60,
        step_free=True,
        hearing_loop=True,
    )
    make_space(name="Partner lab", building="The Hive", provider=Provider.PARTNER, capacity=30)
    client = _client(staff)

    def shown(**filters: object) -> list[str]:
        return _names(client.get(URL, {"week": WEEK, **filters}).content.decode())

    assert shown(building="Town Hall") == ["Big council room", "Small council room"]
    assert shown(provider="partner") == ["Partner lab"]
    assert shown(people=20) == ["Big council room", "Partner lab"]
    assert shown(access=["step_free", "hearing_loop"]) == ["Big council room"]
    assert shown(building="Town Hall", people=20, access="step_free") == ["Big council room"]
    page = client.get(URL, {"building": "The Hive", "access": "hearing_loop"}).content.decode()
    assert "No spaces match these filters" in page
    unknown = client.get(URL, {"building": "Nowhere"}).content.decode()
    assert "Select a valid choice" in unknown  # said, and left out
    assert len(_names(unknown)) == 3


@pytest.mark.parametrize(
    "bad",
    [
        {"people": "0"},
        {"people": "10000"},
        {"people": "lots"},
        {"provider": "<script>"},
        {"access": "teleporter"},
        {"building": "<script>alert(1)</script>"},
        {"week": "9999-99-99"},
    ],
)
def test_bad_filters_are_explained_never_a_500(staff, bad):
    make_space(name="Council room")
    response = _client(staff).get(URL, bad)
    assert response.status_code in (200, 400)
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "Council room" in page  # the bad filter is left out


def test_week_and_page_links_keep_the_filters(staff):
    for n in range(25):
        make_space(name=f"Hall room {n:02d}", building="Town Hall")
    page = _client(staff).get(URL, {"week": WEEK, "building": "Town Hall"}).content.decode()
    assert "building=Town+Hall" in page.split('rel="next"')[0].rsplit("href=", 1)[1]
    assert "page=2" in page
    assert "building=Town+Hall&amp;page=2" in page


def _queries(client: Client, params: dict[str, object]) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params).status_code == 200
    return len(queries)


def test_queries_stay_the_same_however_many_spaces_and_bookings(staff):
    client = _client(staff)
    params = {"week": WEEK, "building": "Council House", "people": 5, "access": "step_free"}
    make_space(step_free=True)
    client.get(URL, params)  # warm up the session and roles
    before = (_queries(client, {"week": WEEK}), _queries(client, params))
    for n in range(30):
        space = make_space(step_free=n % 2 == 0)
        for hour in (9, 14):
            services.booking_create(
                user=staff,
                space=space,
                starts_at=next_weekday(hour),
                ends_at=next_weekday(hour + 1),
                purpose=f"Workshop {n}",
            )
    assert (_queries(client, {"week": WEEK}), _queries(client, params)) == before
    assert (
        _queries(client, {"week": WEEK, "page": 2}),
        _queries(client, {**params, "page": 2}),
    ) == before
