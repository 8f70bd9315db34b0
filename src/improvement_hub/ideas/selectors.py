"""Every read the Ideas Forum's pages and API need, with a fixed number of queries."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.core.cache import cache
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.http import Http404
from django.utils import timezone

from improvement_hub.accounts.permissions import is_staff_member
from improvement_hub.core import page_cache
from improvement_hub.core.models import set_prefetched
from improvement_hub.core.search import search_words
from improvement_hub.council.models import Priority
from improvement_hub.council.selectors import directorate_list, service_list
from improvement_hub.ideas import permissions, similarity
from improvement_hub.ideas.filters import IdeaFilter, ReviewQueueFilter
from improvement_hub.ideas.models import (
    QUADRANTS,
    Campaign,
    Comment,
    Follow,
    Idea,
    IdeaQuerySet,
    IdeaResponse,
    IdeaStatus,
    Report,
    Support,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from improvement_hub.accounts.models import User

    AnyUser = User | AnonymousUser

RANDOM_PRIME = 2_147_483_647
# The lists' "N ideas" is cached this long (and dropped when a service changes an idea);
# counting every public idea on each page view costs more than the rest of the page.
LIST_COUNT_SECONDS = 60
LIST_COUNT_VERSION_KEY = "ideas:list-count-version"
# A search counts at most this many matches; a broader one says "more than 1,000" and
# shows the newest first, since ranking tens of thousands of rows is the slow part.
SEARCH_COUNT_CAP = 1000
ORDERS = {
    "newest": ("-submitted_at", "-id"),
    "supported": ("-support_count", "-id"),
    "trending": ("-trending_score", "-support_count", "-id"),
    "discussed": ("-comment_count", "-id"),
}

# Search results (modelsearch) or a queryset: both slice, and count.
Ideas = Any


LIST_RELATED = ("status", "author", "campaign", "directorate", "service")
# What an idea card (includes/idea_card.html) shows besides the idea: its status. Each
# joined table costs PostgreSQL planning time on every request (at 100,000 ideas the list
# query plans in 2.9 ms with the five above, 0.1 ms with this one).
CARD_RELATED = ("status",)


def _list_queryset() -> QuerySet[Idea]:
    return Idea.objects.select_related(*LIST_RELATED)


def _ordered(
    filters: IdeaFilter,
    campaign: Campaign | None,
    seed: int,
    related: tuple[str, ...] = LIST_RELATED,
) -> IdeaQuerySet:
    """Public ideas narrowed by the filters (``ideas/filters.py``), in the list's order."""
    queryset = cast(IdeaQuerySet, filters.qs).select_related(*related)
    if campaign is not None:
        queryset = queryset.filter(campaign_id=campaign.pk)
    if filters.order == "random":
        # A stable shuffle for this visitor: pages do not repeat or skip ideas.
        shuffle = (F("id") * (seed % 10_000 + 7919)) % RANDOM_PRIME
        return queryset.annotate(shuffle=shuffle).order_by("shuffle", "id")
    return queryset.order_by(*ORDERS.get(filters.order, ORDERS["newest"]))


def idea_list(*, filters: IdeaFilter, campaign: Campaign | None = None, seed: int = 1) -> Ideas:
    """Public ideas, filtered, searched and sorted. Search uses the modelsearch backend.

    Search text is read as plain words (``core.search.search_words``); text with no words
    in it (only punctuation, say) matches no idea.
    """
    queryset = _ordered(filters, campaign, seed)
    if not filters.search:
        return queryset
    words = search_words(filters.search)
    if not words:
        return queryset.none()
    if filters.order == "random":
        queryset = queryset.order_by(*ORDERS["newest"])
    return queryset.search(words, order_by_relevance=filters.order == "newest")


def idea_list_newest(*, limit: int, campaign: Campaign | None = None) -> list[Idea]:
    """The newest public ideas (of one campaign), for the feeds."""
    return list(_ordered(IdeaFilter(), campaign, seed=1)[:limit])


@dataclass
class CountedIdeas:
    """A list's ideas with their count, worked out cheaply; ``capped`` when more than
    ``count`` match (broad searches)."""

    items: Ideas  # a QuerySet, or search results when there are words to search for
    count: int
    capped: bool = False


def _list_count_key(filters: IdeaFilter, campaign: Campaign | None) -> str:
    """Filters that change which ideas match (not the order), with the current version."""
    wanted = f"{filters.membership_key()}|{campaign.pk if campaign else ''}"
    digest = hashlib.sha256(wanted.encode()).hexdigest()[:32]
    version = cache.get(LIST_COUNT_VERSION_KEY, 0)
    return f"ideas:list-count:{version}:{digest}"


# The page-cache versions of the public ideas pages (core.page_cache): every list, and
# each idea's page. Services bump them when what those pages show changes.
IDEA_LISTS = "ideas"


def idea_page_version(pk: int) -> str:
    return f"idea:{pk}"


def idea_list_counts_reset() -> None:
    """Forget the cached list counts (services call this after an idea changes)."""
    try:
        cache.incr(LIST_COUNT_VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(LIST_COUNT_VERSION_KEY, 1, None)


def idea_list_counted(
    *,
    filters: IdeaFilter,
    campaign: Campaign | None = None,
    seed: int = 1,
    related: tuple[str, ...] = LIST_RELATED,
) -> CountedIdeas:
    """``idea_list`` with its count: cached briefly for filters, capped for searches.
    ``related``: what the caller shows of each idea's relations (``CARD_RELATED`` for
    pages of idea cards)."""
    if not filters.search:
        queryset = _ordered(filters, campaign, seed, related)
        key = _list_count_key(filters, campaign)
        count = cache.get_or_set(key, queryset.count, LIST_COUNT_SECONDS)
        return CountedIdeas(items=queryset, count=queryset.count() if count is None else count)
    query = search_words(filters.search)
    if not query:  # search text without a word in it
        return CountedIdeas(items=Idea.objects.none(), count=0)
    base = _ordered(filters, campaign, seed, related)
    if filters.order == "random":
        base = base.order_by(*ORDERS["newest"])
    in_list_order = base.search(query, order_by_relevance=False)
    matches = in_list_order[: SEARCH_COUNT_CAP + 1].count()
    if matches > SEARCH_COUNT_CAP:
        return CountedIdeas(items=in_list_order, count=SEARCH_COUNT_CAP, capped=True)
    if filters.order == "newest":
        # "Newest" with words to search for means best match first, as in idea_list.
        return CountedIdeas(items=base.search(query, order_by_relevance=True), count=matches)
    return CountedIdeas(items=in_list_order, count=matches)


def idea_list_for_export(*, filters: IdeaFilter, limit: int, seed: int = 1) -> list[Idea]:
    """The ideas of the list page with these filters, in the page's order, up to ``limit``,
    with their priorities: an export holds what the Hub Team saw on the page."""
    ideas = list(idea_list_counted(filters=filters, seed=seed).items[:limit])
    prefetch_related_objects(ideas, "priorities")
    return ideas


def _reference_objects() -> dict[str, dict[int, Any]]:
    """Every directorate, service, campaign, status and priority by id: small tables edited
    only in the admin, whose saves bump the site version (``core.page_cache.site_cached``).
    Shared between requests: read-only."""

    def load() -> dict[str, dict[int, Any]]:
        return {
            "directorate": {d.pk: d for d in directorate_list()},
            "service": {s.pk: s for s in service_list()},
            "campaign": {c.pk: c for c in Campaign.objects.all()},
            "status": {s.pk: s for s in IdeaStatus.objects.all()},
            "priority": {p.pk: p for p in Priority.objects.all()},
        }

    return page_cache.site_cached("ideas:reference-objects", load)


def idea_get_for_user(*, user: AnyUser, idea_id: int) -> Idea:
    """The idea if this person may see it; 404 for missing and forbidden alike.

    ``idea.has_initiatives`` says whether an initiative took it forward (the page reads
    them only then)."""
    # Only what every page of an idea shows. Each joined table costs PostgreSQL planning
    # time on every request (2.9 ms with the list's five joins at 100,000 ideas), so the
    # directorate, service, campaign, status and priorities come from the cached
    # reference objects instead; ``merged_into`` is loaded when an idea has one (rare).
    # Initiatives sit above ideas: read by the reverse relation's table, never imported.
    initiative_links = Idea.initiatives.through.objects.filter(idea_id=OuterRef("pk"))
    queryset = Idea.objects.select_related("author").annotate(
        has_initiatives=Exists(initiative_links)
    )
    if user.is_authenticated:  # the page's support and follow buttons, in the same query
        queryset = queryset.annotate(
            viewer_supports=Exists(Support.objects.filter(idea=OuterRef("pk"), user_id=user.pk)),
            viewer_follows=Exists(Follow.objects.filter(idea=OuterRef("pk"), user_id=user.pk)),
        )
    found = list(queryset.filter(pk=idea_id).order_by()[:1])
    idea = found[0] if found else None
    if idea is None:
        raise Http404("No such idea")
    references = _reference_objects()
    for field in ("directorate", "service", "campaign", "status"):
        reference = references[field].get(getattr(idea, f"{field}_id"))
        if reference is not None:  # otherwise read when used, as any relation
            setattr(idea, field, reference)
    if not permissions.can_view_idea(user, idea):
        raise Http404("No such idea")
    priority_ids = Idea.priorities.through.objects.filter(idea_id=idea.pk).values_list(
        "priority_id", flat=True
    )
    priorities = [references["priority"][pk] for pk in priority_ids if pk in references["priority"]]
    priorities.sort(key=lambda priority: (priority.position, priority.name))
    set_prefetched(idea, "priorities", priorities)
    return idea


def idea_detail_context(*, user: AnyUser, idea: Idea) -> dict[str, object]:
    """History, comments with replies and reports, and this person's support and follow.

    Each top-level comment's replies are in ``comment.reply_list`` (one query for the
    thread, whatever its shape)."""
    top_level: list[Comment] = []
    replies: dict[int, list[Comment]] = {}
    for comment in Comment.objects.select_related("author").filter(idea=idea):  # in order
        if comment.parent_id is None:
            comment.reply_list = replies.setdefault(comment.pk, [])  # type: ignore[attr-defined]  # shown by the template
            top_level.append(comment)
        else:
            replies.setdefault(comment.parent_id, []).append(comment)
    statuses = _reference_objects()["status"]
    responses = list(IdeaResponse.objects.filter(idea=idea).order_by("created_at", "id"))
    for response in responses:
        status = statuses.get(response.status_id)
        if status is not None:
            response.status = status
    return {
        "comments": top_level,
        "responses": responses,
        "supported": _viewer_has(idea, user, "viewer_supports", Support),
        "following": _viewer_has(idea, user, "viewer_follows", Follow),
        "initiatives": list(idea.initiatives.all())
        if getattr(idea, "has_initiatives", True)
        else [],
        # Initiatives sit above ideas (read by reverse relation): staff open every one,
        # everyone else the published ones.
        "opens_unpublished_initiatives": is_staff_member(user),
    }


def _viewer_has(idea: Idea, user: AnyUser, annotation: str, model: type[Support | Follow]) -> bool:
    """Whether this person supports (follows) the idea: read with the idea by
    ``idea_get_for_user``, else now."""
    if not user.is_authenticated:
        return False
    known = getattr(idea, annotation, None)
    if known is not None:
        return bool(known)
    return model.objects.filter(idea=idea, user_id=user.pk).exists()


def idea_list_for_author(*, user: User) -> QuerySet[Idea]:
    """The person's own ideas, drafts first."""
    return (
        Idea.objects.filter(author=user)
        .select_related("status", "merged_into")
        .order_by(F("submitted_at").desc(nulls_first=True), "-updated_at")
    )


def idea_review_queue(*, filters: ReviewQueueFilter) -> QuerySet[Idea]:
    """Submitted ideas still waiting for a decision, oldest first."""
    return (
        filters.qs.filter(status__is_open=True)
        .select_related(*LIST_RELATED, "assignee")
        .order_by("submitted_at", "id")
    )


def idea_matrix(*, limit: int = 400) -> dict[str, list[Idea]]:
    """Assessed ideas that are still open, by quadrant of the impact/effort matrix."""
    ideas = (
        Idea.objects.public()
        .filter(impact__isnull=False, effort__isnull=False, status__is_open=True)
        .select_related("status")
        .order_by("-impact", "effort", "id")
    )
    quadrants: dict[str, list[Idea]] = {name: [] for name in QUADRANTS}
    for idea in ideas[:limit]:
        quadrants[idea.quadrant or QUADRANTS[-1]].append(idea)
    return quadrants


def idea_get_submitted(*, idea_id: int) -> Idea | None:
    """A submitted idea by its number, whoever may see it (the Hub Team merges into it)."""
    return Idea.objects.filter(pk=idea_id, submitted_at__isnull=False).first()


def idea_similar_list(*, text: str, limit: int = 5, exclude: tuple[int, ...] = ()) -> list[Idea]:
    """Up to ``limit`` public ideas most like ``text``, best first, each with ``.score``."""
    matches = similarity.similar(text, limit=limit * 2, exclude=exclude)
    ideas = idea_public_in_order([match.id for match in matches])
    scores = {match.id: match.score for match in matches}
    for idea in ideas:
        idea.score = scores[idea.pk]
    return ideas[:limit]


# What a list of similar ideas shows (the similar-ideas API, "check your answers", the Hub
# Team's possible duplicates, a referral's similar ideas): not the ideas' long answers.
SIMILAR_FIELDS = ("id", "title", "status", "support_count", "author")


def idea_public_in_order(ids: list[int]) -> list[Idea]:
    """The public ones of these ideas, in the order given (a list kept elsewhere, such as
    the Lab's suggestions: an idea hidden or merged since is left out), in one query."""
    if not ids:
        return []
    ideas = Idea.objects.public().filter(pk__in=ids).only(*SIMILAR_FIELDS).order_by().in_bulk()
    statuses = _reference_objects()["status"]
    result = []
    for pk in ids:
        idea = ideas.get(pk)
        if idea is not None:
            if idea.status_id in statuses:
                idea.status = statuses[idea.status_id]
            result.append(idea)
    return result


def campaign_list_open() -> list[Campaign]:
    """Campaigns open now, closing soonest first. The same for everyone, and changed in the
    admin (which bumps the site version) or by the clock: read at most once a minute."""

    def load() -> list[Campaign]:
        now = timezone.now()
        return list(
            Campaign.objects.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")
        )

    return page_cache.site_cached("ideas:open-campaigns", load)


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.annotate(
        idea_count=Count(
            "ideas", filter=Q(ideas__submitted_at__isnull=False, ideas__hidden_at__isnull=True)
        )
    ).order_by("-opens_at")


def campaign_get(*, slug: str) -> Campaign:
    campaign = Campaign.objects.prefetch_related("priorities").filter(slug=slug).first()
    if campaign is None:
        raise Http404("No such campaign")
    return campaign


def campaign_progress(*, campaign: Campaign) -> dict[str, int]:
    """How many of a campaign's ideas are answered: the Hub Team's goal is all of them."""
    ideas = Idea.objects.public().filter(campaign=campaign)
    return ideas.aggregate(
        total=Count("id"),
        answered=Count("id", filter=Q(status__is_open=False)),
    )


def report_queue() -> QuerySet[Report]:
    """Open reports, oldest first, with what was reported."""
    return (
        Report.objects.filter(resolved_at__isnull=True)
        .select_related("idea", "comment", "comment__idea", "comment__author", "reporter")
        .order_by("created_at", "id")
    )


def report_get(*, report_id: int) -> Report:
    report = Report.objects.select_related("idea", "comment").filter(pk=report_id).first()
    if report is None:
        raise Http404("No such report")
    return report


def comment_get(*, idea: Idea, comment_id: int) -> Comment:
    comment = Comment.objects.select_related("author").filter(pk=comment_id, idea=idea).first()
    if comment is None:
        raise Http404("No such comment")
    return comment


def comment_get_for_user(*, user: AnyUser, idea: Idea, comment_id: int) -> Comment:
    """A comment on ``idea`` that ``user`` may read; 404 for missing and hidden alike."""
    comment = comment_get(idea=idea, comment_id=comment_id)
    if not permissions.can_view_comment(user, comment):
        raise Http404("No such comment")
    return comment


def idea_cards_key(*, ideas: Iterable[Idea], supported_ids: set[int]) -> str:
    """A digest of everything a list's idea cards show (``includes/idea_card.html``), for
    the list template to keep the cards it rendered: every visitor of a page sees the same
    cards but for "You support this", so they are rendered once per change. Built from the
    values themselves (counts are updated without touching ``updated_at``), plus the site
    version for the status names and colours edited in the admin."""
    shown = [
        (
            idea.pk,
            idea.slug,
            idea.title,
            idea.status_id,
            idea.support_count,
            idea.comment_count,
            idea.submitted_at.isoformat() if idea.submitted_at else "",
            idea.problem,
        )
        for idea in ideas
    ]
    digest = hashlib.sha256(
        json.dumps([shown, sorted(supported_ids), page_cache.site_version()]).encode()
    )
    return digest.hexdigest()


def idea_supported_ids(*, user: AnyUser, ideas: Iterable[Idea]) -> set[int]:
    """Which of these ideas the user supports, in one query."""
    user_id = user.pk if user.is_authenticated else None
    if user_id is None:
        return set()
    supports = Support.objects.filter(user_id=user_id, idea_id__in=[i.pk for i in ideas])
    return set(supports.values_list("idea_id", flat=True))


# --- reads for the Improvement Team (initiatives)


def idea_get_public(*, idea_id: int) -> Idea | None:
    """A submitted idea everyone may see (an initiative may start from it), or None."""
    return (
        Idea.objects.public()
        .select_related("service__directorate", "directorate")
        .prefetch_related("priorities")
        .filter(pk=idea_id)
        .first()
    )


def idea_list_public_by_id(*, idea_ids: list[int]) -> dict[int, Idea]:
    """The submitted ideas everyone may see among ``idea_ids``, by id, in one query."""
    return Idea.objects.public().in_bulk(idea_ids)


def idea_people_to_tell(*, idea: Idea) -> list[User]:
    """The idea's author and followers, each once (whom a change of status is told to)."""
    people = {f.user for f in Follow.objects.filter(idea=idea).select_related("user")}
    return list(people | {idea.author})
