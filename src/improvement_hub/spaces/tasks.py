from django_tasks import task

from improvement_hub.spaces.emails import send_booking_email, send_registration_email
from improvement_hub.spaces.services import registration_retention_erase

__all__ = ["erase_expired_registrations", "send_booking_email", "send_registration_email"]


@task()
def erase_expired_registrations() -> int:
    """The retention rule, for a scheduler that queues tasks."""
    return registration_retention_erase()
