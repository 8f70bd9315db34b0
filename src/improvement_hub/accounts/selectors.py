"""Reads about people: whom a person may see and pick, and how a person is named to them."""

from django.db.models import Q, QuerySet

from improvement_hub.accounts.models import User
from improvement_hub.accounts.permissions import has_role, is_staff_member
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.types import AnyUser

# Who can be put on an initiative's team: council staff (the Hub Team and Leadership
# included) and delivery partners. Never residents: a team member reads the whole
# internal record of the initiative.
TEAM_ROLES = (Role.STAFF, Role.HUB_TEAM, Role.LEADERSHIP, Role.PARTNER)


def shows_email_addresses(actor: AnyUser | None) -> bool:
    """Council staff see colleagues' email addresses in pickers; partners see names only."""
    return is_staff_member(actor)


def people_for_team_list(*, actor: AnyUser | None) -> QuerySet[User]:
    """People ``actor`` may put on a team: active staff and partners, never residents.
    Nobody for a person who cannot pick (the public, residents). Partners see only
    people with a name, since they are not shown email addresses."""
    if not (is_staff_member(actor) or has_role(actor, Role.PARTNER)):
        return User.objects.none()
    in_role = User.objects.filter(is_active=True).filter(
        Q(groups__name__in=[str(role) for role in TEAM_ROLES]) | Q(is_superuser=True)
    )
    people = User.objects.filter(pk__in=in_role.values("pk"))
    if not shows_email_addresses(actor):
        people = people.exclude(first_name="", last_name="")
    return people.order_by("first_name", "last_name", "pk")


def person_label(*, actor: AnyUser | None, person: User) -> str:
    """How ``person`` is named to ``actor`` in a picker: with the email address for staff,
    by name only for everyone else."""
    name = person.get_full_name().strip()
    if not shows_email_addresses(actor):
        return name
    return f"{name} ({person.email})" if name else person.email


def hub_team_member_list() -> QuerySet[User]:
    """Active members of the Improvement Hub Team, by name: the people work can be
    assigned to (ideas to review, referrals to triage)."""
    return User.objects.filter(is_active=True, groups__name=str(Role.HUB_TEAM)).order_by(
        "first_name", "email"
    )
