"""RSS and Atom feeds of newly submitted ideas, for everyone and per campaign."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import SyndicationFeed

from improvement_hub.core.feeds import PlainTextAtomFeed, PlainTextRssFeed
from improvement_hub.ideas import selectors
from improvement_hub.ideas.models import Campaign, Idea

FEED_SIZE = 30


class _IdeasFeed(Feed):
    # Titles and text go out as plain text, never markup, and without control characters.
    feed_type: type[SyndicationFeed] = PlainTextRssFeed
    description = "Ideas staff have put forward to improve council services."

    def item_title(self, item: Idea) -> str:
        return item.title

    def item_description(self, item: Idea) -> str:
        return f"{item.problem}\n\n{item.proposal}"

    def item_pubdate(self, item: Idea) -> datetime | None:
        return item.submitted_at

    def item_author_name(self, item: Idea) -> str:
        return (
            "A member of staff"
            if item.name_hidden
            else item.author.public_name or "A member of staff"
        )


class NewIdeasFeed(_IdeasFeed):
    title = "New ideas – Ideas Forum"
    link = "/ideas/"

    def items(self) -> list[Idea]:
        return selectors.idea_list_newest(limit=FEED_SIZE)


class NewIdeasAtomFeed(NewIdeasFeed):
    feed_type = PlainTextAtomFeed
    subtitle = _IdeasFeed.description


class CampaignIdeasFeed(_IdeasFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Campaign:
        return selectors.campaign_get(slug=slug)

    def title(self, obj: Campaign) -> str:
        return f"Ideas for ‘{obj.title}’ – Ideas Forum"

    def link(self, obj: Campaign) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Campaign) -> list[Idea]:
        return selectors.idea_list_newest(campaign=obj, limit=FEED_SIZE)
