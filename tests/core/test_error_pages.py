import pytest
from django.test import Client, override_settings
from django.urls import path

from improvement_hub.config.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db


def _boom(request):  # type: ignore[no-untyped-def]
    raise RuntimeError("broken on purpose")


def _forbidden(request):  # type: ignore[no-untyped-def]
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


urlpatterns = [path("boom/", _boom), path("forbidden/", _forbidden), *site_urlpatterns]
handler403 = "improvement_hub.core.views.permission_denied"
handler404 = "improvement_hub.core.views.page_not_found"
handler500 = "improvement_hub.core.views.server_error"


def test_404_page_is_in_the_site_style(client, demo):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in html
    assert "Improvement Hub" in html
    assert "govuk-footer" in html


@override_settings(ROOT_URLCONF=__name__)
def test_500_page_is_in_the_site_style(demo):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "govuk-footer" in html
    assert "broken on purpose" not in html


@override_settings(ROOT_URLCONF=__name__)
def test_403_page_is_in_the_site_style(client):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert "You do not have permission to view this page" in response.content.decode()
