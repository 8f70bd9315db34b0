"""The Hub Team's CSV and XLSX exports of a filtered idea list."""

from collections.abc import Iterable

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

from improvement_hub.core.spreadsheets import csv_response, xlsx_response
from improvement_hub.ideas.models import Idea

HEADERS = [
    "Number",
    "Title",
    "Status",
    "Submitted",
    "Supports",
    "Comments",
    "Priorities",
    "Directorate",
    "Service",
    "Scale",
    "Campaign",
    "Impact",
    "Effort",
    "Web address",
]
MAX_ROWS = 100_000


def _rows(ideas: Iterable[Idea]) -> Iterable[list[object]]:
    """One row per idea (made safe for spreadsheets by ``core.spreadsheets``); ``ideas``
    come from ``selectors.idea_list_for_export``, with their relations loaded."""
    for idea in ideas:
        yield [
            idea.pk,
            idea.title,
            idea.status.name,
            timezone.localtime(idea.submitted_at).strftime("%Y-%m-%d %H:%M")
            if idea.submitted_at
            else "",
            idea.support_count,
            idea.comment_count,
            "; ".join(p.name for p in idea.priorities.all()),
            idea.directorate.name if idea.directorate else "",
            idea.service.name if idea.service else "",
            idea.get_scale_display() if idea.scale else "",
            idea.campaign.title if idea.campaign else "",
            idea.impact or "",
            idea.effort or "",
            idea.get_absolute_url(),
        ]


def _filename(ext: str) -> str:
    return f"ideas-{timezone.localdate():%Y-%m-%d}.{ext}"


def ideas_csv(ideas: Iterable[Idea]) -> StreamingHttpResponse:
    return csv_response(filename=_filename("csv"), headers=HEADERS, rows=_rows(ideas))


def ideas_xlsx(ideas: Iterable[Idea]) -> HttpResponse:
    rows = _rows(ideas)
    return xlsx_response(filename=_filename("xlsx"), sheet="Ideas", headers=HEADERS, rows=rows)
