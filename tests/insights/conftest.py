"""A small world whose every dashboard figure is worked out by hand (see each comment).

Dates are in November 2026 (GMT, so London time is UTC); Monday 2 November is day 0.
Working days count Monday to Friday; there are no bank holidays in November 2026.
"""

import datetime as dt
from decimal import Decimal

import pytest

from improvement_hub.accounts.roles import Role
from improvement_hub.council.models import ChangeScale, Priority
from improvement_hub.ideas.models import IdeaResponse, IdeaStatus
from improvement_hub.initiatives.models import Benefit, Milestone, StatusUpdate
from improvement_hub.insights.services import aggregates_refresh
from improvement_hub.lab.models import Challenge, Referral
from tests.accounts.factories import UserFactory
from tests.council.factories import DirectorateFactory, ServiceFactory
from tests.ideas.factories import IdeaFactory
from tests.initiatives.factories import (
    InitiativeFactory,
    MeasureFactory,
    ObservationFactory,
    PilotFactory,
)

TODAY = dt.date(2026, 12, 4)
UTC = dt.UTC


def at(day: int, hour: int = 10) -> dt.datetime:
    """``day`` days after Monday 2 November 2026, at ``hour`` (London = UTC in November)."""
    return dt.datetime(2026, 11, 2, hour, tzinfo=UTC) + dt.timedelta(days=day)


def _answer(idea, slug: str, when: dt.datetime, actor) -> None:  # type: ignore[no-untyped-def]
    status = IdeaStatus.objects.get(slug=slug)
    IdeaResponse.objects.create(
        idea=idea, status=status, answer="A full answer given.", actor=actor, created_at=when
    )
    idea.status, idea.answered_at = status, when
    idea.save()


def _referral(n: int, received: dt.datetime | None, **fields: object) -> Referral:
    return Referral.objects.create(
        reference=f"IL-2026-{n:06d}" if received else None,
        raised_as="resident",
        problem="Damp in the flats",
        received_at=received,
        **fields,
    )


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    return build_world()


def build_world() -> dict[str, int]:
    children, housing = Priority.objects.get(slug="children"), Priority.objects.get(slug="housing")
    d1, d2 = DirectorateFactory(name="People"), DirectorateFactory(name="Place")
    s1, s2 = ServiceFactory(directorate=d1), ServiceFactory(directorate=d2)
    hub = UserFactory(role=Role.HUB_TEAM)

    # Ideas. I1 (children, People): first answer Mon 9 Nov = 5 working days, within 10;
    # answered again later (the first answer counts); taken forward.
    i1 = IdeaFactory(submitted_at=at(0), directorate=d1)
    i1.priorities.set([children])
    _answer(i1, "under-review", at(7), hub)
    _answer(i1, "taken-forward", at(20), hub)
    # I2 (children and housing, Place): first answer Mon 23 Nov = 15 working days, late.
    i2 = IdeaFactory(submitted_at=at(0), directorate=d2)
    i2.priorities.set([children, housing])
    _answer(i2, "not-taken-forward", at(21), hub)
    # I3 (housing, no directorate): not answered.
    i3 = IdeaFactory(submitted_at=at(1))
    i3.priorities.set([housing])
    IdeaFactory(submitted_at=at(1), hidden_at=at(2))  # hidden: not counted
    IdeaFactory(submitted_at=None)  # a draft: not counted

    # Referrals. C1 is one challenge formed from R1 and R3.
    c1 = Challenge.objects.create(title="Damp", slug="damp", statement="Damp in flats")
    # R1 (children, People via S1): acknowledged Wed 4 Nov (2 working days, within 5),
    # decided Fri 27 Nov (19 working days, within 20), accepted.
    r1 = _referral(
        1, at(0), acknowledged_at=at(2), decided_at=at(25), status="accepted", challenge=c1
    )
    r1.priorities.set([children])
    r1.services.set([s1])
    # R2 (housing, Place via S2): acknowledged Mon 16 Nov (10 working days, late); undecided.
    r2 = _referral(2, at(0), acknowledged_at=at(14), status="acknowledged")
    r2.priorities.set([housing])
    r2.services.set([s2])
    # R3: acknowledged and decided the next day (1 working day each), into the same challenge.
    _referral(3, at(1), acknowledged_at=at(2), decided_at=at(2), status="accepted", challenge=c1)
    _referral(4, None, status="unconfirmed")  # never sent: not counted

    # Initiatives.
    a = InitiativeFactory(stage="test", scale=ChangeScale.TWEAK)
    a.priorities.set([children])
    a.directorates.set([d1])
    b = InitiativeFactory(stage="discover", scale=ChangeScale.TRANSFORMATION)
    b.priorities.set([housing])
    b.services.set([s2])  # Place, through its service
    c = InitiativeFactory(stage="closed", scale=ChangeScale.IMPROVEMENT)
    StatusUpdate.objects.create(initiative=a, on=dt.date(2026, 11, 1), rag="amber", summary="x")
    StatusUpdate.objects.create(initiative=a, on=dt.date(2026, 11, 20), rag="red", summary="y")
    StatusUpdate.objects.create(initiative=b, on=dt.date(2026, 11, 20), rag="green", summary="z")
    StatusUpdate.objects.create(initiative=c, on=dt.date(2026, 11, 20), rag="red", summary="w")
    past, future = dt.date(2026, 11, 1), dt.date(2027, 1, 1)
    Milestone.objects.create(initiative=a, title="Late", due_on=past)
    Milestone.objects.create(initiative=a, title="Done", due_on=past, done_on=past)
    Milestone.objects.create(initiative=a, title="Later", due_on=future)
    Milestone.objects.create(initiative=b, title="Late 1", due_on=past)
    Milestone.objects.create(initiative=b, title="Late 2", due_on=past)
    Milestone.objects.create(
        initiative=c, title="Closed, late", due_on=past
    )  # closed: not slipping
    Benefit.objects.create(
        initiative=a,
        kind="cashable",
        description="Less agency spend",
        planned=Decimal(1000),
        forecast=Decimal(800),
        realised=Decimal(500),
    )
    Benefit.objects.create(
        initiative=a,
        kind="hours",
        description="Fewer calls",
        planned=Decimal(100),
        realised=Decimal(40),
    )
    Benefit.objects.create(
        initiative=b, kind="cashable", description="Fewer voids", planned=Decimal(2000)
    )

    # Pilots (all start in November 2026): go, undecided, no-go.
    PilotFactory(
        initiative=a,
        starts_on=dt.date(2026, 11, 2),
        ends_on=future,
        decision="go",
        decided_by=hub,
        decided_at=at(20),
    )
    PilotFactory(initiative=b, starts_on=dt.date(2026, 11, 10), ends_on=future)
    PilotFactory(
        initiative=c,
        starts_on=dt.date(2026, 11, 2),
        ends_on=future,
        decision="no_go",
        decided_by=hub,
        decided_at=at(20),
    )

    # Measures: A has one with no data; B one that alternates 10, 12 (common cause) and one
    # (higher is better) that jumps from about 10 to 30, far outside its limits: improvement.
    MeasureFactory(initiative=a)
    flat = MeasureFactory(initiative=b)
    for n in range(12):
        ObservationFactory(
            measure=flat, on=dt.date(2026, 1, 5) + dt.timedelta(weeks=n), value=10.0 + 2 * (n % 2)
        )
    jump = MeasureFactory(initiative=b, improvement_direction="increase")
    for n in range(12):
        ObservationFactory(
            measure=jump,
            on=dt.date(2026, 1, 5) + dt.timedelta(weeks=n),
            value=(10.0 + n % 2) if n < 10 else 30.0,
        )

    aggregates_refresh(today=TODAY)
    return {"children": children.pk, "housing": housing.pk, "people": d1.pk, "place": d2.pk}
