"""Issue 10, item 13: two people removing the same value at once remove it once, and one
removal is recorded (row locks under threads: PostgreSQL)."""

import threading

import pytest
from django.db import connection

from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives import services
from improvement_hub.initiatives.models import Observation
from improvement_hub.initiatives.models.measures import Removal
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import MeasureFactory, ObservationFactory


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks under threads: PostgreSQL (CI runs it)"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_people_removing_one_value_at_once_record_one_removal():
    people = [UserFactory(role=Role.HUB_TEAM) for _ in range(4)]
    measure = MeasureFactory()
    observation = ObservationFactory(measure=measure, value=16)
    results: list[bool] = []
    barrier = threading.Barrier(len(people))

    def remove(user):  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            results.append(
                services.observation_delete(
                    actor=user, measure=measure, observation_id=observation.pk
                )
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=remove, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, False, False, True]
    assert not Observation.objects.filter(pk=observation.pk).exists()
    removal = Removal.objects.get()
    assert removal.removed_by in people
