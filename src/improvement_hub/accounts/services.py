"""Writes about accounts: roles given as people join and by the Hub Team, line managers,
names."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet

from improvement_hub.accounts.models import RoleChange, User
from improvement_hub.accounts.permissions import (
    MANAGED_ROLES,
    can_change_role,
    can_manage_people,
    is_staff_member,
)
from improvement_hub.accounts.roles import Role
from improvement_hub.core import page_cache

LAST_HUB_TEAM = (
    "There must always be someone in the Hub Team: give the role to someone else "
    "before you remove it from the last member"
)
ACCOUNT_CLOSED = "This account is closed: its roles cannot be changed"
NOT_ALLOWED_ROLE = "Only a member of the Improvement Hub Team can give or remove the {role} role"
NOT_ALLOWED_MANAGER = "Only the Improvement Hub Team can set someone's line manager"
# How far up a chain of line managers is followed to find a loop.
MAX_MANAGEMENT_CHAIN = 100


def user_add_role(*, user: User, role: Role) -> None:
    """Puts ``user`` in the group for ``role``; refuses a role that is not one of ours."""
    if role not in Role:
        raise ValueError(f"Unknown role: {role!r}")
    with transaction.atomic():
        group, _ = Group.objects.get_or_create(name=str(role))
        user.groups.add(group)


def _is_staff_email(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in {d.lower().lstrip("@") for d in settings.STAFF_EMAIL_DOMAINS}


def _has_verified_email(user: User, email: str) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def user_assign_initial_role(*, user: User, via_staff_sso: bool) -> Role:
    """Gives a newly joined person their first role.

    People who sign in through the council's staff single sign-on, or whose *verified*
    email address is on one of ``STAFF_EMAIL_DOMAINS``, are Staff; everyone else is a
    Resident. Anyone can type a council address, so an address not yet confirmed grants
    nothing: ``user_email_verified`` gives Staff when it is confirmed. Other roles are
    given by the Hub Team in the admin.
    """
    staff = via_staff_sso or (_is_staff_email(user.email) and _has_verified_email(user, user.email))
    role = Role.STAFF if staff else Role.RESIDENT
    user_add_role(user=user, role=role)
    return role


def user_email_verified(*, user: User, email: str) -> Role | None:
    """Grants the role an email address's domain gives, once its owner has confirmed it.

    A confirmed address on one of ``STAFF_EMAIL_DOMAINS`` makes the person Staff instead of
    a Resident; other addresses change nothing. Refuses (returns None) an address that is
    not verified for this user.
    """
    if not _is_staff_email(email) or not _has_verified_email(user, email):
        return None
    with transaction.atomic():
        user_add_role(user=user, role=Role.STAFF)
        user.groups.remove(*Group.objects.filter(name=str(Role.RESIDENT)))
    return Role.STAFF


def api_token_authenticate(*, secret: str) -> User | None:
    """The active user a live Wagtail API token belongs to, or None; records its use.

    Tokens are Wagtail's own (made in the admin under Settings → API tokens, or with
    ``improvement-hub create_api_token``); only an HMAC of each is stored.
    """
    from django.utils import timezone
    from wagtail.models import APIToken

    if not secret or len(secret) > 200 or not APIToken.validate_token_format(secret):
        return None
    token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    APIToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def _hub_team_group_locked() -> Group:
    """The Hub Team's group row, locked until the transaction ends.

    Every change of role takes this lock first, so two Hub Team members removing each other
    at the same moment take turns, and the second sees what the first did."""
    group, _ = Group.objects.get_or_create(name=str(Role.HUB_TEAM))
    return Group.objects.select_for_update().get(pk=group.pk)


def person_role_change(*, actor: User, person: User, role: Role, grant: bool) -> RoleChange | None:
    """Gives ``person`` the ``role`` (``grant``) or removes it, and records who did it.

    Refuses anyone who may not change that role (Hub Team and Leadership need a member of
    the Hub Team), roles not managed by hand, closed accounts, and removing the Hub Team
    role from its last active member. Giving a role already held, or removing one not held
    (a double-click, or two people at once), changes nothing and returns None.
    """
    if role not in MANAGED_ROLES or not can_change_role(actor, role):
        raise PermissionDenied(NOT_ALLOWED_ROLE.format(role=role))
    with transaction.atomic():
        hub_team = _hub_team_group_locked()
        # Read the actor's roles again under the lock: they may just have lost them.
        actor = User.objects.prefetch_related("groups").get(pk=actor.pk)
        if not can_change_role(actor, role):
            raise PermissionDenied(NOT_ALLOWED_ROLE.format(role=role))
        person = User.objects.select_for_update().get(pk=person.pk)
        if person.closed_at is not None or not person.is_active:
            raise ValidationError(ACCOUNT_CLOSED)
        group = hub_team if role == Role.HUB_TEAM else Group.objects.get(name=str(role))
        if person.groups.filter(pk=group.pk).exists() == grant:
            return None
        if grant:
            person.groups.add(group)
        else:
            if role == Role.HUB_TEAM and not _other_hub_team_members(hub_team, person).exists():
                raise ValidationError(LAST_HUB_TEAM)
            person.groups.remove(group)
        change = RoleChange.Change.GRANTED if grant else RoleChange.Change.REMOVED
        return RoleChange.objects.create(actor=actor, person=person, role=str(role), change=change)


def _other_hub_team_members(hub_team: Group, person: User) -> QuerySet[User]:
    return User.objects.filter(groups=hub_team, is_active=True, closed_at__isnull=True).exclude(
        pk=person.pk
    )


def person_set_line_manager(*, actor: User, person: User, line_manager: User | None) -> User:
    """Sets who manages ``person`` (None: nobody). Refuses anyone but the Hub Team, a
    manager who is not active council staff, the person themselves, and a manager who is
    managed (at any distance) by the person, which would make a loop."""
    if not can_manage_people(actor):
        raise PermissionDenied(NOT_ALLOWED_MANAGER)
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        if person.closed_at is not None:
            raise ValidationError(ACCOUNT_CLOSED)
        if line_manager is not None:
            _check_line_manager(person, line_manager)
        User.objects.filter(pk=person.pk).update(
            line_manager=line_manager.pk if line_manager else None
        )
        person.line_manager = line_manager
    return person


def _check_line_manager(person: User, manager: User) -> None:
    field = "line_manager"
    if manager.pk == person.pk:
        raise ValidationError({field: "A person cannot be their own line manager"})
    if manager.closed_at is not None or not manager.is_active or not is_staff_member(manager):
        raise ValidationError({field: "The line manager must be a member of council staff"})
    # Walk up from the manager as the database has it now (the caller's copy may be stale).
    current: int = manager.pk
    for _ in range(MAX_MANAGEMENT_CHAIN):
        above = User.objects.filter(pk=current).values_list("line_manager_id", flat=True).first()
        if above is None:
            return
        current = above
        if above == person.pk:
            raise ValidationError(
                {field: f"{manager} is managed by {person}, so cannot be their line manager"}
            )
    raise ValidationError({field: "The chain of line managers is too long"})


def user_update_name(*, user: User, first_name: str, last_name: str) -> User:
    """Changes the name ``user`` is shown by; refuses a closed account."""
    if user.closed_at is not None:
        raise ValidationError(ACCOUNT_CLOSED)
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.full_clean(validate_unique=False, validate_constraints=False)
    User.objects.filter(pk=user.pk).update(first_name=user.first_name, last_name=user.last_name)
    page_cache.bump_site()  # stored public pages may show the name
    return user


NOT_ALLOWED_DIRECTORATE = "Only the Improvement Hub Team can set someone's directorate"
# The audit log's action for a change of directorate (Wagtail's log, registered in
# wagtail_hooks): who changed it, when, from which directorate to which.
DIRECTORATE_CHANGED = "accounts.directorate_change"


def person_set_directorate(*, actor: User, person: User, directorate: object | None) -> bool:
    """Sets the directorate ``person`` works in (None: not known) and records who changed
    it, from what to what, in the audit log. Refuses anyone but the Hub Team and closed
    accounts. Setting the one already set (a double click) changes and records nothing:
    returns False."""
    from wagtail.log_actions import log

    if not can_manage_people(actor):
        raise PermissionDenied(NOT_ALLOWED_DIRECTORATE)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=person.pk)
        if locked.closed_at is not None or not locked.is_active:
            raise ValidationError(ACCOUNT_CLOSED)
        new_id = getattr(directorate, "pk", None)
        if locked.directorate_id == new_id:
            return False
        before = str(locked.directorate) if locked.directorate_id else ""
        User.objects.filter(pk=locked.pk).update(directorate=new_id)
        log(
            instance=locked,
            action=DIRECTORATE_CHANGED,
            user=actor,
            title=str(locked),
            data={"before": before, "after": str(directorate) if directorate else ""},
        )
    person.directorate = directorate  # type: ignore[assignment]  # a council.Directorate
    return True
