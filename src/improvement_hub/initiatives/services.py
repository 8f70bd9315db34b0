"""Every write to initiatives: permission-checked, validated, atomic."""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from improvement_hub.accounts import selectors as people
from improvement_hub.core import page_cache
from improvement_hub.council.models import Directorate, Organisation, Priority, Service
from improvement_hub.ideas import selectors as ideas_selectors
from improvement_hub.ideas import services as idea_services
from improvement_hub.ideas.models import Idea, IdeaStatus
from improvement_hub.initiatives import notification_kinds, permissions
from improvement_hub.initiatives.models import (
    VALUE_LIMIT,
    Initiative,
    InitiativeFollow,
    InitiativePart,
    Measure,
    MeasureRebase,
    Observation,
    Pilot,
    RedesignProgramme,
    StatusUpdate,
    TeamMember,
)
from improvement_hub.initiatives.models.measures import Removal, measure_value_text
from improvement_hub.lab.models import Challenge
from improvement_hub.notifications.services import notify

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

MAX_OBSERVATIONS_AT_ONCE = 5000
EARLIEST_OBSERVATION = date(2000, 1, 1)
# The name the values' problems are filed under (the API's field for them).
OBSERVATIONS = "observations"


@dataclass
class InitiativeData:
    title: str
    problem: str
    scale: str
    strand: str = "improvement_team"
    method: str = "model_for_improvement"
    stage: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    redesign_programme: RedesignProgramme | None = None
    is_published: bool = False
    public_summary: str = ""
    resident_outcome: str = ""
    priorities: Sequence[Priority] = field(default_factory=list)
    directorates: Sequence[Directorate] = field(default_factory=list)
    services: Sequence[Service] = field(default_factory=list)
    organisations: Sequence[Organisation] = field(default_factory=list)

    @classmethod
    def from_answers(cls, answers: Mapping[str, Any]) -> "InitiativeData":
        """From a form's cleaned data; answers that are not details are left out."""
        names = {f.name for f in fields(cls)}
        return cls(**{name: value for name, value in answers.items() if name in names})


FIELDS = [
    "title",
    "problem",
    "scale",
    "strand",
    "method",
    "stage",
    "starts_on",
    "ends_on",
    "redesign_programme",
    "is_published",
    "public_summary",
    "resident_outcome",
]
RELATIONS = ["priorities", "directorates", "services", "organisations"]


INACTIVE_PRIORITY = "Select council priorities that are in use"


def _check_priorities(initiative: Initiative, data: InitiativeData) -> None:
    """A priority no longer in use stays on the initiatives that have it, but is never added."""
    retired = {p.pk for p in data.priorities if not p.is_active}
    if retired and initiative.pk:
        retired -= set(initiative.priorities.values_list("pk", flat=True))
    if retired:
        raise ValidationError({"priorities": INACTIVE_PRIORITY})


def _validate(initiative: Initiative) -> None:
    errors: dict[str, str] = {}
    if initiative.stage not in initiative.stages:
        errors["stage"] = "Select a stage of the initiative's method"
    if initiative.is_published and not initiative.public_summary.strip():
        errors["public_summary"] = "Enter a public summary before publishing the initiative"
    if initiative.starts_on and initiative.ends_on and initiative.ends_on < initiative.starts_on:
        errors["ends_on"] = "The end date must be the same as or after the start date"
    try:
        initiative.full_clean(exclude=["created_by"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages[0])
    if errors:
        raise ValidationError(errors)


def _apply(initiative: Initiative, data: InitiativeData) -> None:
    for name in FIELDS:
        setattr(initiative, name, getattr(data, name))
    initiative.title = initiative.title.strip()
    initiative.problem = initiative.problem.strip()
    initiative.public_summary = initiative.public_summary.strip()
    initiative.resident_outcome = initiative.resident_outcome.strip()
    if not initiative.stage:
        initiative.stage = initiative.stages[0]


def _answerable(ideas: Iterable[Idea]) -> list[Idea]:
    usable = [i for i in ideas if i.submitted_at and not i.merged_into_id and not i.hidden_at]
    if len(usable) != len(list(ideas)):
        raise ValidationError(
            {"source_ideas": "Choose ideas that have been submitted and are shown"}
        )
    return usable


def initiative_create(
    *,
    actor: "User",
    data: InitiativeData,
    source_ideas: Iterable[Idea] = (),
    source_challenges: Iterable[Challenge] = (),
) -> Initiative:
    """Starts an initiative (Hub Team only). Each source idea gets its public answer."""
    if not permissions.can_create_initiative(actor):
        raise PermissionDenied("Only the Improvement Hub Team can start an initiative")
    initiative = Initiative(created_by=actor)
    _check_priorities(initiative, data)
    _apply(initiative, data)
    _validate(initiative)
    ideas = _answerable(list(source_ideas))
    challenges = list(source_challenges)
    with transaction.atomic():
        initiative.save()
        for name in RELATIONS:
            getattr(initiative, name).set(getattr(data, name))
        initiative.source_challenges.set(challenges)
        _link_ideas(actor, initiative, ideas)
    return initiative


def _link_ideas(actor: "User", initiative: Initiative, ideas: list[Idea]) -> None:
    """Records where the initiative came from, answers each idea in public and moves its
    followers over (see ideas_taken_forward, at the end of this module)."""
    if not ideas:
        return
    initiative.source_ideas.add(*ideas)
    ideas_taken_forward(actor=actor, initiative=initiative, ideas=ideas)


def initiative_update(*, actor: "User", initiative: Initiative, data: InitiativeData) -> Initiative:
    """Changes an initiative's details (its team or the Hub Team)."""
    if not permissions.can_edit_initiative(actor, initiative):
        raise PermissionDenied("Only the initiative's team or the Hub Team can change it")
    _check_priorities(initiative, data)
    stage_before = initiative.stage
    shown_before = (initiative.is_published, initiative.title)
    _apply(initiative, data)
    _validate(initiative)
    with transaction.atomic():
        initiative.save()
        for name in RELATIONS:
            getattr(initiative, name).set(getattr(data, name))
        if initiative.stage != stage_before:
            _tell_followers(initiative, actor=actor)
        if (initiative.is_published, initiative.title) != shown_before:
            # the public pages of the ideas it came from name it only while it is published
            ideas = initiative.source_ideas.values_list("pk", flat=True)
            page_cache.bump_on_commit(*(ideas_selectors.idea_page_version(pk) for pk in ideas))
    return initiative


def _tell_followers(initiative: Initiative, *, actor: "User") -> None:
    """Tells the initiative's followers (after commit) that it moved to another stage."""
    followers = [follow.user for follow in initiative.follows.select_related("user")]
    subject = f"{initiative.title} moved to ‘{initiative.get_stage_display()}’"
    transaction.on_commit(
        lambda: notify(
            recipients=followers,
            subject=subject[:200],
            body="An initiative you follow has moved on.",
            url=initiative.get_absolute_url(),
            exclude=actor,
        )
    )


def initiative_add_sources(
    *,
    actor: "User",
    initiative: Initiative,
    ideas: Iterable[Idea] = (),
    challenges: Iterable[Challenge] = (),
) -> Initiative:
    """Links more ideas or challenges (Hub Team); each newly linked idea gets its answer."""
    if not permissions.can_create_initiative(actor):
        raise PermissionDenied("Only the Improvement Hub Team can link ideas and challenges")
    already = set(initiative.source_ideas.values_list("pk", flat=True))
    new_ideas = _answerable([i for i in ideas if i.pk not in already])
    with transaction.atomic():
        initiative.source_challenges.add(*challenges)
        _link_ideas(actor, initiative, new_ideas)
    return initiative


# --- the parts of an initiative -----------------------------------------------------------


PartT = TypeVar("PartT", bound=InitiativePart)


def part_save(
    *,
    actor: "User",
    initiative: Initiative,
    part: PartT,
    relations: dict[str, Iterable[models.Model]] | None = None,
) -> PartT:
    """Adds or changes a milestone, risk, benefit, update, prototype, cycle, pilot, measure,
    team member or training need of an initiative its team (or the Hub Team) may edit."""
    if not permissions.can_edit_initiative(actor, initiative):
        raise PermissionDenied("Only the initiative's team or the Hub Team can change it")
    if part.pk and part.initiative_id != initiative.pk:
        raise PermissionDenied("That belongs to another initiative")
    part.initiative = initiative
    if isinstance(part, StatusUpdate) and part.author_id is None:
        part.author = actor
    if isinstance(part, Pilot) and part.pk:
        # the go/no-go decision is Leadership's, recorded only by pilot_decide
        saved = Pilot.objects.get(pk=part.pk)
        part.decision, part.decision_reason = saved.decision, saved.decision_reason
        part.decided_by_id, part.decided_at = saved.decided_by_id, saved.decided_at
    if isinstance(part, TeamMember):
        _check_team_member(actor, part)
    for related in (relations or {}).values():
        for item in related:
            if getattr(item, "initiative_id", initiative.pk) != initiative.pk:
                raise ValidationError("Choose measures of this initiative")
    part.full_clean()
    is_new = part._state.adding  # notifications (issue 10): only a new part tells anyone
    try:
        with transaction.atomic():
            part.save()
            for name, related in (relations or {}).items():
                getattr(part, name).set(list(related))
            initiative.save(update_fields=["updated_at"])
    except IntegrityError as error:
        if isinstance(part, TeamMember):
            raise ValidationError({"user": "This person is already on the team"}) from error
        if isinstance(part, Measure):
            raise ValidationError(
                {"name": "This initiative already has a measure with this name"}
            ) from error
        raise
    # notifications (issue 10): a new pilot waits for Leadership; a new member is told
    if is_new:
        notification_kinds.part_added_tell(actor=actor, initiative=initiative, part=part)
    return part


def _check_team_member(actor: "User", member: TeamMember) -> None:
    """Refuses a person the actor may not pick (a resident, say): a team member reads the
    initiative's whole internal record. A member whose person is unchanged stays."""
    if not member.user_id:
        return
    if member.pk:
        saved = TeamMember.objects.filter(pk=member.pk).values_list("user_id", flat=True).first()
        if saved == member.user_id:
            return
    if not people.people_for_team_list(actor=actor).filter(pk=member.user_id).exists():
        raise ValidationError(
            {"user": "Choose a member of council staff or of a partner organisation"}
        )


def part_delete(*, actor: "User", initiative: Initiative, part: InitiativePart) -> None:
    """Removes a part of an initiative (its team or the Hub Team)."""
    if not permissions.can_edit_initiative(actor, initiative):
        raise PermissionDenied("Only the initiative's team or the Hub Team can change it")
    if part.initiative_id != initiative.pk:
        raise PermissionDenied("That belongs to another initiative")
    if isinstance(part, Pilot) and part.decision:
        raise ValidationError("A pilot with a go or no-go decision cannot be removed")
    with transaction.atomic():
        what = str(part)
        part.delete()
        kind = str(part._meta.verbose_name).capitalize()
        _record_removal(actor=actor, initiative=initiative, kind=kind, what=what)
        initiative.save(update_fields=["updated_at"])


def pilot_decide(*, actor: "User", pilot: Pilot, decision: str, reason: str) -> Pilot:
    """Records Leadership's go or no-go on a pilot that has started; tells the team."""
    if not permissions.can_decide_pilots(actor):
        raise PermissionDenied("Only Leadership can make the go or no-go decision")
    reason = reason.strip()
    errors = {}
    if decision not in Pilot.Decision.values:
        errors["decision"] = "Select go or no go"
    if len(reason) < 20:
        errors["reason"] = "Explain the decision in a full sentence (at least 20 characters)"
    if not permissions.can_decide_pilot(actor, pilot):  # Leadership, before the pilot starts
        errors["decision"] = "You can decide once the pilot has started"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Pilot.objects.select_for_update().select_related("initiative").get(pk=pilot.pk)
        if locked.decision:
            raise ValidationError(
                {"decision": f"{locked.decided_by} has already recorded a decision on this pilot"}
            )
        locked.decision, locked.decision_reason = decision, reason
        locked.decided_by, locked.decided_at = actor, timezone.now()
        locked.full_clean()
        locked.save()
        initiative = locked.initiative
        verdict = "go" if decision == Pilot.Decision.GO else "no go"
        recipients = [m.user for m in initiative.team.select_related("user") if m.user]
        transaction.on_commit(
            lambda: notify(
                recipients=recipients,
                subject=f"Pilot decision, {verdict}: {locked.title}"[:200],
                body=reason,
                url=initiative.get_absolute_url() + f"#pilot-{locked.pk}",
                exclude=actor,
            )
        )
    return locked


# --- measures -----------------------------------------------------------------------------


def _measure_editor(actor: "User", measure: Measure) -> None:
    if not permissions.can_edit_initiative(actor, measure.initiative):
        raise PermissionDenied("Only the initiative's team or the Hub Team can add data")


def observations_check(
    *, measure: Measure, rows: Sequence[tuple[int, date | None, float | None]]
) -> list[tuple[date, float]]:
    """Checks (row number, date, value) rows; raises every row's problem at once, filed
    under ``observations``."""
    errors: list[str] = []
    if not rows:
        raise ValidationError({OBSERVATIONS: "There are no values to add"})
    if len(rows) > MAX_OBSERVATIONS_AT_ONCE:
        raise ValidationError(
            {OBSERVATIONS: f"Add at most {MAX_OBSERVATIONS_AT_ONCE:,} values at a time"}
        )
    existing = set(measure.observations.values_list("on", flat=True))
    seen: dict[date, int] = {}
    today = timezone.localdate()
    clean: list[tuple[date, float]] = []
    for number, when, value in rows:
        if when is None:
            errors.append(f"Row {number}: enter a real date, like 2017-03-31")
            continue
        if value is None or not math.isfinite(value):
            errors.append(f"Row {number}: enter the value as a number, like 12 or 4.5")
            continue
        if when > today:
            errors.append(f"Row {number}: the date must be today or in the past")
        elif when < EARLIEST_OBSERVATION:
            errors.append(f"Row {number}: the date must be in {EARLIEST_OBSERVATION.year} or later")
        elif when in seen:
            errors.append(f"Row {number}: {when:%-d %B %Y} is also in row {seen[when]}")
        elif when in existing:
            errors.append(f"Row {number}: there is already a value for {when:%-d %B %Y}")
        elif abs(value) > VALUE_LIMIT:
            errors.append(
                f"Row {number}: enter a number between -1,000,000,000,000 and 1,000,000,000,000"
            )
        elif problem := measure.bound_problem(value):
            errors.append(f"Row {number}: {problem[0].lower()}{problem[1:]}")
        else:
            clean.append((when, value))
        seen.setdefault(when, number)
    if errors:
        raise ValidationError({OBSERVATIONS: errors})
    return clean


def observations_add(
    *, actor: "User", measure: Measure, rows: Sequence[tuple[int, date | None, float | None]]
) -> int:
    """Adds values to a measure: all of them, or none with each row's problem."""
    _measure_editor(actor, measure)
    clean = observations_check(measure=measure, rows=rows)
    try:
        with transaction.atomic():
            Observation.objects.bulk_create(
                Observation(measure=measure, on=when, value=value) for when, value in clean
            )
            Measure.objects.filter(pk=measure.pk).update(updated_at=timezone.now())
    except IntegrityError as error:
        # someone else added a value for one of these dates a moment ago
        raise ValidationError(
            {
                OBSERVATIONS: "Someone added values for some of these dates at the same time. "
                "Nothing was added: check the chart and try again"
            }
        ) from error
    return len(clean)


def _record_removal(
    *, actor: "User", initiative: Initiative, kind: str, what: str, measure: Measure | None = None
) -> Removal:
    return Removal.objects.create(
        initiative=initiative,
        measure=measure,
        kind=kind,
        description=what[:500],
        removed_by=actor,
        removed_at=timezone.now(),
    )


def observation_delete(*, actor: "User", measure: Measure, observation_id: int) -> bool:
    """Removes one value of a measure and records who removed it, when and what it was;
    False when it was already gone (a second click, or someone else removed it)."""
    _measure_editor(actor, measure)
    with transaction.atomic():
        observation = (
            Observation.objects.select_for_update()
            .filter(measure=measure, pk=observation_id)
            .first()
        )
        if observation is None:
            return False
        what = f"The value {measure_value_text(measure, observation.value)}"
        what += f" for {observation.on:%-d %B %Y}"
        observation.delete()
        _record_removal(
            actor=actor, initiative=measure.initiative, measure=measure, kind="Value", what=what
        )
        Measure.objects.filter(pk=measure.pk).update(updated_at=timezone.now())
    return True


def rebase_add(*, actor: "User", measure: Measure, on: date, reason: str) -> MeasureRebase:
    """Starts a new segment of the chart from a date, with the reason (e.g. a new process)."""
    _measure_editor(actor, measure)
    rebase = MeasureRebase(measure=measure, on=on, reason=reason.strip())
    rebase.full_clean()
    try:
        with transaction.atomic():
            rebase.save()
    except IntegrityError as error:
        raise ValidationError({"on": "The chart is already re-baselined on that date"}) from error
    return rebase


def rebase_delete(*, actor: "User", measure: Measure, rebase_id: int) -> bool:
    """Removes a re-baseline and records who removed it, when and what it was; False when
    it was already gone."""
    _measure_editor(actor, measure)
    with transaction.atomic():
        rebase = (
            MeasureRebase.objects.select_for_update().filter(measure=measure, pk=rebase_id).first()
        )
        if rebase is None:
            return False
        what = f"The re-baseline of {rebase.on:%-d %B %Y} ({rebase.reason})"
        rebase.delete()
        initiative = measure.initiative
        _record_removal(
            actor=actor, initiative=initiative, measure=measure, kind="Re-baseline", what=what
        )
    return True


# --- starting from an idea, and following ----------------------------------------------------


def taken_forward_answer(initiative: Initiative) -> str:
    """An idea's public answer when an initiative takes it forward: words only. The idea's
    page links the initiative for those who may open it, so no address is written here."""
    where = (
        "Read about its progress from the link to it on this page."
        if initiative.is_published
        else "Its public summary will be linked from this page once it is published."
    )
    return (
        f"This idea is being taken forward by the Improvement Hub as the initiative "
        f"‘{initiative.title}’. Everyone who followed this idea now follows the initiative. "
        f"{where}"
    )


def ideas_taken_forward(*, actor: "User", initiative: Initiative, ideas: list[Idea]) -> None:
    """Answers each idea ‘Taken forward’, makes its author and followers follow the
    initiative, and tells them with a link to a page each may open: the initiative when
    they may read it, otherwise the idea (which links the initiative once published)."""
    taken_forward = IdeaStatus.objects.get(slug=IdeaStatus.TAKEN_FORWARD)
    answer = taken_forward_answer(initiative)
    for idea in ideas:
        idea_services.idea_respond(
            actor=actor, idea=idea, status=taken_forward, answer=answer, tell=False
        )
        told = ideas_selectors.idea_people_to_tell(idea=idea)
        InitiativeFollow.objects.bulk_create(
            [InitiativeFollow(initiative=initiative, user=person) for person in told],
            ignore_conflicts=True,
        )
        can_open = [p for p in told if permissions.can_view_initiative(p, initiative)]
        cannot = [p for p in told if p not in can_open]
        subject = f"Your idea is now ‘{taken_forward.name}’: {idea.title}"[:200]
        for recipients, url in (
            (can_open, initiative.get_absolute_url()),
            (cannot, idea.get_absolute_url()),
        ):
            if recipients:
                transaction.on_commit(
                    partial(
                        notify,
                        recipients=recipients,
                        subject=subject,
                        body=answer,
                        url=url,
                        exclude=actor,
                    )
                )


def initiative_follow(*, user: "User", initiative: Initiative) -> None:
    """Starts following an initiative (twice is harmless); refuses who may not read it."""
    if not permissions.can_follow_initiative(user, initiative):
        raise PermissionDenied("You cannot follow this initiative")
    InitiativeFollow.objects.get_or_create(initiative=initiative, user=user)


def initiative_unfollow(*, user: "User", initiative: Initiative) -> None:
    """Stops following an initiative (nothing happens if the person did not follow it)."""
    InitiativeFollow.objects.filter(initiative=initiative, user_id=user.pk).delete()


def initiative_answers_from_idea(idea: Idea) -> dict[str, Any]:
    """An initiative's first answers from an idea: every answer that has a place (title,
    problem and who would benefit, proposal as a draft public summary, scale, priorities,
    service and directorate). The Hub Team checks them before starting it."""
    problem = idea.problem.strip()
    if idea.beneficiaries.strip():
        problem = f"{problem}\n\nWho would benefit: {idea.beneficiaries.strip()}"
    directorate = idea.directorate or (idea.service.directorate if idea.service else None)
    return {
        "title": idea.title,
        "problem": problem[: Initiative._meta.get_field("problem").max_length],
        "public_summary": idea.proposal.strip()[
            : Initiative._meta.get_field("public_summary").max_length
        ],
        "scale": idea.scale or "",
        "priorities": [p for p in idea.priorities.all() if p.is_active],
        "services": [idea.service] if idea.service else [],
        "directorates": [directorate] if directorate else [],
    }
