"""Who is told what, in the hub and by email, as a contract's tasks and payment blocks move."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from improvement_hub.accounts.roles import Role
from improvement_hub.notifications.models import Notification
from improvement_hub.partnership import services
from tests.accounts.factories import UserFactory
from tests.partnership.conftest import People, World

pytestmark = pytest.mark.django_db
Commit = Callable[[], Any]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _submit(people: People, world: World, n: int, commit) -> None:
    task = world.tasks[n]
    services.evidence_add(
        actor=people.partner, deliverable=task, kind="page", label="Plan", path="/lab/plan/"
    )
    with commit():
        services.deliverable_submit(actor=people.partner, deliverable=task)


def test_hub_contacts_told_by_email_when_partner_submits_task(
    people: People, world: World, mailoutbox: list[Any], commit: Commit
) -> None:
    _submit(people, world, 1, commit)
    told = Notification.objects.get(kind="partnership.task_submitted")
    assert told.recipient == people.hub
    assert told.subject == "Task 1 of IH-2016-001 is submitted for acceptance"
    assert told.url == world.tasks[1].get_absolute_url()
    assert [m.to for m in mailoutbox] == [[people.hub.email]]
    assert "submitted for acceptance" in mailoutbox[0].subject
    # nobody else: not the partner who submitted, not Leadership, not staff
    assert Notification.objects.count() == 1


def test_partner_contacts_told_with_reason_when_task_rejected_then_accepted(
    people: People, world: World, mailoutbox: list[Any], commit: Commit
) -> None:
    _submit(people, world, 2, commit)
    mailoutbox.clear()
    with commit():
        services.deliverable_review(
            actor=people.hub,
            deliverable=world.tasks[2],
            accept=False,
            reason="The plan has no dates <b>yet</b>",
        )
    rejected = Notification.objects.get(kind="partnership.task_reviewed")
    assert rejected.recipient == people.partner
    assert rejected.subject == "Task 2 of IH-2016-001 is not accepted"
    assert "The plan has no dates <b>yet</b>" in rejected.body
    assert [m.to for m in mailoutbox] == [[people.partner.email]]
    assert "The plan has no dates" in mailoutbox[0].body
    assert not Notification.objects.filter(recipient=people.other_partner).exists()
    _submit(people, world, 2, commit)
    with commit():
        services.deliverable_review(actor=people.hub, deliverable=world.tasks[2], accept=True)
    assert Notification.objects.filter(
        recipient=people.partner, subject="Task 2 of IH-2016-001 is accepted"
    ).exists()


def test_leadership_told_once_when_block_ready_and_hub_when_approved(
    people: People, world: World, mailoutbox: list[Any], commit: Commit
) -> None:
    other_leader = UserFactory(role=Role.LEADERSHIP)
    # block 1 needs tasks 1 and 5
    for n in (1, 5):
        _submit(people, world, n, commit)
        with commit():
            services.deliverable_review(actor=people.hub, deliverable=world.tasks[n], accept=True)
        ready = Notification.objects.filter(subject__contains="is ready for approval")
        assert ready.count() == (0 if n == 1 else 2)
    assert {n.recipient for n in ready} == {people.leader, other_leader}
    assert ready[0].subject == "Payment block 1 of IH-2016-001 is ready for approval"
    assert "invoice is not in yet" in ready[0].body
    services.payment_block_invoice(
        actor=people.hub,
        block=world.blocks[1],
        invoice_number="INV-1",
        invoice_on=date(2017, 3, 1),
        invoice_gbp=world.blocks[1].amount_gbp,
    )
    with commit():
        services.payment_block_approve(actor=people.leader, block=world.blocks[1])
    approved = Notification.objects.get(kind="partnership.block_approved")
    assert approved.recipient == people.hub
    assert approved.subject == "Payment block 1 of IH-2016-001 is approved"


def test_nobody_told_when_change_refused(people: People, world: World, commit: Commit) -> None:
    with commit(), pytest.raises(ValidationError):
        services.deliverable_submit(actor=people.partner, deliverable=world.tasks[3])
    with commit(), pytest.raises(PermissionDenied):
        services.deliverable_review(actor=people.staff, deliverable=world.tasks[3], accept=True)
    assert not Notification.objects.exists()
