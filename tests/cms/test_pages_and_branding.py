import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from improvement_hub.cms.models import BrandingSettings, HomePage, contrast_with_white

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_once, db):  # type: ignore[no-untyped-def]
    """The demo loaded once for this module: each test reads it or changes it in its own
    savepoint (tests/conftest.py, ``demo_once``)."""


def test_home_page_introduces_the_four_strands_with_links(client, demo):
    html = client.get("/").content.decode()
    for strand, href in [
        ("Ideas Forum", "/ideas/"),
        ("Innovation Lab", "/lab/"),
        ("Improvement Team", "/initiatives/"),
        ("Change Academy", "/change-academy/"),
    ]:
        assert f'href="{href}">{strand}</a>' in html
    # a strand with its own app pages links there from the menu too
    assert 'class="govuk-service-navigation__link" href="/ideas/"' in html


def test_every_page_has_skip_link_phase_banner_and_footer_pages(client, demo):
    html = client.get("/about/").content.decode()
    assert 'href="#main-content"' in html
    assert "govuk-phase-banner" in html
    for title in ("Accessibility statement", "Privacy notice", "Cookies"):
        assert f">{title}</a>" in html
    assert "Sign in" in html


def test_no_govuk_crown_logotype_or_transport_font(client, demo):
    html = client.get("/").content.decode()
    assert "govuk-header__logotype" not in html
    assert "GOV.UK" not in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("govuk/hub.css")).read()
    assert "GDS Transport" not in css
    assert "@font-face" not in css


def test_branding_comes_from_site_settings(client, demo):
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.service_name = "Better Brum"
    branding.strapline = "Ideas into action"
    branding.accent_colour = "#4b0f5c"
    branding.save()
    html = client.get("/").content.decode()
    assert "Better Brum" in html
    assert "Ideas into action" in html
    assert "--hub-accent: #4b0f5c" in html
    assert "– Better Brum</title>" in html


def test_accent_colour_must_keep_white_text_readable():
    branding = BrandingSettings(site=Site.objects.get(), service_name="X", accent_colour="#ffdd00")
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "darker colour" in str(error.value)
    assert contrast_with_white("#005a5a") >= 4.5


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "#00zz00", "#000;}body{x"])
def test_accent_colour_must_be_a_hex_colour(colour):
    branding = BrandingSettings(site=Site.objects.get(), service_name="X", accent_colour=colour)
    with pytest.raises(ValidationError):
        branding.full_clean()


def test_hostile_page_content_is_escaped(client, demo):
    page = HomePage.objects.get()
    page.intro = '<script>alert("x")</script> & Robert\'); DROP TABLE ideas;--'
    page.save_revision().publish()
    html = client.get("/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_hub_team_can_edit_branding_in_admin(hub_team_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/cms/brandingsettings/{site.pk}/"
    assert hub_team_client.get(url).status_code == 200


def test_standard_page_shows_breadcrumbs_and_review_date(client, demo):
    html = client.get("/privacy/").content.decode()
    assert "govuk-breadcrumbs" in html
    assert "Last reviewed 1 November 2026" in html
