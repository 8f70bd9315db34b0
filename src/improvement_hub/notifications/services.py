"""Writes about notifications: telling people, marking read, email settings. Sending the
emails is in ``emails.py``, which the tasks run."""

from collections.abc import Iterable
from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator

from improvement_hub.accounts.models import User
from improvement_hub.accounts.types import AnyUser
from improvement_hub.notifications.emails import email_frequency
from improvement_hub.notifications.models import (
    BODY_MAX_LENGTH,
    SUBJECT_MAX_LENGTH,
    URL_MAX_LENGTH,
    EmailFrequency,
    Notification,
    NotificationPreference,
)
from improvement_hub.notifications.tasks import send_notification_email

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


@transaction.atomic
def notify(
    *,
    recipients: Iterable[User | None],
    subject: str,
    body: str,
    url: str,
    exclude: User | None = None,
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

    people: dict[int, User] = {}
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

    for notification, user in zip(created, ordered, strict=True):
        if user.email and email_frequency(user) == EmailFrequency.IMMEDIATE:
            transaction.on_commit(
                partial(send_notification_email.enqueue, notification.pk), robust=True
            )
    return created


def notification_mark_read(*, user: AnyUser, notification: Notification) -> Notification:
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
def notification_mark_all_read(*, user: AnyUser) -> int:
    """Marks all of ``user``'s unread notifications read; returns how many changed."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to see your notifications")
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preference_set(*, user: AnyUser, email_frequency: str) -> NotificationPreference:
    """Saves how often ``user`` wants emails; refuses a choice that is not offered."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to change your email settings")
    if email_frequency not in EmailFrequency.values:
        raise ValidationError({"email_frequency": "Select how often you want emails"})
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_frequency": email_frequency}
    )
    return preference
