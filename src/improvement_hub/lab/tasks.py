from django_tasks import task

from improvement_hub.lab.services import referral_email_send, retention_erase


@task()
def erase_expired_referral_data() -> int:
    """The retention rule, for a scheduler that queues tasks."""
    return retention_erase()


@task()
def send_referral_email(referral_id: int, event_id: int | None = None) -> bool:
    """Emails the referrer: ids only in the task row; address and text are read now."""
    return referral_email_send(referral_id=referral_id, event_id=event_id)
