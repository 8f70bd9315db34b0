"""The Ideas Forum JSON API: the same rules as the pages."""

import json

import pytest
from django.test import Client
from wagtail.models import APIToken

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas.models import Idea, Support
from tests.accounts.factories import UserFactory
from tests.ideas.factories import CampaignFactory, IdeaFactory

pytestmark = pytest.mark.django_db

NEW = {
    "title": "API idea",
    "problem": "A problem",
    "proposal": "A change",
    "priorities": ["housing"],
}


def _post(client, url, data=None, **headers):  # type: ignore[no-untyped-def]
    return client.post(url, json.dumps(data or {}), content_type="application/json", **headers)


def test_list_filters_search_sort_and_paginate(client):
    IdeaFactory(title="Recycling for flats", scale="tweak")
    IdeaFactory(title="Library hours", scale="redesign")
    IdeaFactory(title="Hidden", hidden_at="2026-01-01T00:00:00Z")
    body = client.get("/api/v1/ideas").json()
    assert body["count"] == 2
    assert {i["title"] for i in body["items"]} == {"Recycling for flats", "Library hours"}
    assert [i["title"] for i in client.get("/api/v1/ideas?scale=tweak").json()["items"]] == [
        "Recycling for flats"
    ]
    assert client.get("/api/v1/ideas?q=recycling").json()["count"] == 1
    assert client.get("/api/v1/ideas?sort=nonsense").status_code == 200
    assert client.get("/api/v1/ideas?page=99").status_code in (200, 404)


def test_detail_includes_the_number_of_supporters(client):
    idea = IdeaFactory()
    for person in UserFactory.create_batch(3):
        Support.objects.create(idea=idea, user=person)
    Idea.objects.filter(pk=idea.pk).update(support_count=3)
    body = client.get(f"/api/v1/ideas/{idea.pk}").json()
    assert body["supports"] == 3
    assert body["url"] == idea.get_absolute_url()
    assert client.get(f"/api/v1/ideas/{IdeaFactory(submitted_at=None).pk}").status_code == 404
    assert client.get("/api/v1/ideas/999999").status_code == 404


def test_staff_create_an_idea_with_their_session(staff_client):
    response = _post(staff_client, "/api/v1/ideas", NEW)
    assert response.status_code == 201, response.content
    idea = Idea.objects.get(title="API idea")
    assert not idea.is_draft
    assert response.json()["priorities"] == ["housing"]


def test_session_posts_need_the_csrf_token(db):
    user = UserFactory(role=Role.STAFF)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert _post(client, "/api/v1/ideas", NEW).status_code in (401, 403)
    assert not Idea.objects.exists()


def test_integrations_use_a_bearer_token(db):
    user = UserFactory(role=Role.STAFF)
    _token, secret = APIToken.create_token(user=user, name="Intranet")
    client = Client(enforce_csrf_checks=True)
    response = _post(client, "/api/v1/ideas", NEW, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 201
    assert Idea.objects.get().author == user
    revoked, revoked_secret = APIToken.create_token(user=user, name="Old")
    revoked.revoke()
    assert (
        _post(
            client, "/api/v1/ideas", NEW, HTTP_AUTHORIZATION=f"Bearer {revoked_secret}"
        ).status_code
        == 401
    )
    assert (
        _post(client, "/api/v1/ideas", NEW, HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401
    )


def test_only_staff_may_create(client, resident_client):
    assert _post(client, "/api/v1/ideas", NEW).status_code == 401
    assert _post(resident_client, "/api/v1/ideas", NEW).status_code == 403
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"title": "", "problem": "p", "proposal": "q"}, 422),
        ({"title": "x" * 121, "problem": "p", "proposal": "q"}, 422),
        ({"problem": "p", "proposal": "q"}, 422),
        ({**NEW, "priorities": ["not-a-priority"]}, 422),
        ({**NEW, "service": "nope"}, 422),
        ({**NEW, "campaign": "nope"}, 422),
        ({**NEW, "scale": "massive"}, 422),
    ],
)
def test_bad_input_gets_a_clear_error(staff_client, payload, status):
    response = _post(staff_client, "/api/v1/ideas", payload)
    assert response.status_code == status
    assert not Idea.objects.exists()


def test_malformed_json_is_a_client_error(staff_client):
    response = staff_client.post("/api/v1/ideas", "{not json", content_type="application/json")
    assert 400 <= response.status_code < 500


def test_closed_campaign_is_refused(staff_client):
    from datetime import timedelta

    from django.utils import timezone

    closed = CampaignFactory(
        opens_at=timezone.now() - timedelta(days=5), closes_at=timezone.now() - timedelta(days=1)
    )
    response = _post(staff_client, "/api/v1/ideas", {**NEW, "campaign": closed.slug})
    assert response.status_code == 422
    assert "closed" in json.dumps(response.json())


def test_support_and_withdraw(staff_client):
    idea = IdeaFactory()
    assert _post(staff_client, f"/api/v1/ideas/{idea.pk}/support").json() == {
        "id": idea.pk,
        "supports": 1,
        "supported": True,
    }
    assert _post(staff_client, f"/api/v1/ideas/{idea.pk}/support").json()["supports"] == 1
    response = staff_client.delete(f"/api/v1/ideas/{idea.pk}/support")
    assert response.json() == {"id": idea.pk, "supports": 0, "supported": False}


def test_support_own_idea_is_forbidden(db):
    user = UserFactory(role=Role.STAFF)
    client = Client()
    client.force_login(user)
    idea = IdeaFactory(author=user)
    assert _post(client, f"/api/v1/ideas/{idea.pk}/support").status_code == 403


def test_similar(client):
    IdeaFactory(
        title="Online booking for housing repairs", problem="Phone queues", proposal="Book online"
    )
    IdeaFactory(title="Plant trees", problem="Bare parks", proposal="Trees")
    body = client.get("/api/v1/ideas/similar", {"text": "book my repair online"}).json()
    assert body[0]["title"] == "Online booking for housing repairs"
    assert len(body) <= 5
    assert client.get("/api/v1/ideas/similar", {"text": ""}).json() == []
    assert client.get("/api/v1/ideas/similar").status_code == 422


def test_openapi_documents_the_ideas_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/ideas",
        "/api/v1/ideas/{idea_id}",
        "/api/v1/ideas/{idea_id}/support",
        "/api/v1/ideas/similar",
    ):
        assert path in paths
