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
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.types import AnyUser
from improvement_hub.notifications.emails import email_frequency
from improvement_hub.notifications.kinds import FOLLOWED_CHANGE, kind_get, kind_list_for_user
from improvement_hub.notifications.models import (
    BODY_MAX_LENGTH,
    SUBJECT_MAX_LENGTH,
    URL_MAX_LENGTH,
    EmailFrequency,
    KindSetting,
    Notification,
    NotificationPreference,
)
from improvement_hub.notifications.selectors import notification_unread_count_forget
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
    exclude: AnyUser | None = None,
    kind: str = FOLLOWED_CHANGE,
) -> list[Notification]:
    """Tells each active recipient once, never ``exclude``, as each has chosen for ``kind``
    (in the hub, by email, both or neither); refuses a url off this site or an unknown kind."""
    kind_get(kind)
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
    choices: dict[int, tuple[bool, bool]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        # Read from the database so a stale instance cannot bring back a deactivated person.
        found = (
            get_user_model()
            .objects.filter(pk__in=chunk, is_active=True)
            .select_related("notification_preference")
        )
        people.update((user.pk, user) for user in found)
        choices.update(
            (user_id, (in_hub, by_email))
            for user_id, in_hub, by_email in KindSetting.objects.filter(
                user_id__in=chunk, kind=kind
            ).values_list("user_id", "in_hub", "by_email")
        )
    ordered = [people[pk] for pk in wanted if pk in people and any(choices.get(pk, (True, True)))]

    created = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                subject=subject,
                body=body,
                url=url,
                kind=kind,
                in_hub=choices.get(user.pk, (True, True))[0],
                by_email=choices.get(user.pk, (True, True))[1],
            )
            for user in ordered
        ],
        batch_size=_CHUNK,
    )
    notification_unread_count_forget(n.recipient_id for n in created if n.in_hub)

    for notification, user in zip(created, ordered, strict=True):
        if (
            notification.by_email
            and user.email
            and email_frequency(user) == EmailFrequency.IMMEDIATE
        ):
            transaction.on_commit(
                partial(send_notification_email.enqueue, notification.pk), robust=True
            )
    return created


def notify_role(
    *, role: Role, subject: str, body: str, url: str, kind: str, exclude: AnyUser | None = None
) -> list[Notification]:
    """Tells every active person in ``role`` (such as the Hub Team of new work), as each
    has chosen for ``kind``; never ``exclude``."""
    members = get_user_model().objects.filter(is_active=True, groups__name=str(role)).distinct()
    return notify(
        recipients=members, subject=subject, body=body, url=url, exclude=exclude, kind=kind
    )


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
            notification_unread_count_forget([user.pk])
        notification.read_at = now
    return notification


@transaction.atomic
def notification_mark_all_read(*, user: AnyUser) -> int:
    """Marks all of ``user``'s unread notifications read; returns how many changed."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to see your notifications")
    notification_unread_count_forget([user.pk])
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preference_set(
    *,
    user: AnyUser,
    email_frequency: str,
    in_hub: Iterable[str] | None = None,
    by_email: Iterable[str] | None = None,
) -> NotificationPreference:
    """Saves how often ``user`` wants emails and, when given, which kinds they want in the
    hub and by email (every kind offered to them that is left out is switched off);
    refuses a choice that is not offered."""
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied("Sign in to change your email settings")
    if email_frequency not in EmailFrequency.values:
        raise ValidationError({"email_frequency": "Select how often you want emails"})
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_frequency": email_frequency}
    )
    if in_hub is not None or by_email is not None:
        _kinds_set(user=user, in_hub=set(in_hub or ()), by_email=set(by_email or ()))
    return preference


def _kinds_set(*, user: User, in_hub: set[str], by_email: set[str]) -> None:
    offered = [kind.key for kind in kind_list_for_user(user)]
    errors = {}
    if in_hub - set(offered):
        errors["in_hub"] = "Select only the kinds of notification listed"
    if by_email - set(offered):
        errors["by_email"] = "Select only the kinds of notification listed"
    if errors:
        raise ValidationError(errors)
    # Kinds not offered to this person (another role's) keep whatever they held.
    KindSetting.objects.filter(user=user, kind__in=offered).delete()
    KindSetting.objects.bulk_create(
        [
            KindSetting(user=user, kind=key, in_hub=key in in_hub, by_email=key in by_email)
            for key in offered
            if key not in in_hub or key not in by_email
        ]
    )
