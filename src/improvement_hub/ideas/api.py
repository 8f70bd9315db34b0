"""The Ideas Forum in the JSON API. Same services and selectors as the pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Status
from ninja.pagination import paginate

from improvement_hub.core.ratelimit import RateLimited
from improvement_hub.core.schemas import HubPagination, InputSchema
from improvement_hub.core.search import SEARCH_MAX_LENGTH
from improvement_hub.council.models import ChangeScale, Priority, Service
from improvement_hub.ideas import permissions, selectors, services
from improvement_hub.ideas.models import Campaign, Idea
from improvement_hub.ideas.schemas import ErrorOut, IdeaIn, IdeaOut, SimilarOut, SupportOut
from improvement_hub.ideas.selectors import SORTS

router = Router(tags=["ideas"])


SLUG = r"^[-a-zA-Z0-9_]*$"


def _slug(description: str):  # type: ignore[no-untyped-def]
    return Field("", max_length=100, pattern=SLUG, description=description)


class IdeaListParams(InputSchema):
    q: str = Field("", description="Words to find; punctuation and search syntax are ignored")
    priority: str = _slug("Priority slug")
    directorate: str = _slug("Directorate slug")
    status: str = _slug("Status slug")
    campaign: str = _slug("Campaign slug")
    scale: str = _slug("tweak, improvement, redesign or transformation")
    sort: str = "newest"


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


@router.get("/ideas", response=list[IdeaOut], auth=None)
@paginate(HubPagination, page_size=20)
def idea_list(request: HttpRequest, params: Query[IdeaListParams]):  # type: ignore[no-untyped-def]
    """Public ideas: filters, full-text `q`, `sort` (newest, supported, trending, discussed,
    random)."""
    values = params.dict()
    values["sort"] = values["sort"] if values["sort"] in SORTS else "newest"
    values["q"] = values["q"][: SEARCH_MAX_LENGTH * 2]  # made plain words by the selector
    ideas = selectors.idea_list(filters=selectors.IdeaFilters(**values))
    return _PrefetchingList(ideas)


class _PrefetchingList:
    """Lets the paginator slice first, then loads priorities for just that page."""

    def __init__(self, ideas) -> None:  # type: ignore[no-untyped-def]
        self.ideas = ideas

    def __len__(self) -> int:
        return self.ideas.count()

    def count(self) -> int:
        return self.ideas.count()

    def __getitem__(self, item):  # type: ignore[no-untyped-def]
        from django.db.models import prefetch_related_objects

        page = list(self.ideas[item])
        prefetch_related_objects(page, "priorities")
        return [_out(idea) for idea in page]


@router.get("/ideas/similar", response=list[SimilarOut], auth=None)
def idea_similar(request: HttpRequest, text: str = Query(..., max_length=5000)):  # type: ignore[no-untyped-def]
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


def _visible(request: HttpRequest, idea_id: int, user=None) -> Idea:  # type: ignore[no-untyped-def]
    idea = selectors.idea_get_for_user(user=user or request.user, idea_id=idea_id)
    if idea.is_draft:
        raise Http404
    return idea


@router.get("/ideas/{idea_id}", response=IdeaOut, auth=None)
def idea_detail(request: HttpRequest, idea_id: int):  # type: ignore[no-untyped-def]
    """One idea, including `supports`, the number of supporters."""
    return _out(_visible(request, idea_id))


def _errors(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}


@router.post("/ideas", response={201: IdeaOut, 400: ErrorOut, 403: ErrorOut, 429: ErrorOut})
def idea_create(request: HttpRequest, payload: IdeaIn):  # type: ignore[no-untyped-def]
    """Put forward an idea (staff only). Unknown priority, service or campaign slugs are errors."""
    user = request.auth  # type: ignore[attr-defined]
    if not permissions.can_submit_idea(user):
        return Status(403, ErrorOut(detail="Only council staff can put forward ideas"))
    errors: dict[str, list[str]] = {}
    priorities = list(Priority.objects.filter(slug__in=payload.priorities, is_active=True))
    if len(priorities) != len(set(payload.priorities)):
        errors["priorities"] = ["Use the slugs of active priorities, e.g. housing"]
    service = Service.objects.filter(slug=payload.service).first() if payload.service else None
    if payload.service and service is None:
        errors["service"] = ["There is no service with that slug"]
    campaign = Campaign.objects.filter(slug=payload.campaign).first() if payload.campaign else None
    if payload.campaign and campaign is None:
        errors["campaign"] = ["There is no campaign with that slug"]
    if payload.scale and payload.scale not in ChangeScale.values:
        errors["scale"] = ["Use tweak, improvement, redesign or transformation"]
    if errors:
        return Status(400, ErrorOut(detail="Some answers need correcting", errors=errors))
    data = services.IdeaData(
        title=payload.title,
        problem=payload.problem,
        proposal=payload.proposal,
        beneficiaries=payload.beneficiaries,
        priorities=priorities,
        service=service,
        campaign=campaign,
        scale=payload.scale or "",
    )
    try:
        idea = services.idea_create(author=user, data=data)
    except ValidationError as error:
        return Status(400, ErrorOut(detail="Some answers need correcting", errors=_errors(error)))
    except PermissionDenied as error:
        return Status(403, ErrorOut(detail=str(error)))
    except RateLimited as error:
        return Status(429, ErrorOut(detail=error.message))
    return Status(201, _out(selectors.idea_get_for_user(user=user, idea_id=idea.pk)))


def _support(request: HttpRequest, idea_id: int, withdraw: bool):  # type: ignore[no-untyped-def]
    user = request.auth  # type: ignore[attr-defined]
    idea = _visible(request, idea_id, user=user)
    try:
        if withdraw:
            services.idea_unsupport(user=user, idea=idea)
        else:
            services.idea_support(user=user, idea=idea)
    except PermissionDenied as error:
        return Status(403, ErrorOut(detail=str(error)))
    except RateLimited as error:
        return Status(429, ErrorOut(detail=error.message))
    idea.refresh_from_db(fields=["support_count"])
    supported = idea.pk in selectors.idea_supported_ids(user=user, ideas=[idea])
    return Status(200, SupportOut(id=idea.pk, supports=idea.support_count, supported=supported))


@router.post("/ideas/{idea_id}/support", response={200: SupportOut, 403: ErrorOut, 429: ErrorOut})
def idea_support(request: HttpRequest, idea_id: int):  # type: ignore[no-untyped-def]
    """Support an idea (staff; not your own). Supporting twice changes nothing."""
    return _support(request, idea_id, withdraw=False)


@router.delete("/ideas/{idea_id}/support", response={200: SupportOut, 403: ErrorOut, 429: ErrorOut})
def idea_unsupport(request: HttpRequest, idea_id: int):  # type: ignore[no-untyped-def]
    """Withdraw your support."""
    return _support(request, idea_id, withdraw=True)
