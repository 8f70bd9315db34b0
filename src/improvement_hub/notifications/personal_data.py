"""Notifications' part of "download your data" and "close your account"."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from improvement_hub.core.personal_data import personal_data_register
from improvement_hub.notifications.models import (
    EmailFrequency,
    KindSetting,
    Notification,
    NotificationPreference,
)
from improvement_hub.notifications.selectors import notification_unread_count_forget

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def notifications_export(user: User) -> dict[str, Any]:
    """The person's notifications and how often they want them by email."""
    preference = NotificationPreference.objects.filter(user=user).first()
    frequency = preference.email_frequency if preference else EmailFrequency.IMMEDIATE
    return {
        "email_settings": {
            "how_often": str(EmailFrequency(frequency).label),
            "kinds_changed": [
                {"kind": setting.kind, "in_the_hub": setting.in_hub, "by_email": setting.by_email}
                for setting in KindSetting.objects.filter(user=user).order_by("kind")
            ],
        },
        "notifications": [
            {
                "kind": notification.kind,
                "subject": notification.subject,
                "message": notification.body,
                "link": notification.url,
                "sent": _when(notification.created_at),
                "read": _when(notification.read_at),
                "emailed": _when(notification.emailed_at),
            }
            for notification in Notification.objects.filter(recipient=user).order_by(
                "created_at", "pk"
            )
        ],
    }


def notifications_close(user: User) -> None:
    """Deletes the person's notifications and email settings: nobody else reads them."""
    Notification.objects.filter(recipient=user).delete()
    notification_unread_count_forget([user.pk])
    NotificationPreference.objects.filter(user=user).delete()
    KindSetting.objects.filter(user=user).delete()


def register() -> None:
    personal_data_register(
        key="notifications",
        title="Notifications and email settings",
        export=notifications_export,
        close=notifications_close,
        order=10,
    )
