"""The public events list as RSS."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import SyndicationFeed

from improvement_hub.core.feeds import PlainTextRssFeed
from improvement_hub.spaces import selectors
from improvement_hub.spaces.models import Event


class EventFeed(Feed[Event, None]):
    feed_type: type[SyndicationFeed] = PlainTextRssFeed
    title = "Innovation Lab events"
    link = "/events/"
    description = "Open sessions, co-design workshops, show and tells and learning visits."

    def items(self) -> list[Event]:
        return list(selectors.event_list_public()[:50])

    def item_title(self, item: Event) -> str:
        return f"{item.title} ({item.starts_at:%d %b %Y})"

    def item_description(self, item: Event) -> str:
        return item.summary

    def item_pubdate(self, item: Event) -> datetime:
        return item.created_at
