"""allauth's signals that change what a person may do."""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.dispatch import receiver
from django.http import HttpRequest

from improvement_hub.accounts.services import user_email_verified


@receiver(email_confirmed, dispatch_uid="accounts_role_on_email_confirmed")
def grant_role_on_email_confirmed(
    sender: object, request: HttpRequest | None, email_address: EmailAddress, **kwargs: object
) -> None:
    """An address proves its domain only once confirmed: sign-up link, reset link or admin."""
    user_email_verified(user=email_address.user, email=email_address.email)
