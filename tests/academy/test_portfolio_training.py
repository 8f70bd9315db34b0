"""The portfolio shows each pilot's training numbers ("8 need it – 3 trained, 4 booked,
1 not booked"), not only an "at risk" tag, to those who see the whole portfolio, in the
same number of queries however many initiatives, pilots and requirements."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives import training
from improvement_hub.initiatives.models.parts import TrainingRequirement
from tests.academy.factories import CourseFactory
from tests.academy.test_training_requirements import setting  # noqa: F401  # the fixture
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import PilotFactory

pytestmark = pytest.mark.django_db


def _portfolio(user) -> str:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client.get(reverse("initiatives:portfolio")).content.decode()


def test_each_pilots_numbers_are_on_the_portfolio_for_the_hub_team(setting, hub):  # noqa: F811
    pilot, requirement, _, _ = setting
    page = _portfolio(hub)
    assert f"{pilot.title}: 8 need it – 3 trained, 4 booked, 1 not booked" in page


def test_council_staff_see_the_numbers_as_they_see_every_initiative(setting):  # noqa: F811
    assert "8 need it – 3 trained" in _portfolio(UserFactory(role=Role.STAFF))


def test_a_pilots_requirements_add_up_and_one_not_met_in_time_is_flagged(hub):
    soon = timezone.localdate() + timedelta(days=3)
    pilot = PilotFactory(starts_on=soon, ends_on=soon + timedelta(days=30))
    for count in (4, 2):
        TrainingRequirement.objects.create(
            initiative=pilot.initiative,
            pilot=pilot,
            need="Co-production",
            course=CourseFactory(),
            count=count,
            needed_by=soon,
        )
    TrainingRequirement.objects.create(
        initiative=pilot.initiative, need="Reading SPC charts", who="Team lead"
    )  # free text: no numbers
    (numbers,) = training.initiatives_training([pilot.initiative])[pilot.initiative_id]
    assert numbers.summary == "6 need it – 0 trained, 0 booked, 6 not booked"
    assert numbers.at_risk
    page = _portfolio(hub)
    assert "Training at risk" in page
    assert f"{pilot.title}: 6 need it" in page


def test_requirements_for_no_pilot_show_as_the_whole_initiative(hub):
    pilot = PilotFactory()
    TrainingRequirement.objects.create(
        initiative=pilot.initiative, need="x", course=CourseFactory(), count=3
    )
    (numbers,) = training.initiatives_training([pilot.initiative])[pilot.initiative_id]
    assert numbers.label == training.WHOLE_INITIATIVE


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.PARTNER])
def test_people_who_see_only_published_initiatives_see_no_training_numbers(
    setting,  # noqa: F811
    role,
):
    pilot, *_ = setting
    type(pilot.initiative).objects.filter(pk=pilot.initiative_id).update(
        is_published=True, public_summary="Quicker repairs."
    )
    page = _portfolio(UserFactory(role=role))
    assert "need it –" not in page


def test_the_portfolio_reads_the_same_queries_with_more_pilots_and_requirements(
    setting,  # noqa: F811
    hub,
    django_assert_max_num_queries,
):
    client = Client()
    client.force_login(hub)
    url = reverse("initiatives:portfolio")
    client.get(url)
    with django_assert_max_num_queries(100) as few:
        client.get(url)
    queries = len(few.captured_queries)  # read before the next request resets the query log
    for _ in range(5):
        pilot = PilotFactory()
        for _ in range(2):
            requirement = TrainingRequirement.objects.create(
                initiative=pilot.initiative,
                pilot=pilot,
                need="x",
                course=CourseFactory(),
                needed_by=pilot.starts_on,
            )
            requirement.people.set([UserFactory(role=Role.STAFF) for _ in range(2)])
    client.get(url)  # new people with roles refresh the cached permissions once
    with django_assert_max_num_queries(queries):
        page = client.get(url).content.decode()
    assert page.count("4 need it – 0 trained, 0 booked, 4 not booked") == 5
