"""Template context every page needs."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "HUB_PHASE": settings.HUB_PHASE,
        "HUB_FEEDBACK_URL": settings.HUB_FEEDBACK_URL,
    }
