"""Reads of notifications: each person sees only their own."""

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from improvement_hub.accounts.models import User
from improvement_hub.accounts.types import AnyUser
from improvement_hub.notifications.kinds import kind_list_for_user
from improvement_hub.notifications.models import (
    EmailFrequency,
    KindSetting,
    Notification,
    NotificationPreference,
)


def notification_list_for_user(
    *, user: AnyUser, kind: str = "", unread: bool = False
) -> QuerySet[Notification]:
    """``user``'s notifications shown in the hub, newest first, perhaps only one ``kind``
    or only the unread; nothing for someone signed out."""
    if not user.is_authenticated:
        return Notification.objects.none()
    notifications = Notification.objects.filter(recipient=user, in_hub=True)
    if kind:
        notifications = notifications.filter(kind=kind)
    if unread:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.order_by("-created_at", "-pk")


# The header shows the unread count on every signed-in page: kept in the cache per person,
# forgotten by every service that changes it (``notification_unread_count_forget``), and
# never older than this.
UNREAD_SECONDS = 60


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def notification_unread_count(*, user: AnyUser, kind: str = "") -> int:
    """How many of ``user``'s notifications (of ``kind``, if given) are unread, in one
    query (all kinds: from the cache while nothing changed them); 0 when signed out."""
    if not user.is_authenticated:
        return 0
    unread = notification_list_for_user(user=user, kind=kind, unread=True)
    if kind:
        return unread.count()
    count = cache.get_or_set(_unread_key(user.pk), unread.count, UNREAD_SECONDS)
    return unread.count() if count is None else int(count)


def notification_unread_count_forget(user_ids: Iterable[int]) -> None:
    """Forget these people's cached unread counts: now, and again when the transaction
    commits (a count read in between from what was there before is dropped too)."""
    keys = [_unread_key(pk) for pk in user_ids]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def notification_kind_choices(*, user: AnyUser) -> dict[str, set[str]]:
    """The keys of the kinds ``user`` has in the hub (``in_hub``) and by email
    (``by_email``): every kind offered to them unless they switched it off. One query."""
    offered = [kind.key for kind in kind_list_for_user(user)]
    chosen = {"in_hub": set(offered), "by_email": set(offered)}
    if not user.is_authenticated:
        return chosen
    for kind, in_hub, by_email in KindSetting.objects.filter(user=user).values_list(
        "kind", "in_hub", "by_email"
    ):
        if not in_hub:
            chosen["in_hub"].discard(kind)
        if not by_email:
            chosen["by_email"].discard(kind)
    return chosen


def notification_get_for_user(*, user: User, notification_id: int) -> Notification:
    """One of ``user``'s notifications; 404 for one that is missing or someone else's alike."""
    notification = notification_list_for_user(user=user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404("No such notification")
    return notification


def notification_preference_get(*, user: User) -> str:
    """How often ``user`` wants emails: straight away unless they have said otherwise."""
    frequency = (
        NotificationPreference.objects.filter(user=user)
        .values_list("email_frequency", flat=True)
        .first()
    )
    return frequency or EmailFrequency.IMMEDIATE
