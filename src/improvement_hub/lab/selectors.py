"""Every read in the Innovation Lab. Referrers' personal data is read only here, and
each read of it is logged."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from allauth.account.models import EmailAddress
from django.db.models import Count, F, Max, Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from improvement_hub.core import page_cache
from improvement_hub.council.models import Priority, Service
from improvement_hub.council.rules import is_cross_system
from improvement_hub.council.selectors import (
    priority_list,
    service_list,
    services_and_priorities_by_id,
)
from improvement_hub.ideas.selectors import idea_public_in_order, idea_similar_list
from improvement_hub.lab import permissions, similarity
from improvement_hub.lab.models import (
    UNSEARCHABLE_STATUSES,
    AffectedCount,
    Agency,
    Challenge,
    Evidence,
    IndicatorReading,
    LabPlan,
    Method,
    PeerLab,
    PersonalDataAccess,
    RaisedAs,
    Referral,
    ReferralAside,
    ReferralEvent,
    ReferralStatus,
    SustainabilityIndicator,
)
from improvement_hub.text import SimilarityIndex
from improvement_hub.workdays import DEFAULT_CALENDAR

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser
    from improvement_hub.ideas.models import Idea

HISTORY_NEEDED = 20  # decided referrals before suggestions are more than a guess
# Past decisions are counted up to this many ("more than 1,000"): an exact count of every
# decided referral on each referral page grows with the data.
HISTORY_COUNT_CAP = 1000
# What a stored aside (ReferralAside.data) holds: a new layout is computed again, not read.
ASIDE_FORMAT = 1
# A stored aside older than this is computed again when the page is shown: what it learned
# from past decisions, and the similar items, follow the Lab's history day by day.
ASIDE_MAX_AGE = timedelta(days=1)
# Similar referrals and ideas listed beside a referral.
SIMILAR_SHOWN = 5
# Targets this close (in working days) are flagged in the inbox.
DUE_SOON_WORKING_DAYS = 2
INBOX_ORDER = (F("acknowledged_at").asc(nulls_first=True), "decide_by", "received_at", "id")
# What ``str(user)`` reads (a name, else the address; "Former member" once closed): all
# the inbox needs of the person a referral is assigned to.
PERSON_NAME_FIELDS = ("first_name", "last_name", "email", "closed_at")
INBOX_FIELDS = (
    *("id", "reference", "status", "problem", "agencies"),
    *("acknowledge_by", "acknowledged_at", "decide_by", "received_at", "assignee", "updated_at"),
    *(f"assignee__{name}" for name in PERSON_NAME_FIELDS),
)


def referral_inbox() -> QuerySet[Referral]:
    """Confirmed referrals, those most at risk of missing their targets first, for
    ``filters.InboxFilter`` to narrow."""
    # No Count("services") annotation: grouping by referral made PostgreSQL join and
    # aggregate every matching referral before sorting; the rows count their prefetched
    # services instead (Referral.is_cross_system).
    # Risk: the unacknowledged first by their acknowledgement date, then by decision date.
    # NULLS FIRST said explicitly: PostgreSQL puts nulls last when ascending (SQLite
    # first). Served by the partial indexes lab_referral_triage_idx / _open_triage_idx.
    # Only what a row shows and what its working days and cross-system flag are worked
    # out from (``referral_inbox_rows``, ``Referral.is_cross_system``): never the
    # referrer's contact details or the long answers.
    return (
        Referral.objects.exclude(status=ReferralStatus.UNCONFIRMED)
        .select_related("assignee")
        .only(*INBOX_FIELDS)
        .order_by(*INBOX_ORDER)
    )


def referral_inbox_rows_load(referrals: list[Referral]) -> None:
    """Reads what these inbox rows show beyond their own fields: their services, by id and
    directorate only (the cross-system flag), in one query."""
    prefetch_related_objects(
        referrals, Prefetch("services", queryset=Service.objects.only("id", "directorate_id"))
    )


def referral_row_key(referral: Referral, suffix: str) -> str:
    """Where the inbox keeps a referral's rendered row: its id and last change (every
    service that changes what the row shows sets ``updated_at``), then ``suffix`` (the
    day, the language, the site version)."""
    changed = referral.updated_at.isoformat() if referral.updated_at else "never"
    return f"lab:inbox-row:v1:{referral.pk}:{changed}:{suffix}"


@dataclass(frozen=True)
class DaysLeft:
    """Working days to a referral's next target: negative when it is overdue."""

    days: int

    @property
    def is_overdue(self) -> bool:
        return self.days < 0

    @property
    def overdue_by(self) -> int:
        return -self.days

    @property
    def is_due_soon(self) -> bool:
        return 0 <= self.days <= DUE_SOON_WORKING_DAYS


@dataclass(frozen=True)
class InboxRow:
    referral: Referral
    days_left: DaysLeft | None


def referral_inbox_rows(referrals: Iterable[Referral], today: date | None = None) -> list[InboxRow]:
    """The inbox's rows: each referral with its working days to the next target."""
    today = today or timezone.localdate()
    return [InboxRow(referral, referral_days_left(referral, today)) for referral in referrals]


def referral_get_for_hub(*, user: "AnyUser", reference: str) -> Referral:
    """A referral for the Hub Team, without its personal data: the one way the Hub Team's
    pages and the API read a referral. 404 for anyone else, as for a missing one.

    Its row only: each page reads what it shows of its links (the triage page its record,
    ``referral_record``, only when its kept rendering is stale; the API its messages)."""
    if not permissions.can_triage(user):
        raise Http404("No such referral")
    try:
        # get(), not first(): a reference is unique, and ordering the wide row costs Django
        # more than the rest of its query (tests/lab/test_referral_aside.py)
        return Referral.objects.defer("contact_name", "email", "phone").get(reference=reference)
    except Referral.DoesNotExist:
        raise Http404("No such referral") from None


@dataclass(frozen=True)
class ReferralRecord:
    """What a referral's record shows beside its own fields (``lab/triage/record/``)."""

    services: list[Service]
    priorities: list[Priority]
    events: list[ReferralEvent]  # oldest first
    evidence: list[Evidence]  # not the files
    is_cross_system: bool


def referral_record(referral: Referral) -> ReferralRecord:
    """A referral's record for its triage page, in four light queries: the ids of its
    services and of its priorities (named from the site's cached lists; one too new for
    this process's lists is read), its history with each author's name, and its evidence.
    Lighter than prefetching the four relations, which was most of a first view's reads."""
    services_by_id, priorities_by_id = services_and_priorities_by_id()
    service_ids = set(
        Referral.services.through.objects.filter(referral_id=referral.pk).values_list(
            "service_id", flat=True
        )
    )
    priority_ids = set(
        Referral.priorities.through.objects.filter(referral_id=referral.pk).values_list(
            "priority_id", flat=True
        )
    )
    if service_ids <= services_by_id.keys() and priority_ids <= priorities_by_id.keys():
        # the cached lists are in the models' order: keep it
        services = [s for pk, s in services_by_id.items() if pk in service_ids]
        priorities = [p for pk, p in priorities_by_id.items() if pk in priority_ids]
    else:
        services = list(Service.objects.filter(pk__in=service_ids))
        priorities = list(Priority.objects.filter(pk__in=priority_ids))
    events = list(
        ReferralEvent.objects.filter(referral_id=referral.pk)
        .select_related("actor")
        .only(
            *("referral_id", "kind", "message", "note", "created_at", "actor"),
            *(f"actor__{name}" for name in PERSON_NAME_FIELDS),
        )
    )
    evidence = list(
        Evidence.objects.filter(referral_id=referral.pk).only(
            "id", "referral_id", "original_name", "size", "content_type"
        )
    )
    return ReferralRecord(
        services=services,
        priorities=priorities,
        events=events,
        evidence=evidence,
        is_cross_system=is_cross_system(
            service_ids=[service.pk for service in services],
            directorate_ids=[service.directorate_id for service in services],
            agencies=referral.agencies,
        ),
    )


def referral_record_key(referral_id: int) -> str:
    """Where the triage page keeps a referral's rendered record (``lab.hub_views._record``):
    one entry per referral, so that the retention erasure can delete it."""
    return f"lab:referral-record:v2:{referral_id}"


def referral_record_version(referral: Referral) -> str:
    """What a referral's record (its answers, services, priorities, evidence and history,
    as the triage page shows them) was drawn from: the referral's last change (every
    service that changes any of them sets ``updated_at`` in the same transaction,
    ``tests/lab/test_referral_record.py``) and the site version (a renamed person, a
    closed account, a service or priority renamed in the admin). Read from the row and
    the cache, so it holds across processes."""
    changed = referral.updated_at.isoformat() if referral.updated_at else "never"
    return f"{referral.pk}:{changed}:{page_cache.site_version()}"


def referral_personal_data(
    *, user: "AnyUser", referral: Referral, what: str = "contact details"
) -> dict[str, str]:
    """The referrer's contact details, for the Hub Team; every call is logged."""
    if not permissions.can_triage(user) or not user.is_authenticated:
        raise Http404("No such referral")
    PersonalDataAccess.objects.create(referral=referral, user=user, what=what)
    row = Referral.objects.filter(pk=referral.pk).values("contact_name", "email", "phone").get()
    return {"contact_name": row["contact_name"], "email": row["email"], "phone": row["phone"]}


def evidence_get_for_hub(*, user: "AnyUser", referral: Referral, evidence_id: int) -> Evidence:
    """An evidence file, for the Hub Team; the access is logged."""
    if not permissions.can_triage(user) or not user.is_authenticated:
        raise Http404("No such file")
    evidence = Evidence.objects.filter(pk=evidence_id, referral=referral).first()
    if evidence is None:
        raise Http404("No such file")
    PersonalDataAccess.objects.create(
        referral=referral, user=user, what=f"evidence file ‘{evidence.original_name}’"
    )
    return evidence


def referral_access_log(*, referral: Referral) -> QuerySet[PersonalDataAccess]:
    return (
        PersonalDataAccess.objects.filter(referral=referral)
        .select_related("user")
        .only("referral_id", "what", "at", "user", *(f"user__{n}" for n in PERSON_NAME_FIELDS))[:50]
    )


def referral_days_left(referral: Referral, today: date | None = None) -> DaysLeft | None:
    """Working days until the next target (negative when overdue), for open referrals."""
    if not referral.is_open or referral.decide_by is None:
        return None
    due = referral.decide_by
    if referral.acknowledged_at is None and referral.acknowledge_by is not None:
        due = referral.acknowledge_by
    return DaysLeft(DEFAULT_CALENDAR.days_left(due, today or timezone.localdate()))


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
    text = similarity.indexed_text(referral.problem, referral.affected_who)
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


@dataclass(frozen=True)
class Similar:
    """What the referral page lists beside a referral, most similar first."""

    referrals: list[Referral]
    ideas: "list[Idea]"
    challenges: list[Challenge]


def referral_similar(*, referral: Referral) -> Similar:
    """Similar referrals, ideas and challenges, from the same text engine."""
    text = similarity.indexed_text(referral.problem, referral.affected_who)
    matches = similarity.similar(text, limit=SIMILAR_SHOWN, exclude=(referral.pk,))
    return Similar(
        referrals=_referrals_in_order([m.id for m in matches]),
        ideas=idea_similar_list(text=text, limit=SIMILAR_SHOWN),
        challenges=challenge_similar(text=text),
    )


def _referrals_in_order(ids: list[int]) -> list[Referral]:
    """These referrals, in the order given, leaving out any that left the similar-referrals
    index since (withdrawn or erased: lab.similarity)."""
    if not ids:
        return []
    found = (
        Referral.objects.only("id", "reference", "problem", "status")
        .exclude(status__in=UNSEARCHABLE_STATUSES)
        .filter(personal_data_erased_at__isnull=True)
        .order_by()
        .in_bulk(ids)
    )
    return [found[pk] for pk in ids if pk in found]


@dataclass(frozen=True)
class Aside:
    """What the referral page shows beside a referral."""

    suggestions: dict[str, object]
    similar: Similar


def referral_aside_compute(*, referral: Referral) -> tuple[Aside, dict[str, Any]]:
    """The suggestions and similar items for ``referral``, computed now: ready to show, and
    as stored in ``ReferralAside.data`` (ids and confidences only, so that names, text,
    status and visibility are read when they are shown)."""
    suggestions = referral_suggestions(referral=referral)
    similar = referral_similar(referral=referral)
    services = cast(list[tuple[Service, int | None]], suggestions["services"])
    priorities = cast(list[tuple[Priority, int]], suggestions["priorities"])
    data = {
        "format": ASIDE_FORMAT,
        "of": referral.updated_at.isoformat(),
        "basis": suggestions["basis"],
        "low_confidence": suggestions["low_confidence"],
        "services": [[service.pk, confidence] for service, confidence in services],
        "priorities": [[priority.pk, confidence] for priority, confidence in priorities],
        "referrals": [other.pk for other in similar.referrals],
        "ideas": [idea.pk for idea in similar.ideas],
        "challenges": [challenge.pk for challenge in similar.challenges],
        "challenges_of": _challenge_version_token(challenge_version()),
    }
    return Aside(suggestions=suggestions, similar=similar), data


def referral_aside(*, referral: Referral, now: datetime | None = None) -> Aside | None:
    """The stored aside of ``referral``, made ready to show, or None when it must be
    computed again (none yet, the referral changed since, a day old, an older layout):
    then ``lab.asides.referral_aside_refresh`` computes and stores it."""
    stored = next(iter(ReferralAside.objects.filter(referral_id=referral.pk).order_by()), None)
    if stored is None or not _aside_is_current(stored, referral=referral, now=now):
        return None
    return _aside_from_data(stored.data, referral=referral)


def _aside_is_current(stored: ReferralAside, *, referral: Referral, now: datetime | None) -> bool:
    data = stored.data
    return (
        isinstance(data, dict)
        and data.get("format") == ASIDE_FORMAT
        and data.get("of") == referral.updated_at.isoformat()
        and stored.computed_at > (now or timezone.now()) - ASIDE_MAX_AGE
    )


def _aside_from_data(data: dict[str, Any], *, referral: Referral) -> Aside:
    """A stored aside with today's names and visibility: services and priorities from the
    site's cached lists, the similar referrals and ideas read by id (one query each, none
    when there are none), the challenges matched now (few, kept in memory)."""
    services, priorities = services_and_priorities_by_id()
    text = similarity.indexed_text(referral.problem, referral.affected_who)
    return Aside(
        suggestions={
            "basis": data["basis"],
            "low_confidence": data["low_confidence"],
            "services": [(services[pk], c) for pk, c in data["services"] if pk in services],
            "priorities": [(priorities[pk], c) for pk, c in data["priorities"] if pk in priorities],
        },
        similar=Similar(
            referrals=_referrals_in_order(data["referrals"]),
            ideas=idea_public_in_order(data["ideas"]),
            challenges=_challenges_stored(data, text=text),
        ),
    )


def _challenges_stored(data: dict[str, Any], *, text: str) -> list[Challenge]:
    """The similar challenges stored with an aside while the challenges are as they were
    then (none added, changed or removed); matched again otherwise."""
    version = challenge_version()
    if data.get("challenges_of") != _challenge_version_token(version):
        return challenge_similar(text=text)
    _, by_id = _challenge_index_for(version)
    return [by_id[pk] for pk in data.get("challenges", []) if pk in by_id]


# This process's index of challenges, with the (count, latest change) it was built from.
_challenge_index: tuple[tuple[int, object], SimilarityIndex, dict[int, Challenge]] | None = None


CHALLENGE_VERSION = "lab:challenge-version"


def challenge_version() -> tuple[int, object]:
    """(count, latest change) of the challenges: another value once one is added, changed
    or removed (one small query, once per request: the referral page's similar challenges
    and its decision form both ask; a challenge saved in the request forgets it,
    ``lab.apps``)."""

    def read() -> tuple[int, object]:
        state = Challenge.objects.aggregate(n=Count("id"), changed=Max("updated_at"))
        return state["n"], state["changed"]

    return page_cache.per_request(CHALLENGE_VERSION, read)


def _challenge_version_token(version: tuple[int, object]) -> str:
    count, changed = version
    return f"{count}:{changed.isoformat() if isinstance(changed, datetime) else changed}"


def _challenge_index_for(
    version: tuple[int, object],
) -> tuple[SimilarityIndex, dict[int, Challenge]]:
    """This process's index of the challenges, rebuilt only when a challenge is added,
    changed or removed (``version``): building it on every referral page cost more than
    the rest of the page."""
    global _challenge_index
    if _challenge_index is None or _challenge_index[0] != version:
        challenges = list(
            Challenge.objects.all().only("id", "title", "slug", "statement", "stage", "updated_at")
        )
        index = SimilarityIndex([(c.pk, f"{c.title}\n{c.statement}") for c in challenges])
        _challenge_index = (version, index, {c.pk: c for c in challenges})
    _, index, by_id = _challenge_index
    return index, by_id


def challenge_similar(*, text: str) -> list[Challenge]:
    """Challenges like ``text``: few enough to compare in memory with the text engine."""
    index, by_id = _challenge_index_for(challenge_version())
    return [by_id[m.id] for m in index.query(text, limit=3)]


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
    """The labs we learn from, each with the Academy's learning visits to it (by reverse
    relation: the visits are the Academy's, above the Lab)."""
    return PeerLab.objects.prefetch_related("visits")


def referral_by_reference(reference: str) -> Referral | None:
    """The referral with this reference, or ``None``: what a Hub Team member names to
    merge a referral into (the service decides whether it may be)."""
    return Referral.objects.filter(reference=reference).first()


def referral_data_for_referrer(*, referral: Referral) -> dict[str, object]:
    """Everything the referrer told us and our messages to them, for their own download
    (they proved who they are with the tracking link)."""
    return {
        "reference": referral.reference,
        "status": referral.get_status_display(),
        "raised_as": referral.get_raised_as_display(),
        "organisation_name": referral.organisation_name,
        "affected_who": referral.affected_who,
        "affected_count": referral.get_affected_count_display() if referral.affected_count else "",
        "problem": referral.problem,
        "services": [s.name for s in referral.services.all()],
        "other_organisations": referral.agency_labels
        + ([referral.agencies_other] if referral.agencies_other else []),
        "tried": referral.tried,
        "priorities": [p.name for p in referral.priorities.all()],
        "contact_name": referral.contact_name,
        "email": referral.email,
        "phone": referral.phone,
        "consent_given_at": referral.consent_at.isoformat() if referral.consent_at else None,
        "evidence_files": [e.original_name for e in referral.evidence.all()],
        "messages": [
            {"date": e.created_at.isoformat(), "what": e.get_kind_display(), "message": e.message}
            for e in referral_public_history(referral=referral)
        ],
    }


def answers_for_display(answers: dict[str, Any]) -> list[tuple[str, str, str]]:
    """A draft's answers as "Check your answers" shows them: (question, answer, page)."""
    raised = dict(RaisedAs.choices)
    counts = dict(AffectedCount.choices)
    agencies = dict(Agency.choices)
    service_names = dict(
        service_list().filter(slug__in=answers.get("services") or []).values_list("slug", "name")
    )
    priority_names = dict(
        priority_list().filter(slug__in=answers.get("priorities") or []).values_list("slug", "name")
    )
    other = [agencies.get(a, a) for a in answers.get("agencies") or []]
    if answers.get("agencies_other"):
        other.append(answers["agencies_other"])
    who = raised.get(answers.get("raised_as", ""), "")
    if answers.get("organisation_name"):
        who = f"{who} – {answers['organisation_name']}"
    affected = [answers.get("affected_who"), counts.get(answers.get("affected_count", ""))]
    return [
        ("Who is raising it", who, "who"),
        ("Who it affects", "\n".join(filter(None, affected)), "affected"),
        ("The problem", answers.get("problem", ""), "problem"),
        ("Council services", ", ".join(service_names.values()), "services"),
        ("Other organisations", ", ".join(other), "services"),
        ("What has been tried", answers.get("tried", ""), "tried"),
        ("Council priorities", ", ".join(priority_names.values()), "priorities"),
        ("Your name", answers.get("contact_name", ""), "contact"),
        ("Email address", answers.get("email", ""), "contact"),
        ("Phone number", answers.get("phone", ""), "contact"),
    ]


# --- reads for the Improvement Team (initiatives)


def challenge_list() -> QuerySet[Challenge]:
    """Every challenge, published or not: the Hub Team links initiatives to any of them."""
    return Challenge.objects.all()


# --- a signed-in resident's own referrals -----------------------------------------------------


def account_verified_email(*, user: "AnyUser") -> str | None:
    """The signed-in person's verified email address (their primary one first), or None:
    a referral sent with it needs no confirmation by email."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    address = (
        EmailAddress.objects.filter(user_id=user.pk, verified=True)
        .order_by("-primary", "pk")
        .values_list("email", flat=True)
        .first()
    )
    return address.lower() if address else None


def referral_list_for_referrer(*, user: "AnyUser") -> QuerySet[Referral]:
    """The person's own referrals (sent while signed in), newest first."""
    if not getattr(user, "is_authenticated", False):
        return Referral.objects.none()
    return (
        Referral.objects.filter(referrer_id=user.pk)
        .select_related("referred_to", "challenge")
        .order_by("-created_at", "-pk")
    )


def referral_get_for_referrer(*, user: "AnyUser", reference: str) -> Referral | None:
    """The person's own referral by its reference, or None (someone else's or missing)."""
    return referral_list_for_referrer(user=user).filter(reference=reference).first()
