"""The Ideas Forum in the JSON API: the pages' form and filters, the same services and
selectors. Whatever a form or service refuses is answered by the handlers in
``core/api.py`` (422, 403, 429 with Retry-After)."""

from typing import TYPE_CHECKING, Any

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from improvement_hub.core.api import PROBLEMS, bind_form
from improvement_hub.core.schemas import HubPagination
from improvement_hub.ideas import selectors, services
from improvement_hub.ideas.filters import IdeaFilter
from improvement_hub.ideas.forms import IdeaForm
from improvement_hub.ideas.models import Idea
from improvement_hub.ideas.schemas import (
    IdeaIn,
    IdeaListParams,
    IdeaOut,
    SimilarOut,
    SupportOut,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from improvement_hub.accounts.models import User

router = Router(tags=["ideas"])


class AuthRequest(HttpRequest):
    """A request ninja has authenticated: ``auth`` is the person (session or token)."""

    auth: "User"


def _out(idea: Idea) -> IdeaOut:
    return IdeaOut(
        id=idea.pk,
        title=idea.title,
        problem=idea.problem,
        proposal=idea.proposal,
        status=idea.status.slug,
        status_name=idea.status.name,
        supports=idea.support_count,
        comments=idea.comment_count,
        priorities=[p.slug for p in idea.priorities.all()],
        directorate=idea.directorate.slug if idea.directorate else None,
        service=idea.service.slug if idea.service else None,
        scale=idea.scale or None,
        campaign=idea.campaign.slug if idea.campaign else None,
        submitted_at=idea.submitted_at,
        url=idea.get_absolute_url(),
    )


class _PrefetchingList:
    """Lets the paginator slice first, then loads priorities for just that page."""

    def __init__(self, ideas: Any) -> None:  # a QuerySet, or search results
        self.ideas = ideas

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        return int(self.ideas.count())

    def __getitem__(self, item: slice) -> list[IdeaOut]:
        page = list(self.ideas[item])
        prefetch_related_objects(page, "priorities")
        return [_out(idea) for idea in page]


@router.get("/ideas", response=list[IdeaOut], auth=None)
@paginate(HubPagination, page_size=20)
def idea_list(request: HttpRequest, params: Query[IdeaListParams]) -> _PrefetchingList:
    """Public ideas: the list page's filters, full-text `q`, `sort` (newest, supported,
    trending, discussed, random). A value the list page would ignore is ignored here too."""
    filters = IdeaFilter(params.model_dump())
    return _PrefetchingList(selectors.idea_list(filters=filters))


@router.get("/ideas/similar", response=list[SimilarOut], auth=None)
def idea_similar(request: HttpRequest, text: str = Query(..., max_length=5000)) -> list[SimilarOut]:
    """Up to 5 public ideas most like `text`, best first."""
    return [
        SimilarOut(
            id=i.pk,
            title=i.title,
            status=i.status.name,
            supports=i.support_count,
            score=round(i.score, 4),
            url=i.get_absolute_url(),
        )
        for i in selectors.idea_similar_list(text=text)
    ]


def _visible(user: "User | AnonymousUser", idea_id: int) -> Idea:
    idea = selectors.idea_get_for_user(user=user, idea_id=idea_id)
    if idea.is_draft:
        raise Http404
    return idea


@router.get("/ideas/{idea_id}", response=IdeaOut, auth=None)
def idea_detail(request: HttpRequest, idea_id: int) -> IdeaOut:
    """One idea, including `supports`, the number of supporters."""
    return _out(_visible(request.user, idea_id))


@router.post("/ideas", response={201: IdeaOut, **PROBLEMS})
def idea_create(request: AuthRequest, payload: IdeaIn) -> Status[IdeaOut]:
    """Put forward an idea (staff only), answering the questions of the page's form:
    priorities, service and campaign by slug, an open campaign and active priorities only."""
    form = bind_form(IdeaForm, payload.model_dump())
    idea = services.idea_create(author=request.auth, data=form.idea_data())
    return Status(201, _out(selectors.idea_get_for_user(user=request.auth, idea_id=idea.pk)))


def _support_out(user: "User", idea: Idea) -> SupportOut:
    idea.refresh_from_db(fields=["support_count"])
    supported = idea.pk in selectors.idea_supported_ids(user=user, ideas=[idea])
    return SupportOut(id=idea.pk, supports=idea.support_count, supported=supported)


@router.post("/ideas/{idea_id}/support", response={200: SupportOut, **PROBLEMS})
def idea_support(request: AuthRequest, idea_id: int) -> SupportOut:
    """Support an idea (staff; not your own). Supporting twice changes nothing."""
    idea = _visible(request.auth, idea_id)
    services.idea_support(user=request.auth, idea=idea)
    return _support_out(request.auth, idea)


@router.delete("/ideas/{idea_id}/support", response={200: SupportOut, **PROBLEMS})
def idea_unsupport(request: AuthRequest, idea_id: int) -> SupportOut:
    """Withdraw your support."""
    idea = _visible(request.auth, idea_id)
    services.idea_unsupport(user=request.auth, idea=idea)
    return _support_out(request.auth, idea)
