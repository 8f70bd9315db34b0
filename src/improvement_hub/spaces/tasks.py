from django_tasks import task

from improvement_hub.spaces.emails import send_booking_email, send_registration_email
from improvement_hub.spaces.services import registration_retention_erase, reminders_send

__all__ = [
    "erase_expired_registrations",
    "send_space_reminders",
    "send_booking_email",
    "send_registration_email",
]


@task()
def erase_expired_registrations() -> int:
    """The retention rule, for a scheduler that queues tasks."""
    return registration_retention_erase()


@task()
def send_space_reminders() -> int:
    """The daily reminders (bookings and event places), for a scheduler that queues tasks."""
    return reminders_send()
