"""Every read in the Innovation Lab. Referrers' personal data is read only here, and
each read of it is logged."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from improvement_hub.core.search import query_id
from improvement_hub.ideas.selectors import idea_similar_list
from improvement_hub.lab import permissions, similarity
from improvement_hub.lab.models import (
    OPEN_STATUSES,
    Challenge,
    Evidence,
    IndicatorReading,
    LabPlan,
    Method,
    PeerLab,
    PersonalDataAccess,
    Referral,
    ReferralEvent,
    ReferralStatus,
    SustainabilityIndicator,
)
from improvement_hub.workdays import DEFAULT_CALENDAR

HISTORY_NEEDED = 20  # decided referrals before suggestions are more than a guess
# Past decisions are counted up to this many ("more than 1,000"): an exact count of every
# decided referral on each referral page grows with the data.
HISTORY_COUNT_CAP = 1000
INBOX_ORDER = (F("acknowledged_at").asc(nulls_first=True), "decide_by", "received_at", "id")


@dataclass
class InboxFilters:
    status: str = "open"
    service: str = ""
    priority: str = ""
    assignee: str = ""
    age: str = ""


def referral_inbox(*, filters: InboxFilters) -> QuerySet[Referral]:
    """Confirmed referrals, those most at risk of missing their targets first."""
    # No Count("services") annotation: grouping by referral made PostgreSQL join and
    # aggregate every matching referral before sorting; the page's rows count their
    # prefetched services instead.
    queryset = (
        Referral.objects.exclude(status=ReferralStatus.UNCONFIRMED)
        .select_related("assignee")
        .prefetch_related(Prefetch("services", to_attr="service_list"))
    )
    if filters.status == "open":
        queryset = queryset.filter(status__in=OPEN_STATUSES)
    elif filters.status in ReferralStatus.values:
        queryset = queryset.filter(status=filters.status)
    if filters.service:
        queryset = queryset.filter(
            id__in=Referral.services.through.objects.filter(service__slug=filters.service).values(
                "referral_id"
            )
        )
    if filters.priority:
        queryset = queryset.filter(
            id__in=Referral.priorities.through.objects.filter(
                priority__slug=filters.priority
            ).values("referral_id")
        )
    if filters.assignee == "none":
        queryset = queryset.filter(assignee__isnull=True)
    elif (assignee_id := query_id(filters.assignee)) is not None:
        queryset = queryset.filter(assignee_id=assignee_id)
    if filters.age == "overdue":
        today = timezone.localdate()
        queryset = queryset.filter(
            Q(decide_by__lt=today) | Q(acknowledged_at__isnull=True, acknowledge_by__lt=today),
            status__in=OPEN_STATUSES,
        )
    # Risk: the unacknowledged first by their acknowledgement date, then by decision date.
    # NULLS FIRST said explicitly: PostgreSQL puts nulls last when ascending (SQLite
    # first). Served by the partial indexes lab_referral_triage_idx / _open_triage_idx.
    return queryset.order_by(*INBOX_ORDER)


def referral_get_for_hub(*, user, reference: str) -> Referral:  # type: ignore[no-untyped-def]
    """A referral for the Hub Team, without its personal data; 404 for anyone else."""
    if not permissions.can_triage(user):
        raise Http404("No such referral")
    referral = (
        Referral.objects.defer("contact_name", "email", "phone")
        .select_related("assignee", "challenge", "referred_to", "merged_into")
        .prefetch_related(
            "services",
            "priorities",
            Prefetch("events", queryset=ReferralEvent.objects.select_related("actor")),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.only(
                    "id", "referral_id", "original_name", "size", "content_type"
                ),
            ),
        )
        .filter(reference=reference)
        .first()
    )
    if referral is None:
        raise Http404("No such referral")
    return referral


def referral_personal_data(
    *, user, referral: Referral, what: str = "contact details"
) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The referrer's contact details, for the Hub Team; every call is logged."""
    if not permissions.can_triage(user):
        raise Http404("No such referral")
    PersonalDataAccess.objects.create(referral=referral, user=user, what=what)
    row = Referral.objects.filter(pk=referral.pk).values("contact_name", "email", "phone").get()
    return row


def evidence_get_for_hub(*, user, referral: Referral, evidence_id: int) -> Evidence:  # type: ignore[no-untyped-def]
    """An evidence file, for the Hub Team; the access is logged."""
    if not permissions.can_triage(user):
        raise Http404("No such file")
    evidence = Evidence.objects.filter(pk=evidence_id, referral=referral).first()
    if evidence is None:
        raise Http404("No such file")
    PersonalDataAccess.objects.create(
        referral=referral, user=user, what=f"evidence file ‘{evidence.original_name}’"
    )
    return evidence


def referral_access_log(*, referral: Referral) -> QuerySet[PersonalDataAccess]:
    return PersonalDataAccess.objects.filter(referral=referral).select_related("user")[:50]


def referral_days_left(referral: Referral, today=None) -> int | None:  # type: ignore[no-untyped-def]
    """Working days until the next target (negative when overdue), for open referrals."""
    if not referral.is_open or referral.decide_by is None:
        return None
    today = today or timezone.localdate()
    due = referral.acknowledge_by if referral.acknowledged_at is None else referral.decide_by
    return DEFAULT_CALENDAR.days_left(due, today)


def referral_suggestions(*, referral: Referral) -> dict[str, object]:
    """Services and priorities suggested from similar past decisions, with confidence.

    k-nearest-neighbours over the ``text`` engine: decided referrals most like this one
    vote with their similarity for the services and priorities the Hub Team gave them.
    With little history it falls back to the services the referrer named and those
    services' priorities, and says so.
    """
    decided = Referral.objects.filter(decided_at__isnull=False).exclude(pk=referral.pk)
    history = decided.order_by().values("pk")[: HISTORY_COUNT_CAP + 1].count()
    counted = f"more than {HISTORY_COUNT_CAP:,}" if history > HISTORY_COUNT_CAP else str(history)
    text = f"{referral.problem}\n{referral.affected_who}"
    if history >= HISTORY_NEEDED:
        matches = similarity.similar(text, limit=15, exclude=(referral.pk,))
        neighbours = {
            r.pk: r
            for r in decided.filter(pk__in=[m.id for m in matches]).prefetch_related(
                Prefetch("services", to_attr="service_list"),
                Prefetch("priorities", to_attr="priority_list"),
            )
        }
        service_votes: dict[object, float] = defaultdict(float)
        priority_votes: dict[object, float] = defaultdict(float)
        total = 0.0
        for match in matches:
            neighbour = neighbours.get(match.id)
            if neighbour is None:
                continue
            total += match.score
            # Lists, not .all(): a related manager's .all() clones a query each time.
            for service in neighbour.service_list:
                service_votes[service] += match.score
            for priority in neighbour.priority_list:
                priority_votes[priority] += match.score
        if total > 0:
            return {
                "basis": f"Learned from {counted} past triage decisions",
                "services": _ranked(service_votes, total),
                "priorities": _ranked(priority_votes, total),
                "low_confidence": False,
            }
    services = list(referral.services.all())
    priorities: dict[object, float] = defaultdict(float)
    for service in services:
        for priority in service.priorities.all():
            priorities[priority] += 1
    return {
        "basis": f"Only {counted} past decisions: based on the services the referrer named",
        "services": [(s, None) for s in services],
        "priorities": _ranked(priorities, max(len(services), 1)),
        "low_confidence": True,
    }


def _ranked(votes: dict[object, float], total: float) -> list[tuple[object, int]]:
    ranked = sorted(votes.items(), key=lambda item: -item[1])[:5]
    return [(item, min(100, round(100 * score / total))) for item, score in ranked]


def referral_similar(*, referral: Referral) -> dict[str, list[object]]:
    """Similar referrals, ideas and challenges, from the same text engine."""
    text = f"{referral.problem}\n{referral.affected_who}"
    matches = similarity.similar(text, limit=5, exclude=(referral.pk,))
    found = Referral.objects.only("id", "reference", "problem", "status").in_bulk(
        [m.id for m in matches]
    )
    referrals = []
    for match in matches:
        if match.id in found:
            found[match.id].score = match.score  # type: ignore[attr-defined]
            referrals.append(found[match.id])
    challenges = challenge_similar(text=text)
    return {
        "referrals": referrals,
        "ideas": idea_similar_list(text=text, limit=5),
        "challenges": challenges,
    }


# This process's index of challenges, with the (count, latest change) it was built from.
_challenge_index: tuple[object, object, dict[int, Challenge]] | None = None


def challenge_similar(*, text: str) -> list[Challenge]:
    """Challenges like ``text``: few enough to compare in memory with the text engine.

    The index is rebuilt only when a challenge is added, changed or removed (one small
    query tells): building it on every referral page cost more than the rest of the page.
    """
    from django.db.models import Max

    from improvement_hub.text import SimilarityIndex

    global _challenge_index
    state = Challenge.objects.aggregate(n=Count("id"), changed=Max("updated_at"))
    version = (state["n"], state["changed"])
    if _challenge_index is None or _challenge_index[0] != version:
        challenges = list(
            Challenge.objects.all().only("id", "title", "slug", "statement", "stage", "updated_at")
        )
        index = SimilarityIndex([(c.pk, f"{c.title}\n{c.statement}") for c in challenges])
        _challenge_index = (version, index, {c.pk: c for c in challenges})
    _, index, by_id = _challenge_index
    return [by_id[m.id] for m in index.query(text, limit=3)]  # type: ignore[attr-defined]


def referral_public_history(*, referral: Referral) -> list[ReferralEvent]:
    """The messages the referrer sees: never internal notes."""
    return [e for e in referral.events.all().order_by("created_at", "id") if e.message]


def challenge_list_public() -> QuerySet[Challenge]:
    return (
        Challenge.objects.filter(is_published=True)
        .annotate(raised_by=Count("referrals", distinct=True))
        .prefetch_related("priorities", "services")
        .order_by("-created_at")
    )


def challenge_get_public(*, slug: str) -> Challenge:
    challenge = challenge_list_public().filter(slug=slug).first()
    if challenge is None:
        raise Http404("No such challenge")
    return challenge


def lab_plan() -> dict[str, object]:
    """The plan and each sustainability indicator with its latest reading and trend."""
    plan = LabPlan.objects.first()
    readings = Prefetch("readings", queryset=IndicatorReading.objects.order_by("-date"))
    indicators = []
    for indicator in SustainabilityIndicator.objects.prefetch_related(readings):
        history = list(indicator.readings.all())
        latest = history[0] if history else None
        on_track = None
        if latest is not None:
            on_track = (
                latest.value >= indicator.target
                if indicator.direction == "up"
                else latest.value <= indicator.target
            )
        indicators.append(
            {"indicator": indicator, "latest": latest, "history": history[:6], "on_track": on_track}
        )
    return {"plan": plan, "indicators": indicators}


def method_list() -> dict[str, list[Method]]:
    stages: dict[str, list[Method]] = {label: [] for _, label in Method.Stage.choices}
    for method in Method.objects.all():
        stages[method.get_stage_display()].append(method)
    return stages


def peer_lab_list() -> QuerySet[PeerLab]:
    return PeerLab.objects.all()
