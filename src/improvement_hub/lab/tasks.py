from django_tasks import task

from improvement_hub.lab.asides import refresh_referral_asides
from improvement_hub.lab.emails import send_referral_email
from improvement_hub.lab.services import retention_erase

# Rows queued before the email task moved to emails.py name it here.
__all__ = ["erase_expired_referral_data", "refresh_referral_asides", "send_referral_email"]


@task()
def erase_expired_referral_data() -> int:
    """The retention rule, for a scheduler that queues tasks."""
    return retention_erase()
