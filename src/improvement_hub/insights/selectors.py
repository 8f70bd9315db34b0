"""The dashboard's reads: the precomputed aggregates for a period and a slice, as tables
with their chart, summary and freshness. Three or four queries whatever the data size."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum
from django.http import Http404
from django.utils import timezone

from improvement_hub.council.choices import ChangeScale
from improvement_hub.initiatives.models import Benefit
from improvement_hub.initiatives.models.choices import Rag, Stage
from improvement_hub.insights import metrics as m
from improvement_hub.insights.charts import BarChart, bar_chart
from improvement_hub.insights.models import AggregateRun, DailyFigure
from improvement_hub.insights.periods import Period
from improvement_hub.partnership.models import DeliverableStatus

Number = int | float | Decimal


@dataclass
class Table:
    """One figure of the dashboard: a table (downloadable), its chart and its summary."""

    slug: str
    title: str
    section: str
    headers: list[str]
    rows: list[list[object]]
    summary: str
    fresh: str
    chart: BarChart | None = None
    chart_title: str = ""

    def cells(self) -> list[list[str]]:
        """The rows as the page shows them: numbers grouped in thousands, "–" for none."""
        return [[_cell(value) for value in row] for row in self.rows]


@dataclass
class Dashboard:
    period: Period
    computed_at: dt.datetime | None
    snapshot_day: dt.date | None
    tables: list[Table] = field(default_factory=list)

    def sections(self) -> list[tuple[str, list[Table]]]:
        grouped: dict[str, list[Table]] = defaultdict(list)
        for table in self.tables:
            grouped[table.section].append(table)
        return list(grouped.items())

    def table(self, slug: str) -> Table:
        for table in self.tables:
            if table.slug == slug:
                return table
        raise Http404("No such table")


def _n(value: Number) -> str:
    return f"{int(value):,}" if value == int(value) else f"{float(value):,.1f}"


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return _n(value)
    return str(value)


def _money(value: Number) -> str:
    return f"£{value:,.0f}"


def _pct(part: Number, whole: Number) -> float | None:
    return round(100 * float(part) / float(whole), 1) if whole else None


def _pct_text(part: Number, whole: Number) -> str:
    share = _pct(part, whole)
    return "no" if share is None else f"{share:g}%"


def _int(value: Decimal | None) -> int | float:
    value = value or Decimal(0)
    return int(value) if value == int(value) else float(value)


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return "Not computed yet: run the refresh_insights command."
    local = timezone.localtime(moment)
    return f"Computed {local:%-d %B %Y} at {local:%H:%M}."


def _funnel(
    slug: str,
    title: str,
    section: str,
    steps: list[tuple[str, Number]],
    fresh: str,
    summary: str,
) -> Table:
    first = steps[0][1]
    rows: list[list[object]] = [
        [label, _int(Decimal(value)), _pct(value, first) if i else (100.0 if first else None)]
        for i, (label, value) in enumerate(steps)
    ]
    chart = bar_chart([(label, float(value), _n(value)) for label, value in steps])
    return Table(
        slug,
        title,
        section,
        ["Step", "Number", f"Per cent of {steps[0][0].lower()}"],
        rows,
        summary,
        fresh,
        chart,
        title,
    )


class _Figures:
    """The period's flow sums and the snapshot's values, looked up by name."""

    def __init__(
        self,
        flows: dict[str, Decimal],
        snapshot: dict[tuple[str, str, int], Decimal],
        priority: int,
    ) -> None:
        self.flows, self.snapshot, self.priority = flows, snapshot, priority

    def flow(self, metric: str) -> int | float:
        return _int(self.flows.get(metric))

    def snap(self, metric: str, key: str = "", priority: int | None = None) -> int | float:
        slice_priority = self.priority if priority is None else priority
        if metric in m.UNSLICED:
            slice_priority = 0
        return _int(self.snapshot.get((metric, key, slice_priority)))


def _pipeline(f: _Figures, fresh_flow: str, fresh_snap: str) -> list[Table]:
    section = "Pipeline"
    submitted, answered, forward = (
        f.flow(m.IDEAS_SUBMITTED),
        f.flow(m.IDEAS_ANSWERED),
        f.flow(m.IDEAS_TAKEN_FORWARD),
    )
    received, accepted, challenges = (
        f.flow(m.REFERRALS_RECEIVED),
        f.flow(m.REFERRALS_ACCEPTED),
        f.flow(m.CHALLENGES),
    )
    pilots, decided, adopted = (
        f.flow(m.PILOTS_STARTED),
        f.flow(m.PILOTS_DECIDED),
        f.flow(m.PILOTS_ADOPTED),
    )
    tables = [
        _funnel(
            "ideas-funnel",
            "Ideas: submitted, answered, taken forward",
            section,
            [("Ideas submitted", submitted), ("Answered", answered), ("Taken forward", forward)],
            fresh_flow,
            f"Of {_n(submitted)} ideas submitted in the period, {_n(answered)} "
            f"({_pct_text(answered, submitted)}) have had an answer and {_n(forward)} "
            f"({_pct_text(forward, submitted)}) were taken forward or made a quick win.",
        ),
        _funnel(
            "referrals-funnel",
            "Lab referrals: received, accepted, challenges",
            section,
            [
                ("Referrals received", received),
                ("Accepted into the Lab", accepted),
                ("Challenges formed", challenges),
            ],
            fresh_flow,
            f"Of {_n(received)} referrals received in the period, {_n(accepted)} "
            f"({_pct_text(accepted, received)}) were accepted into the Lab, forming "
            f"{_n(challenges)} challenges.",
        ),
        _funnel(
            "pilots-funnel",
            "Pilots: started, decided, adopted",
            section,
            [
                ("Pilots started", pilots),
                ("Go or no-go decided", decided),
                ("Adopted (go)", adopted),
            ],
            fresh_flow,
            f"Of {_n(pilots)} pilots starting in the period, {_n(decided)} have a go or "
            f"no-go decision and {_n(adopted)} were adopted.",
        ),
    ]
    stages = [(label, f.snap(m.INITIATIVES_STAGE, value)) for value, label in Stage.choices]
    stages = [row for row in stages if row[1]] or [("No initiatives", 0)]
    total = sum(value for _label, value in stages)
    busiest = max(stages, key=lambda row: row[1])
    tables.append(
        Table(
            "initiatives-stage",
            "Initiatives by stage",
            section,
            ["Stage", "Initiatives"],
            [[label, value] for label, value in stages],
            f"{_n(total)} initiatives in all"
            + (f"; the most are at ‘{busiest[0]}’ ({_n(busiest[1])})." if total else "."),
            fresh_snap,
            bar_chart([(label, value, _n(value)) for label, value in stages]),
            "Initiatives by stage",
        )
    )
    scales = [(label, f.snap(m.INITIATIVES_SCALE, value)) for value, label in ChangeScale.choices]
    tables.append(
        Table(
            "initiatives-scale",
            "Initiatives by scale of change",
            section,
            ["Scale of change", "Initiatives"],
            [[label, value] for label, value in scales],
            "From tweak to transformation: "
            + "; ".join(f"{label.lower()} {_n(value)}" for label, value in scales)
            + ".",
            fresh_snap,
            bar_chart([(label, value, _n(value)) for label, value in scales]),
            "Initiatives by scale of change",
        )
    )
    return tables


CYCLE_LABELS = {
    m.IDEA_ANSWER: "Idea submitted to first answer",
    m.REFERRAL_ACKNOWLEDGE: "Referral received to acknowledged",
    m.REFERRAL_DECIDE: "Referral received to decided",
}


def _cycles(f: _Figures, fresh: str) -> list[Table]:
    targets = m.cycle_targets()
    rows: list[list[object]] = []
    bars = []
    sentences = []
    for cycle, label in CYCLE_LABELS.items():
        done, within = f.flow(f"{cycle}.done"), f.flow(f"{cycle}.within")
        days = f.flow(f"{cycle}.days")
        share = _pct(within, done)
        mean = round(days / done, 1) if done else None
        rows.append([label, targets[cycle], done, within, share, mean])
        bars.append((label, share or 0.0, "none done" if share is None else f"{share:g}%"))
        if done:
            sentences.append(
                f"{label.lower()}: {share:g}% of {_n(done)} within {targets[cycle]} working "
                f"days (average {mean:g})"
            )
    summary = (
        ("; ".join(sentences).capitalize() + ".")
        if sentences
        else ("Nothing in the period has reached these steps yet.")
    )
    return [
        Table(
            "cycle-times",
            "Cycle times against working-day targets",
            "Cycle times",
            [
                "Step",
                "Target (working days)",
                "Done",
                "Within target",
                "Per cent within target",
                "Average working days",
            ],
            rows,
            summary,
            fresh,
            bar_chart(bars),
            "Per cent within target",
        )
    ]


RAG_LABELS = [
    (Rag.GREEN.value, "Green"),
    (Rag.AMBER.value, "Amber"),
    (Rag.RED.value, "Red"),
    (m.NO_RATING, "No rating yet"),
]


def _portfolio(f: _Figures, fresh: str, priorities: dict[int, str]) -> list[Table]:
    section = "Portfolio"
    rag = [(label, f.snap(m.RAG, key)) for key, label in RAG_LABELS]
    open_total = sum(value for _l, value in rag)
    slipping, affected = f.snap(m.MILESTONES_SLIPPING), f.snap(m.INITIATIVES_SLIPPING)
    tables = [
        Table(
            "rag",
            "Portfolio RAG roll-up",
            section,
            ["Latest rating", "Initiatives"],
            [[label, value] for label, value in rag],
            f"Of {_n(open_total)} open initiatives, {_n(rag[0][1])} are green, "
            f"{_n(rag[1][1])} amber and {_n(rag[2][1])} red; {_n(rag[3][1])} have no rating "
            "yet.",
            fresh,
            bar_chart([(label, value, _n(value)) for label, value in rag]),
            "Initiatives by latest RAG rating",
        ),
        Table(
            "milestones",
            "Milestones slipping",
            section,
            ["Figure", "Number"],
            [
                ["Milestones past their date and not done", slipping],
                ["Open initiatives with a slipping milestone", affected],
            ],
            f"{_n(slipping)} milestones are past their date and not done, across "
            f"{_n(affected)} open initiatives.",
            fresh,
        ),
    ]
    kinds = list(Benefit.Kind.choices)
    columns = ("planned", "forecast", "realised")
    headers = ["Priority"] + [
        f"{label.split(' (')[0]}: {column}" for _k, label in kinds for column in columns
    ]
    scope = {f.priority: priorities.get(f.priority, "")} if f.priority else priorities
    rows: list[list[object]] = []
    figures: list[int | float] = []
    for pk, name in [*scope.items(), *([(0, "All priorities")] if not f.priority else [])]:
        figures = [
            f.snap(m.BENEFITS, f"{kind}.{column}", pk) for kind, _l in kinds for column in columns
        ]
        rows.append([name, *figures])
    whole = figures  # the last row's figures: every priority's, or the one chosen
    tables.append(
        Table(
            "benefits",
            "Benefits planned, forecast and realised by priority",
            section,
            headers,
            rows,
            f"Cashable savings: {_money(whole[0])} planned, {_money(whole[1])} forecast, "
            f"{_money(whole[2])} realised; non-cashable benefits: {_money(whole[3])} planned, "
            f"{_money(whole[5])} realised; staff hours released: {_n(whole[6])} planned, "
            f"{_n(whole[8])} realised. An initiative with several priorities counts under each.",
            fresh,
            bar_chart(
                [
                    (f"Cashable {c}", float(whole[i]), _money(whole[i]))
                    for i, c in enumerate(columns)
                ]
            ),
            "Cashable savings (£)",
        )
    )
    return tables


VARIATION_LABELS = [
    ("improvement", "Special cause: improvement"),
    ("concern", "Special cause: concern"),
    ("neutral", "Special cause: neither better nor worse"),
    ("no_change", "No change (common cause)"),
    ("no_data", "No data yet"),
]
ASSURANCE_LABELS = [
    ("pass", "Will consistently meet the target"),
    ("hit_and_miss", "Will hit and miss the target"),
    ("fail", "Will consistently miss the target"),
    (m.NO_TARGET, "No target or no limits yet"),
]


def _measures(f: _Figures, fresh: str) -> list[Table]:
    variation = [(label, f.snap(m.MEASURES_VARIATION, key)) for key, label in VARIATION_LABELS]
    assurance = [(label, f.snap(m.MEASURES_ASSURANCE, key)) for key, label in ASSURANCE_LABELS]
    total = sum(value for _l, value in variation)
    return [
        Table(
            "measures-variation",
            "Measures: special-cause variation",
            "Measures",
            ["Variation", "Measures"],
            [[label, value] for label, value in variation],
            f"Of {_n(total)} measures, {_n(variation[0][1])} show special-cause improvement, "
            f"{_n(variation[1][1])} special-cause concern and {_n(variation[3][1])} no change.",
            fresh,
            bar_chart([(label, value, _n(value)) for label, value in variation]),
            "Measures by variation",
        ),
        Table(
            "measures-assurance",
            "Measures: assurance against targets",
            "Measures",
            ["Assurance", "Measures"],
            [[label, value] for label, value in assurance],
            f"{_n(assurance[0][1])} measures will consistently meet their target, "
            f"{_n(assurance[1][1])} will hit and miss it and {_n(assurance[2][1])} will "
            "consistently miss it.",
            fresh,
            bar_chart([(label, value, _n(value)) for label, value in assurance]),
            "Measures by assurance",
        ),
    ]


def _academy(
    f: _Figures, fresh: str, directorates: dict[int, str], directorate: int
) -> list[Table]:
    section = "Academy, spaces and contract"
    names = {0: "No directorate recorded", **directorates}
    by_directorate = [
        (names.get(pk, ""), f.snap(m.ACADEMY_TRAINED_BY_DIRECTORATE, str(pk)))
        for pk in [*directorates, 0]
        if not directorate or pk == directorate
    ]
    trained = sum(value for _l, value in by_directorate)
    started, finished = f.snap(m.AMBASSADORS, "started"), f.snap(m.AMBASSADORS, "finished")
    ready, at_risk = f.snap(m.PILOT_TRAINING, "ready"), f.snap(m.PILOT_TRAINING, "at_risk")
    return [
        Table(
            "academy-trained",
            "Staff trained per directorate",
            section,
            ["Directorate", "Staff with a certificate"],
            [[label, value] for label, value in by_directorate],
            f"{_n(trained)} staff hold at least one Change Academy certificate.",
            fresh,
            bar_chart([(label, value, _n(value)) for label, value in by_directorate]),
            "Staff trained per directorate",
        ),
        Table(
            "academy-readiness",
            "Ambassadors and pilot training readiness",
            section,
            ["Figure", "Number"],
            [
                ["People on the ambassador pathway", started],
                ["Ambassadors who finished the pathway", finished],
                ["Pilots whose training is on track", ready],
                ["Pilots whose training is at risk", at_risk],
            ],
            f"{_n(started)} people are on the ambassador pathway and {_n(finished)} have "
            f"finished it; of {_n(ready + at_risk)} pilots with training needs, "
            f"{_n(at_risk)} at risk of starting without it.",
            fresh,
        ),
    ]


def _spaces_and_contract(f: _Figures, fresh: str) -> list[Table]:
    section = "Academy, spaces and contract"
    providers = sorted({key for (metric, key, _p) in f.snapshot if metric == m.SPACE_OPEN})
    spaces: list[tuple[str, int | float, int | float, float | None]] = []
    for provider in providers:
        opened, booked = f.snap(m.SPACE_OPEN, provider), f.snap(m.SPACE_BOOKED, provider)
        spaces.append((provider, opened, booked, _pct(booked, opened)))
    rows: list[list[object]] = [list(space) for space in spaces]
    opened = sum(float(space_opened) for _p, space_opened, _b, _s in spaces)
    booked = sum(float(space_booked) for _p, _o, space_booked, _s in spaces)
    statuses = [(label, f.snap(m.DELIVERABLES, key)) for key, label in DeliverableStatus.choices]
    deliverables = sum(value for _l, value in statuses)
    deliverable_rows: list[list[object]] = [
        [f"Deliverables: {label.lower()}", count] for label, count in statuses
    ]
    accepted = f.snap(m.DELIVERABLES, DeliverableStatus.ACCEPTED)
    value, paid = f.snap(m.CONTRACT_SPEND, "value"), f.snap(m.CONTRACT_SPEND, "paid")
    approved = f.snap(m.CONTRACT_SPEND, "approved")
    return [
        Table(
            "spaces",
            "Space utilisation (last 13 weeks)",
            section,
            ["Provider", "Hours open", "Hours booked", "Per cent used"],
            rows,
            (
                f"The spaces were booked for {_n(booked)} of {_n(opened)} open hours "
                f"({_pct_text(booked, opened)})."
            )
            if rows
            else "No spaces are recorded.",
            fresh,
            bar_chart(
                [
                    (provider, share or 0.0, f"{share or 0:g}% used")
                    for provider, _o, _b, share in spaces
                ]
            )
            if rows
            else None,
            "Per cent of open hours booked",
        ),
        Table(
            "contract",
            "Contract delivery",
            section,
            ["Figure", "Value"],
            [
                *deliverable_rows,
                ["Contract value (£)", value],
                ["Paid to date (£)", paid],
                ["Approved, not yet paid (£)", approved],
            ],
            f"{_n(accepted)} of {_n(deliverables)} deliverables accepted; {_money(paid)} paid "
            f"of {_money(value)} ({_pct_text(paid, value)}).",
            fresh,
            bar_chart([(label, value, _n(value)) for label, value in statuses]),
            "Deliverables by status",
        ),
    ]


def _runs(end: dt.date) -> tuple[AggregateRun | None, AggregateRun | None]:
    """(the latest refresh, the refresh whose snapshot describes the period's end)."""
    latest = AggregateRun.objects.order_by("-finished_at").first()
    if latest is None or latest.day <= end:
        return latest, latest
    snapshot = (
        AggregateRun.objects.filter(day__lte=end).order_by("-day", "-finished_at").first()
        or AggregateRun.objects.order_by("day", "finished_at").first()
    )
    return latest, snapshot


def dashboard(
    *,
    period: Period,
    priority: int,
    directorate: int,
    priorities: dict[int, str],
    directorates: dict[int, str],
) -> Dashboard:
    """Every figure for the period and slice (priority and directorate ids, 0 for all),
    from the aggregates; three queries, or four for a period that ended before the latest
    refresh."""
    latest, snap_run = _runs(period.end)
    flows = {
        row["metric"]: row["total"]
        for row in DailyFigure.objects.filter(
            metric__in=m.FLOW_METRICS,
            priority_id=priority,
            directorate_id=directorate,
            day__gte=period.start,
            day__lte=period.end,
        )
        .values("metric")
        .annotate(total=Sum("value"))
        .order_by()
    }
    snapshot: dict[tuple[str, str, int], Decimal] = {}
    if snap_run is not None:
        rows = (
            DailyFigure.objects.filter(day=snap_run.day)
            .filter(
                Q(directorate_id=directorate)
                | Q(metric__in=m.UNSLICED, priority_id=0, directorate_id=0)
            )
            .values_list("metric", "key", "priority_id", "value")
        )
        for metric, key, priority_id, value in rows:
            if metric in m.UNSLICED or metric == m.BENEFITS or priority_id == priority:
                snapshot[(metric, key, priority_id)] = value
    figures = _Figures(flows, snapshot, priority)
    fresh_flow = _when(latest.finished_at if latest else None)
    fresh_snap = (
        f"As at {snap_run.day:%-d %B %Y}. {_when(snap_run.finished_at)}" if snap_run else fresh_flow
    )
    result = Dashboard(
        period, latest.finished_at if latest else None, snap_run.day if snap_run else None
    )
    result.tables = [
        *_pipeline(figures, fresh_flow, fresh_snap),
        *_cycles(figures, fresh_flow),
        *_portfolio(figures, fresh_snap, priorities),
        *_measures(figures, fresh_snap),
        *_academy(figures, fresh_snap, directorates, directorate),
        *_spaces_and_contract(figures, fresh_snap),
    ]
    return result
