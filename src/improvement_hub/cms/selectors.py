"""Reads for the site chrome and the home page's work list. Each runs a fixed, small
number of queries per request."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Site

from improvement_hub.accounts.models import User
from improvement_hub.cms.models import BrandingSettings, StandardPage
from improvement_hub.initiatives.models import Initiative, Milestone, Pilot, TeamMember

FOOTER_SLUGS = ("about", "accessibility", "privacy", "cookies")
_DEFAULT_BRANDING = BrandingSettings(service_name="Improvement Hub", accent_colour="#005a5a")


def _site(request: HttpRequest | None) -> Site | None:
    if request is None:
        return None
    cached = getattr(request, "_hub_site", False)
    if cached is False:
        cached = Site.find_for_request(request)
        request._hub_site = cached  # type: ignore[attr-defined]  # a per-request cache
    return cached


def branding_for_request(request: HttpRequest | None) -> BrandingSettings:
    """The branding of the request's site, or the defaults (error pages, no site yet)."""
    if request is None:
        return _DEFAULT_BRANDING
    cached = getattr(request, "_hub_branding", None)
    if cached is None:
        try:
            cached = BrandingSettings.for_request(request)
        except Exception:  # noqa: BLE001 - the chrome must render even without a database
            cached = _DEFAULT_BRANDING
        request._hub_branding = cached  # type: ignore[attr-defined]  # a per-request cache
    return cached


def main_navigation(request: HttpRequest | None) -> list[dict[str, object]]:
    """The home page's children that are live and shown in menus, marked active."""
    site = _site(request)
    if site is None:
        return []
    pages = StandardPage.objects.child_of(site.root_page).live().in_menu()
    path = request.path if request is not None else ""
    items = []
    for page in pages.only("id", "title", "url_path", "path", "depth", "menu_url"):
        url = page.menu_url or page.get_url(request=request) or ""
        items.append(
            {"title": page.title, "url": url, "active": bool(url) and path.startswith(url)}
        )
    return items


def footer_links(request: HttpRequest | None) -> list[dict[str, str]]:
    """Accessibility statement, privacy notice and cookies pages, where they exist."""
    site = _site(request)
    if site is None:
        return []
    pages = {
        page.slug: page
        for page in StandardPage.objects.child_of(site.root_page)
        .live()
        .filter(slug__in=FOOTER_SLUGS)
        .only("id", "title", "slug", "url_path", "path", "depth")
    }
    return [
        {"title": pages[slug].title, "url": pages[slug].get_url(request=request) or ""}
        for slug in FOOTER_SLUGS
        if slug in pages
    ]


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
