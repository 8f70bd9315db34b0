import pytest

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_sends_people_to_the_one_sign_in_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/admin/")


def test_wagtail_sign_in_form_cannot_be_used_to_guess_passwords(client):
    user = UserFactory(email="hub@example.org", role="Hub Team")
    response = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code in (301, 302, 405)
    assert "_auth_user_id" not in client.session
