"""Emails to referrers, sent by the task worker (a task row holds ids only: the address,
links and message are read when it runs, so no queued or finished row holds personal data).

Services queue ``send_referral_email``; nothing here imports the services, so the Lab's
modules import one another without a cycle (the acyclic contract in pyproject.toml).
"""

import base64

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django_tasks import task

from improvement_hub.lab.models import DECISIONS, Referral

CONFIRM_SALT = "lab.referral.confirm-email"
TRACKING_SALT = "lab.referral.tracking"


def tracking_token_make(referral: Referral) -> str:
    """The referrer's secret tracking token, remade from the referral's nonce and the
    SECRET_KEY; only its hash is kept to check it. Empty once the nonce is erased."""
    if not referral.tracking_nonce:
        return ""
    digest = salted_hmac(
        TRACKING_SALT, f"{referral.pk}:{referral.tracking_nonce}", algorithm="sha256"
    ).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def confirm_token_make(referral: Referral) -> str:
    return signing.dumps({"r": referral.pk, "e": referral.email}, salt=CONFIRM_SALT)


def site_url(path: str) -> str:
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path


def tracking_url(referral: Referral, tracking: str) -> str:
    path = reverse("lab:track", kwargs={"reference": referral.reference})
    return site_url(path) + f"?token={tracking}"


def referral_email_send(*, referral_id: int, event_id: int | None = None) -> bool:
    """Sends the confirmation email (no event) or a decision's message to the referrer, as
    they are now; nothing once their contact details are erased."""
    referral = Referral.objects.filter(pk=referral_id).first()
    if referral is None or not referral.email or referral.personal_data_erased_at:
        return False
    if event_id is None:
        tracking = tracking_token_make(referral)
        if not tracking:
            return False
        subject = f"Confirm your email address – referral {referral.reference}"
        context = {
            "referral": referral,
            "confirm_url": site_url(
                reverse("lab:confirm_email", kwargs={"token": confirm_token_make(referral)})
            ),
            "tracking_url": tracking_url(referral, tracking),
        }
        body = render_to_string("lab/emails/confirm.txt", context)
    else:
        event = referral.events.filter(pk=event_id).first()
        if event is None or not event.message or not referral.email_confirmed_at:
            return False
        referral.status = DECISIONS.get(event.kind, referral.status)  # as at the decision
        subject = f"Update on your referral {referral.reference}"
        body = render_to_string(
            "lab/emails/update.txt", {"referral": referral, "message": event.message}
        )
    return bool(EmailMultiAlternatives(subject=subject, body=body, to=[referral.email]).send())


@task()
def send_referral_email(referral_id: int, event_id: int | None = None) -> bool:
    """Emails the referrer: ids only in the task row; address and text are read now."""
    return referral_email_send(referral_id=referral_id, event_id=event_id)
