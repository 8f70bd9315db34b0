"""Initiatives and measures in the JSON API. Reads follow the same visibility as the pages:
the public sees published initiatives' public summaries; staff and teams see the workings.

Every endpoint that takes input binds its page's form and calls the page's service; what
they refuse reaches the client through the API's one error mapping (``core.api``)."""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from improvement_hub.accounts import selectors as people
from improvement_hub.accounts.api_auth import READ_AUTH
from improvement_hub.core.api import PROBLEMS, Problem, bind_form
from improvement_hub.core.schemas import HubPagination
from improvement_hub.initiatives import permissions, selectors, services
from improvement_hub.initiatives.filters import PortfolioFilterSet
from improvement_hub.initiatives.forms import InitiativeStartForm
from improvement_hub.initiatives.models import Initiative
from improvement_hub.initiatives.part_forms import MeasureForm, TeamMemberForm
from improvement_hub.initiatives.permissions import Viewer
from improvement_hub.initiatives.schemas import (
    Added,
    InitiativeIn,
    InitiativeOut,
    MeasureIn,
    MeasureOut,
    ObservationIn,
    TeamMemberIn,
    TeamMemberOut,
    initiative_out,
    measure_out,
)

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

router = Router(tags=["initiatives"])


class ReadRequest(HttpRequest):
    """A request READ_AUTH let in: ``auth`` is the person, or AnonymousUser."""

    auth: Viewer


class WriteRequest(HttpRequest):
    """A request the API's default authentication let in (session or token): a person."""

    auth: "User"


# Where even the existence of a thing is private (an unpublished initiative), it is a 404.
WRITE_RESPONSES: dict[int, type[Problem]] = {**PROBLEMS, 404: Problem}


def _filter_parameters() -> list[dict[str, Any]]:
    """The portfolio's filters as the list's query parameters, from their one definition."""
    parameters = []
    for name, definition in PortfolioFilterSet.base_filters.items():
        schema: dict[str, Any] = {"type": "string"}
        if choices := definition.extra.get("choices"):
            schema["enum"] = [value for value, _ in choices]
        description = str(definition.label)
        if name == "rag":
            description += " (council staff only; ignored for anyone else)"
        elif help_text := definition.extra.get("help_text"):
            description += f": {help_text}"
        parameters.append(
            {
                "in": "query",
                "name": name,
                "required": False,
                "schema": schema,
                "description": description,
            }
        )
    return parameters


class _Out:
    """Builds each page's items after pagination has sliced the query."""

    def __init__(self, initiatives: QuerySet[Initiative], user: Viewer) -> None:
        self.initiatives, self.user = initiatives, user

    def __len__(self) -> int:
        return self.initiatives.count()

    def count(self) -> int:
        return self.initiatives.count()

    def __getitem__(self, window: slice) -> list[InitiativeOut]:
        page = self.initiatives.prefetch_related(
            "source_ideas", "source_challenges", "measures", "pilots"
        )[window]
        return [initiative_out(i, self.user) for i in page]


@router.get(
    "/initiatives",
    response=list[InitiativeOut],
    auth=READ_AUTH,
    openapi_extra={"parameters": _filter_parameters()},
)
@paginate(HubPagination, page_size=50)
def initiative_list(request: ReadRequest) -> _Out:
    """Initiatives this caller may see (the public: published ones), newest change first,
    filtered as the portfolio pages filter them (a value that is not a choice is ignored)."""
    user = request.auth
    return _Out(selectors.portfolio_filter(user=user, params=request.GET).qs, user)


@router.get("/initiatives/{initiative_id}", response=InitiativeOut, auth=READ_AUTH)
def initiative_detail(request: ReadRequest, initiative_id: int) -> InitiativeOut:
    """One initiative; 404 for missing and not visible alike."""
    user = request.auth
    return initiative_out(selectors.initiative_get_for_user(user=user, pk=initiative_id), user)


@router.post("/initiatives", response={201: InitiativeOut, **PROBLEMS})
def initiative_create(request: WriteRequest, payload: InitiativeIn) -> Status[InitiativeOut]:
    """Start an initiative (the Hub Team). `title`, `problem` and `scale` are required.
    Each idea in `ideas` is answered ‘Taken forward’ with a link to the initiative.
    Only priorities in use may be chosen, as on the page."""
    user = request.auth
    if not permissions.can_create_initiative(user):
        raise PermissionDenied("Only the Improvement Hub Team can start an initiative")
    answers = payload.dict()
    answers["ideas"] = ", ".join(str(number) for number in payload.ideas)
    form = bind_form(InitiativeStartForm, answers)
    initiative = services.initiative_create(
        actor=user,
        data=services.InitiativeData.from_answers(form.cleaned_data),
        source_ideas=form.cleaned_data["ideas"],
        source_challenges=form.cleaned_data["challenges"],
    )
    return Status(
        201, initiative_out(selectors.initiative_get_for_user(user=user, pk=initiative.pk), user)
    )


# --- measures -----------------------------------------------------------------------------


@router.post("/initiatives/{initiative_id}/measures", response={201: MeasureOut, **WRITE_RESPONSES})
def measure_create(
    request: WriteRequest, initiative_id: int, payload: MeasureIn
) -> Status[MeasureOut]:
    """Add a measure to an initiative (its team or the Hub Team)."""
    user = request.auth
    initiative = selectors.initiative_get_for_user(user=user, pk=initiative_id)
    form = bind_form(MeasureForm, payload.dict(), initiative=initiative, actor=user)
    measure = services.part_save(actor=user, initiative=initiative, part=form.save(commit=False))
    return Status(201, measure_out(selectors.measure_get_by_id(user=user, pk=measure.pk)))


@router.get("/measures/{measure_id}", response=MeasureOut, auth=READ_AUTH)
def measure_detail(request: ReadRequest, measure_id: int) -> MeasureOut:
    """A measure with its values and its XmR chart (`spc`) by Making Data Count."""
    user = request.auth
    return measure_out(selectors.measure_get_by_id(user=user, pk=measure_id))


@router.post("/measures/{measure_id}/observations", response={201: Added, **WRITE_RESPONSES})
def observations_create(
    request: WriteRequest, measure_id: int, payload: list[ObservationIn]
) -> Status[Added]:
    """Add values to a measure: all of them, or none with each row's problem under
    `errors.observations` (rows count from 1), as the page's CSV upload does."""
    user = request.auth
    measure = selectors.measure_get_by_id(user=user, pk=measure_id)
    rows = [(number, item.date, item.value) for number, item in enumerate(payload, start=1)]
    return Status(
        201, Added(added=services.observations_add(actor=user, measure=measure, rows=rows))
    )


# --- the team -----------------------------------------------------------------------------


@router.post("/initiatives/{initiative_id}/team", response={201: TeamMemberOut, **WRITE_RESPONSES})
def team_member_create(
    request: WriteRequest, initiative_id: int, payload: TeamMemberIn
) -> Status[TeamMemberOut]:
    """Add someone to an initiative's team (its team or the Hub Team): a person with an
    account (`user`: council staff or partners, never residents) or a name."""
    user = request.auth
    initiative = selectors.initiative_get_for_user(user=user, pk=initiative_id)
    form = bind_form(TeamMemberForm, payload.dict(), initiative=initiative, actor=user)
    member = services.part_save(actor=user, initiative=initiative, part=form.save(commit=False))
    name = member.name
    if member.user is not None:
        name = people.person_label(actor=user, person=member.user) or name
    return Status(201, TeamMemberOut(id=member.pk, role=member.role, name=name))
