"""Who may do what in the Change Academy: small predicates for services, views, the API
and templates alike."""

from typing import TYPE_CHECKING

from improvement_hub.accounts.permissions import has_role, is_hub_team, is_staff_member
from improvement_hub.accounts.roles import Role

if TYPE_CHECKING:
    from improvement_hub.academy.models import Course, Enrolment, Session
    from improvement_hub.accounts.models import User
    from improvement_hub.accounts.types import AnyUser


def can_manage_academy(user: "AnyUser | None") -> bool:
    """Courses, sessions, the waiting list after the deadline, reports: the Hub Team."""
    return is_hub_team(user)


def can_see_course(user: "AnyUser | None", course: "Course") -> bool:
    """Published courses are public; drafts are for the Hub Team."""
    return course.is_published or can_manage_academy(user)


def is_partner(user: "AnyUser | None") -> bool:
    return has_role(user, Role.PARTNER)


def can_book_course(user: "AnyUser | None", course: "Course") -> bool:
    """Staff book published courses; partners only those open to partners; residents and
    visitors never book."""
    if not course.is_published or user is None or not user.is_authenticated:
        return False
    if is_staff_member(user):
        return True
    return is_partner(user) and course.for_partners


def can_book_for(actor: "AnyUser | None", person: "User", course: "Course") -> bool:
    """A person books for themselves; their line manager and the Hub Team book for them."""
    if actor is None or not actor.is_authenticated or not can_book_course(person, course):
        return False
    return actor.pk == person.pk or person.line_manager_id == actor.pk or is_hub_team(actor)


def can_approve(actor: "AnyUser | None", enrolment: "Enrolment") -> bool:
    """The person's line manager (or the Hub Team) approves a booking that needs it."""
    if actor is None or not actor.is_authenticated:
        return False
    return enrolment.person.line_manager_id == actor.pk or is_hub_team(actor)


def can_cancel(actor: "AnyUser | None", enrolment: "Enrolment") -> bool:
    if actor is None or not actor.is_authenticated:
        return False
    return (
        enrolment.person_id == actor.pk
        or enrolment.booked_by_id == actor.pk
        or can_approve(actor, enrolment)
    )


def can_mark_register(user: "AnyUser | None", session: "Session") -> bool:
    """The session's trainers and the Hub Team keep the register."""
    if user is None or not user.is_authenticated:
        return False
    if can_manage_academy(user):
        return True
    return any(trainer.pk == user.pk for trainer in session.trainers.all())


def can_use_learning(user: "AnyUser | None") -> bool:
    """ "My learning", self-assessment and the calendar feed: staff and partners."""
    return is_staff_member(user) or is_partner(user)
