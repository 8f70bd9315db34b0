"""Every read the Ideas Forum's pages and API need, with a fixed number of queries."""

import hashlib
import json
from dataclasses import asdict, dataclass, replace

from django.core.cache import cache
from django.db.models import Count, F, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from improvement_hub.core.search import query_id, search_words
from improvement_hub.council.models import Directorate
from improvement_hub.ideas import permissions, similarity
from improvement_hub.ideas.models import (
    Campaign,
    Comment,
    Follow,
    Idea,
    IdeaResponse,
    IdeaStatus,
    Report,
    Support,
)

SORTS = {
    "newest": "Newest",
    "supported": "Most supported",
    "trending": "Trending",
    "discussed": "Most discussed",
    "random": "Random order",
}
RANDOM_PRIME = 2_147_483_647
# The lists' "N ideas" is cached this long (and dropped when a service changes an idea);
# counting every public idea on each page view costs more than the rest of the page.
LIST_COUNT_SECONDS = 60
LIST_COUNT_VERSION_KEY = "ideas:list-count-version"
# A search counts at most this many matches; a broader one says "more than 1,000" and
# shows the newest first, since ranking tens of thousands of rows is the slow part.
SEARCH_COUNT_CAP = 1000


@dataclass
class IdeaFilters:
    q: str = ""
    priority: str = ""
    directorate: str = ""
    status: str = ""
    campaign: str = ""
    scale: str = ""
    assignee: str = ""
    sort: str = "newest"
    seed: int = 1


def _list_queryset() -> QuerySet[Idea]:
    return Idea.objects.select_related("status", "author", "campaign", "directorate", "service")


def _filtered(filters: IdeaFilters) -> QuerySet[Idea]:
    """Public ideas narrowed by the filters.

    Each filter is on a column of ``Idea`` that is indexed as a modelsearch ``FilterField``
    (``status_id``, ``id``...), compared with a subquery on the slug: the search backends
    refuse filters across relations (``status__slug``), and a subquery keeps the number of
    queries the same with or without words to search for.
    """
    queryset = _list_queryset().public()
    if filters.priority:
        queryset = queryset.filter(
            id__in=Idea.priorities.through.objects.filter(priority__slug=filters.priority).values(
                "idea_id"
            )
        )
    if filters.directorate:
        queryset = queryset.filter(
            directorate_id__in=Directorate.objects.filter(slug=filters.directorate).values("id")
        )
    if filters.status:
        queryset = queryset.filter(
            status_id__in=IdeaStatus.objects.filter(slug=filters.status).values("id")
        )
    if filters.campaign:
        queryset = queryset.filter(
            campaign_id__in=Campaign.objects.filter(slug=filters.campaign).values("id")
        )
    if filters.scale:
        queryset = queryset.filter(scale=filters.scale)
    # Only the review queue filters by assignee, and it never searches.
    if filters.assignee == "none":
        queryset = queryset.filter(assignee__isnull=True)
    elif (assignee_id := query_id(filters.assignee)) is not None:
        queryset = queryset.filter(assignee_id=assignee_id)
    return queryset


def idea_list(*, filters: IdeaFilters, include_answered: bool = True) -> QuerySet[Idea] | object:
    """Public ideas, filtered, searched and sorted. Search uses the modelsearch backend.

    Search text is read as plain words (``core.search.search_words``); text with no words
    in it (only punctuation, say) matches no idea.
    """
    queryset = _filtered(filters)
    order = {
        "newest": ("-submitted_at", "-id"),
        "supported": ("-support_count", "-id"),
        "trending": ("-trending_score", "-support_count", "-id"),
        "discussed": ("-comment_count", "-id"),
    }.get(filters.sort)
    if filters.sort == "random":
        # A stable shuffle for this visitor: pages do not repeat or skip ideas.
        queryset = queryset.annotate(
            shuffle=(F("id") * (filters.seed % 10_000 + 7919)) % RANDOM_PRIME
        ).order_by("shuffle", "id")
    else:
        queryset = queryset.order_by(*(order or ("-submitted_at", "-id")))
    if filters.q.strip():
        words = search_words(filters.q)
        if not words:
            return queryset.none()
        if filters.sort == "random":
            queryset = queryset.order_by("-submitted_at", "-id")
        return queryset.search(words, order_by_relevance=filters.sort == "newest")
    return queryset


@dataclass
class CountedIdeas:
    """A list's ideas with their count, worked out cheaply; ``capped`` when more than
    ``count`` match (broad searches)."""

    items: object  # a QuerySet, or search results when there are words to search for
    count: int
    capped: bool = False


def _list_count_key(filters: IdeaFilters) -> str:
    """Filters that change which ideas match (not the order), with the current version."""
    wanted = {k: v for k, v in asdict(filters).items() if k not in {"q", "sort", "seed"}}
    digest = hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()[:32]
    version = cache.get(LIST_COUNT_VERSION_KEY, 0)
    return f"ideas:list-count:{version}:{digest}"


def idea_list_counts_reset() -> None:
    """Forget the cached list counts (services call this after an idea changes)."""
    try:
        cache.incr(LIST_COUNT_VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(LIST_COUNT_VERSION_KEY, 1, None)


def idea_list_counted(*, filters: IdeaFilters) -> CountedIdeas:
    """``idea_list`` with its count: cached briefly for filters, capped for searches."""
    query = search_words(filters.q)
    if not filters.q.strip():
        queryset = idea_list(filters=filters)
        count = cache.get_or_set(
            _list_count_key(filters),
            queryset.count,  # type: ignore[union-attr]
            LIST_COUNT_SECONDS,
        )
        return CountedIdeas(items=queryset, count=count)
    if not query:  # search text without a word in it
        return CountedIdeas(items=Idea.objects.none(), count=0)
    base = idea_list(filters=replace(filters, q=""))
    if filters.sort == "random":
        base = base.order_by("-submitted_at", "-id")  # type: ignore[union-attr]
    in_list_order = base.search(query, order_by_relevance=False)  # type: ignore[union-attr]
    matches = in_list_order[: SEARCH_COUNT_CAP + 1].count()
    if matches > SEARCH_COUNT_CAP:
        return CountedIdeas(items=in_list_order, count=SEARCH_COUNT_CAP, capped=True)
    if filters.sort == "newest":
        # "Newest" with words to search for means best match first, as in idea_list.
        return CountedIdeas(items=base.search(query, order_by_relevance=True), count=matches)  # type: ignore[union-attr]
    return CountedIdeas(items=in_list_order, count=matches)


def idea_list_for_export(*, filters: IdeaFilters, limit: int) -> list[Idea]:
    """The ideas of the list page with these filters, in the page's order, up to ``limit``,
    with their priorities: an export holds what the Hub Team saw on the page."""
    ideas = list(idea_list_counted(filters=filters).items[:limit])  # type: ignore[index]
    prefetch_related_objects(ideas, "priorities")
    return ideas


def idea_get_for_user(*, user, idea_id: int) -> Idea:  # type: ignore[no-untyped-def]
    """The idea if this person may see it; 404 for missing and forbidden alike."""
    # Only what every page of an idea shows: each joined table costs planning time on
    # every request, and ``merged_into`` is loaded when an idea has one (rare).
    idea = _list_queryset().prefetch_related("priorities").filter(pk=idea_id).first()
    if idea is None or not permissions.can_view_idea(user, idea):
        raise Http404("No such idea")
    return idea


def idea_detail_context(*, user, idea: Idea) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """History, comments with replies and reports, and this person's support and follow."""
    comments_qs = Comment.objects.select_related("author").order_by("created_at", "id")
    top_level = list(
        comments_qs.filter(idea=idea, parent__isnull=True).prefetch_related(
            Prefetch("replies", queryset=comments_qs)
        )
    )
    responses = list(
        IdeaResponse.objects.filter(idea=idea)
        .select_related("status", "actor")
        .order_by("created_at", "id")
    )
    signed_in = getattr(user, "is_authenticated", False)
    supported = signed_in and Support.objects.filter(idea=idea, user=user).exists()
    following = signed_in and Follow.objects.filter(idea=idea, user=user).exists()
    return {
        "comments": top_level,
        "responses": responses,
        "supported": supported,
        "following": following,
    }


def idea_list_for_author(*, user) -> QuerySet[Idea]:  # type: ignore[no-untyped-def]
    """The person's own ideas, drafts first."""
    return (
        Idea.objects.filter(author=user)
        .select_related("status", "merged_into")
        .order_by(F("submitted_at").desc(nulls_first=True), "-updated_at")
    )


def idea_review_queue(*, filters: IdeaFilters) -> QuerySet[Idea]:
    """Submitted ideas still waiting for a decision, oldest first."""
    queryset = idea_list(filters=IdeaFilters(**{**filters.__dict__, "q": "", "sort": "newest"}))
    return (
        queryset.filter(status__is_open=True)  # type: ignore[union-attr]
        .select_related("assignee")
        .order_by("submitted_at", "id")
    )


def idea_matrix() -> QuerySet[Idea]:
    """Assessed ideas that are still open, for the impact/effort matrix."""
    return (
        Idea.objects.public()
        .filter(impact__isnull=False, effort__isnull=False, status__is_open=True)
        .select_related("status")
        .order_by("-impact", "effort", "id")
    )


def idea_similar_list(*, text: str, limit: int = 5, exclude: tuple[int, ...] = ()) -> list[Idea]:
    """Up to ``limit`` public ideas most like ``text``, best first, each with ``.score``."""
    matches = similarity.similar(text, limit=limit * 2, exclude=exclude)
    if not matches:
        return []
    ideas = {
        i.pk: i
        for i in Idea.objects.public()
        .select_related("status")
        .filter(pk__in=[m.id for m in matches])
    }
    result = []
    for match in matches:
        idea = ideas.get(match.id)
        if idea is not None:
            idea.score = match.score  # type: ignore[attr-defined]
            result.append(idea)
    return result[:limit]


def campaign_list_open() -> QuerySet[Campaign]:
    now = timezone.now()
    return Campaign.objects.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")


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


def status_list() -> QuerySet[IdeaStatus]:
    return IdeaStatus.objects.all()


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


def comment_get_for_user(*, user, idea: Idea, comment_id: int) -> Comment:  # type: ignore[no-untyped-def]
    """A comment on ``idea`` that ``user`` may read; 404 for missing and hidden alike."""
    comment = comment_get(idea=idea, comment_id=comment_id)
    if not permissions.can_view_comment(user, comment):
        raise Http404("No such comment")
    return comment


def idea_supported_ids(*, user, ideas) -> set[int]:  # type: ignore[no-untyped-def]
    """Which of these ideas the user supports, in one query."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Support.objects.filter(user=user, idea_id__in=[i.pk for i in ideas]).values_list(
            "idea_id", flat=True
        )
    )
