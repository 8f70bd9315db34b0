"""Closing your own account, and reading what the hub holds about you.

Closing keeps what the person wrote (ideas and comments stay, shown as "A former member")
but removes who they are: name, email addresses, password, single sign-on links, API
tokens and sessions. Erasing what they wrote as well is done by the Hub Team on request
(docs/hub-team-guide.md).
"""

import uuid
from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import APIToken
from wagtail.users.models import UserProfile

from improvement_hub.accounts.models import User
from improvement_hub.accounts.permissions import is_hub_team
from improvement_hub.core.personal_data import (
    personal_data_close,
    personal_data_erase,
    personal_data_export,
)

# .invalid never resolves (RFC 2606), so nobody can ever confirm or receive mail there.
CLOSED_EMAIL_DOMAIN = "closed.invalid"
DB_SESSION_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}


def account_data_export(*, user: User) -> dict[str, Any]:
    """Everything the hub holds about ``user``, from every app, as JSON-ready data."""
    return {
        "about": (
            "Everything the Improvement Hub holds about you and your account. "
            "What you wrote about other people's ideas is here; their personal data is not."
        ),
        "exported_at": timezone.now().isoformat(),
        **personal_data_export(user=user),
    }


def _delete_sessions(user: User) -> None:
    # Changing the password hash already ends every other session; deleting the rows also
    # removes what they remember about the person (such as the address they signed in with).
    if settings.SESSION_ENGINE not in DB_SESSION_ENGINES:
        return
    user_id = str(user.pk)
    stale = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(pk__in=stale).delete()


def _delete_admin_profile(user: User) -> None:
    # The admin's own profile: avatar picture and notification choices.
    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return
    if profile.avatar:
        avatar = profile.avatar
        transaction.on_commit(lambda: avatar.delete(save=False))
    profile.delete()


def account_close(*, user: User) -> User:
    """Closes ``user``'s account, in one transaction; refuses one that is already closed.

    Every app's closure step runs first (they drop follows, drafts, notifications...),
    then the account loses its name, email addresses, password, roles, single sign-on
    links, API tokens and sessions, and can no longer sign in. Its email address is free
    to join again.
    """
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.closed_at is not None:
            raise ValidationError("This account is already closed")
        personal_data_close(user=user)
        EmailAddress.objects.filter(user=user).delete()
        SocialAccount.objects.filter(user=user).delete()  # its tokens go with it
        APIToken.objects.filter(user=user).delete()
        _delete_admin_profile(user)
        user.groups.clear()
        user.user_permissions.clear()
        user.first_name = ""
        user.last_name = ""
        user.email = f"closed-{uuid.uuid4().hex}@{CLOSED_EMAIL_DOMAIN}"
        user.set_unusable_password()
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.closed_at = timezone.now()
        user.save()
        _delete_sessions(user)
    return user


def can_erase_contributions(user) -> bool:  # type: ignore[no-untyped-def]
    """The Hub Team (and superusers) handle erasure requests."""
    return is_hub_team(user)


def account_erase(*, actor: User, user: User) -> int:
    """On the person's request: erases what they wrote and closes their account if it is
    still open; returns how many items were erased. Refuses anyone but the Hub Team, and
    erasing one's own account this way."""
    if not can_erase_contributions(actor):
        raise PermissionDenied("Only the Improvement Hub Team can erase an account")
    if actor.pk == user.pk:
        raise ValidationError("You cannot erase your own account here: close it instead")
    with transaction.atomic():
        erased = personal_data_erase(user=user)
        if user.closed_at is None:
            account_close(user=user)
    return erased
