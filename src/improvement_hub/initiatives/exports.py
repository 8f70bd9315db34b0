"""CSV and XLSX downloads of the filtered portfolio."""

from collections.abc import Iterator

from django.db.models import Count, Q, QuerySet, Sum
from django.http.response import HttpResponseBase
from django.utils import timezone

from improvement_hub.core.spreadsheets import csv_response, xlsx_response
from improvement_hub.initiatives.models import Initiative

HEADERS = [
    "Number",
    "Title",
    "Scale",
    "Strand",
    "Method",
    "Stage",
    "RAG",
    "Published",
    "Priorities",
    "Directorates",
    "Services",
    "Start",
    "End",
    "Pilots",
    "Measures",
    "Planned cashable £",
    "Realised cashable £",
    "Web address",
]
MAX_ROWS = 20_000


def _rows(initiatives: QuerySet[Initiative]) -> Iterator[list[object]]:
    initiatives = initiatives.annotate(
        pilot_count=Count("pilots", distinct=True),
        measure_count=Count("measures", distinct=True),
        planned_cash=Sum("benefits__planned", filter=Q(benefits__kind="cashable")),
        realised_cash=Sum("benefits__realised", filter=Q(benefits__kind="cashable")),
    )[:MAX_ROWS]
    for i in initiatives:
        yield [
            i.pk,
            i.title,
            i.get_scale_display(),
            i.get_strand_display(),
            i.get_method_display(),
            i.get_stage_display(),
            (getattr(i, "latest_rag", None) or "").title(),
            "Yes" if i.is_published else "No",
            "; ".join(p.name for p in i.priorities.all()),
            "; ".join(d.name for d in i.directorates.all()),
            "; ".join(s.name for s in i.services.all()),
            i.starts_on.isoformat() if i.starts_on else "",
            i.ends_on.isoformat() if i.ends_on else "",
            i.pilot_count,
            i.measure_count,
            float(i.planned_cash or 0),
            float(i.realised_cash or 0),
            i.get_absolute_url(),
        ]


def initiatives_export(initiatives: QuerySet[Initiative], *, fmt: str) -> HttpResponseBase:
    filename = f"initiatives-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        return csv_response(filename=filename, headers=HEADERS, rows=_rows(initiatives))
    return xlsx_response(
        filename=filename, sheet="Initiatives", headers=HEADERS, rows=_rows(initiatives)
    )
