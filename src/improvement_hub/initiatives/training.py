"""Training woven into pilots (issue 11): a pilot's training requirements, the gap
("8 need it – 3 trained, 4 booked, 1 not booked"), the red flag 10 working days before the
pilot starts (telling the initiative's lead and the Hub Team), and scheduling a session for
a requirement in one step. The Change Academy (a lower layer) is used through its
selectors and services only."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from improvement_hub import workdays
from improvement_hub.academy import permissions as academy_permissions
from improvement_hub.academy import selectors as academy
from improvement_hub.academy import services as academy_services
from improvement_hub.academy.notification_kinds import TRAINING_AT_RISK
from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives import permissions
from improvement_hub.initiatives.models import Initiative, Pilot, TeamMember
from improvement_hub.initiatives.models.parts import TrainingRequirement
from improvement_hub.notifications.services import notify, notify_role

if TYPE_CHECKING:
    from improvement_hub.academy.models import Course, Pathway
    from improvement_hub.academy.services import SessionData
    from improvement_hub.accounts.models import User
    from improvement_hub.accounts.types import AnyUser

# A requirement not met this many working days before its pilot starts is flagged red.
FLAG_WORKING_DAYS = 10


@dataclass(frozen=True)
class RequirementRow:
    requirement: TrainingRequirement
    gap: academy.TrainingGap | None  # None: free text, not linked to an Academy course
    due: date | None  # needed by, else the pilot's start
    flag_from: date | None

    @property
    def at_risk(self) -> bool:
        """Red: not met and within 10 working days of the date it is needed by."""
        if self.gap is None or self.gap.is_met or self.flag_from is None:
            return False
        return timezone.localdate() >= self.flag_from

    @property
    def summary(self) -> str:
        if self.gap is None:
            return ""
        g = self.gap
        return (
            f"{g.needed} need it – {g.trained} trained, {g.booked} booked, "
            f"{g.not_booked} not booked"
        )


def _requirements() -> QuerySet[TrainingRequirement]:
    return TrainingRequirement.objects.select_related(
        "course", "pathway", "pilot"
    ).prefetch_related(Prefetch("people"), "sessions")


def _due(requirement: TrainingRequirement) -> date | None:
    if requirement.needed_by:
        return requirement.needed_by
    return requirement.pilot.starts_on if requirement.pilot is not None else None


def _flag_from(due: date | None) -> date | None:
    if due is None:
        return None
    try:
        return workdays.add_working_days(due, -FLAG_WORKING_DAYS)
    except ValueError:  # a date the working calendar does not cover
        return None


def requirement_rows(requirements: Iterable[TrainingRequirement]) -> list[RequirementRow]:
    """The gap of each requirement, in a fixed number of queries for any number of them
    (requirements come with ``people`` and ``sessions`` prefetched)."""
    requirements = list(requirements)
    pathway_courses = academy.pathway_course_ids(
        [r.pathway_id for r in requirements if r.pathway_id]
    )
    linked: list[tuple[int, academy.TrainingNeedSpec]] = []
    for index, r in enumerate(requirements):
        if r.course_id:
            courses = frozenset({r.course_id})
        elif r.pathway_id:
            courses = pathway_courses.get(r.pathway_id, frozenset())
        else:
            continue
        spec = academy.TrainingNeedSpec(
            course_ids=courses,
            people_ids=frozenset(p.pk for p in r.people.all()),
            session_ids=frozenset(s.pk for s in r.sessions.all()),
            count=r.count,
        )
        linked.append((index, spec))
    gaps = dict(
        zip(
            (i for i, _ in linked),
            academy.training_gaps([spec for _, spec in linked]),
            strict=True,
        )
    )
    rows = []
    for index, r in enumerate(requirements):
        due = _due(r)
        rows.append(
            RequirementRow(requirement=r, gap=gaps.get(index), due=due, flag_from=_flag_from(due))
        )
    return rows


def initiative_training(*, initiative: Initiative) -> list[RequirementRow]:
    return requirement_rows(_requirements().filter(initiative=initiative))


def pilot_training(*, pilot: Pilot) -> list[RequirementRow]:
    return requirement_rows(_requirements().filter(pilot=pilot))


@dataclass(frozen=True)
class PilotTraining:
    """The training numbers of one pilot (or of an initiative's requirements for no
    pilot): its linked requirements' gaps added up."""

    label: str
    needed: int
    trained: int
    booked: int
    at_risk: bool

    @property
    def not_booked(self) -> int:
        return max(0, self.needed - self.trained - self.booked)

    @property
    def summary(self) -> str:
        return (
            f"{self.needed} need it – {self.trained} trained, {self.booked} booked, "
            f"{self.not_booked} not booked"
        )


WHOLE_INITIATIVE = "Whole initiative"


def initiatives_training(initiatives: Iterable[Initiative]) -> dict[int, list[PilotTraining]]:
    """Each initiative's training numbers per pilot, for a page of the portfolio: the
    same number of queries for any number of initiatives, pilots and requirements (the
    requirements with their people, sessions and pilots, then the Academy's gaps in two)."""
    ids = [i.pk for i in initiatives]
    if not ids:
        return {}
    rows = requirement_rows(_requirements().filter(initiative_id__in=ids))
    totals: dict[int, dict[tuple[str, int | None], list[RequirementRow]]] = {}
    for row in rows:
        if row.gap is None:
            continue  # free text: no numbers to show
        r = row.requirement
        key = (r.pilot.starts_on.isoformat(), r.pilot_id) if r.pilot is not None else ("~", None)
        totals.setdefault(r.initiative_id, {}).setdefault(key, []).append(row)
    result: dict[int, list[PilotTraining]] = {}
    for initiative_id, groups in totals.items():
        result[initiative_id] = []
        for key in sorted(groups, key=lambda k: (k[0], k[1] or 0)):
            group = groups[key]
            pilot = group[0].requirement.pilot
            result[initiative_id].append(
                PilotTraining(
                    label=pilot.title if pilot is not None else WHOLE_INITIATIVE,
                    needed=sum(g.gap.needed for g in group if g.gap),
                    trained=sum(g.gap.trained for g in group if g.gap),
                    booked=sum(g.gap.booked for g in group if g.gap),
                    at_risk=any(g.at_risk for g in group),
                )
            )
    return result


def initiatives_at_risk(initiatives: Iterable[Initiative]) -> set[int]:
    """The initiatives (of a portfolio page) with a requirement flagged red."""
    ids = [i.pk for i in initiatives]
    rows = requirement_rows(_requirements().filter(initiative_id__in=ids))
    return {row.requirement.initiative_id for row in rows if row.at_risk}


# --- writes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequirementData:
    need: str
    course: "Course | None" = None  # chosen through academy selectors
    pathway: "Pathway | None" = None
    pilot: Pilot | None = None
    people: tuple["User", ...] = ()
    who: str = ""
    count: int | None = None
    needed_by: date | None = None


def _requirement_errors(initiative: Initiative, data: RequirementData) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.course is not None and data.pathway is not None:
        errors["pathway"] = "Choose a course or a pathway, not both"
    if not data.people and not data.count:
        errors["count"] = "Name the people who need it, or say how many"
    if data.pilot is not None and data.pilot.initiative_id != initiative.pk:
        errors["pilot"] = "Choose a pilot of this initiative"
    elif data.pilot is not None and data.needed_by and data.needed_by > data.pilot.starts_on:
        errors["needed_by"] = (
            f"The date must be on or before the pilot starts ({data.pilot.starts_on:%-d %B %Y})"
        )
    return errors


@transaction.atomic
def requirement_create(
    *, actor: "AnyUser", initiative: Initiative, data: RequirementData
) -> TrainingRequirement:
    """Adds a training requirement; refuses a course and a pathway together, neither names
    nor a count, a pilot of another initiative and a date after the pilot starts."""
    if not permissions.can_edit_initiative(actor, initiative):
        raise PermissionDenied("You cannot change this initiative")
    errors = _requirement_errors(initiative, data)
    if errors:
        raise ValidationError(errors)
    requirement = TrainingRequirement(
        initiative=initiative,
        pilot=data.pilot,
        need=data.need,
        who=data.who,
        course=data.course,
        pathway=data.pathway,
        count=data.count,
        needed_by=data.needed_by or (data.pilot.starts_on if data.pilot else None),
    )
    requirement.full_clean()
    requirement.save()
    requirement.people.set(data.people)
    return requirement


# The audit log's action for a change of a requirement (Wagtail's log, registered in
# wagtail_hooks): who changed it, when, and each field before and after.
REQUIREMENT_CHANGED = "initiatives.training_requirement_change"


def _described(requirement: TrainingRequirement, people: list[int]) -> dict[str, str]:
    """What the audit log keeps of a requirement: each field in words."""
    return {
        "Training needed": requirement.need,
        "Course": str(requirement.course) if requirement.course_id else "",
        "Pathway": str(requirement.pathway) if requirement.pathway_id else "",
        "Pilot": str(requirement.pilot) if requirement.pilot_id else "",
        "Named people": ", ".join(
            str(p) for p in requirement.people.model.objects.filter(pk__in=people).order_by("pk")
        ),
        "Who": requirement.who,
        "How many": "" if requirement.count is None else str(requirement.count),
        "Needed by": f"{requirement.needed_by:%-d %B %Y}" if requirement.needed_by else "",
    }


@transaction.atomic
def requirement_update(
    *, actor: "AnyUser", requirement: TrainingRequirement, data: RequirementData
) -> TrainingRequirement:
    """Changes a training requirement (its course or pathway, who, how many, needed by,
    pilot) under the same rules as adding one: refuses anyone outside the initiative's
    team and the Hub Team, a course and a pathway together, neither names nor a count, a
    pilot of another initiative and a date after the pilot starts. Each change is in the
    audit log (field, before, after); a new date or need may be flagged again. Saving
    with nothing changed records nothing."""
    from wagtail.log_actions import log

    locked = (
        TrainingRequirement.objects.select_for_update(of=("self",))
        .select_related("initiative", "course", "pathway", "pilot")
        .get(pk=requirement.pk)
    )
    initiative = locked.initiative
    if not permissions.can_edit_initiative(actor, initiative):
        raise PermissionDenied("You cannot change this initiative")
    errors = _requirement_errors(initiative, data)
    if errors:
        raise ValidationError(errors)
    before_people = sorted(locked.people.values_list("pk", flat=True))
    before = _described(locked, before_people)
    before_due = locked.needed_by
    locked.pilot = data.pilot
    locked.need, locked.who = data.need, data.who
    locked.course, locked.pathway = data.course, data.pathway
    locked.count = data.count
    locked.needed_by = data.needed_by or (data.pilot.starts_on if data.pilot else None)
    locked.full_clean()
    after_people = sorted(p.pk for p in data.people)
    after = _described(locked, after_people)
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if not changes:
        return locked
    if locked.needed_by != before_due or "Course" in changes or "Pathway" in changes:
        locked.flagged_at = None  # a new date or training: told again if it is at risk
    locked.save()
    locked.people.set(data.people)
    log(
        instance=locked,
        action=REQUIREMENT_CHANGED,
        user=actor,
        title=f"{locked.need} ({initiative.title})"[:255],
        data={"initiative": initiative.pk, "changes": changes},
    )
    return locked


def requirement_change_list(*, requirement: TrainingRequirement) -> list[dict[str, object]]:
    """The audit log's changes of a requirement, newest first (two queries)."""
    from wagtail.models import ModelLogEntry

    entries = (
        ModelLogEntry.objects.for_instance(requirement)
        .filter(action=REQUIREMENT_CHANGED)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )
    return [
        {"at": e.timestamp, "actor": e.user, "changes": (e.data or {}).get("changes", {})}
        for e in entries
    ]


def requirement_get_for_editor(*, initiative: Initiative, pk: int) -> TrainingRequirement:
    """One requirement of ``initiative`` (already checked editable); 404 otherwise."""
    requirement = (
        _requirements().filter(initiative=initiative, pk=pk).select_related("initiative").first()
    )
    if requirement is None:
        raise Http404
    return requirement


@transaction.atomic
def requirement_schedule_session(
    *, actor: "AnyUser", requirement: TrainingRequirement, data: "SessionData"
) -> object:
    """The Hub Team schedule a session of the requirement's course in one step: the
    named people not yet trained are booked on it (and emailed); it counts for the
    requirement from now on."""
    if not academy_permissions.can_manage_academy(actor):
        raise PermissionDenied("Only the Hub Team schedule sessions")
    if requirement.course is None:
        raise ValidationError("Link the requirement to a course first")
    people = list(requirement.people.all())
    trained = academy.people_trained(
        course_ids={requirement.course.pk}, people_ids={p.pk for p in people}
    )
    waiting = [p for p in people if p.pk not in trained]
    session, _ = academy_services.session_schedule_for(
        actor=actor, course=requirement.course, data=data, people=waiting
    )
    requirement.sessions.add(session)
    return session


def _leads(initiative: Initiative) -> list["User"]:
    return [
        member.user
        for member in initiative.team.all()
        if member.role in (TeamMember.Role.LEAD, TeamMember.Role.SPONSOR) and member.user
    ]


def requirements_flag(*, today: date | None = None) -> int:
    """Tells the initiative's lead and the Hub Team, once, of each requirement not met 10
    working days before it is needed. Run daily (command ``flag_training_gaps``)."""
    today = today or timezone.localdate()
    candidates = _requirements().filter(flagged_at__isnull=True).select_related("initiative")
    told = 0
    for row in requirement_rows(candidates):
        r = row.requirement
        if row.gap is None or row.gap.is_met or row.flag_from is None or today < row.flag_from:
            continue
        if row.due is not None and today > row.due:
            continue
        initiative = r.initiative
        subject = f"Training not in place for: {initiative.title}"
        body = f"‘{r.need}’ is needed by {row.due:%-d %B %Y}. {row.summary}."
        url = f"{initiative.get_absolute_url()}#training"
        notify(
            recipients=_leads(initiative),
            subject=subject,
            body=body,
            url=url,
            kind=TRAINING_AT_RISK,
        )
        notify_role(role=Role.HUB_TEAM, subject=subject, body=body, url=url, kind=TRAINING_AT_RISK)
        TrainingRequirement.objects.filter(pk=r.pk).update(flagged_at=timezone.now())
        told += 1
    return told
