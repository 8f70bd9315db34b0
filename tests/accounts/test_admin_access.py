"""The hub admin and the API's interactive docs: visitors sign in, signed-in people without
access get a 403 page that says what to do instead, never a redirect loop."""

import pytest

from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

NO_ACCESS = [Role.RESIDENT, Role.STAFF, Role.PARTNER, Role.LEADERSHIP]
ADMIN_PATHS = ["/admin/", "/admin/pages/", "/admin/users/", "/api/v1/docs"]


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_visitors_are_sent_to_sign_in_when_opening_the_admin(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


@pytest.mark.parametrize("path", ADMIN_PATHS)
@pytest.mark.parametrize("role", NO_ACCESS, ids=lambda r: r.name.lower())
def test_signed_in_people_without_access_get_a_403_page_when_opening_the_admin(client, role, path):
    client.force_login(UserFactory(role=role))
    response = client.get(path, follow=True)
    assert response.redirect_chain == []
    assert response.status_code == 403
    page = response.content.decode()
    assert "You do not have permission to view this page" in page
    assert "The hub admin is for the Improvement Hub Team" in page
    assert "What you can do instead" in page
    assert 'href="/accounts/"' in page  # their account, where their roles are listed


@pytest.mark.parametrize("role", NO_ACCESS, ids=lambda r: r.name.lower())
def test_sign_in_page_does_not_loop_back_to_the_admin_when_signed_in_without_access(client, role):
    client.force_login(UserFactory(role=role))
    response = client.get("/accounts/login/?next=/admin/", follow=True)
    assert len(response.redirect_chain) <= 1
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["/admin/", "/api/v1/docs"])
def test_hub_team_opens_the_admin_and_the_api_docs(client, path):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    assert client.get(path).status_code == 200


def test_a_signed_in_person_s_403_page_has_no_sign_in_link_and_a_visitor_s_has_one(client):
    client.force_login(UserFactory(role=Role.STAFF))
    assert "Sign in</a> if you have an account" not in client.get("/admin/").content.decode()
