"""RSS and Atom feeds of the Lab's public challenges."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import SyndicationFeed

from improvement_hub.core.feeds import PlainTextAtomFeed, PlainTextRssFeed
from improvement_hub.lab import selectors
from improvement_hub.lab.models import Challenge


class ChallengeFeed(Feed[Challenge, None]):
    # Titles and text go out as plain text, never markup, and without control characters.
    feed_type: type[SyndicationFeed] = PlainTextRssFeed
    title = "Innovation Lab challenges"
    link = "/lab/challenges/"
    description = (
        "Cross-system problems the Innovation Lab is working on, with the people who raised them."
    )

    def items(self) -> list[Challenge]:
        return list(selectors.challenge_list_public()[:30])

    def item_title(self, item: Challenge) -> str:
        return item.title

    def item_description(self, item: Challenge) -> str:
        return item.statement

    def item_pubdate(self, item: Challenge) -> datetime:
        return item.created_at


class ChallengeAtomFeed(ChallengeFeed):
    feed_type = PlainTextAtomFeed
    subtitle = ChallengeFeed.description
