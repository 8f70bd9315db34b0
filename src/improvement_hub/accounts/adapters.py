"""django-allauth adapters: how our accounts join, and how their email is sent."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.db import transaction

from improvement_hub.accounts.services import user_assign_initial_role
from improvement_hub.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):  # type: ignore[no-untyped-def]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user_assign_initial_role(user=user, via_staff_sso=False)
        return user

    def send_mail(self, template_prefix, email, context):  # type: ignore[no-untyped-def]
        """Renders the message now and sends it from the task worker after commit."""
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
    def save_user(self, request, sociallogin, form=None):  # type: ignore[no-untyped-def]
        user = super().save_user(request, sociallogin, form=form)
        user_assign_initial_role(user=user, via_staff_sso=True)
        return user
