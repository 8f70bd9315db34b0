"""Reads of notifications: each person sees only their own."""

from django.db.models import QuerySet
from django.http import Http404

from improvement_hub.accounts.models import User
from improvement_hub.accounts.types import AnyUser
from improvement_hub.notifications.models import (
    EmailFrequency,
    Notification,
    NotificationPreference,
)


def notification_list_for_user(*, user: AnyUser) -> QuerySet[Notification]:
    """``user``'s notifications, newest first; nothing for someone signed out."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_unread_count(*, user: AnyUser) -> int:
    """How many of ``user``'s notifications are unread, in one query; 0 when signed out."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


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
