from django_tasks import task

from improvement_hub.lab.services import retention_erase


@task()
def erase_expired_referral_data() -> int:
    """The retention rule, for a scheduler that queues tasks."""
    return retention_erase()
