"""News, stories and case studies; the news feed, sitemap.xml and robots.txt; the sharing
meta; the branding's Lab name and sharing image; the accessibility statement; error pages."""

import ast
import datetime as dt
import pathlib
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from improvement_hub.cms import accessibility
from improvement_hub.cms.blocks import ArticleStreamBlock
from improvement_hub.cms.models import (
    AccessibilityStatementPage,
    BrandingSettings,
    CaseStudyPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from improvement_hub.cms.sitemaps import PUBLIC_LIST_URLS
from improvement_hub.council.models import Priority
from improvement_hub.initiatives.models import Initiative, Measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_once, db):  # type: ignore[no-untyped-def]
    """The demo loaded once for this module: each test reads it or changes it in its own
    savepoint (tests/conftest.py, ``demo_once``)."""


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAIN_MEASURE = "Days from first contact to help starting"


def _index() -> NewsIndexPage:
    return NewsIndexPage.objects.get()


def _news(index: NewsIndexPage, title: str, on: dt.date, body=(), **fields) -> NewsPage:
    page = NewsPage(title=title, first_published_on=on, summary=f"About {title}", **fields)
    page.body = list(body) or [("text", "<p>Words.</p>")]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _chart_page(index: NewsIndexPage, measure: Measure) -> CaseStudyPage:
    page = CaseStudyPage(
        title="A case study", first_published_on=dt.date(2017, 6, 1), summary="What changed"
    )
    page.body = [("measure_chart", {"measure": str(measure.pk), "heading": ""})]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- page types ---------------------------------------------------------------------------


def test_news_pages_are_created_only_under_a_news_index(demo):
    home = HomePage.objects.get()
    assert NewsIndexPage.can_create_at(home)
    assert not NewsPage.can_create_at(home)
    assert NewsPage.can_create_at(_index())
    assert CaseStudyPage.can_create_at(_index())
    assert not StandardPage.can_create_at(_index())


def test_demo_news_index_lists_its_items_newest_first(client, demo):
    html = client.get("/news/").content.decode()
    titles = [
        "Family Front Door: help starts sooner",
        "“We only had to tell our story once”",
        "The Change Academy&#x27;s first cohort completes its training",
        "The Innovation Lab opens to communities",
    ]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "23 June 2017" in html  # the case study's date, in the seed's story
    assert 'href="/news/feed/"' in html


def test_news_index_filters_by_priority_and_ignores_an_unknown_one(client, demo):
    html = client.get("/news/?priority=jobs-and-skills").content.decode()
    assert "first cohort completes" in html
    assert "Family Front Door: help starts sooner" not in html
    assert '<strong aria-current="page">Jobs and skills</strong>' in html
    everything = client.get("/news/?priority=<script>").content.decode()
    assert "Family Front Door: help starts sooner" in everything
    assert "<script>" not in everything.split("<main")[1]


def test_news_index_paginates_without_losing_the_filter(client, demo):
    index = _index()
    children = Priority.objects.get(slug="children")
    for n in range(12):
        page = _news(index, f"Item {n}", dt.date(2018, 1, 1) + dt.timedelta(days=n))
        page.priorities.set([children])
        page.save_revision().publish()
    first = client.get("/news/?priority=children").content.decode()
    assert "?priority=children&amp;page=2" in first
    second = client.get("/news/?priority=children&page=2")
    assert second.status_code == 200
    assert "Family Front Door: help starts sooner" in second.content.decode()
    assert client.get("/news/?page=999").status_code == 200


def test_draft_news_is_not_listed_nor_served(client, demo):
    draft = NewsPage(title="Not yet", first_published_on=dt.date(2017, 7, 1), summary="Soon")
    draft.body = [("text", "<p>Draft</p>")]
    _index().add_child(instance=draft)
    draft.unpublish()
    assert "Not yet" not in client.get("/news/").content.decode()
    assert client.get(draft.url_path.replace("/home", "", 1)).status_code == 404


def test_case_study_shows_the_live_chart_and_summary_of_the_demo_measure(client, demo):
    html = client.get("/news/family-front-door-case-study/").content.decode()
    assert '<svg class="hub-chart' in html
    assert MAIN_MEASURE in html
    assert "Family Front Door: one conversation for families" in html
    # the chart's title and description have ids of their own
    assert 'aria-labelledby="chart-' in html
    assert 'id="chart-title"' not in html
    assert "8 in 10" in html
    assert "Source: Sparkbrook Family Front Door pilot plan" in html


def test_article_text_is_escaped(client, demo):
    hostile = '<script>alert("x")</script>'
    _news(
        _index(),
        hostile,
        dt.date(2017, 8, 1),
        body=[("quote", {"quote": hostile, "attribution": hostile})],
    )
    html = (
        client.get("/news/").content.decode()
        + client.get("/news/scriptalertxscript/").content.decode()
    )
    assert hostile not in html
    assert "&lt;script&gt;" in html


def test_image_block_needs_alternative_text(demo):
    image = Image.objects.create(title="Team", file=get_test_image_file())
    block = ArticleStreamBlock()
    value = block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}}]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_call_to_action_needs_a_page_or_a_link(demo):
    block = ArticleStreamBlock()
    value = block.to_python(
        [
            {
                "type": "call_to_action",
                "value": {"text": "", "button_text": "Go", "page": None, "url": ""},
            }
        ]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)
    value = block.to_python(
        [
            {
                "type": "call_to_action",
                "value": {
                    "text": "",
                    "button_text": "Go",
                    "page": None,
                    "url": "javascript:alert(1)",
                },
            }
        ]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


# --- the chart of a measure never shows an unpublished one -------------------------------


def _measure(name: str = MAIN_MEASURE) -> Measure:
    return Measure.objects.select_related("initiative").get(name=name)


def test_only_public_measures_of_published_initiatives_can_be_chosen(demo):
    from improvement_hub.cms.blocks import published_measure_choices

    chosen = {int(pk) for pk, _ in published_measure_choices()}
    assert _measure().pk in chosen
    for measure in Measure.objects.select_related("initiative"):
        if measure.pk in chosen:
            assert measure.initiative.is_published
            assert measure.is_published
    hidden = Measure.objects.filter(initiative__is_published=False).first()
    assert hidden is not None
    assert hidden.pk not in chosen
    # a published initiative's measure its team keeps to itself (the demo's process measure)
    internal = Measure.objects.filter(initiative__is_published=True, is_published=False).first()
    assert internal is not None
    assert internal.pk not in chosen
    block = ArticleStreamBlock()
    value = block.to_python(
        [{"type": "measure_chart", "value": {"measure": str(hidden.pk), "heading": ""}}]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_chart_disappears_when_its_initiative_is_unpublished(client, demo):
    measure = _measure()
    page = _chart_page(_index(), measure)
    url = page.get_url()
    assert MAIN_MEASURE in client.get(url).content.decode()
    Initiative.objects.filter(pk=measure.initiative_id).update(is_published=False)
    html = client.get(url).content.decode()
    assert MAIN_MEASURE not in html
    assert "hub-chart" not in html
    assert measure.initiative.title not in html


def test_chart_of_a_measure_no_longer_shown_to_the_public_is_never_drawn(client, demo):
    measure = _measure()
    Measure.objects.filter(pk=measure.pk).update(is_published=False)
    page = _chart_page(_index(), measure)  # stored directly, as an old revision might be
    html = client.get(page.get_url()).content.decode()
    assert "hub-chart" not in html
    assert MAIN_MEASURE not in html


def test_chart_of_a_deleted_or_garbled_measure_renders_nothing(client, demo):
    page = CaseStudyPage(title="Gone", first_published_on=dt.date(2017, 6, 1), summary="x")
    page.body = [
        ("measure_chart", {"measure": "999999", "heading": ""}),
        ("measure_chart", {"measure": "not a number", "heading": ""}),
    ]
    _index().add_child(instance=page)
    page.save_revision().publish()
    response = client.get(page.get_url())
    assert response.status_code == 200
    assert "hub-chart" not in response.content.decode()


# --- feed, sitemap and robots -------------------------------------------------------------


def test_rss_feed_is_valid_xml_with_the_live_articles(client, demo):
    draft = NewsPage(title="Draft item", first_published_on=dt.date(2017, 9, 1), summary="x")
    draft.body = [("text", "<p>x</p>")]
    _index().add_child(instance=draft)
    draft.unpublish()
    response = client.get("/news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel is not None
    items = channel.findall("item")
    titles = [item.findtext("title") for item in items]
    assert titles[0] == "Family Front Door: help starts sooner"
    assert "Draft item" not in titles
    assert len(items) == 4
    first = items[0]
    assert first.findtext("link").endswith("/news/family-front-door-case-study/")
    assert first.findtext("pubDate").startswith("Fri, 23 Jun 2017")
    assert [c.text for c in first.findall("category")] == ["Children"]


def test_sitemap_is_valid_xml_with_pages_and_public_lists(client, demo):
    draft = NewsPage(title="Draft item", first_published_on=dt.date(2017, 9, 1), summary="x")
    draft.body = [("text", "<p>x</p>")]
    _index().add_child(instance=draft)
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP_NS}urlset"
    locations = [url.findtext(f"{SITEMAP_NS}loc") for url in root.findall(f"{SITEMAP_NS}url")]
    paths = {loc.split("://", 1)[1].split("/", 1)[1] for loc in locations}
    for path in ("", "news/", "news/family-front-door-case-study/", "accessibility/", "about/"):
        assert path in paths
    assert "ideas/" in paths
    assert "lab/challenges/" in paths
    assert "results/" in paths
    assert not any("draft-item" in path for path in paths)


def test_every_list_in_the_sitemap_is_public(client, demo):
    from django.urls import reverse

    for name in PUBLIC_LIST_URLS:
        assert client.get(reverse(name)).status_code == 200, name


def test_robots_txt_keeps_crawlers_out_of_private_paths_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/accounts/", "/api/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.post("/robots.txt").status_code == 405


# --- sharing meta and branding ------------------------------------------------------------


def _meta(html: str, key: str) -> str | None:
    for attribute in ("property", "name"):
        marker = f'<meta {attribute}="{key}" content="'
        if marker in html:
            return html.split(marker, 1)[1].split('"', 1)[0]
    return None


def test_public_pages_carry_open_graph_and_twitter_card_meta(client, demo):
    html = client.get("/news/family-front-door-case-study/").content.decode()
    assert _meta(html, "og:title") == "Family Front Door: help starts sooner"
    assert _meta(html, "og:type") == "article"
    assert _meta(html, "og:description").startswith("How the Sparkbrook pilot")
    assert _meta(html, "og:url") == "http://testserver/news/family-front-door-case-study/"
    assert _meta(html, "og:site_name") == "Improvement Hub"
    assert _meta(html, "twitter:card") == "summary"
    assert _meta(html, "og:image") is None
    ideas = client.get("/ideas/").content.decode()  # a page of another app: the site's own
    assert _meta(ideas, "og:title") == "Improvement Hub"
    assert _meta(ideas, "og:description") == "Better services, made with staff and communities"


def test_social_sharing_image_is_shared_with_its_alternative_text(client, demo):
    site = Site.objects.get(is_default_site=True)
    branding = BrandingSettings.for_site(site)
    branding.social_image = Image.objects.create(title="Lab", file=get_test_image_file())
    branding.social_image_alt_text = "People around a table in the Lab"
    branding.full_clean()
    branding.save()
    html = client.get("/about/").content.decode()
    assert _meta(html, "og:image").startswith("http://testserver/")
    assert _meta(html, "og:image:alt") == "People around a table in the Lab"
    assert _meta(html, "twitter:card") == "summary_large_image"


def test_social_sharing_image_needs_alternative_text(demo):
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.social_image = Image.objects.create(title="Lab", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "social_image_alt_text" in error.value.message_dict


def test_the_labs_own_name_and_strapline_are_in_the_footer(client, demo):
    html = client.get("/").content.decode()
    assert "<strong>Brum Lab</strong>: Solving the problems no single service can" in html
    footer = html.split("<footer", 1)[1]
    for title, href in [("About the Improvement Hub", "/about/"), ("News and stories", "/news/")]:
        assert f'href="{href}">{title}</a>' in footer


# --- accessibility statement and error pages ---------------------------------------------


def test_accessibility_statement_follows_the_model_and_lists_known_issues(client, demo):
    html = client.get("/accessibility/").content.decode()
    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website’s accessibility",
        "Compliance status",
        "Non-accessible content",
        "What we’re doing to improve accessibility",
        "Preparation of this accessibility statement",
    ):
        assert f">{heading}</h" in html, heading
    assert "partially compliant" in html
    assert "1.1.1 Non-text Content" in html
    assert "improvementhub@example.gov.uk" in html
    assert "prepared on 1 June 2017" in html
    for check in accessibility.CHECKS:
        assert check.name in html


def test_statement_without_known_issues_says_fully_compliant(client, demo):
    page = AccessibilityStatementPage.objects.get()
    page.known_issues = []
    page.save_revision().publish()
    html = client.get("/accessibility/").content.decode()
    assert "fully compliant" in html
    assert "Non-accessible content" not in html


def _conftest() -> ast.Module:
    path = pathlib.Path(__file__).parents[1] / "browser" / "conftest.py"
    return ast.parse(path.read_text())


def test_statement_says_exactly_what_the_browser_tests_check():
    """The statement's 'how we test' is true: the browser tests run axe-core with the same
    WCAG rule tags, and check the same narrowest width by default."""
    tree = _conftest()
    tags = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "WCAG_TAGS"
    )
    assert tuple(ast.literal_eval(tags)) == accessibility.WCAG_TAGS
    fits = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "assert_fits_width"
    )
    assert ast.literal_eval(fits.args.defaults[0]) == accessibility.NARROWEST_WIDTH


def test_not_found_page_helps_with_search_home_and_contact(client, demo):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'action="/ideas/"' in html
    assert 'name="q"' in html
    assert 'href="/">Go to the home page</a>' in html
    assert "mailto:improvementhub@example.gov.uk" in html


def test_server_error_page_helps_with_home_and_contact(rf, demo):
    from improvement_hub.core.views import server_error

    request = rf.get("/broken/")
    response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert 'href="/">Go to the home page</a>' in html
    assert "mailto:improvementhub@example.gov.uk" in html


def test_news_index_reads_a_fixed_number_of_queries_whatever_the_number_of_items(client, demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/news/").status_code == 200
        return len(queries)

    count()  # the first request fills the per-process caches (site root paths)
    before = count()
    children = Priority.objects.get(slug="children")
    for n in range(5):
        _news(_index(), f"More {n}", dt.date(2018, 2, 1)).priorities.set([children])
    count()  # publishing refreshes the cached menus and footer once
    assert count() == before


def test_hub_team_can_open_the_case_study_form_with_only_public_measures(hub_team_client, demo):
    index = _index()
    response = hub_team_client.get(f"/admin/pages/add/cms/casestudypage/{index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert MAIN_MEASURE in html
    hidden = Measure.objects.filter(initiative__is_published=False).first()
    assert f"{hidden.initiative.title}: {hidden.name}" not in html
