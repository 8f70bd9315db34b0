"""Issue 14: what every page shows the same for everyone (the site's name, menu and footer
links, the ideas filters' choices) is read once per change, not on every request, and a
change shows on the next request, for signed-in people too (no whole-page cache)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from improvement_hub.accounts.roles import Role
from improvement_hub.cms.models import BrandingSettings, HomePage, StandardPage
from improvement_hub.ideas.models import Campaign
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):  # type: ignore[no-untyped-def]
    client.force_login(UserFactory(role=Role.STAFF))
    return client


def _page(client, path: str = "/ideas/") -> str:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_chrome_is_read_once_not_on_every_request(staff_client):
    _page(staff_client)
    with CaptureQueriesContext(connection) as captured:
        _page(staff_client)
    chrome_tables = ("cms_brandingsettings", "wagtailcore_site", "wagtailcore_page")
    read = [q["sql"] for q in captured if any(t in q["sql"] for t in chrome_tables)]
    assert read == []


def test_a_page_added_to_the_menu_shows_on_the_next_request(staff_client):
    assert "Get involved" not in _page(staff_client)
    HomePage.objects.get().add_child(
        instance=StandardPage(
            title="Get involved", slug="get-involved", body="<p>Join us</p>", show_in_menus=True
        )
    )
    assert "Get involved" in _page(staff_client)


def test_an_unpublished_page_leaves_the_menu_on_the_next_request(staff_client):
    page = HomePage.objects.get().add_child(
        instance=StandardPage(
            title="Get involved", slug="get-involved", body="<p>Join us</p>", show_in_menus=True
        )
    )
    assert "Get involved" in _page(staff_client)
    page.unpublish()
    assert "Get involved" not in _page(staff_client)


def test_a_branding_change_shows_on_the_next_request(staff_client):
    assert "Sparkbrook Ideas" not in _page(staff_client)
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.service_name = "Sparkbrook Ideas"
    branding.save()
    assert "Sparkbrook Ideas" in _page(staff_client)


def test_a_campaign_added_in_the_admin_is_a_filter_choice_on_the_next_request(staff_client):
    from datetime import timedelta

    from django.utils import timezone

    assert "Warmer homes" not in _page(staff_client)
    now = timezone.now()
    Campaign.objects.create(
        title="Warmer homes",
        slug="warmer-homes",
        description="Ideas for warmer homes",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )
    assert 'value="warmer-homes"' in _page(staff_client)
