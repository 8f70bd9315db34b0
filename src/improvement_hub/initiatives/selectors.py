"""Every read the portfolio pages and the API need, scoped to the person asking."""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from improvement_hub import spc
from improvement_hub.accounts import selectors as people
from improvement_hub.council import selectors as council
from improvement_hub.council.choices import ChangeScale
from improvement_hub.council.rules import is_cross_system
from improvement_hub.ideas.models import Idea
from improvement_hub.initiatives import permissions
from improvement_hub.initiatives.filters import PortfolioFilterSet
from improvement_hub.initiatives.models import (
    METHOD_STAGES,
    ImprovementMethod,
    Initiative,
    InitiativeFollow,
    Measure,
    Observation,
    Pilot,
    ProgrammeGoal,
    RedesignProgramme,
    Stage,
    StatusUpdate,
    TeamMember,
    value_is_usable,
)
from improvement_hub.initiatives.permissions import Viewer
from improvement_hub.lab.models import Challenge

TIMELINE_START = date(2016, 1, 1)
TIMELINE_END = date(2020, 12, 31)


def _latest_rag() -> Subquery:
    return Subquery(
        StatusUpdate.objects.filter(initiative=OuterRef("pk"))
        .order_by("-on", "-id")
        .values("rag")[:1]
    )


def _partner_count() -> Coalesce:
    links = Initiative.organisations.through.objects.filter(initiative_id=OuterRef("pk"))
    count = links.values("initiative_id").annotate(n=Count("pk")).values("n")[:1]  # type: ignore[misc]  # the stubs cannot see an annotation inside a subquery
    return Coalesce(Subquery(count, output_field=IntegerField()), 0)


def _visible(user: Viewer) -> QuerySet[Initiative]:
    initiatives = Initiative.objects.all()
    if permissions.can_view_all_initiatives(user):
        return initiatives
    if getattr(user, "is_authenticated", False):
        return initiatives.filter(Q(is_published=True) | Q(team__user=user)).distinct()
    return initiatives.filter(is_published=True)


def initiative_list_for_user(*, user: Viewer) -> QuerySet[Initiative]:
    """The initiatives this person may see, with what the portfolio lists show."""
    return (
        _visible(user)
        .annotate(latest_rag=_latest_rag(), partner_count=_partner_count())
        .select_related("redesign_programme")
        .prefetch_related("priorities", "directorates", "services")
    )


def portfolio_filter(*, user: Viewer, params: Mapping[str, Any] | None) -> PortfolioFilterSet:
    """The portfolio's filters bound to ``params`` (a request's GET); its ``qs`` is the
    initiatives this person may see that match them. The pages, the export and the API
    list all filter with it."""
    return PortfolioFilterSet(params or {}, queryset=initiative_list_for_user(user=user), user=user)


def initiative_get_for_user(*, user: Viewer, pk: int) -> Initiative:
    """One initiative with everything its page shows; 404 for missing and forbidden alike."""
    initiative = (
        Initiative.objects.annotate(latest_rag=_latest_rag())
        .select_related("redesign_programme__directorate")
        .prefetch_related(
            "priorities",
            "directorates",
            "services__directorate",
            "organisations",
            "source_ideas__status",
            "source_challenges",
            Prefetch("team", queryset=TeamMember.objects.select_related("user", "organisation")),
            "milestones",
            "risks",
            "benefits",
            Prefetch("status_updates", queryset=StatusUpdate.objects.select_related("author")),
            "prototypes",
            "pdsa_cycles__measures",
            Prefetch("pilots", queryset=Pilot.objects.select_related("service", "decided_by")),
            "pilots__measures",
            "measures",
            "training_needs__pilot",
            "redesign_programme__phases",
        )
        .filter(pk=pk)
        .first()
    )
    if initiative is None or not permissions.can_view_initiative(user, initiative):
        raise Http404
    return initiative


def initiative_get_for_editor(*, user: Viewer, pk: int) -> Initiative:
    """An initiative this person may edit; 404 if they may not even see it."""
    initiative = Initiative.objects.prefetch_related("team").filter(pk=pk).first()
    if initiative is None or not permissions.can_view_initiative(user, initiative):
        raise Http404
    if not permissions.can_edit_initiative(user, initiative):
        raise Http404
    return initiative


def team_for_viewer(*, user: Viewer, initiative: Initiative) -> list[tuple[TeamMember, str]]:
    """The team with each member named as this person may see them: partners see names,
    never email addresses."""
    shows_email = people.shows_email_addresses(user)
    team = []
    for member in initiative.team.all():
        name = member.name
        if member.user is not None:
            name = member.user.get_full_name().strip() or (
                member.user.email if shows_email else "Name not given"
            )
        team.append((member, name))
    return team


def cross_system(initiative: Initiative) -> bool:
    """Whether the initiative is cross-system by the council's one definition
    (``council.rules.is_cross_system``): two or more services, services or directorates
    in two or more directorates, or a service and a partner organisation (or two partners).
    Reads the prefetched directorates and services, and the partners counted by the list
    selector (or the prefetched organisations of one initiative): no query of its own."""
    services = initiative.services.all()
    partners: int | None = getattr(initiative, "partner_count", None)
    if partners is None:
        partners = len(initiative.organisations.all())
    return is_cross_system(
        service_ids=[s.pk for s in services],
        directorate_ids=[d.pk for d in initiative.directorates.all()]
        + [s.directorate_id for s in services],
        # the rule counts outside bodies; the list selector counts them in its query
        agencies=[f"partner {n}" for n in range(partners or 0)],
    )


# --- measures -----------------------------------------------------------------------------


def measure_get_for_user(*, user: Viewer, initiative_pk: int, pk: int) -> Measure:
    """A measure of an initiative whose workings the person may see; 404 otherwise."""
    initiative = initiative_get_for_user(user=user, pk=initiative_pk)
    if not permissions.can_view_initiative_workings(user, initiative):
        raise Http404
    measure = (
        Measure.objects.select_related("initiative")
        .prefetch_related("rebases", "pdsa_cycles", "observations")
        .filter(initiative=initiative, pk=pk)
        .first()
    )
    if measure is None:
        raise Http404
    measure.initiative = initiative
    return measure


def measure_get_by_id(*, user: Viewer, pk: int) -> Measure:
    """A measure by its own id (for the API); 404 for missing and forbidden alike."""
    initiative_pk = Measure.objects.filter(pk=pk).values_list("initiative_id", flat=True).first()
    if initiative_pk is None:
        raise Http404
    return measure_get_for_user(user=user, initiative_pk=initiative_pk, pk=pk)


def measure_target(measure: Measure) -> float | None:
    """The measure's target, or None if what is stored cannot be drawn (NaN, Infinity or
    out of range, stored before the limits were checked)."""
    return measure.target if value_is_usable(measure.target) else None


def measure_charted_observations(measure: Measure) -> list[Observation]:
    """The measure's values that can be charted: a value that is not a finite number in
    range (written before the limits were checked) is left out rather than break the chart."""
    return [o for o in measure.observations.all() if value_is_usable(o.value)]


def measure_spc(measure: Measure) -> spc.SpcResult | None:
    """The measure's XmR chart, or None when it has no observations yet."""
    observations = [(o.on, o.value) for o in measure_charted_observations(measure)]
    if not observations:
        return None
    baseline = measure.baseline_points
    return spc.xmr(
        observations,
        direction=spc.Direction(measure.improvement_direction),
        target=measure_target(measure),
        rebase_dates=[r.on for r in measure.rebases.all()],
        screen_outliers=measure.screen_outliers,
        baseline_points=baseline if baseline and baseline <= len(observations) else None,
    )


# --- the portfolio views ------------------------------------------------------------------


@dataclass
class BoardLane:
    method: str
    label: str
    columns: list[tuple[str, str, list[Initiative]]] = field(default_factory=list)


def portfolio_board(initiatives: Iterable[Initiative]) -> list[BoardLane]:
    """Initiatives by method (one lane each) and stage (one column each)."""
    by_place: dict[tuple[str, str], list[Initiative]] = defaultdict(list)
    for initiative in initiatives:
        by_place[(initiative.method, initiative.stage)].append(initiative)
    lanes = []
    for method in ImprovementMethod:
        lane = BoardLane(method=method.value, label=method.label)
        for stage in map(Stage, [*METHOD_STAGES[method], Stage.CLOSED]):
            lane.columns.append(
                (stage.value, stage.label, by_place.get((method.value, stage.value), []))
            )
        lanes.append(lane)
    return lanes


def portfolio_spectrum(
    initiatives: Iterable[Initiative],
) -> list[tuple[str, str, str, list[Initiative]]]:
    """Initiatives along the spectrum of change, tweaks first."""
    by_scale: dict[str, list[Initiative]] = defaultdict(list)
    for initiative in initiatives:
        by_scale[initiative.scale].append(initiative)
    return [(s.value, s.label, s.help_text, by_scale.get(s.value, [])) for s in ChangeScale]


@dataclass
class SummaryRow:
    name: str
    slug: str
    initiatives: int = 0
    cross_system: int = 0
    red: int = 0
    pilots: int = 0
    by_scale: Counter[str] = field(default_factory=Counter)


def portfolio_summary(initiatives: QuerySet[Initiative]) -> dict[str, list[SummaryRow]]:
    """Counts by council priority and by directorate (an initiative counts once in each)."""
    counted = initiatives.annotate(pilot_count=Count("pilots", distinct=True))
    priorities = {p.pk: SummaryRow(p.name, p.slug) for p in council.priority_list()}
    directorates = {d.pk: SummaryRow(d.name, d.slug) for d in council.directorate_list()}
    for initiative in counted:
        touched = {d.pk for d in initiative.directorates.all()} | {
            s.directorate_id for s in initiative.services.all()
        }
        rows = [priorities[p.pk] for p in initiative.priorities.all() if p.pk in priorities]
        rows += [directorates[d] for d in touched if d in directorates]
        for row in rows:
            row.initiatives += 1
            row.cross_system += cross_system(initiative)
            row.red += getattr(initiative, "latest_rag", None) == "red"
            row.pilots += initiative.pilot_count
            row.by_scale[initiative.scale] += 1
    return {
        "priorities": list(priorities.values()),
        "directorates": [row for row in directorates.values() if row.initiatives],
    }


@dataclass
class TimelineBar:
    label: str
    kind: str  # "initiative" | "pilot" | "phase"
    starts_on: date
    ends_on: date
    url: str = ""
    note: str = ""
    clash: bool = False


@dataclass
class TimelineGroup:
    title: str
    bars: list[TimelineBar] = field(default_factory=list)


def _clash(pilot: Pilot, programme: RedesignProgramme | None) -> str:
    if programme is None:
        return ""
    phases = list(programme.phases.all())
    if not phases:
        return ""
    blocking = [
        p
        for p in phases
        if not p.accepts_pilots and p.starts_on <= pilot.ends_on and pilot.starts_on <= p.ends_on
    ]
    if blocking:
        phase = blocking[0]
        return (
            f"Clashes with ‘{phase.name}’ "
            f"({phase.starts_on:%-d %b %Y} to {phase.ends_on:%-d %b %Y})"
        )
    if pilot.starts_on < phases[0].starts_on or pilot.ends_on > max(p.ends_on for p in phases):
        return "Runs outside the redesign programme's timescale"
    fitting = [p for p in phases if p.starts_on <= pilot.starts_on <= p.ends_on]
    return f"Fits ‘{fitting[0].name}’" if fitting else ""


def pilot_fit(pilot: Pilot) -> tuple[str, bool]:
    """How a pilot sits in its initiative's redesign programme: (plain words, clashes?)."""
    note = _clash(pilot, pilot.initiative.redesign_programme)
    return note, note.startswith(("Clashes", "Runs outside"))


def portfolio_timeline(
    initiatives: QuerySet[Initiative], *, until: date = TIMELINE_END
) -> list[TimelineGroup]:
    """Redesign programmes with their phases, and the initiatives and pilots placed in them."""
    placed = list(
        initiatives.prefetch_related(
            Prefetch("pilots", queryset=Pilot.objects.order_by("starts_on")),
            "redesign_programme__phases",
        )
    )
    groups: dict[int | None, TimelineGroup] = {}
    programmes = RedesignProgramme.objects.select_related("directorate").prefetch_related("phases")
    for programme in programmes:
        group = TimelineGroup(f"{programme.title} ({programme.directorate.name})")
        for phase in programme.phases.all():
            group.bars.append(
                TimelineBar(
                    phase.name,
                    "phase",
                    phase.starts_on,
                    phase.ends_on,
                    note="" if phase.accepts_pilots else "No pilots in this phase",
                )
            )
        groups[programme.pk] = group
    loose = TimelineGroup("Not part of a redesign programme")
    for initiative in placed:
        group = groups.get(initiative.redesign_programme_id, loose)
        starts = initiative.starts_on or min(
            (p.starts_on for p in initiative.pilots.all()), default=None
        )
        if starts is None:
            continue
        ends = initiative.ends_on or max(
            (p.ends_on for p in initiative.pilots.all()), default=until
        )
        group.bars.append(
            TimelineBar(initiative.title, "initiative", starts, ends, initiative.get_absolute_url())
        )
        for pilot in initiative.pilots.all():
            note, clash = pilot_fit(pilot)
            group.bars.append(
                TimelineBar(
                    f"Pilot: {pilot.title}",
                    "pilot",
                    pilot.starts_on,
                    pilot.ends_on,
                    initiative.get_absolute_url() + f"#pilot-{pilot.pk}",
                    note,
                    clash,
                )
            )
    result = [g for g in groups.values() if g.bars]
    if loose.bars:
        result.append(loose)
    for group in result:
        group.bars = [b for b in group.bars if b.starts_on <= until]
    return [g for g in result if g.bars]


@dataclass(frozen=True)
class GoalProgress:
    goal: ProgrammeGoal
    started: list[Pilot]
    planned: list[Pilot]

    @property
    def met(self) -> bool:
        return len(self.started) >= self.goal.pilots_target

    @property
    def overdue(self) -> bool:
        return not self.met and timezone.localdate() >= self.goal.deadline


def goal_progress_list(*, user: Viewer) -> list[GoalProgress]:
    """Each programme goal with the pilots (of initiatives this person sees) that count."""
    goals = list(ProgrammeGoal.objects.all())
    if not goals:
        return []
    today = timezone.localdate()
    pilots = list(Pilot.objects.filter(initiative__in=_visible(user)).select_related("initiative"))
    progress = []
    for goal in goals:
        before = [p for p in pilots if p.starts_on < goal.deadline]
        progress.append(
            GoalProgress(
                goal,
                [p for p in before if p.starts_on <= today],
                [p for p in before if p.starts_on > today],
            )
        )
    return progress


def initiative_is_followed(*, user: Viewer, initiative: Initiative) -> bool:
    """Whether this person follows the initiative (False for the anonymous public)."""
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return False
    return InitiativeFollow.objects.filter(initiative=initiative, user_id=user.pk).exists()


# --- the public results ("You said, we did": insights reads these for /results/) ---------------


def stage_choices() -> list[tuple[str, str]]:
    """Every stage, as (value, label), for filters outside this app."""
    return list(Stage.choices)


def _public_measures() -> QuerySet[Measure]:
    # the measures the team chose to show (``Measure.is_published``); the rest are workings
    return (
        Measure.objects.filter(is_published=True)
        .prefetch_related("observations", "rebases")
        .order_by("id")
    )


def measure_list_public() -> QuerySet[Measure]:
    """Every measure the public may see: shown to the public by its team, of a published
    initiative. The one rule for the results pages, open data and the news pages' charts."""
    return Measure.objects.filter(is_published=True, initiative__is_published=True)


def initiative_list_published() -> QuerySet[Initiative]:
    """Published initiatives with what the public results list shows (priorities, how many
    milestones are done, how many public measures), newest change first. Nothing internal."""
    milestones = Count("milestones", distinct=True)
    done = Count("milestones", filter=Q(milestones__done_on__isnull=False), distinct=True)
    measures = Count("measures", filter=Q(measures__is_published=True), distinct=True)
    return (
        Initiative.objects.filter(is_published=True)
        .annotate(milestone_count=milestones, milestones_done=done, public_measure_count=measures)
        .prefetch_related("priorities")
        .order_by("-updated_at", "-id")
    )


def initiative_list_published_in_full(
    initiatives: QuerySet[Initiative] | None = None,
) -> QuerySet[Initiative]:
    """``initiatives`` (by default every published one) with everything their public pages
    show, each read in one query for all: public measures with their values, milestones,
    pilots (titles and dates, never the decision), the public ideas and published challenges
    they came from (``public_ideas``, ``public_challenges``). Still only published ones."""
    base = initiatives if initiatives is not None else initiative_list_published()
    return base.filter(is_published=True).prefetch_related(
        "milestones",
        "pilots",
        Prefetch("measures", queryset=_public_measures(), to_attr="public_measures"),
        Prefetch(
            "source_ideas", queryset=Idea.objects.public().order_by("id"), to_attr="public_ideas"
        ),
        Prefetch(
            "source_challenges",
            queryset=Challenge.objects.filter(is_published=True).order_by("id"),
            to_attr="public_challenges",
        ),
    )


def initiative_get_published(*, pk: int) -> Initiative:
    """One published initiative with everything its public results page shows; 404 for a
    missing and an unpublished one alike, whoever asks."""
    initiative = initiative_list_published_in_full().filter(pk=pk).first()
    if initiative is None:
        raise Http404
    return initiative
