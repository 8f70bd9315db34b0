"""PATCH /api/v1/deliverables/{id}: a task moves as its page allows, through the page's
form (forms.DeliverableStatusForm) and the same service. 200, 403 for a role that may not
make the move, 404 for a contract that is not yours, 409 for a move its status does not
allow, 422 for bad input."""

import json

import pytest

from improvement_hub.partnership import services
from improvement_hub.partnership.models import AuditEntry, Deliverable
from tests.partnership.conftest import People, World
from tests.partnership.test_contract_pages import ROLES, as_role, client

pytestmark = pytest.mark.django_db


def patch(who, task: Deliverable, body: object):  # type: ignore[no-untyped-def]
    data = body if isinstance(body, str) else json.dumps(body)
    return who.patch(f"/api/v1/deliverables/{task.pk}", data, content_type="application/json")


def with_evidence(people: People, task: Deliverable) -> Deliverable:
    services.evidence_add(
        actor=people.partner, deliverable=task, kind="page", label="Plan", path="/lab/plan/"
    )
    task.refresh_from_db()
    return task


def test_partner_submits_then_hub_team_rejects_then_accepts(people: People, world: World) -> None:
    task = with_evidence(people, world.tasks[3])
    submitted = patch(client(people.partner), task, {"status": "submitted"})
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    assert submitted.json()["url"] == task.get_absolute_url()
    rejected = patch(client(people.hub), task, {"status": "rejected", "reason": "No pilot plan"})
    assert rejected.status_code == 200
    assert rejected.json()["rejection_reason"] == "No pilot plan"
    assert patch(client(people.partner), task, {"status": "submitted"}).status_code == 200
    accepted = patch(client(people.hub), task, {"status": "accepted"})
    assert accepted.status_code == 200
    task.refresh_from_db()
    assert (task.status, task.decided_by) == ("accepted", people.hub)
    audit = AuditEntry.objects.filter(object_type="deliverable", object_id=task.pk, field="status")
    assert list(audit.order_by("id").values_list("after", flat=True)) == [
        "in_progress",
        "submitted",
        "rejected",
        "submitted",
        "accepted",
    ]
    # the page shows what the API did
    page = client(people.partner).get(task.get_absolute_url()).content.decode()
    assert "Accepted" in page


@pytest.mark.parametrize(
    ("status", "before", "expected"),
    [
        ("accepted", "in_progress", 409),
        ("rejected", "not_started", 409),
        ("accepted", "accepted", 409),
        ("submitted", "submitted", 409),
        ("submitted", "accepted", 409),
        ("submitted", "not_started", 409),  # no evidence yet
    ],
)
def test_illegal_move_is_409_and_task_unchanged(
    people: People, world: World, status: str, before: str, expected: int
) -> None:
    task = world.tasks[2]
    Deliverable.objects.filter(pk=task.pk).update(status=before)
    who = client(people.partner if status == "submitted" else people.hub)
    response = patch(who, task, {"status": status, "reason": "Because"})
    assert response.status_code == expected
    detail = response.json()["detail"]
    assert detail.startswith("Task 2 is") or detail == "Add evidence before you submit the task"
    task.refresh_from_db()
    assert task.status == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "rejected"}, "reason"),
        ({"status": "rejected", "reason": "   "}, "reason"),
        ({"status": "done"}, "status"),
        ({"status": "not_started"}, "status"),
        ({"status": ""}, "status"),
        ({"status": "accepted", "reason": "x" * 2001}, "reason"),
        ({"status": "rejected", "reason": "Bad\x00"}, "reason"),
        ({}, "status"),
        ({"status": 7}, "status"),
        ("not json", None),
    ],
)
def test_bad_input_is_422_and_task_unchanged(
    people: People, world: World, body: object, field: str | None
) -> None:
    task = with_evidence(people, world.tasks[4])
    services.deliverable_submit(actor=people.partner, deliverable=task)
    response = patch(client(people.hub), task, body)
    assert response.status_code in (400, 422) if field is None else response.status_code == 422
    if field is not None and "errors" in response.json():
        assert field in response.json()["errors"]
    task.refresh_from_db()
    assert task.status == "submitted"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("move", ["submitted", "accepted"])
def test_who_may_move_a_task(people: People, world: World, role: str, move: str) -> None:
    task = with_evidence(people, world.tasks[5])
    if move == "accepted":
        services.deliverable_submit(actor=people.partner, deliverable=task)
    before = Deliverable.objects.get(pk=task.pk).status
    response = patch(as_role(people, role), task, {"status": move})
    expected = {
        "anonymous": 401,
        "resident": 404,
        "staff": 404,
        "hub_team": 200,
        "partner": 200 if move == "submitted" else 403,
        "leadership": 403,
    }[role]
    assert response.status_code == expected
    task.refresh_from_db()
    assert (task.status == move) == (expected == 200)
    if expected != 200:
        assert task.status == before


def test_other_partner_and_missing_task_are_404(people: People, world: World) -> None:
    task = with_evidence(people, world.tasks[6])
    assert patch(client(people.other_partner), task, {"status": "submitted"}).status_code == 404
    missing = client(people.hub).patch(
        "/api/v1/deliverables/999999", '{"status": "accepted"}', content_type="application/json"
    )
    assert missing.status_code == 404
    huge = client(people.hub).patch(
        f"/api/v1/deliverables/{10**30}", '{"status": "accepted"}', content_type="application/json"
    )
    assert huge.status_code in (404, 422)


def test_page_review_uses_the_same_form_and_says_why_when_already_decided(
    people: People, world: World
) -> None:
    task = with_evidence(people, world.tasks[7])
    services.deliverable_submit(actor=people.partner, deliverable=task)
    url = task.get_absolute_url() + "review/"
    blank = client(people.hub).post(url, {"status": "rejected", "reason": ""})
    assert blank.status_code == 400
    assert "Enter the reason the task is not accepted" in blank.content.decode()
    assert client(people.hub).post(url, {"status": "accepted"}).status_code == 302
    late = client(people.hub).post(url, {"status": "rejected", "reason": "Too late"})
    assert late.status_code == 400
    assert "Task 7 is accepted, so it cannot be rejected" in late.content.decode()
    task.refresh_from_db()
    assert task.status == "accepted"
