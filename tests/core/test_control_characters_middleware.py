"""Query strings, paths and form fields with control characters get a 400, never a 500.

PostgreSQL refuses any text with a NUL in it, so before this check `/initiatives/?q=%00`
and similar were server errors there (issue 8, items 5 and 18).
"""

import pytest

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

ROUTES = ["/ideas/", "/initiatives/", "/initiatives/board/", "/lab/challenges/", "/"]
BAD_QUERIES = ["q=%00", "q=a%00b", "priority=%00", "directorate=x%1bz", "page=%07", "%00=1"]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_query_string_is_refused_with_400_when_it_holds_control_characters(route, query):
    response = client_for(None).get(f"{route}?{query}")
    assert response.status_code == 400
    assert b"problem with your request" in response.content


def test_path_is_refused_with_400_when_it_holds_a_nul():
    assert client_for(None).get("/ideas/%00/").status_code == 400


def test_api_answers_400_in_json_when_the_query_string_holds_control_characters():
    response = client_for(None).get("/api/v1/ideas/similar", {"text": "bins\x00"})
    assert response.status_code == 400
    assert "control characters" in response.json()["detail"]


def test_sign_in_form_shows_an_error_when_a_field_holds_a_nul():
    """Forms outside the admin refuse control characters field by field, keeping input."""
    response = client_for(None).post(
        "/accounts/login/", {"login": "pat\x00@example.org", "password": "x"}
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_ordinary_text_passes_when_it_has_tabs_newlines_and_unicode():
    response = client_for(None).get(
        "/ideas/", {"q": "caf\u00e9 \U0001f468\u200d\U0001f469 \u05e9\u05dc\u05d5\u05dd\tx"}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("text", ["Bins\x1b[31m", "Bell\x07", "Nul\x00"])
def test_admin_form_is_refused_with_400_when_a_field_holds_control_characters(text):
    from improvement_hub.council.models import Priority
    from tests.accounts.factories import UserFactory

    client = client_for(None)
    client.force_login(UserFactory(role="Hub Team"))
    response = client.post(
        "/admin/snippets/council/priority/add/",
        {"name": text, "slug": "bins", "description": "", "position": "9"},
    )
    assert response.status_code == 400
    assert not Priority.objects.filter(slug="bins").exists()
