from datetime import date, timedelta

import factory

from improvement_hub.council.models import ChangeScale
from improvement_hub.initiatives.models import (
    Initiative,
    Measure,
    Observation,
    Pilot,
    RedesignPhase,
    RedesignProgramme,
    TeamMember,
)
from tests.council.factories import DirectorateFactory


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    title = factory.Sequence(lambda n: f"Initiative {n}: quicker repairs")
    problem = "Tenants wait too long for repairs."
    scale = ChangeScale.IMPROVEMENT
    stage = "aim"


class PublishedInitiativeFactory(InitiativeFactory):
    is_published = True
    public_summary = "Making repairs quicker for tenants."


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    initiative = factory.SubFactory(InitiativeFactory)
    role = TeamMember.Role.MEMBER
    name = factory.Sequence(lambda n: f"Team member {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    initiative = factory.SubFactory(InitiativeFactory)
    name = factory.Sequence(lambda n: f"Days to repair {n}")
    unit = "days"
    improvement_direction = Measure.Direction.DECREASE


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    measure = factory.SubFactory(MeasureFactory)
    on = factory.Sequence(lambda n: date(2017, 1, 2) + timedelta(weeks=n))
    value = 10.0


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RedesignProgramme

    title = factory.Sequence(lambda n: f"Redesign {n}")
    slug = factory.Sequence(lambda n: f"redesign-{n}")
    directorate = factory.SubFactory(DirectorateFactory)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RedesignPhase

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Phase {n}")
    starts_on = date(2017, 1, 1)
    ends_on = date(2017, 6, 30)


class PilotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pilot

    initiative = factory.SubFactory(InitiativeFactory)
    title = factory.Sequence(lambda n: f"Pilot {n}")
    starts_on = date(2017, 2, 1)
    ends_on = date(2017, 5, 31)
    success_criteria = "Half the repairs done in a week."
