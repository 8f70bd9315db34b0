"""Closing your own account, and reading what the hub holds about you.

Closing keeps what the person wrote (ideas and comments stay, shown as "A former member")
but removes who they are: name, email addresses, password, single sign-on links, API
tokens and sessions. Erasing what they wrote as well is done by the Hub Team on request
(docs/hub-team-guide.md).
"""

import uuid
from typing import Any

from allauth.account.adapter import get_adapter
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
from improvement_hub.accounts.permissions import can_erase_contributions
from improvement_hub.core import page_cache
from improvement_hub.core.personal_data import (
    personal_data_close,
    personal_data_erase,
    personal_data_export,
)

# .invalid never resolves (RFC 2606), so nobody can ever confirm or receive mail there.
CLOSED_EMAIL_DOMAIN = "closed.invalid"
WRONG_PASSWORD = "The password is not correct"  # noqa: S105 - an error message, not a password
TOO_MANY_TRIES = "You have entered the wrong password too many times. Try again in 5 minutes"
SIGN_IN_AGAIN = "Sign in again to close your account"
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


class AccountAlreadyClosed(ValidationError):
    """Raised by :func:`account_close` for an account that is closed already."""


def account_may_close(*, user: User, recently_signed_in: bool) -> bool:
    """Whether ``user`` can prove it is them and close their account now: an account with a
    password asks for it; one without (single sign-on) needs a sign-in a few minutes ago."""
    return user.has_usable_password() or recently_signed_in


def _check_password(user: User, password: str) -> None:
    # Through allauth, so its limits on failed passwords count these tries too (it reads
    # the request from the context its middleware sets).
    try:
        correct = get_adapter().reauthenticate(user, password)
    except ValidationError as error:
        too_many = error.code == "too_many_login_attempts"
        message = TOO_MANY_TRIES if too_many else error.messages
        raise ValidationError({"password": message}) from error
    if not correct:
        raise ValidationError({"password": WRONG_PASSWORD})


def account_close_own(*, user: User, password: str, recently_signed_in: bool) -> User:
    """``user`` closes their own account, proving it is them first: with their password, or
    for an account without one, by having signed in a few minutes ago. Refuses a wrong
    password (allauth counts the tries) and a stale sign-in. An account closed meanwhile
    (in another tab) is simply returned."""
    if user.has_usable_password():
        _check_password(user, password)
    elif not recently_signed_in:
        raise ValidationError(SIGN_IN_AGAIN)
    try:
        return account_close(user=user)
    except AccountAlreadyClosed:
        return user


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
            raise AccountAlreadyClosed("This account is already closed")
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
        page_cache.bump_site()  # stored public pages may show the name
    return user


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
        page_cache.bump_site()  # stored public pages may show what was erased
    return erased
