"""Two refreshes at the same moment (the daily task and someone running the command) both
finish, and the figures are those of one refresh, not doubled or missing."""

import threading

import pytest
from django.db import connection

from improvement_hub.insights.models import AggregateRun, DailyFigure
from improvement_hub.insights.services import aggregates_refresh
from tests.insights.conftest import TODAY, build_world


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_refreshes_at_once_leave_one_set_of_figures() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time; the race needs PostgreSQL")
    build_world()
    expected = sorted(
        DailyFigure.objects.values_list(
            "day", "metric", "key", "priority_id", "directorate_id", "value"
        )
    )
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def refresh() -> None:
        try:
            start.wait()
            aggregates_refresh(today=TODAY)
        except BaseException as error:  # noqa: BLE001  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=refresh) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AggregateRun.objects.count() == 3  # the world's own refresh, then these two
    assert (
        sorted(
            DailyFigure.objects.values_list(
                "day", "metric", "key", "priority_id", "directorate_id", "value"
            )
        )
        == expected
    )
