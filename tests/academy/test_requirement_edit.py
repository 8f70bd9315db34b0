"""Changing a pilot's training requirement after it was added (issue 11): course or
pathway, who, how many, needed by; the same rules as adding one (needed by on or before
the pilot starts), each change in the audit log, and the gap figures follow. Role × action,
bad input, the page without JavaScript."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives import training
from improvement_hub.initiatives.models import TeamMember
from improvement_hub.initiatives.models.parts import TrainingRequirement
from tests.academy.factories import CourseFactory
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import PilotFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db

ROLES = [None, *Role]
ROLE_IDS = ["anonymous", *(r.name.lower() for r in Role)]


@pytest.fixture
def requirement(db):  # type: ignore[no-untyped-def]
    """A requirement for 5 people at the pilot site, needed by the day the pilot starts."""
    starts = timezone.localdate() + timedelta(days=60)
    pilot = PilotFactory(starts_on=starts, ends_on=starts + timedelta(days=90))
    return TrainingRequirement.objects.create(
        initiative=pilot.initiative,
        pilot=pilot,
        need="Introduction to improvement",
        course=CourseFactory(),
        who="All staff at the pilot site",
        count=5,
        needed_by=starts,
    )


def _url(requirement: TrainingRequirement) -> str:
    return reverse("initiatives:training_edit", args=[requirement.initiative_id, requirement.pk])


def _answers(requirement: TrainingRequirement, **changes: object) -> dict[str, object]:
    answers: dict[str, object] = {
        "need": requirement.need,
        "course": requirement.course_id or "",
        "pathway": requirement.pathway_id or "",
        "pilot": requirement.pilot_id or "",
        "who": requirement.who,
        "count": requirement.count or "",
        "needed_by": requirement.needed_by.isoformat() if requirement.needed_by else "",
    }
    answers.update(changes)
    return answers


def _log(requirement: TrainingRequirement) -> list[ModelLogEntry]:
    return list(
        ModelLogEntry.objects.for_instance(requirement)
        .filter(action=training.REQUIREMENT_CHANGED)
        .order_by("pk")
    )


def test_hub_team_change_course_count_and_date_and_the_gap_and_the_record_follow(requirement, hub):
    client = Client()
    client.force_login(hub)
    other = CourseFactory(title="Running a pilot well")
    earlier = requirement.pilot.starts_on - timedelta(days=14)
    page = client.get(_url(requirement)).content.decode()
    assert "Change a training requirement" in page
    assert 'value="All staff at the pilot site"' in page  # the form shows the answers now

    response = client.post(
        _url(requirement), _answers(requirement, course=other.pk, count="8", needed_by=earlier)
    )

    assert response.status_code == 302
    assert response.url.endswith("#training")
    requirement.refresh_from_db()
    assert (requirement.course, requirement.count, requirement.needed_by) == (other, 8, earlier)
    initiative_page = client.get(requirement.initiative.get_absolute_url()).content.decode()
    assert "8 need it – 0 trained, 0 booked, 8 not booked" in initiative_page
    (entry,) = _log(requirement)
    assert entry.user_id == hub.pk
    changes = entry.data["changes"]
    assert changes["How many"] == ["5", "8"]
    assert changes["Course"][1] == "Running a pilot well"
    assert set(changes) == {"Course", "How many", "Needed by"}
    assert "Running a pilot well" in client.get(_url(requirement)).content.decode()


def test_the_initiative_pages_change_link_opens_the_requirement_page(requirement, hub):
    client = Client()
    client.force_login(hub)
    page = client.get(requirement.initiative.get_absolute_url()).content.decode()
    assert _url(requirement) in page
    old = f"/initiatives/{requirement.initiative_id}/training/{requirement.pk}/edit/"
    response = client.get(old)
    assert response.status_code == 302
    assert response.url == _url(requirement)


def test_named_people_replace_the_count_and_are_counted(requirement, hub):
    people = [UserFactory(role=Role.STAFF) for _ in range(3)]
    data = training.RequirementData(
        need=requirement.need,
        course=requirement.course,
        pilot=requirement.pilot,
        people=tuple(people),
        needed_by=requirement.needed_by,
    )
    training.requirement_update(actor=hub, requirement=requirement, data=data)
    (row,) = training.pilot_training(pilot=requirement.pilot)
    assert row.summary == "3 need it – 0 trained, 0 booked, 3 not booked"
    assert "Named people" in _log(requirement)[0].data["changes"]


def test_saving_with_nothing_changed_records_nothing(requirement, hub):
    client = Client()
    client.force_login(hub)
    for _ in range(2):  # a double submit too
        assert client.post(_url(requirement), _answers(requirement)).status_code == 302
    assert _log(requirement) == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"needed_by": "__after__"}, "needed_by", "must be on or before the pilot starts"),
        ({"count": "", "who": ""}, "count", "Name the people who need it, or say how many"),
        ({"count": "0"}, "count", "Enter 1 or more people"),
        ({"count": "-3"}, "count", "Enter 1 or more people"),
        ({"count": "99999999999999999999"}, "count", "Enter 10,000 people or fewer"),
        ({"count": "eight"}, "count", "Enter how many people as a whole number"),
        ({"needed_by": "31/02/2027"}, "needed_by", "Enter the date as year-month-day"),
        ({"course": "999999"}, "course", "Select a valid choice"),
        ({"pathway": "__pathway__"}, "pathway", "Choose a course or a pathway, not both"),
        ({"need": ""}, "need", "Enter training needed"),
        ({"need": "x" * 20_000}, "need", "must be 300 characters or fewer"),
        ({"pilot": "__other_pilot__"}, "pilot", "Select a valid choice"),
    ],
)
def test_bad_answers_are_refused_with_a_clear_message_and_nothing_changes(
    requirement, hub, changes, field, message
):
    from improvement_hub.academy.models import Pathway

    client = Client()
    client.force_login(hub)
    values = dict(changes)
    if values.get("needed_by") == "__after__":
        values["needed_by"] = (requirement.pilot.starts_on + timedelta(days=1)).isoformat()
    if values.get("pathway") == "__pathway__":
        values["pathway"] = Pathway.objects.create(
            title="Ambassador", slug="ambassador", capability="x", summary="x"
        ).pk
    if values.get("pilot") == "__other_pilot__":
        values["pilot"] = PilotFactory().pk
    before = TrainingRequirement.objects.filter(pk=requirement.pk).values().get()

    response = client.post(_url(requirement), _answers(requirement, **values))

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert TrainingRequirement.objects.filter(pk=requirement.pk).values().get() == before
    assert _log(requirement) == []


def test_the_service_refuses_a_date_after_the_pilot_starts(requirement, hub):
    data = training.RequirementData(
        need="x",
        course=requirement.course,
        pilot=requirement.pilot,
        count=5,
        needed_by=requirement.pilot.starts_on + timedelta(days=1),
    )
    with pytest.raises(ValidationError) as refused:
        training.requirement_update(actor=hub, requirement=requirement, data=data)
    assert "needed_by" in refused.value.message_dict


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_only_the_team_and_the_hub_team_change_a_requirement(requirement, role):
    client = Client()
    if role is not None:
        client.force_login(UserFactory(role=role))
    for response in (
        client.get(_url(requirement)),
        client.post(_url(requirement), _answers(requirement, count="9")),
    ):
        if role is None:
            assert response.status_code == 302
            assert response.url.startswith("/accounts/login/")
        elif role == Role.HUB_TEAM:
            assert response.status_code in (200, 302)
        else:
            assert response.status_code == 404
    requirement.refresh_from_db()
    assert requirement.count == (9 if role == Role.HUB_TEAM else 5)


def test_a_team_member_changes_their_initiatives_requirement(requirement):
    member = UserFactory(role=Role.STAFF)
    TeamMemberFactory(initiative=requirement.initiative, user=member, role=TeamMember.Role.LEAD)
    client = Client()
    client.force_login(member)
    assert client.post(_url(requirement), _answers(requirement, count="7")).status_code == 302
    requirement.refresh_from_db()
    assert requirement.count == 7


def test_the_service_refuses_someone_outside_the_team(requirement):
    data = training.RequirementData(need="x", count=3)
    with pytest.raises(PermissionDenied):
        training.requirement_update(
            actor=UserFactory(role=Role.STAFF), requirement=requirement, data=data
        )


def test_a_requirement_of_another_initiative_is_not_found(requirement, hub):
    client = Client()
    client.force_login(hub)
    other = PilotFactory()
    url = reverse("initiatives:training_edit", args=[other.initiative_id, requirement.pk])
    assert client.get(url).status_code == 404
    missing = reverse("initiatives:training_edit", args=[requirement.initiative_id, 99999999])
    assert client.get(missing).status_code == 404


def test_a_new_date_may_be_flagged_again(requirement, hub):
    TrainingRequirement.objects.filter(pk=requirement.pk).update(flagged_at=timezone.now())
    requirement.refresh_from_db()
    data = training.RequirementData(
        need=requirement.need,
        course=requirement.course,
        pilot=requirement.pilot,
        who=requirement.who,
        count=5,
        needed_by=requirement.pilot.starts_on - timedelta(days=7),
    )
    training.requirement_update(actor=hub, requirement=requirement, data=data)
    requirement.refresh_from_db()
    assert requirement.flagged_at is None
