"""django-allauth adapters: how our accounts join, and how their email is sent."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest

from improvement_hub.accounts.models import User
from improvement_hub.accounts.services import user_assign_initial_role
from improvement_hub.core.client_ip import client_ip
from improvement_hub.core.tasks import send_email


@dataclass(frozen=True)
class EmailSite:
    """What allauth's emails call ``current_site``: our name and public address."""

    name: str
    domain: str


def email_site() -> EmailSite:
    """The site as the settings describe it (``SITE_NAME``, ``BASE_URL``), never the Host."""
    base = settings.WAGTAILADMIN_BASE_URL
    return EmailSite(name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(base).netloc or base)


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        """The same address our own rate limits use, so ``TRUSTED_PROXIES`` governs both."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def save_user(
        self, request: HttpRequest, user: User, form: forms.Form, commit: bool = True
    ) -> User:
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user_assign_initial_role(user=user, via_staff_sso=False)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Renders the message now and sends it from the task worker after commit."""
        # allauth's own send_mail adds these; without them emails read "Hello from !".
        context = {
            "request": allauth_context.request,
            "email": email,
            "current_site": email_site(),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mime in getattr(message, "alternatives", [])
                if mime == "text/html"
            ),
            None,
        )
        transaction.on_commit(
            lambda: send_email.enqueue(
                subject=message.subject,
                body=message.body,
                to=list(message.to),
                html=html,
                from_email=message.from_email,
            )
        )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def save_user(
        self, request: HttpRequest, sociallogin: SocialLogin, form: forms.Form | None = None
    ) -> User:
        user = super().save_user(request, sociallogin, form=form)
        user_assign_initial_role(user=user, via_staff_sso=True)
        return user
