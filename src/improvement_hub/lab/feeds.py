"""RSS and Atom feeds of the Lab's public challenges."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from improvement_hub.lab import selectors
from improvement_hub.lab.models import Challenge


class ChallengeFeed(Feed):
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

    def item_pubdate(self, item: Challenge):  # type: ignore[no-untyped-def]
        return item.created_at


class ChallengeAtomFeed(ChallengeFeed):
    feed_type = Atom1Feed
    subtitle = ChallengeFeed.description
