"""The Hub Team edits council reference data in the Wagtail admin; others cannot."""

import pytest

from improvement_hub.council.models import Priority

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/council/priority/"


def test_hub_team_lists_and_adds_priorities(hub_team_client):
    assert hub_team_client.get(LIST_URL).status_code == 200
    response = hub_team_client.post(
        LIST_URL + "add/",
        {
            "name": "Climate",
            "slug": "climate",
            "description": "Net zero by 2030",
            "position": 5,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert Priority.objects.filter(slug="climate", name="Climate").exists()


def test_hub_team_renames_a_priority(hub_team_client):
    priority = Priority.objects.get(slug="housing")
    response = hub_team_client.post(
        f"{LIST_URL}edit/{priority.pk}/",
        {"name": "Homes", "slug": "housing", "description": "", "position": 3, "is_active": "on"},
    )
    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.name == "Homes"


def test_duplicate_priority_gives_an_error_not_a_crash(hub_team_client):
    response = hub_team_client.post(
        LIST_URL + "add/", {"name": "children", "slug": "kids", "position": 1}
    )
    assert response.status_code == 200
    assert Priority.objects.filter(name__iexact="children").count() == 1


@pytest.mark.parametrize("fixture", ["staff_client", "resident_client"])
def test_other_roles_are_kept_out(request, fixture):
    client = request.getfixturevalue(fixture)
    response = client.get(LIST_URL)
    assert response.status_code in (302, 403)
    assert client.post(LIST_URL + "add/", {"name": "X", "slug": "x"}).status_code in (302, 403)
    assert not Priority.objects.filter(slug="x").exists()
