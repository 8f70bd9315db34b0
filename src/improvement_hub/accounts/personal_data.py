"""The account's own part of "download your data": who they are, their roles and addresses.

Never secrets: no password hash, no API token or its hash, no social login tokens.
"""

from datetime import datetime
from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from wagtail.models import APIToken

from improvement_hub.accounts.models import User
from improvement_hub.core.personal_data import personal_data_register


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def account_export(user: User) -> dict[str, Any]:
    """The person's account, roles, email addresses, single sign-on links and token names."""
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "joined": _when(user.date_joined),
        "last_signed_in": _when(user.last_login),
        "has_password": user.has_usable_password(),
        "roles": sorted(group.name for group in user.groups.all()),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "single_sign_on": [
            {
                "provider": account.provider,
                "joined": _when(account.date_joined),
                "last_signed_in": _when(account.last_login),
            }
            for account in SocialAccount.objects.filter(user=user).order_by("pk")
        ],
        "api_tokens": [
            {
                "name": token.name,
                "created": _when(token.created),
                "last_used": _when(token.last_used_at),
                "revoked": _when(token.revoked_at),
            }
            for token in APIToken.objects.filter(user=user).order_by("created", "pk")
        ],
    }


def register() -> None:
    # The account's own closure steps are in accounts.closure.account_close, which runs
    # every other app's steps first.
    personal_data_register(key="account", title="Your account", export=account_export, order=0)
