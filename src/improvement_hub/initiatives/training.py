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


@transaction.atomic
def requirement_create(
    *, actor: "AnyUser", initiative: Initiative, data: RequirementData
) -> TrainingRequirement:
    """Adds a training requirement; refuses a course and a pathway together, neither names
    nor a count, a pilot of another initiative and a date after the pilot starts."""
    if not permissions.can_edit_initiative(actor, initiative):
        raise PermissionDenied("You cannot change this initiative")
    errors: dict[str, str] = {}
    if data.course is not None and data.pathway is not None:
        errors["pathway"] = "Choose a course or a pathway, not both"
    if not data.people and not data.count:
        errors["count"] = "Name the people who need it, or say how many"
    if data.pilot is not None and data.pilot.initiative_id != initiative.pk:
        errors["pilot"] = "Choose a pilot of this initiative"
    elif data.pilot is not None and data.needed_by and data.needed_by > data.pilot.starts_on:
        errors["needed_by"] = "The date must be on or before the pilot starts"
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
