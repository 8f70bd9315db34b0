"""Sending notification emails: one straight away, or a daily digest. The tasks in
``tasks.py`` run these; ``services.notify`` queues them, so this module imports neither."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from improvement_hub.notifications.models import (
    EmailFrequency,
    Notification,
    NotificationPreference,
)

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

logger = logging.getLogger(__name__)

# A digest lists at most this many items (the rest are counted and left to the app), and
# leaves out anything older than a week, so a long pause never sends a flood of stale news.
DIGEST_MAX_ITEMS = 50
DIGEST_MAX_AGE = timedelta(days=7)


def email_frequency(user: User) -> str:
    """How often ``user`` wants emails (its preference should be select_related)."""
    try:
        return user.notification_preference.email_frequency
    except NotificationPreference.DoesNotExist:
        return EmailFrequency.IMMEDIATE


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notification_email_send(*, notification_id: int) -> bool:
    """Emails one notification now; skips it if already emailed or no longer wanted now."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient", "recipient__notification_preference")
            .filter(pk=notification_id, emailed_at__isnull=True, by_email=True)
            .first()
        )
        if notification is None:
            return False
        recipient = notification.recipient
        # Daily readers get it in their digest; "never" means never.
        if not recipient.is_active or not recipient.email:
            return False
        if email_frequency(recipient) != EmailFrequency.IMMEDIATE:
            return False
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
        context = {
            "notification": notification,
            "link": _absolute(notification.url) if notification.url else "",
            "settings_link": _absolute(reverse("notifications:preferences")),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        # Sent inside the transaction: if the mail server refuses, emailed_at is rolled back.
        EmailMessage(
            subject=notification.subject,
            body=render_to_string("notifications/email/notification.txt", context),
            to=[recipient.email],
        ).send()
    return True


def digest_send_daily(*, now: datetime | None = None) -> int:
    """Sends each daily reader one email of what they have not been sent; returns the count."""
    now = now or timezone.now()
    since = now - DIGEST_MAX_AGE
    user_ids = (
        Notification.objects.filter(
            emailed_at__isnull=True,
            by_email=True,
            created_at__gt=since,
            created_at__lte=now,
            recipient__is_active=True,
            recipient__notification_preference__email_frequency=EmailFrequency.DAILY,
        )
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in list(user_ids):
        try:
            sent += _digest_send_one(user_id=user_id, now=now, since=since)
        except OSError:
            # smtplib's errors are OSErrors. This person's items stay unsent for tomorrow.
            logger.exception("Could not send the daily digest to user %s", user_id)
    return sent


@transaction.atomic
def _digest_send_one(*, user_id: int, now: datetime, since: datetime) -> int:
    pending = list(
        Notification.objects.select_for_update(of=("self",))
        .select_related("recipient")
        .filter(
            recipient_id=user_id,
            emailed_at__isnull=True,
            by_email=True,
            created_at__gt=since,
            created_at__lte=now,
        )
        .order_by("created_at", "pk")
    )
    if not pending or not pending[0].recipient.email:
        return 0
    recipient = pending[0].recipient
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=now)
    items = [
        {"notification": n, "link": _absolute(n.url) if n.url else ""}
        for n in pending[:DIGEST_MAX_ITEMS]
    ]
    context = {
        "items": items,
        "total": len(pending),
        "more": max(len(pending) - DIGEST_MAX_ITEMS, 0),
        "list_link": _absolute(reverse("notifications:notification_list")),
        "settings_link": _absolute(reverse("notifications:preferences")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = render_to_string("notifications/email/digest_subject.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string("notifications/email/digest.txt", context),
        to=[recipient.email],
    ).send()
    return 1
