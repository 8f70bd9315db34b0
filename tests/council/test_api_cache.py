"""Issue 14: the council's reference data in the API (priorities, services) is the same for
every caller, so it comes from the page cache without a query, and an edit in the admin
shows on the next call."""

import pytest

from improvement_hub.council.models import Priority
from tests.accounts.factories import UserFactory
from tests.council.factories import DirectorateFactory, ServiceFactory

pytestmark = pytest.mark.django_db

HIT = "X-Page-Cache"


@pytest.mark.parametrize("url", ["/api/v1/priorities", "/api/v1/services"])
def test_the_second_call_is_answered_without_a_query(client, django_assert_num_queries, url):
    ServiceFactory(directorate=DirectorateFactory())
    first = client.get(url)
    assert first.status_code == 200
    assert HIT not in first
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second[HIT] == "hit"
    assert second.json() == first.json()
    assert second["Content-Type"] == "application/json; charset=utf-8"


def test_a_priority_renamed_in_the_admin_shows_on_the_next_call(client):
    assert "Children" in [p["name"] for p in client.get("/api/v1/priorities").json()]
    priority = Priority.objects.get(name="Children")
    priority.name = "Children and young people"
    priority.save()
    names = [p["name"] for p in client.get("/api/v1/priorities").json()]
    assert "Children and young people" in names
    assert "Children" not in names


def test_a_service_added_shows_on_the_next_call(client):
    before = client.get("/api/v1/services").json()
    ServiceFactory(name="Pest control", directorate=DirectorateFactory())
    after = client.get("/api/v1/services").json()
    assert len(after) == len(before) + 1
    assert "Pest control" in [s["name"] for s in after]


def test_a_signed_in_caller_is_never_served_a_stored_answer(client):
    client.get("/api/v1/priorities")
    client.force_login(UserFactory())
    response = client.get("/api/v1/priorities")
    assert response.status_code == 200
    assert HIT not in response
