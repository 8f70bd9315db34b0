"""Reads for the site chrome and the home page's work list. Each runs a fixed, small
number of queries per request."""

from dataclasses import dataclass
from functools import partial
from hashlib import sha256

from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, Site

from improvement_hub import spc
from improvement_hub.accounts.models import User
from improvement_hub.cms.models import ArticlePage, BrandingSettings, NewsIndexPage
from improvement_hub.core import page_cache
from improvement_hub.initiatives import charts
from improvement_hub.initiatives import selectors as initiatives
from improvement_hub.initiatives.models import Initiative, Measure, Milestone, Pilot, TeamMember

FOOTER_SLUGS = ("about", "news", "accessibility", "privacy", "cookies")
_DEFAULT_BRANDING = BrandingSettings(service_name="Improvement Hub", accent_colour="#005a5a")


def _site(request: HttpRequest | None) -> Site | None:
    if request is None:
        return None
    cached = getattr(request, "_hub_site", False)
    if cached is False:
        cached = Site.find_for_request(request)
        request._hub_site = cached  # type: ignore[attr-defined]  # a per-request cache
    return cached


@dataclass(frozen=True)
class _Chrome:
    """What every page of a site shows around its content, the same for every visitor."""

    branding: BrandingSettings
    navigation: list[tuple[str, str]]  # the main menu's (title, url)
    footer: list[dict[str, str]]


def _chrome(request: HttpRequest) -> _Chrome:
    """The request's site's chrome: kept in the cache per host under the site version
    (``core.page_cache.site_cached``: a branding change, a page published, moved or
    deleted, shows on the next request), and once per request."""
    memo = getattr(request, "_hub_chrome", None)
    if memo is None:
        try:
            host = request.get_host()
        except Exception:  # noqa: BLE001 - a host Django refuses: its error page, uncached
            memo = _chrome_from_database(request)
        else:
            name = "cms:chrome:" + sha256(host.encode()).hexdigest()[:32]
            memo = page_cache.site_cached(name, partial(_chrome_from_database, request))
        request._hub_chrome = memo  # type: ignore[attr-defined]  # a per-request cache
    return memo


def _chrome_from_database(request: HttpRequest) -> _Chrome:
    try:
        branding = BrandingSettings.for_request(request)
        if branding.logo_id:
            branding.logo  # noqa: B018  (loaded now, so the stored copy has it)
    except Exception:  # noqa: BLE001 - the chrome must render even without a database
        branding = _DEFAULT_BRANDING
    site = _site(request)
    if site is None:
        return _Chrome(branding=branding, navigation=[], footer=[])
    # any page type (news and stories too); a standard page may point elsewhere (menu_url)
    pages = (
        Page.objects.child_of(site.root_page)
        .live()
        .in_menu()
        .annotate(menu_link=F("standardpage__menu_url"))
    )
    navigation = [
        (page.title, page.menu_link or page.get_url(request=request) or "")
        for page in pages.only("id", "title", "url_path", "path", "depth")
    ]
    # About, news and stories, the accessibility statement, privacy notice and cookies,
    # where they exist (any page type: the accessibility statement has its own).
    footer_pages = {
        page.slug: page
        for page in Page.objects.child_of(site.root_page)
        .live()
        .filter(slug__in=FOOTER_SLUGS)
        .only("id", "title", "slug", "url_path", "path", "depth")
    }
    footer = [
        {
            "title": footer_pages[slug].title,
            "url": footer_pages[slug].get_url(request=request) or "",
        }
        for slug in FOOTER_SLUGS
        if slug in footer_pages
    ]
    return _Chrome(branding=branding, navigation=navigation, footer=footer)


def branding_for_request(request: HttpRequest | None) -> BrandingSettings:
    """The branding of the request's site, or the defaults (error pages, no site yet)."""
    if request is None:
        return _DEFAULT_BRANDING
    return _chrome(request).branding


def main_navigation(request: HttpRequest | None) -> list[dict[str, object]]:
    """The home page's children that are live and shown in menus, marked active."""
    if request is None:
        return []
    path = request.path
    return [
        {"title": title, "url": url, "active": bool(url) and path.startswith(url)}
        for title, url in _chrome(request).navigation
    ]


def footer_links(request: HttpRequest | None) -> list[dict[str, str]]:
    """About, news and stories, the accessibility statement, privacy notice and cookies."""
    if request is None:
        return []
    return _chrome(request).footer


# --- reads for the work list on the home page (cms/work.py) ------------------------------------
# The initiatives app has no selector for these yet: cms holds them here (the
# import contract lets selectors read other apps' models) until the owner adds its own, and
# then work.py calls that instead.


def pilot_list_awaiting_decision() -> QuerySet[Pilot]:
    """Pilots that have started and have no go or no-go yet, the longest waiting first."""
    return (
        Pilot.objects.filter(decision="", starts_on__lte=timezone.localdate())
        .select_related("initiative")
        .order_by("starts_on", "id")
    )


def initiative_list_for_member(*, user: User) -> QuerySet[Initiative]:
    """The initiatives ``user`` is on the team of, most recently changed first."""
    return (
        Initiative.objects.filter(pk__in=TeamMember.objects.filter(user=user).values("initiative"))
        .only("id", "title", "stage", "updated_at")
        .order_by("-updated_at", "-id")
    )


def milestone_list_open_for_member(*, user: User) -> QuerySet[Milestone]:
    """Milestones not yet done of the initiatives ``user`` is on the team of, soonest first."""
    return (
        Milestone.objects.filter(
            done_on__isnull=True,
            initiative__in=TeamMember.objects.filter(user=user).values("initiative"),
        )
        .select_related("initiative")
        .order_by("due_on", "id")
    )


# --- news, stories and case studies ------------------------------------------------------------


def article_list_for_feed(*, site: Site | None, limit: int = 20) -> list[ArticlePage]:
    """The newest live, public articles of ``site`` (every site's when none is known)."""
    articles = ArticlePage.objects.live().public()
    if site is not None:
        articles = articles.descendant_of(site.root_page)
    return list(
        articles.select_related("content_type")
        .prefetch_related("priorities")
        .defer_streamfields()
        .order_by("-first_published_on", "-id")[:limit]
    )


def news_index_for_site(site: Site | None) -> NewsIndexPage | None:
    query = NewsIndexPage.objects.live().public()
    if site is not None:
        query = query.descendant_of(site.root_page)
    return query.order_by("path").first()


# --- the chart of a measure (cms/blocks.py) --------------------------------------------------

VARIATION_LABELS = {
    "common_cause": "Common cause variation",
    "special_cause_improvement": "Special cause improvement",
    "special_cause_concern": "Special cause concern",
    "special_cause_neutral": "Special cause variation",
}


def _published_measures() -> QuerySet[Measure]:
    """Measures the public may see (the same rule as the results pages)."""
    return initiatives.measure_list_public()


def published_measure_choices() -> list[tuple[str, str]]:
    """The measures a chart block may show, as (id, "initiative: measure") choices."""
    measures = (
        _published_measures().select_related("initiative").order_by("initiative__title", "name")
    )
    return [(str(m.pk), f"{m.initiative.title}: {m.name}") for m in measures]


@dataclass
class MeasureChart:
    measure: Measure
    initiative: Initiative
    result: spc.SpcResult | None
    chart: charts.XmrChart | None
    summary: str
    variation_label: str


def published_measure_chart(measure_id: object) -> MeasureChart | None:
    """A published measure's SPC chart and summary, read now; None for a measure that is
    missing or not (or no longer) published, so a page never shows one."""
    try:
        pk = int(str(measure_id))
    except (TypeError, ValueError):
        return None
    measure = (
        _published_measures()
        .select_related("initiative")
        .prefetch_related("rebases", "pdsa_cycles", "observations")
        .filter(pk=pk)
        .first()
    )
    if measure is None:
        return None
    result = initiatives.measure_spc(measure)
    markers = [
        (c.starts_on, "pdsa", f"PDSA {n}: {c.title}")
        for n, c in enumerate(measure.pdsa_cycles.all(), start=1)
    ] + [(r.on, "rebase", f"Re-baselined: {r.reason}") for r in measure.rebases.all()]
    return MeasureChart(
        measure=measure,
        initiative=measure.initiative,
        result=result,
        chart=charts.xmr_chart(result, markers=markers) if result else None,
        summary=result.summary(unit=measure.unit) if result else "",
        variation_label=VARIATION_LABELS.get(result.variation, "") if result else "",
    )
