"""The newsletter's background tasks: its emails (``newsletter_emails``) and the retention
rule for unconfirmed sign-ups, for a scheduler that queues tasks."""

from django_tasks import task

from improvement_hub.cms.newsletter_emails import (
    send_newsletter_batch,
    send_newsletter_confirmation,
)
from improvement_hub.cms.newsletter_services import subscribers_erase_unconfirmed

__all__ = [
    "erase_unconfirmed_newsletter_subscribers",
    "send_newsletter_batch",
    "send_newsletter_confirmation",
]


@task()
def erase_unconfirmed_newsletter_subscribers() -> int:
    """Deletes sign-ups never confirmed (``newsletter_services.subscribers_erase_unconfirmed``)."""
    return subscribers_erase_unconfirmed()
