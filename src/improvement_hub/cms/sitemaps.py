"""``sitemap.xml``: the CMS's live public pages, and the hub's public list pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

# The hub's own public lists (not pages of the CMS): anyone may read them signed out.
PUBLIC_LIST_URLS = (
    "ideas:idea_list",
    "ideas:campaign_list",
    "lab:lab_home",
    "lab:challenge_list",
    "academy:course_list",
    "spaces:event_list",
    "results:result_list",
)


class PublicListSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return list(PUBLIC_LIST_URLS)

    def location(self, item: str) -> str:
        return reverse(item)


def sitemaps() -> dict[str, type[Sitemap] | Sitemap]:
    return {"pages": WagtailSitemap, "lists": PublicListSitemap}
