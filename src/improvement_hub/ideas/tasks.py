"""Background work for the Ideas Forum."""

from django_tasks import task

from improvement_hub.ideas.services import ideas_refresh_trending


@task()
def refresh_trending() -> int:
    """Lets trending scores decay as time passes (run hourly)."""
    return ideas_refresh_trending()
