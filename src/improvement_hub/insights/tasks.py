from django_tasks import task

from improvement_hub.insights.services import aggregates_refresh

__all__ = ["refresh_insights"]


@task()
def refresh_insights() -> int:
    """The dashboard's daily aggregates, for a scheduler that queues tasks."""
    return aggregates_refresh().rows
