"""Background work for notifications: one email each, and the daily digests."""

from django_tasks import task

from improvement_hub.notifications import emails


@task()
def send_notification_email(notification_id: int) -> bool:
    """Emails one notification unless it was emailed already or is no longer wanted now."""
    return emails.notification_email_send(notification_id=notification_id)


@task()
def send_daily_digests() -> int:
    """Sends the daily digest emails; returns how many were sent."""
    return emails.digest_send_daily()
