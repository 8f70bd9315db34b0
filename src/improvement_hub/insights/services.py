"""The one write of the insights: recompute the daily aggregates the dashboard reads.

Every figure is counted here, from the other apps' records (through their selectors where
they have one for it), into ``DailyFigure`` rows. Each item counts once in every slice it
belongs to: the slice of all priorities and all directorates (0, 0), the slice of each of
its priorities, of each of its directorates, and of each pair. Summing a slice's rows over
a period therefore counts an idea with two priorities once under "all" and once under each.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone

from improvement_hub.insights import metrics as m
from improvement_hub.insights.models import AggregateRun, DailyFigure
from improvement_hub.workdays import DEFAULT_CALENDAR

Slices = tuple[frozenset[int], frozenset[int]]  # (priority ids, directorate ids), 0 included
ALL: Slices = (frozenset({0}), frozenset({0}))
TAKEN_FORWARD = ("taken-forward", "quick-win")
# Two refreshes at once (a queued task and the command) take turns on PostgreSQL, so the
# second replaces the first's rows instead of colliding with them; SQLite allows one
# writer at a time anyway.
REFRESH_LOCK = 0x1_5197_4713


class _Tally:
    """Sums of (day, metric, key, priority, directorate) -> value, added once per slice."""

    def __init__(self) -> None:
        self.values: defaultdict[tuple[dt.date, str, str, int, int], Decimal] = defaultdict(Decimal)

    def add(
        self,
        day: dt.date,
        metric: str,
        value: float | Decimal = 1,
        *,
        key: str = "",
        slices: Slices = ALL,
    ) -> None:
        priorities, directorates = slices
        for priority in priorities:
            for directorate in directorates:
                self.values[(day, metric, key, priority, directorate)] += Decimal(value)

    def rows(self) -> Iterable[DailyFigure]:
        for (day, metric, key, priority, directorate), value in self.values.items():
            yield DailyFigure(
                day=day,
                metric=metric,
                key=key,
                priority_id=priority,
                directorate_id=directorate,
                value=round(Decimal(value), 2),
            )


def _slices(priorities: Iterable[int], directorates: Iterable[int]) -> Slices:
    return frozenset({0, *priorities}), frozenset({0, *directorates})


def _local_day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def _cycle(
    tally: _Tally,
    prefix: str,
    day: dt.date,
    received: dt.datetime,
    done: dt.datetime,
    target: int,
    slices: Slices,
) -> None:
    """One completed step: counted, within its working-day target or not, days taken."""
    finished = _local_day(done)
    try:
        due = DEFAULT_CALENDAR.due_date(received, target)
        taken = max(0, DEFAULT_CALENDAR.working_days_between(_local_day(received), finished))
    except ValueError:  # a year the bank-holiday data does not cover: not counted
        return
    tally.add(day, f"{prefix}.done", slices=slices)
    tally.add(day, f"{prefix}.days", taken, slices=slices)
    if finished <= due:
        tally.add(day, f"{prefix}.within", slices=slices)


def _by(pairs: Iterable[tuple[int, int | None]]) -> dict[int, set[int]]:
    grouped: dict[int, set[int]] = defaultdict(set)
    for owner, other in pairs:
        if other is not None:
            grouped[owner].add(other)
    return grouped


# --- flows: dated by the day the item came in ------------------------------------------


def _ideas(tally: _Tally) -> None:
    from improvement_hub.ideas.models import Idea, IdeaResponse

    priorities = _by(Idea.priorities.through.objects.values_list("idea_id", "priority_id"))
    first_answers = dict(
        IdeaResponse.objects.values("idea_id")
        .annotate(first=Min("created_at"))
        .values_list("idea_id", "first")
    )
    rows = Idea.objects.filter(submitted_at__isnull=False, hidden_at__isnull=True).values_list(
        "pk", "submitted_at", "directorate_id", "status__slug"
    )
    for pk, submitted_at, directorate_id, status in rows.iterator(chunk_size=5000):
        if submitted_at is None:  # excluded by the filter; this tells the type checker
            continue
        day = _local_day(submitted_at)
        slices = _slices(priorities.get(pk, ()), [directorate_id] if directorate_id else [])
        tally.add(day, m.IDEAS_SUBMITTED, slices=slices)
        answered = first_answers.get(pk)
        if answered is not None:
            tally.add(day, m.IDEAS_ANSWERED, slices=slices)
            _cycle(
                tally, m.IDEA_ANSWER, day, submitted_at, answered, m.idea_answer_target(), slices
            )
        if status in TAKEN_FORWARD:
            tally.add(day, m.IDEAS_TAKEN_FORWARD, slices=slices)


def _referrals(tally: _Tally, service_directorates: dict[int, int]) -> None:
    from improvement_hub.lab.models import Referral

    priorities = _by(Referral.priorities.through.objects.values_list("referral_id", "priority_id"))
    directorates = _by(
        (referral_id, service_directorates.get(service_id))
        for referral_id, service_id in Referral.services.through.objects.values_list(
            "referral_id", "service_id"
        )
    )
    rows = (
        Referral.objects.filter(received_at__isnull=False)
        .order_by("received_at", "pk")
        .values_list("pk", "received_at", "acknowledged_at", "decided_at", "status", "challenge_id")
    )
    seen_challenges: set[int] = set()
    acknowledge, decide = settings.LAB_ACKNOWLEDGE_WORKING_DAYS, settings.LAB_DECIDE_WORKING_DAYS
    for pk, received, acknowledged, decided, status, challenge_id in rows.iterator(chunk_size=5000):
        if received is None:  # excluded by the filter; this tells the type checker
            continue
        day = _local_day(received)
        slices = _slices(priorities.get(pk, ()), directorates.get(pk, ()))
        tally.add(day, m.REFERRALS_RECEIVED, slices=slices)
        if status == "accepted" or challenge_id:
            tally.add(day, m.REFERRALS_ACCEPTED, slices=slices)
        if challenge_id and challenge_id not in seen_challenges:
            # A challenge counts once, on the day its first referral came in.
            seen_challenges.add(challenge_id)
            tally.add(day, m.CHALLENGES, slices=slices)
        if acknowledged:
            _cycle(tally, m.REFERRAL_ACKNOWLEDGE, day, received, acknowledged, acknowledge, slices)
        if decided:
            _cycle(tally, m.REFERRAL_DECIDE, day, received, decided, decide, slices)


def _initiative_slices(service_directorates: dict[int, int]) -> dict[int, Slices]:
    from improvement_hub.initiatives.models import Initiative

    priorities = _by(
        Initiative.priorities.through.objects.values_list("initiative_id", "priority_id")
    )
    directorates = _by(
        Initiative.directorates.through.objects.values_list("initiative_id", "directorate_id")
    )
    for initiative_id, service_id in Initiative.services.through.objects.values_list(
        "initiative_id", "service_id"
    ):
        if service_id in service_directorates:
            directorates[initiative_id].add(service_directorates[service_id])
    return {
        pk: _slices(priorities.get(pk, ()), directorates.get(pk, ()))
        for pk in Initiative.objects.values_list("pk", flat=True)
    }


def _pilots(tally: _Tally, slices: dict[int, Slices]) -> None:
    from improvement_hub.initiatives.models import Pilot

    for initiative_id, starts_on, decision in Pilot.objects.values_list(
        "initiative_id", "starts_on", "decision"
    ):
        where = slices.get(initiative_id, ALL)
        tally.add(starts_on, m.PILOTS_STARTED, slices=where)
        if decision:
            tally.add(starts_on, m.PILOTS_DECIDED, slices=where)
        if decision == "go":
            tally.add(starts_on, m.PILOTS_ADOPTED, slices=where)


# --- snapshots: dated by the day of the refresh --------------------------------------------


def _portfolio(tally: _Tally, today: dt.date, slices: dict[int, Slices]) -> None:
    from improvement_hub.initiatives.models import Benefit, Initiative, Milestone, StatusUpdate

    latest_rag: dict[int, str] = {}
    for initiative_id, rag in StatusUpdate.objects.order_by(
        "initiative_id", "-on", "-pk"
    ).values_list("initiative_id", "rag"):
        latest_rag.setdefault(initiative_id, rag)
    closed: set[int] = set()
    for pk, stage, scale in Initiative.objects.values_list("pk", "stage", "scale"):
        where = slices.get(pk, ALL)
        tally.add(today, m.INITIATIVES_STAGE, key=stage, slices=where)
        tally.add(today, m.INITIATIVES_SCALE, key=scale, slices=where)
        if stage == "closed":
            closed.add(pk)
            continue
        tally.add(today, m.RAG, key=latest_rag.get(pk, m.NO_RATING), slices=where)
    slipping: dict[int, int] = Counter(
        Milestone.objects.filter(done_on__isnull=True, due_on__lt=today)
        .exclude(initiative_id__in=closed)
        .values_list("initiative_id", flat=True)
    )
    for initiative_id, count in slipping.items():
        where = slices.get(initiative_id, ALL)
        tally.add(today, m.MILESTONES_SLIPPING, count, slices=where)
        tally.add(today, m.INITIATIVES_SLIPPING, slices=where)
    for initiative_id, kind, planned, forecast, realised in Benefit.objects.values_list(
        "initiative_id", "kind", "planned", "forecast", "realised"
    ):
        where = slices.get(initiative_id, ALL)
        for column, amount in (
            ("planned", planned),
            ("forecast", forecast),
            ("realised", realised),
        ):
            if amount is not None:
                tally.add(today, m.BENEFITS, amount, key=f"{kind}.{column}", slices=where)


def _measures(tally: _Tally, today: dt.date, slices: dict[int, Slices]) -> None:
    """Each measure's own SPC result, as its page shows it (``initiatives.selectors``)."""
    from improvement_hub.initiatives import selectors as initiative_selectors
    from improvement_hub.initiatives.models import Measure

    for measure in Measure.objects.prefetch_related("observations", "rebases"):
        result = initiative_selectors.measure_spc(measure)
        where = slices.get(measure.initiative_id, ALL)
        variation = m.variation_key(result.variation if result else None)
        tally.add(today, m.MEASURES_VARIATION, key=variation, slices=where)
        assurance = result.assurance if result and result.assurance else m.NO_TARGET
        tally.add(today, m.MEASURES_ASSURANCE, key=assurance, slices=where)


def _academy(tally: _Tally, today: dt.date, slices: dict[int, Slices]) -> None:
    if not apps.is_installed("improvement_hub.academy"):
        return
    from improvement_hub.academy import selectors as academy_selectors
    from improvement_hub.academy.models import Certificate
    from improvement_hub.initiatives.models import TrainingRequirement

    trained = Certificate.objects.values_list("person_id", "person__directorate_id").distinct()
    people: dict[int, int] = {person: directorate or 0 for person, directorate in trained}
    for directorate in people.values():
        where = (frozenset({0}), frozenset({0, directorate}))
        tally.add(today, m.ACADEMY_TRAINED, slices=where)
        tally.add(today, m.ACADEMY_TRAINED_BY_DIRECTORATE, key=str(directorate))
    pathway = academy_selectors.pathway_list_all().filter(slug=m.AMBASSADOR_PATHWAY).first()
    if pathway is not None:
        rows = academy_selectors.pathway_progress_people(pathway=pathway)
        tally.add(today, m.AMBASSADORS, len(rows), key="started")
        tally.add(
            today,
            m.AMBASSADORS,
            sum(1 for r in rows if r.steps and r.done == r.steps),
            key="finished",
        )
    needs = TrainingRequirement.objects.filter(pilot__isnull=False).values_list(
        "pilot_id", "pilot__initiative_id", "flagged_at"
    )
    pilots: dict[int, tuple[int, bool]] = {}
    for pilot_id, initiative_id, flagged_at in needs:
        at_risk = pilots.get(pilot_id, (initiative_id, False))[1] or flagged_at is not None
        pilots[pilot_id] = (initiative_id, at_risk)
    for initiative_id, at_risk in pilots.values():
        where = slices.get(initiative_id, ALL)
        tally.add(today, m.PILOT_TRAINING, key="at_risk" if at_risk else "ready", slices=where)


def _spaces(tally: _Tally, today: dt.date) -> None:
    if not apps.is_installed("improvement_hub.spaces"):
        return
    from improvement_hub.spaces import selectors as spaces_selectors

    first, last = spaces_selectors.utilisation_range("", "")
    used = spaces_selectors.utilisation(period="month", first=first, last=last)
    for provider, hours_open, hours_booked, _percent in used.by_provider:
        tally.add(today, m.SPACE_OPEN, hours_open, key=provider)
        tally.add(today, m.SPACE_BOOKED, hours_booked, key=provider)


def _contracts(tally: _Tally, today: dt.date) -> None:
    if not apps.is_installed("improvement_hub.partnership"):
        return
    from improvement_hub.partnership import selectors as partnership_selectors
    from improvement_hub.partnership.models import Contract

    for contract in Contract.objects.prefetch_related("payment_blocks", "deliverables"):
        spend = partnership_selectors.contract_spend(contract)
        tally.add(today, m.CONTRACT_SPEND, spend.value, key="value")
        tally.add(today, m.CONTRACT_SPEND, spend.paid, key="paid")
        tally.add(today, m.CONTRACT_SPEND, spend.approved, key="approved")
        for deliverable in contract.deliverables.all():
            tally.add(today, m.DELIVERABLES, key=deliverable.status)


def aggregates_refresh(*, today: dt.date | None = None) -> AggregateRun:
    """Recompute every figure of the dashboard: flows for every day, snapshots for today
    (earlier days' snapshots are kept, so a past period shows what was true then)."""
    from improvement_hub.council.models import Service

    started = timezone.now()
    today = today or timezone.localdate()
    service_directorates = dict(Service.objects.values_list("pk", "directorate_id"))
    tally = _Tally()
    _ideas(tally)
    _referrals(tally, service_directorates)
    slices = _initiative_slices(service_directorates)
    _pilots(tally, slices)
    flow_rows = list(tally.rows())
    tally = _Tally()
    _portfolio(tally, today, slices)
    _measures(tally, today, slices)
    _academy(tally, today, slices)
    _spaces(tally, today)
    _contracts(tally, today)
    tally.add(today, m.SNAPSHOT)  # marks the day as having a snapshot, even an empty one
    snapshot_rows = list(tally.rows())
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REFRESH_LOCK])
        DailyFigure.objects.filter(metric__in=m.FLOW_METRICS).delete()
        DailyFigure.objects.filter(day=today).exclude(metric__in=m.FLOW_METRICS).delete()
        DailyFigure.objects.bulk_create(flow_rows + snapshot_rows, batch_size=2000)
        run = AggregateRun.objects.create(
            day=today,
            started_at=started,
            finished_at=timezone.now(),
            rows=len(flow_rows) + len(snapshot_rows),
        )
    return run
