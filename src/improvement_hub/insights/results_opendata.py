"""The public results as open data: CSV tables and one JSON document, under the Open
Government Licence. Built from the same reads as the pages (``results_selectors``), so they
hold exactly what the pages show and nothing internal."""

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from django.utils import timezone

from improvement_hub.insights.results_selectors import (
    ATTRIBUTION,
    LICENCE_NAME,
    LICENCE_URL,
    PriorityFigures,
    Result,
)

RESULT_HEADERS = [
    "Number",
    "Title",
    "Web address",
    "Summary",
    "Council priorities",
    "Scale of change",
    "Stage",
    "Starts",
    "Ends",
    "Milestones done",
    "Milestones",
    "Progress %",
    "Public measures",
    "Measures improving",
    "What changed",
    "What changed for residents, in words",
    "Ideas",
    "Lab challenges",
    "Last updated",
]
FIGURE_HEADERS = [
    "Council priority",
    "Priority code",
    "Results",
    "Milestones done",
    "Milestones",
    "Progress %",
    "Public measures",
    "Measures improving",
]
MEASURE_HEADERS = [
    "Result number",
    "Result title",
    "Measure",
    "Unit",
    "Better is",
    "Target",
    "Date",
    "Value",
]


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _absolute(base: str, path: str) -> str:
    return base.rstrip("/") + path


def result_rows(results: Iterable[Result], *, base: str) -> Iterator[list[object]]:
    """One row a result, in the order of ``RESULT_HEADERS``."""
    for r in results:
        i = r.initiative
        yield [
            i.pk,
            i.title,
            _absolute(base, r.url),
            i.public_summary,
            "; ".join(p.name for p in i.priorities.all()),
            i.get_scale_display(),
            i.get_stage_display(),
            _iso(i.starts_on),
            _iso(i.ends_on),
            len(r.milestones_done),
            r.milestone_count,
            "" if r.progress is None else r.progress,
            len(r.measures),
            len(r.changes),
            " ".join(f"{name}: {change}" for name, change in r.changes),
            i.resident_outcome,
            "; ".join(idea.title for idea in r.ideas),
            "; ".join(c.title for c in r.challenges),
            _iso(timezone.localdate(i.updated_at)),
        ]


def figure_rows(figures: Iterable[PriorityFigures]) -> Iterator[list[object]]:
    """One row a council priority (and one for all), in the order of ``FIGURE_HEADERS``."""
    for f in figures:
        yield [
            f.name,
            f.slug,
            f.results,
            f.milestones_done,
            f.milestones,
            "" if f.progress is None else f.progress,
            f.measures,
            f.measures_improving,
        ]


def measure_rows(results: Iterable[Result]) -> Iterator[list[object]]:
    """One row a value of each public measure, in the order of ``MEASURE_HEADERS``."""
    for r in results:
        for m in r.measures:
            measure = m.measure
            target = "" if m.spc is None or m.spc.target is None else m.spc.target
            for on, value in m.observations:
                yield [
                    r.initiative.pk,
                    r.initiative.title,
                    measure.name,
                    measure.unit,
                    measure.get_improvement_direction_display(),
                    target,
                    on.isoformat(),
                    value,
                ]


def _figures_json(f: PriorityFigures) -> dict[str, Any]:
    return {
        "priority": f.slug or None,
        "name": f.name,
        "results": f.results,
        "milestones_done": f.milestones_done,
        "milestones": f.milestones,
        "progress_percent": f.progress,
        "public_measures": f.measures,
        "measures_improving": f.measures_improving,
        "by_stage": f.by_stage,
    }


def _result_json(r: Result, *, base: str) -> dict[str, Any]:
    i = r.initiative
    return {
        "id": i.pk,
        "title": i.title,
        "url": _absolute(base, r.url),
        "summary": i.public_summary,
        "priorities": [p.slug for p in i.priorities.all()],
        "scale": i.scale,
        "stage": i.stage,
        "stage_label": i.get_stage_display(),
        "starts_on": _iso(i.starts_on) or None,
        "ends_on": _iso(i.ends_on) or None,
        "last_updated": _iso(timezone.localdate(i.updated_at)),
        "progress_percent": r.progress,
        "milestones": {
            "total": r.milestone_count,
            "done": [{"title": m.title, "done_on": _iso(m.done_on)} for m in r.milestones_done],
        },
        "pilots": [
            {"title": p.title, "starts_on": _iso(p.starts_on), "ends_on": _iso(p.ends_on)}
            for p in r.pilots
        ],
        "what_changed": [{"measure": name, "change": change} for name, change in r.changes],
        "what_changed_in_words": i.resident_outcome,
        "measures": [
            {
                "name": m.measure.name,
                "unit": m.measure.unit,
                "improvement_direction": m.measure.improvement_direction,
                "target": None if m.spc is None else m.spc.target,
                "variation": m.spc.variation if m.spc else None,
                "summary": m.summary,
                "observations": [{"on": on.isoformat(), "value": v} for on, v in m.observations],
            }
            for m in r.measures
        ],
        "sources": {
            "ideas": [
                {
                    "id": idea.pk,
                    "title": idea.title,
                    "url": _absolute(base, idea.get_absolute_url()),
                }
                for idea in r.ideas
            ],
            "challenges": [
                {"title": c.title, "url": _absolute(base, c.get_absolute_url())}
                for c in r.challenges
            ],
        },
    }


def licence_json() -> dict[str, str]:
    return {"name": LICENCE_NAME, "url": LICENCE_URL, "attribution": ATTRIBUTION}


def open_data_document(
    *,
    results: list[Result],
    figures: list[PriorityFigures],
    total: PriorityFigures,
    filters: dict[str, str],
    base: str,
) -> dict[str, Any]:
    """The JSON open data: licence, when it was made, the filters, figures and results."""
    return {
        "licence": licence_json(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "filters": {name: value or None for name, value in filters.items()},
        "figures": {
            "all": _figures_json(total),
            "by_priority": [_figures_json(f) for f in figures],
        },
        "results": [_result_json(r, base=base) for r in results],
    }
