"""Reads about people: whom a person may see and pick, and how a person is named to them."""

from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from improvement_hub.accounts import permission_version
from improvement_hub.accounts.models import RoleChange, User
from improvement_hub.accounts.permissions import can_manage_people, has_role, is_staff_member
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.types import AnyUser
from improvement_hub.core import page_cache

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


def hub_team_member_choices() -> list[tuple[str, str]]:
    """(id, name) of each active Hub Team member, for the lists that offer them (who work
    is assigned to), read once per change instead of on every page: kept under the
    permissions version (a role given or taken bumps it) and the site version (a changed
    name or a closed account bumps it); anything else (an account switched off in the
    admin) shows within ``core.page_cache.PAGE_SECONDS``. Shared: read-only."""
    return page_cache.site_cached(
        f"accounts:hub-team-choices:{permission_version.current()}",
        lambda: [(str(member.pk), str(member)) for member in hub_team_member_list()],
    )


def people_list(*, actor: AnyUser | None) -> QuerySet[User]:
    """Open accounts the Hub Team can look through, by name, with their roles and line
    manager read in two more queries whatever the page size. Nobody for anyone else."""
    if not can_manage_people(actor):
        return User.objects.none()
    return (
        User.objects.filter(closed_at__isnull=True)
        .select_related("line_manager", "directorate")
        .prefetch_related("groups")
        .order_by("first_name", "last_name", "email", "pk")
    )


def person_get_for_hub(*, actor: AnyUser | None, pk: int) -> User:
    """An open account, for the Hub Team's person page; 404 for a missing or closed account,
    and for anyone who does not manage people."""
    return get_object_or_404(people_list(actor=actor), pk=pk)


def person_role_change_list(*, person: User) -> QuerySet[RoleChange]:
    """Every role given to or taken from ``person`` on the people page, newest first."""
    return RoleChange.objects.filter(person=person).select_related("actor").order_by("-at", "-pk")


def person_report_list(*, person: User) -> QuerySet[User]:
    """The open accounts ``person`` is the line manager of."""
    return person.reports.filter(closed_at__isnull=True).order_by("first_name", "last_name", "pk")


def staff_member_by_email(email: str) -> User | None:
    """The open, active council staff account with this email address, or None."""
    person = (
        User.objects.filter(email__iexact=email.strip(), closed_at__isnull=True, is_active=True)
        .prefetch_related("groups")
        .first()
    )
    return person if person is not None and is_staff_member(person) else None


def account_overview(*, user: User) -> dict[str, Any]:
    """What the "Your account" page shows about ``user``: their addresses, whether they
    have a password, their roles, line manager and single sign-on links."""
    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialAccount

    addresses = list(EmailAddress.objects.filter(user=user).order_by("-primary", "email"))
    may_manage_people = can_manage_people(user)  # reads the roles once; the list below reuses them
    return {
        "person": user,
        "primary_email": next((a for a in addresses if a.primary), None),
        "other_email_count": max(len(addresses) - 1, 0),
        "has_password": user.has_usable_password(),
        "roles": sorted(group.name for group in user.groups.all()),
        "line_manager": user.line_manager,
        "single_sign_on": SocialAccount.objects.filter(user=user).exists(),
        "may_manage_people": may_manage_people,
    }


def person_directorate_change_list(*, person: User) -> list[dict[str, Any]]:
    """Every change of ``person``'s directorate from the audit log, newest first: when,
    from, to and who changed it (two queries)."""
    from wagtail.models import ModelLogEntry

    from improvement_hub.accounts.services import DIRECTORATE_CHANGED

    entries = (
        ModelLogEntry.objects.for_instance(person)
        .filter(action=DIRECTORATE_CHANGED)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )
    return [
        {
            "at": entry.timestamp,
            "before": entry.data.get("before") or "None",
            "after": entry.data.get("after") or "None",
            "actor": entry.user,
        }
        for entry in entries
    ]
