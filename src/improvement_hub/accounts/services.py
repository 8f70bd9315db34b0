"""Writes about accounts: roles given to people as they join."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role


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
