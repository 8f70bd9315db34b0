"""Notifications' part of "download your data" and "close your account"."""

from typing import Any

from improvement_hub.core.personal_data import personal_data_register
from improvement_hub.notifications.models import (
    EmailFrequency,
    Notification,
    NotificationPreference,
)


def _when(moment) -> str | None:  # type: ignore[no-untyped-def]
    return moment.isoformat() if moment else None


def notifications_export(user) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The person's notifications and how often they want them by email."""
    preference = NotificationPreference.objects.filter(user=user).first()
    frequency = preference.email_frequency if preference else EmailFrequency.IMMEDIATE
    return {
        "email_settings": {
            "how_often": str(EmailFrequency(frequency).label),
        },
        "notifications": [
            {
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


def notifications_close(user) -> None:  # type: ignore[no-untyped-def]
    """Deletes the person's notifications and email settings: nobody else reads them."""
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()


def register() -> None:
    personal_data_register(
        key="notifications",
        title="Notifications and email settings",
        export=notifications_export,
        close=notifications_close,
        order=10,
    )
