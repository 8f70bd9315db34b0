"""Two Hub Team members removing each other's role at the same moment: one wins, the other
is refused, and the Hub Team is never left empty (the group's row is locked first)."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from improvement_hub.accounts.models import RoleChange, User
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.services import person_role_change
from tests.accounts.factories import UserFactory

ROUNDS = 5


def hub_team_count() -> int:
    return User.objects.filter(groups__name=str(Role.HUB_TEAM), is_active=True).count()


def remove_each_other_at_once(first: User, second: User) -> list[object]:
    """Each removes the other's Hub Team role, both released by one barrier; returns what
    each call gave (a RoleChange, or the refusal)."""
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def remove(actor: User, person: User) -> None:
        try:
            actor = User.objects.get(pk=actor.pk)
            actor.has_role(str(Role.HUB_TEAM))  # roles read as a request would
            barrier.wait()
            outcomes.append(
                person_role_change(actor=actor, person=person, role=Role.HUB_TEAM, grant=False)
            )
        except (PermissionDenied, ValidationError) as refused:
            outcomes.append(refused)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=remove, args=(first, second)),
        threading.Thread(target=remove, args=(second, first)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row-level concurrency is a PostgreSQL property; SQLite serialises all writers",
)
def test_two_members_removing_each_other_at_once_leave_one_in_the_hub_team():
    for _ in range(ROUNDS):
        first, second = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
        outcomes = remove_each_other_at_once(first, second)
        assert hub_team_count() == 1
        assert sum(isinstance(o, RoleChange) for o in outcomes) == 1
        assert sum(isinstance(o, PermissionDenied | ValidationError) for o in outcomes) == 1
        assert RoleChange.objects.filter(person__in=[first, second]).count() == 1
        # Start the next round from an empty Hub Team again.
        User.objects.filter(pk__in=[first.pk, second.pk]).update(is_active=False)
