"""Signals that change what a person may do: allauth's, and Django's for permissions."""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest

from improvement_hub.accounts.models import User
from improvement_hub.accounts.permission_version import permissions_changed
from improvement_hub.accounts.services import user_email_verified


@receiver(email_confirmed, dispatch_uid="accounts_role_on_email_confirmed")
def grant_role_on_email_confirmed(
    sender: object, request: HttpRequest | None, email_address: EmailAddress, **kwargs: object
) -> None:
    """An address proves its domain only once confirmed: sign-up link, reset link or admin."""
    user_email_verified(user=email_address.user, email=email_address.email)


def _permissions_changed(**kwargs: object) -> None:
    permissions_changed()


# What the permission cache (permission_version.py) follows: a person's groups or own permissions,
# a group's permissions, and groups and permissions themselves.
for _through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
    m2m_changed.connect(
        _permissions_changed, sender=_through, dispatch_uid=f"permissions-{_through.__name__}"
    )
for _model in (Group, Permission):
    for _signal in (post_save, post_delete):
        _signal.connect(
            _permissions_changed,
            sender=_model,
            dispatch_uid=f"permissions-{_model.__name__}-{id(_signal)}",
        )
