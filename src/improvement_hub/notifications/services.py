"""Writes about notifications: telling people, marking read, email settings, daily digests."""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator

from improvement_hub.notifications.models import (
    BODY_MAX_LENGTH,
    SUBJECT_MAX_LENGTH,
    URL_MAX_LENGTH,
    EmailFrequency,
    Notification,
    NotificationPreference,
)

logger = logging.getLogger(__name__)

# A digest lists at most this many items (the rest are counted and left to the app), and
# leaves out anything older than a week, so a long pause never sends a flood of stale news.
DIGEST_MAX_ITEMS = 50
DIGEST_MAX_AGE = timedelta(days=7)
_CHUNK = 500


def is_site_path(url: str) -> bool:
    """True for a path on this site such as ``/ideas/12/``; false for ``//host`` or a scheme."""
    return (
        url.startswith("/")
        and not url.startswith("//")
        and url_has_allowed_host_and_scheme(url, allowed_hosts=set())
    )


def _clean_subject(subject: str) -> str:
    # One line, so it can be an email subject (a newline there would be header injection).
    return Truncator(" ".join(str(subject).split())).chars(SUBJECT_MAX_LENGTH)


def _clean_body(body: str) -> str:
    return Truncator(str(body).strip()).chars(BODY_MAX_LENGTH)


def _frequency(user: AbstractUser) -> str:
    try:
        return user.notification_preference.email_frequency
    except NotificationPreference.DoesNotExist:
        return EmailFrequency.IMMEDIATE


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def notify(
    *,
    recipients: Iterable[AbstractUser],
    subject: str,
    body: str,
    url: str,
    exclude: AbstractUser | None = None,
) -> list[Notification]:
    """Tells each active recipient once, never ``exclude``; refuses a url off this site."""
    url = url.strip()
    if url and not is_site_path(url):
        raise ValueError(f"A notification's url must be a path on this site, not {url!r}")
    if len(url) > URL_MAX_LENGTH:
        raise ValueError(f"A notification's url must be {URL_MAX_LENGTH} characters or fewer")
    subject = _clean_subject(subject)
    if not subject:
        raise ValueError("A notification needs a subject")
    body = _clean_body(body)

    wanted = list(dict.fromkeys(u.pk for u in recipients if u is not None and u.pk is not None))
    if exclude is not None and exclude.pk in wanted:
        wanted.remove(exclude.pk)

    people: dict[int, AbstractUser] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        # Read from the database so a stale instance cannot bring back a deactivated person.
        found = (
            get_user_model()
            .objects.filter(pk__in=chunk, is_active=True)
            .select_related("notification_preference")
        )
        people.update((user.pk, user) for user in found)
    ordered = [people[pk] for pk in wanted if pk in people]

    created = Notification.objects.bulk_create(
        [Notification(recipient=user, subject=subject, body=body, url=url) for user in ordered],
        batch_size=_CHUNK,
    )

    # Imported here because tasks.py imports this module.
    from improvement_hub.notifications.tasks import send_notification_email

    for notification, user in zip(created, ordered, strict=True):
        if user.email and _frequency(user) == EmailFrequency.IMMEDIATE:
            transaction.on_commit(
                partial(send_notification_email.enqueue, notification.pk), robust=True
            )
    return created


def notification_email_send(*, notification_id: int) -> bool:
    """Emails one notification now; skips it if already emailed or no longer wanted now."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient", "recipient__notification_preference")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        recipient = notification.recipient
        # Daily readers get it in their digest; "never" means never.
        if not recipient.is_active or not recipient.email:
            return False
        if _frequency(recipient) != EmailFrequency.IMMEDIATE:
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


def notification_mark_read(*, user: AbstractUser, notification: Notification) -> Notification:
    """Marks one of ``user``'s notifications read; refuses anyone else's."""
    if not user.is_authenticated or notification.recipient_id != user.pk:
        raise PermissionDenied("This is not your notification")
    if notification.read_at is None:
        now = timezone.now()
        with transaction.atomic():
            Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
                read_at=now
            )
        notification.read_at = now
    return notification


@transaction.atomic
def notification_mark_all_read(*, user: AbstractUser) -> int:
    """Marks all of ``user``'s unread notifications read; returns how many changed."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to see your notifications")
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preference_set(*, user: AbstractUser, email_frequency: str) -> NotificationPreference:
    """Saves how often ``user`` wants emails; refuses a choice that is not offered."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to change your email settings")
    if email_frequency not in EmailFrequency.values:
        raise ValidationError({"email_frequency": "Select how often you want emails"})
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_frequency": email_frequency}
    )
    return preference
