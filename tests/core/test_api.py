import pytest

pytestmark = pytest.mark.django_db


def test_openapi_document_is_published(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Improvement Hub API"
    assert "/api/v1/priorities" in response.json()["paths"]


def test_priorities_are_listed(client):
    names = [p["name"] for p in client.get("/api/v1/priorities").json()]
    assert names == ["Children", "Jobs and skills", "Housing", "Health"]


def test_services_are_listed_with_their_priorities(client, demo):
    services = {s["slug"]: s for s in client.get("/api/v1/services").json()}
    assert services["housing-options"]["priorities"] == ["housing", "health"]
    assert services["housing-options"]["directorate"] == "Place and Housing"


def test_interactive_docs_are_for_the_hub_team(client, hub_team_client, staff_client):
    assert client.get("/api/v1/docs").status_code == 302  # to sign in
    refused = staff_client.get("/api/v1/docs")  # signed in without access: no redirect loop
    assert refused.status_code == 403
    assert "The hub admin is for the Improvement Hub Team" in refused.text  # says why
    assert hub_team_client.get("/api/v1/docs").status_code == 200
