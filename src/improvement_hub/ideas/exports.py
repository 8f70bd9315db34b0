"""The Hub Team's CSV and XLSX exports of a filtered idea list."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from improvement_hub.core.spreadsheets import safe_cell as _safe
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
    """One row per idea; ``ideas`` come from ``selectors.idea_list_for_export``, with
    status, directorate, service, campaign and priorities loaded."""
    for idea in ideas:
        yield [
            idea.pk,
            _safe(idea.title),
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
            _safe(idea.campaign.title) if idea.campaign else "",
            idea.impact or "",
            idea.effort or "",
            idea.get_absolute_url(),
        ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _filename(ext: str) -> str:
    return f"ideas-{timezone.localdate():%Y-%m-%d}.{ext}"


def ideas_csv(ideas: Iterable[Idea]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    rows = (writer.writerow(row) for row in _with_header(_rows(ideas)))
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def _with_header(rows: Iterable[list[object]]) -> Iterable[list[object]]:
    yield ["\ufeff" + HEADERS[0], *HEADERS[1:]]  # a BOM so Excel reads UTF-8
    yield from rows


def ideas_xlsx(ideas: Iterable[Idea]) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ideas")
    sheet.append(HEADERS)
    for row in _rows(ideas):
        sheet.append(row)
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    workbook.save(response)
    return response
