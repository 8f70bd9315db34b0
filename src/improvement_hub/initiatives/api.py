"""Initiatives and measures in the JSON API. Reads follow the same visibility as the pages:
the public sees published initiatives' public summaries; staff and teams see the workings."""

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from ninja.security import SessionAuth

from improvement_hub.accounts import selectors as people
from improvement_hub.accounts.api_auth import ApiTokenAuth
from improvement_hub.core.schemas import HubPagination, InputSchema
from improvement_hub.council.models import ChangeScale, Directorate, Organisation, Priority, Service
from improvement_hub.ideas.models import Idea
from improvement_hub.initiatives import permissions, selectors, services
from improvement_hub.initiatives.models import (
    TEXT_MAX,
    TITLE_MAX,
    VALUE_LIMIT,
    Initiative,
    Measure,
    Method,
    Stage,
    Strand,
    TeamMember,
)
from improvement_hub.lab.models import Challenge

router = Router(tags=["initiatives"])

# The largest id a database column holds (SQLite refuses larger numbers with a 500).
MAX_ID = 2**63 - 1


def _anyone(request: HttpRequest):  # type: ignore[no-untyped-def]
    """Lets reads through without signing in; the selectors decide what is visible."""
    return AnonymousUser()


READ_AUTH = [ApiTokenAuth(), SessionAuth(), _anyone]


class Problem(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


class InitiativeIn(InputSchema):
    title: str = Field(min_length=1, max_length=TITLE_MAX)
    problem: str = Field(min_length=1, max_length=TEXT_MAX)
    scale: str = Field(description="tweak, improvement, redesign or transformation")
    strand: str = Field(
        default=Strand.IMPROVEMENT_TEAM, description="improvement_team or innovation_lab"
    )
    method: str = Field(
        default=Method.MODEL_FOR_IMPROVEMENT, description="model_for_improvement or double_diamond"
    )
    stage: str = Field(default="", description="A stage of the method; blank for its first")
    starts_on: date | None = None
    ends_on: date | None = None
    priorities: list[str] = Field(default_factory=list, max_length=20, description="Priority slugs")
    directorates: list[str] = Field(
        default_factory=list, max_length=30, description="Directorate slugs"
    )
    services: list[str] = Field(default_factory=list, max_length=50, description="Service slugs")
    ideas: list[int] = Field(
        default_factory=list, max_length=50, description="Numbers of the ideas it comes from"
    )
    challenges: list[str] = Field(
        default_factory=list, max_length=20, description="Slugs of Lab challenges it works on"
    )
    is_published: bool = False
    public_summary: str = Field(default="", max_length=TEXT_MAX)


class MeasureBrief(Schema):
    id: int
    name: str
    unit: str
    improvement_direction: str
    url: str


class PilotOut(Schema):
    id: int
    title: str
    starts_on: date
    ends_on: date
    decision: str | None = Field(
        description='Leadership\'s "go" or "no_go"; null until decided, and always null for '
        "those who may not see the initiative's workings (the public, residents)"
    )


class InitiativeOut(Schema):
    id: int
    title: str
    scale: str
    strand: str
    method: str
    stage: str
    is_published: bool
    public_summary: str
    problem: str | None = Field(description="Staff and the team only; null for the public")
    rag: str | None = Field(description="The latest status update's RAG; staff and the team only")
    cross_system: bool
    priorities: list[str]
    directorates: list[str]
    services: list[str]
    starts_on: date | None
    ends_on: date | None
    ideas: list[int]
    challenges: list[str]
    measures: list[MeasureBrief]
    pilots: list[PilotOut]
    url: str


def _out(initiative: Initiative, user) -> InitiativeOut:  # type: ignore[no-untyped-def]
    workings = permissions.can_view_initiative_workings(user, initiative)
    sees_decision = permissions.can_view_pilot_decision(user, initiative)
    return InitiativeOut(
        id=initiative.pk,
        title=initiative.title,
        scale=initiative.scale,
        strand=initiative.strand,
        method=initiative.method,
        stage=initiative.stage,
        is_published=initiative.is_published,
        public_summary=initiative.public_summary,
        problem=initiative.problem if workings else None,
        rag=getattr(initiative, "latest_rag", None) if workings else None,
        cross_system=selectors.cross_system(initiative),
        priorities=[p.slug for p in initiative.priorities.all()],
        directorates=[d.slug for d in initiative.directorates.all()],
        services=[s.slug for s in initiative.services.all()],
        starts_on=initiative.starts_on,
        ends_on=initiative.ends_on,
        ideas=[i.pk for i in initiative.source_ideas.all()] if workings else [],
        challenges=[
            c.slug for c in initiative.source_challenges.all() if workings or c.is_published
        ],
        measures=[
            MeasureBrief(
                id=m.pk,
                name=m.name,
                unit=m.unit,
                improvement_direction=m.improvement_direction,
                url=m.get_absolute_url(),
            )
            for m in initiative.measures.all()
        ]
        if workings
        else [],
        pilots=[
            PilotOut(
                id=p.pk,
                title=p.title,
                starts_on=p.starts_on,
                ends_on=p.ends_on,
                decision=(p.decision or None) if sees_decision else None,
            )
            for p in initiative.pilots.all()
        ],
        url=initiative.get_absolute_url(),
    )


class _Out:
    """Builds each page's items after pagination has sliced the query."""

    def __init__(self, initiatives, user) -> None:  # type: ignore[no-untyped-def]
        self.initiatives, self.user = initiatives, user

    def __len__(self) -> int:
        return self.initiatives.count()

    def count(self) -> int:
        return self.initiatives.count()

    def __getitem__(self, window):  # type: ignore[no-untyped-def]
        page = self.initiatives.prefetch_related(
            "source_ideas", "source_challenges", "measures", "pilots"
        )[window]
        return [_out(i, self.user) for i in page]


@router.get("/initiatives", response=list[InitiativeOut], auth=READ_AUTH)
@paginate(HubPagination, page_size=50)
def initiative_list(
    request: HttpRequest,
    strand: str = "",
    scale: str = "",
    stage: str = "",
    priority: str = "",
    directorate: str = "",
    q: str = "",
):  # type: ignore[no-untyped-def]
    """Initiatives this caller may see (the public: published ones), newest change first."""
    filters = selectors.PortfolioFilters(
        q=q[:100],
        strand=strand if strand in Strand.values else "",
        scale=scale if scale in ChangeScale.values else "",
        stage=stage if stage in Stage.values else "",
        priority=priority[:100],
        directorate=directorate[:150],
    )
    user = request.auth  # type: ignore[attr-defined]
    return _Out(selectors.initiative_list_for_user(user=user, filters=filters), user)


@router.get("/initiatives/{initiative_id}", response=InitiativeOut, auth=READ_AUTH)
def initiative_detail(request: HttpRequest, initiative_id: int):  # type: ignore[no-untyped-def]
    """One initiative; 404 for missing and not visible alike."""
    user = request.auth  # type: ignore[attr-defined]
    return _out(selectors.initiative_get_for_user(user=user, pk=initiative_id), user)


def _errors(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}


def _lookup(model, slugs: list[str], field: str, errors: dict, message: str) -> list:  # type: ignore[no-untyped-def, type-arg]
    found = list(model.objects.filter(slug__in=slugs))
    if len(found) != len(set(slugs)):
        errors[field] = [message]
    return found


@router.post("/initiatives", response={201: InitiativeOut, 400: Problem, 403: Problem})
def initiative_create(request: HttpRequest, payload: InitiativeIn):  # type: ignore[no-untyped-def]
    """Start an initiative (the Hub Team). `title`, `problem` and `scale` are required.
    Each idea in `ideas` is answered ‘Taken forward’ with a link to the initiative."""
    user = request.auth  # type: ignore[attr-defined]
    if not permissions.can_create_initiative(user):
        return Status(403, Problem(detail="Only the Improvement Hub Team can start an initiative"))
    errors: dict[str, list[str]] = {}
    for name, allowed in (
        ("scale", ChangeScale.values),
        ("strand", Strand.values),
        ("method", Method.values),
    ):
        if getattr(payload, name) not in allowed:
            errors[name] = [f"Use one of: {', '.join(allowed)}"]
    if payload.stage and payload.stage not in Stage.values:
        errors["stage"] = [f"Use one of: {', '.join(Stage.values)}"]
    priorities = _lookup(
        Priority,
        payload.priorities,
        "priorities",
        errors,
        "Use the slugs of priorities, e.g. housing",
    )
    directorates = _lookup(
        Directorate, payload.directorates, "directorates", errors, "Use the slugs of directorates"
    )
    service_list = _lookup(
        Service, payload.services, "services", errors, "Use the slugs of services"
    )
    challenges = _lookup(
        Challenge, payload.challenges, "challenges", errors, "Use the slugs of Lab challenges"
    )
    ideas = list(Idea.objects.public().filter(pk__in=[n for n in payload.ideas if 0 < n <= MAX_ID]))
    if len(ideas) != len(set(payload.ideas)):
        errors["ideas"] = ["Use the numbers of submitted ideas"]
    if errors:
        return Status(400, Problem(detail="Some answers need correcting", errors=errors))
    data = services.InitiativeData(
        title=payload.title,
        problem=payload.problem,
        scale=payload.scale,
        strand=payload.strand,
        method=payload.method,
        stage=payload.stage,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        is_published=payload.is_published,
        public_summary=payload.public_summary,
        priorities=priorities,
        directorates=directorates,
        services=service_list,
    )
    try:
        initiative = services.initiative_create(
            actor=user, data=data, source_ideas=ideas, source_challenges=challenges
        )
    except ValidationError as error:
        return Status(400, Problem(detail="Some answers need correcting", errors=_errors(error)))
    except PermissionDenied as error:
        return Status(403, Problem(detail=str(error)))
    return Status(201, _out(selectors.initiative_get_for_user(user=user, pk=initiative.pk), user))


# --- measures -----------------------------------------------------------------------------


class MeasureIn(InputSchema):
    name: str = Field(min_length=1, max_length=TITLE_MAX)
    unit: str = Field(min_length=1, max_length=60)
    improvement_direction: str = Field(description="increase, decrease or neutral")
    kind: str = Field(default=Measure.Kind.OUTCOME, description="outcome, process or balancing")
    target: float | None = Field(
        default=None,
        allow_inf_nan=False,
        ge=-VALUE_LIMIT,
        le=VALUE_LIMIT,
        description="A finite number between -1e12 and 1e12",
    )
    screen_outliers: bool = True
    baseline_points: int | None = Field(default=None, ge=12, le=1000)
    definition: str = Field(default="", max_length=1000)


class SegmentOut(Schema):
    start: date
    mean: float
    lower_limit: float | None = Field(description="null when the segment has one point")
    upper_limit: float | None


class PointOut(Schema):
    date: date
    value: float
    special_cause: str | None = Field(description='null, "improvement", "concern" or "neutral"')
    rule: str | None = Field(
        description='null, "outside_limits", "trend", "two_of_three" or "run": the '
        "highest-priority rule that flags the point"
    )


class SpcOut(Schema):
    segments: list[SegmentOut]
    points: list[PointOut]
    variation: str
    assurance: str | None
    summary: str


class ObservationOut(Schema):
    date: date
    value: float


class MeasureOut(Schema):
    id: int
    initiative: int
    name: str
    kind: str
    unit: str
    improvement_direction: str
    target: float | None
    screen_outliers: bool
    baseline_points: int | None
    rebase_dates: list[date]
    observations: list[ObservationOut]
    spc: SpcOut | None = Field(description="null until the measure has a value")
    url: str


def _measure_out(measure: Measure) -> MeasureOut:
    result = selectors.measure_spc(measure)
    spc_out = None
    if result is not None:
        spc_out = SpcOut(
            segments=[
                SegmentOut(
                    start=s.start,
                    mean=s.mean,
                    lower_limit=s.lower_limit if s.has_limits else None,
                    upper_limit=s.upper_limit if s.has_limits else None,
                )
                for s in result.segments
            ],
            points=[
                PointOut(date=p.date, value=p.value, special_cause=p.special_cause, rule=p.rule)
                for p in result.points
            ],
            variation=result.variation,
            assurance=result.assurance,
            summary=result.summary(),
        )
    return MeasureOut(
        id=measure.pk,
        initiative=measure.initiative_id,
        name=measure.name,
        kind=measure.kind,
        unit=measure.unit,
        improvement_direction=measure.improvement_direction,
        target=selectors.measure_target(measure),
        screen_outliers=measure.screen_outliers,
        baseline_points=measure.baseline_points,
        rebase_dates=[r.on for r in measure.rebases.all()],
        observations=[
            ObservationOut(date=o.on, value=o.value)
            for o in selectors.measure_charted_observations(measure)
        ],
        spc=spc_out,
        url=measure.get_absolute_url(),
    )


@router.post(
    "/initiatives/{initiative_id}/measures",
    response={201: MeasureOut, 400: Problem, 403: Problem, 404: Problem},
)
def measure_create(request: HttpRequest, initiative_id: int, payload: MeasureIn):  # type: ignore[no-untyped-def]
    """Add a measure to an initiative (its team or the Hub Team)."""
    user = request.auth  # type: ignore[attr-defined]
    initiative = selectors.initiative_get_for_user(user=user, pk=initiative_id)
    errors: dict[str, list[str]] = {}
    if payload.improvement_direction not in Measure.Direction.values:
        errors["improvement_direction"] = ["Use one of: increase, decrease, neutral"]
    if payload.kind not in Measure.Kind.values:
        errors["kind"] = ["Use one of: outcome, process, balancing"]
    if errors:
        return Status(400, Problem(detail="Some answers need correcting", errors=errors))
    measure = Measure(**payload.dict())
    try:
        services.part_save(actor=user, initiative=initiative, part=measure)
    except PermissionDenied as error:
        return Status(403, Problem(detail=str(error)))
    except ValidationError as error:
        return Status(400, Problem(detail="Some answers need correcting", errors=_errors(error)))
    return Status(201, _measure_out(selectors.measure_get_by_id(user=user, pk=measure.pk)))


@router.get("/measures/{measure_id}", response=MeasureOut, auth=READ_AUTH)
def measure_detail(request: HttpRequest, measure_id: int):  # type: ignore[no-untyped-def]
    """A measure with its values and its XmR chart (`spc`) by Making Data Count."""
    return _measure_out(selectors.measure_get_by_id(user=request.auth, pk=measure_id))  # type: ignore[attr-defined]


class ObservationIn(InputSchema):
    date: date
    value: float = Field(
        allow_inf_nan=False,
        ge=-VALUE_LIMIT,
        le=VALUE_LIMIT,
        description="A finite number between -1e12 and 1e12",
    )


class Added(Schema):
    added: int


@router.post(
    "/measures/{measure_id}/observations",
    response={201: Added, 400: Problem, 403: Problem, 404: Problem},
)
def observations_create(
    request: HttpRequest,
    measure_id: int,
    payload: list[ObservationIn],
):  # type: ignore[no-untyped-def]
    """Add values to a measure: all of them, or none with each row's problem (rows count from 1)."""
    user = request.auth  # type: ignore[attr-defined]
    measure = selectors.measure_get_by_id(user=user, pk=measure_id)
    rows = [(number, item.date, item.value) for number, item in enumerate(payload, start=1)]
    try:
        added = services.observations_add(actor=user, measure=measure, rows=rows)
    except PermissionDenied as error:
        return Status(403, Problem(detail=str(error)))
    except ValidationError as error:
        return Status(
            400, Problem(detail="Nothing was added", errors={"observations": error.messages})
        )
    return Status(201, Added(added=added))


# --- the team -----------------------------------------------------------------------------


class TeamMemberIn(InputSchema):
    role: str = Field(description="sponsor, lead, member, partner or service_user")
    user: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="The id of a member of council staff or of a partner organisation "
        "with an account (never a resident: the team reads the whole internal record)",
    )
    name: str = Field(default="", max_length=150, description="For people without an account")
    organisation: str = Field(default="", max_length=200, description="An organisation's slug")


class TeamMemberOut(Schema):
    id: int
    role: str
    name: str


@router.post(
    "/initiatives/{initiative_id}/team",
    response={201: TeamMemberOut, 400: Problem, 403: Problem, 404: Problem},
)
def team_member_create(request: HttpRequest, initiative_id: int, payload: TeamMemberIn):  # type: ignore[no-untyped-def]
    """Add someone to an initiative's team (its team or the Hub Team): a person with an
    account (`user`: council staff or partners, never residents) or a name."""
    user = request.auth  # type: ignore[attr-defined]
    initiative = selectors.initiative_get_for_user(user=user, pk=initiative_id)
    errors: dict[str, list[str]] = {}
    if payload.role not in TeamMember.Role.values:
        errors["role"] = [f"Use one of: {', '.join(TeamMember.Role.values)}"]
    if payload.user is None and not payload.name.strip():
        errors["user"] = ["Choose a person with an account or enter their name"]
    organisation = None
    if payload.organisation:
        organisation = Organisation.objects.filter(slug=payload.organisation).first()
        if organisation is None:
            errors["organisation"] = ["Use the slug of an organisation"]
    if errors:
        return Status(400, Problem(detail="Some answers need correcting", errors=errors))
    member = TeamMember(
        user_id=payload.user,
        name=payload.name.strip(),
        organisation=organisation,
        role=payload.role,
    )
    try:
        services.part_save(actor=user, initiative=initiative, part=member)
    except PermissionDenied as error:
        return Status(403, Problem(detail=str(error)))
    except ValidationError as error:
        return Status(400, Problem(detail="Some answers need correcting", errors=_errors(error)))
    name = member.name
    if member.user is not None:
        name = people.person_label(actor=user, person=member.user) or name
    return Status(201, TeamMemberOut(id=member.pk, role=member.role, name=name))
