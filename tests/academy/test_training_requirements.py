"""Training woven into pilots: the gap, the red flag 10 working days before, telling the
lead and the Hub Team once, scheduling a session for a requirement in one step."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from improvement_hub import workdays
from improvement_hub.academy import services
from improvement_hub.academy.services import SessionData
from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives import training
from improvement_hub.initiatives.models import TeamMember
from improvement_hub.initiatives.models.parts import TrainingRequirement
from improvement_hub.notifications.models import Notification
from tests.academy.factories import CourseFactory, SessionFactory
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import InitiativeFactory, PilotFactory

pytestmark = pytest.mark.django_db


def _attend(person, course, hub):  # type: ignore[no-untyped-def]
    session = SessionFactory(course=course)
    enrolment = services.booking_create(actor=person, session=session)
    start = timezone.now() - timedelta(hours=3)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        booking_deadline=start,
        cancellation_deadline=start,
    )
    enrolment.refresh_from_db()
    services.register_mark(actor=hub, enrolment=enrolment, attendance="attended")


@pytest.fixture
def setting(hub):  # type: ignore[no-untyped-def]
    """A pilot 8 named people need a course for: 3 trained, 4 booked, 1 not booked."""
    course = CourseFactory()
    starts = timezone.localdate() + timedelta(days=60)
    pilot = PilotFactory(starts_on=starts, ends_on=starts + timedelta(days=90))
    people = [UserFactory(role=Role.STAFF) for _ in range(8)]
    for person in people[:3]:
        _attend(person, course, hub)
    upcoming = SessionFactory(course=course, capacity=3)
    for person in people[3:7]:  # three seats and one on the waiting list: all "booked"
        services.booking_create(actor=person, session=upcoming)
    requirement = TrainingRequirement.objects.create(
        initiative=pilot.initiative,
        pilot=pilot,
        need=course.title,
        course=course,
        needed_by=starts,
    )
    requirement.people.set(people)
    return pilot, requirement, people, course


def test_gap_counts_trained_booked_and_not_booked(setting):
    pilot, requirement, _, _ = setting
    (row,) = training.pilot_training(pilot=pilot)
    assert row.summary == "8 need it – 3 trained, 4 booked, 1 not booked"
    assert not row.at_risk  # 60 days ahead


def test_gap_for_a_role_with_a_count_counts_the_requirements_sessions(hub):
    course = CourseFactory()
    pilot = PilotFactory()
    session = SessionFactory(course=course)
    for _ in range(2):
        services.booking_create(actor=UserFactory(role=Role.STAFF), session=session)
    requirement = TrainingRequirement.objects.create(
        initiative=pilot.initiative,
        pilot=pilot,
        need="All staff at the site",
        course=course,
        who="All staff at the site",
        count=5,
    )
    requirement.sessions.add(session)
    (row,) = training.pilot_training(pilot=pilot)
    assert row.summary == "5 need it – 0 trained, 2 booked, 3 not booked"


def test_red_flag_from_10_working_days_before_and_lead_and_hub_team_told_once(setting, hub):
    pilot, requirement, _, _ = setting
    lead = UserFactory(role=Role.STAFF)
    TeamMember.objects.create(initiative=pilot.initiative, user=lead, role=TeamMember.Role.LEAD)
    flag_from = workdays.add_working_days(requirement.needed_by, -10)
    assert training.requirements_flag(today=flag_from - timedelta(days=1)) == 0
    assert training.requirements_flag(today=flag_from) == 1
    assert training.requirements_flag(today=flag_from) == 0  # once
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert {lead.pk, hub.pk} <= told
    TrainingRequirement.objects.filter(pk=requirement.pk).update(
        needed_by=timezone.localdate() + timedelta(days=3)
    )
    (row,) = training.pilot_training(pilot=pilot)
    assert row.at_risk


def test_hub_team_schedule_a_session_for_a_requirement_and_the_untrained_are_booked(setting, hub):
    pilot, requirement, people, course = setting
    start = timezone.now() + timedelta(days=20)
    data = SessionData(starts_at=start, ends_at=start + timedelta(hours=3), capacity=10)
    with pytest.raises(PermissionDenied):
        training.requirement_schedule_session(actor=people[0], requirement=requirement, data=data)
    session = training.requirement_schedule_session(actor=hub, requirement=requirement, data=data)
    booked = set(session.enrolments.values_list("person_id", flat=True))
    assert booked == {p.pk for p in people[3:]}  # the five not yet trained
    assert list(requirement.sessions.all()) == [session]


def test_requirement_create_refuses_course_and_pathway_together_or_nobody(hub):
    from improvement_hub.academy.models import Pathway

    initiative = InitiativeFactory()
    pathway = Pathway.objects.create(title="P", slug="p", capability="c", summary="s")
    data = training.RequirementData(need="x", course=CourseFactory(), pathway=pathway)
    with pytest.raises(ValidationError) as refused:
        training.requirement_create(actor=hub, initiative=initiative, data=data)
    assert refused.value.message_dict == {
        "pathway": ["Choose a course or a pathway, not both"],
        "count": ["Name the people who need it, or say how many"],
    }


def test_requirement_page_adds_one_and_initiative_page_shows_the_gap(setting, hub):
    pilot, _, _, course = setting
    client = Client()
    client.force_login(hub)
    url = reverse("initiatives:training_add", args=[pilot.initiative.pk])
    response = client.post(url, {"need": "Co-production", "course": course.pk, "count": "0"})
    assert response.status_code == 400
    assert "Enter 1 or more people" in response.content.decode()
    response = client.post(
        url,
        {
            "need": "Co-production",
            "course": course.pk,
            "count": "6",
            "who": "All staff at the site",
            "pilot": pilot.pk,
        },
    )
    assert response.status_code == 302
    page = client.get(pilot.initiative.get_absolute_url()).content.decode()
    assert "8 need it – 3 trained, 4 booked, 1 not booked" in page
    assert "6 need it – 0 trained, 0 booked, 6 not booked" in page


def test_free_text_needs_still_show(hub):
    pilot = PilotFactory()
    TrainingRequirement.objects.create(
        initiative=pilot.initiative, pilot=pilot, need="Reading SPC charts", who="Team lead"
    )
    (row,) = training.pilot_training(pilot=pilot)
    assert row.gap is None
    assert row.summary == ""
