"""The Hub Team change a task's acceptance criteria, due date and owner, on a page with no
JavaScript; the service holds the rules and writes the audit trail."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from improvement_hub.partnership import services
from improvement_hub.partnership.models import AuditEntry
from tests.accounts.factories import UserFactory
from tests.partnership.conftest import People, World, accept

pytestmark = pytest.mark.django_db


def client(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


def url(world: World, n: int = 3) -> str:
    return f"/contracts/{world.contract.pk}/tasks/{n}/edit/"


def test_hub_team_changes_task_and_audit_records_each_field(people: People, world: World) -> None:
    response = client(people.hub).post(
        url(world),
        {
            "acceptance_criteria": "A plan for each pilot, signed by its sponsor",
            "due_on": "30/6/2017",
            "owner": people.partner.pk,
        },
    )
    assert response.status_code == 302
    task = world.tasks[3]
    task.refresh_from_db()
    assert task.acceptance_criteria == "A plan for each pilot, signed by its sponsor"
    assert task.due_on == date(2017, 6, 30)
    assert task.owner == people.partner
    fields = set(
        AuditEntry.objects.filter(object_type="deliverable", object_id=task.pk).values_list(
            "field", flat=True
        )
    )
    assert fields == {"acceptance_criteria", "due_on", "owner"}
    page = client(people.hub).get(task.get_absolute_url()).content.decode()
    assert "A plan for each pilot" in page
    assert "30 June 2017" in page


def test_saving_unchanged_task_writes_no_audit(people: People, world: World) -> None:
    task = world.tasks[3]
    services.deliverable_edit(
        actor=people.hub,
        deliverable=task,
        acceptance_criteria=task.acceptance_criteria,
        due_on=task.due_on,
        owner=None,
    )
    assert not AuditEntry.objects.filter(object_type="deliverable", object_id=task.pk).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"acceptance_criteria": "", "due_on": "31/5/2017"}, "Enter"),
        ({"acceptance_criteria": "   ", "due_on": "31/5/2017"}, "Enter"),
        ({"acceptance_criteria": "Ok", "due_on": "31/2/2017"}, "Due date must be a real date"),
        ({"acceptance_criteria": "Ok", "due_on": "1/1/2019"}, "the contract&#x27;s term"),
        ({"acceptance_criteria": "x" * 5000, "due_on": "31/5/2017"}, "characters"),
        ({"acceptance_criteria": "Ok", "due_on": "31/5/2017", "owner": "99999"}, "Select the"),
        ({"acceptance_criteria": "Ok", "due_on": "31/5/2017", "owner": "<b>"}, "Select the"),
    ],
)
def test_bad_input_shows_error_and_keeps_task(
    people: People, world: World, data: dict[str, str], message: str
) -> None:
    response = client(people.hub).post(url(world), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    world.tasks[3].refresh_from_db()
    assert world.tasks[3].acceptance_criteria == "Done well"


def test_owner_refused_when_not_hub_team_or_partner_contact(people: People, world: World) -> None:
    for outsider in (people.staff, people.other_partner, UserFactory(role="Leadership")):
        with pytest.raises(ValidationError, match="Select the Hub Team"):
            services.deliverable_edit(
                actor=people.hub,
                deliverable=world.tasks[3],
                acceptance_criteria="Ok",
                due_on=date(2017, 5, 31),
                owner=outsider,
            )


def test_accepted_task_cannot_be_changed(people: People, world: World) -> None:
    accept(people, world.tasks[1])
    with pytest.raises(ValidationError, match="An accepted task cannot be changed"):
        services.deliverable_edit(
            actor=people.hub,
            deliverable=world.tasks[1],
            acceptance_criteria="Other",
            due_on=date(2017, 5, 31),
            owner=None,
        )
    page = client(people.hub).get(world.tasks[1].get_absolute_url()).content.decode()
    assert "Change the acceptance criteria" not in page


@pytest.mark.parametrize("role", ["leader", "partner", "other_partner", "staff"])
def test_only_hub_team_may_change_task(people: People, world: World, role: str) -> None:
    user = getattr(people, role)
    with pytest.raises(PermissionDenied):
        services.deliverable_edit(
            actor=user,
            deliverable=world.tasks[3],
            acceptance_criteria="Other",
            due_on=date(2017, 5, 31),
            owner=None,
        )
    assert client(user).get(url(world)).status_code in (403, 404)
    assert client(user).post(
        url(world), {"acceptance_criteria": "Other", "due_on": "31/5/2017"}
    ).status_code in (403, 404)
    assert "Change the acceptance criteria" not in (
        client(user).get(world.tasks[3].get_absolute_url()).content.decode()
    )
    assert Client().get(url(world)).status_code in (302, 404)
