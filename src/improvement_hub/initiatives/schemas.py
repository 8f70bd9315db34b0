"""What the initiatives API takes and gives. Input schemas document and type the body;
the page's form (bound by the endpoint) and the service check what it means."""

from datetime import date

from ninja import Field, Schema

from improvement_hub.core.schemas import InputSchema
from improvement_hub.initiatives import permissions, selectors
from improvement_hub.initiatives.models import (
    TEXT_MAX,
    TITLE_MAX,
    VALUE_LIMIT,
    ImprovementMethod,
    Initiative,
    Measure,
    Strand,
)
from improvement_hub.initiatives.permissions import Viewer

# The largest id a database column holds (SQLite refuses larger numbers with a 500).
MAX_ID = 2**63 - 1


class InitiativeIn(InputSchema):
    title: str = Field(min_length=1, max_length=TITLE_MAX)
    problem: str = Field(min_length=1, max_length=TEXT_MAX)
    scale: str = Field(description="tweak, improvement, redesign or transformation")
    strand: str = Field(
        default=Strand.IMPROVEMENT_TEAM, description="improvement_team or innovation_lab"
    )
    method: str = Field(
        default=ImprovementMethod.MODEL_FOR_IMPROVEMENT,
        description="model_for_improvement or double_diamond",
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
    resident_outcome: str = Field(
        default="", max_length=TEXT_MAX, description="What changed for residents, in words"
    )


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
    resident_outcome: str
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


def initiative_out(initiative: Initiative, user: Viewer) -> InitiativeOut:
    """An initiative as this person may see it: the workings only for staff and the team."""
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
        resident_outcome=initiative.resident_outcome,
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
    lower_bound: float | None = Field(
        default=None,
        allow_inf_nan=False,
        ge=-VALUE_LIMIT,
        le=VALUE_LIMIT,
        description="The lowest value the unit can have (by default 0 for days and counts)",
    )
    upper_bound: float | None = Field(
        default=None,
        allow_inf_nan=False,
        ge=-VALUE_LIMIT,
        le=VALUE_LIMIT,
        description="The highest value the unit can have (by default 100 for percentages)",
    )
    screen_outliers: bool = True
    is_published: bool = Field(
        default=False,
        description="Shown on the public results page once the initiative is published",
    )
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
    is_published: bool
    baseline_points: int | None
    rebase_dates: list[date]
    observations: list[ObservationOut]
    spc: SpcOut | None = Field(description="null until the measure has a value")
    url: str


def measure_out(measure: Measure) -> MeasureOut:
    """A measure with its values and its XmR chart."""
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
            summary=result.summary(unit=measure.unit),
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
        is_published=measure.is_published,
        baseline_points=measure.baseline_points,
        rebase_dates=[r.on for r in measure.rebases.all()],
        observations=[
            ObservationOut(date=o.on, value=o.value)
            for o in selectors.measure_charted_observations(measure)
        ],
        spc=spc_out,
        url=measure.get_absolute_url(),
    )


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
