"""Every read of the public results ("You said, we did") and their open data: published
initiatives only, through the initiatives selectors, with only what the public may see.

A result is a published initiative. Like Decidim's accountability module, each shows its
progress (milestones done of all), its stage, what it came from (public ideas and published
Lab challenges) and, here, its outcome measures as XmR charts with a plain-English summary.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from improvement_hub import spc
from improvement_hub.council import selectors as council
from improvement_hub.initiatives import charts
from improvement_hub.initiatives import selectors as initiatives
from improvement_hub.insights.results_filters import ResultFilterSet

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ATTRIBUTION = f"Contains public sector information licensed under the {LICENCE_NAME}."
PER_PAGE = 20

VARIATION_LABELS = {
    "common_cause": "No significant change",
    "special_cause_improvement": "Improving",
    "special_cause_concern": "Getting worse",
    "special_cause_neutral": "Changing",
}


def result_filter(*, params: Mapping[str, Any] | None) -> ResultFilterSet:
    """The results' filters bound to ``params`` (a request's GET); its ``qs`` is the
    published initiatives that match, newest change first. The page, the CSV and the JSON
    all filter with it."""
    data = params if isinstance(params, QueryDict) else None
    if data is None and params:
        data = QueryDict(mutable=True)
        data.update(params)
    return ResultFilterSet(data, queryset=initiatives.initiative_list_published())


@dataclass
class PublicMeasure:
    """A public measure of a result with its chart and plain-English summary."""

    measure: Any
    spc: spc.SpcResult | None
    chart: charts.XmrChart | None
    summary: str
    change: str  # what changed, in a sentence, or "" when nothing has yet
    variation: str
    latest: tuple[date, float] | None
    observations: list[tuple[date, float]]

    @property
    def chart_id(self) -> str:
        """Unique on a page with several charts (the chart's title and description)."""
        return f"chart-{self.measure.pk}"


def _public_measure(measure: Any) -> PublicMeasure:
    result = initiatives.measure_spc(measure)
    observations = [(o.on, o.value) for o in initiatives.measure_charted_observations(measure)]
    if result is None:
        return PublicMeasure(measure, None, None, "No data yet.", "", "", None, [])
    summary = result.summary(unit=measure.unit)
    improved = summary.startswith("Improved") or result.variation == "special_cause_improvement"
    markers = [(r.on, "rebase", f"Re-baselined: {r.reason}") for r in measure.rebases.all()]
    return PublicMeasure(
        measure=measure,
        spc=result,
        chart=charts.xmr_chart(result, markers=markers),
        summary=summary,
        change=summary.split(";")[0].rstrip(".") + "." if improved else "",
        variation=VARIATION_LABELS.get(result.variation, ""),
        latest=observations[-1] if observations else None,
        observations=observations,
    )


def _progress(done: int, total: int) -> int | None:
    return round(100 * done / total) if total else None


@dataclass
class Result:
    """A published initiative as the public sees it."""

    initiative: Any
    measures: list[PublicMeasure]
    milestones_done: list[Any]
    milestone_count: int
    ideas: list[Any]
    challenges: list[Any]
    pilots: list[Any]

    @property
    def progress(self) -> int | None:
        """Milestones done, as a percentage of all (None with no milestones)."""
        return _progress(len(self.milestones_done), self.milestone_count)

    @property
    def changes(self) -> list[tuple[str, str]]:
        """What changed for residents: each public measure that improved, in plain words."""
        return [(m.measure.name, m.change) for m in self.measures if m.change]

    @property
    def url(self) -> str:
        return result_url(self.initiative.pk)


def result_url(pk: int) -> str:
    return reverse("results:result_detail", kwargs={"pk": pk})


def _result(initiative: Any) -> Result:
    milestones = list(initiative.milestones.all())
    return Result(
        initiative=initiative,
        measures=[_public_measure(m) for m in initiative.public_measures],
        milestones_done=[m for m in milestones if m.done_on is not None],
        milestone_count=len(milestones),
        ideas=list(initiative.public_ideas),
        challenges=list(initiative.public_challenges),
        pilots=list(initiative.pilots.all()),
    )


def result_get(*, pk: int) -> Result:
    """One published initiative's result; 404 for a missing or unpublished one, whoever asks
    (staff see exactly what the public sees)."""
    return _result(initiatives.initiative_get_published(pk=pk))


def result_list_in_full(initiatives_qs: QuerySet[Any]) -> list[Result]:
    """Every result in ``initiatives_qs`` (published ones only) with its measures, milestones
    and sources, in a fixed number of queries."""
    return [_result(i) for i in initiatives.initiative_list_published_in_full(initiatives_qs)]


@dataclass
class PriorityFigures:
    """Aggregate figures of the published results of one council priority (or all)."""

    name: str
    slug: str
    results: int = 0
    milestones: int = 0
    milestones_done: int = 0
    measures: int = 0
    measures_improving: int = 0
    by_stage: dict[str, int] = field(default_factory=dict)

    @property
    def progress(self) -> int | None:
        return _progress(self.milestones_done, self.milestones)

    def count(self, result: Result) -> None:
        self.results += 1
        self.milestones += result.milestone_count
        self.milestones_done += len(result.milestones_done)
        self.measures += len(result.measures)
        self.measures_improving += sum(1 for m in result.measures if m.change)
        stage = result.initiative.get_stage_display()
        self.by_stage[stage] = self.by_stage.get(stage, 0) + 1


def result_figures(results: Iterable[Result]) -> tuple[list[PriorityFigures], PriorityFigures]:
    """The figures by council priority (a result counts once in each of its priorities), in
    the council's order, and for all results together."""
    by_priority = {p.pk: PriorityFigures(p.name, p.slug) for p in council.priority_list()}
    total = PriorityFigures("All priorities", "")
    for result in results:
        total.count(result)
        for priority in result.initiative.priorities.all():
            if priority.pk in by_priority:
                by_priority[priority.pk].count(result)
    return list(by_priority.values()), total


def priority_figures_for_page() -> tuple[list[PriorityFigures], PriorityFigures]:
    """The figures the results page shows above its list: every published result's, by
    council priority, whatever the filters."""
    published = initiatives.initiative_list_published()
    return result_figures(result_list_in_full(published))
