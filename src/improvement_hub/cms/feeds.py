"""The news feed (RSS 2.0): the newest news items, stories and case studies."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Site

from improvement_hub.cms import selectors
from improvement_hub.cms.models import ArticlePage


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        site = Site.find_for_request(request)
        return {
            "request": request,
            "site": site,
            "branding": selectors.branding_for_request(request),
            "index": selectors.news_index_for_site(site),
        }

    def title(self, obj: dict) -> str:
        return f"News and stories – {obj['branding'].service_name}"

    def link(self, obj: dict) -> str:
        index = obj["index"]
        return (index.get_url(request=obj["request"]) if index else None) or "/"

    def description(self, obj: dict) -> str:
        return obj["branding"].strapline or "News, stories and case studies"

    def items(self, obj: dict) -> list[ArticlePage]:
        return selectors.article_list_for_feed(site=obj["site"])

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.summary

    def item_link(self, item: ArticlePage) -> str:
        return item.get_url() or "/"

    def item_pubdate(self, item: ArticlePage) -> dt.datetime:
        return dt.datetime.combine(
            item.first_published_on, dt.time(9), tzinfo=timezone.get_current_timezone()
        )

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [priority.name for priority in item.priorities.all()]
