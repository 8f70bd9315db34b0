"""The demo data set loaded once per module, for the URL x role and hostile-input sweeps."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.core.demo_world import World, build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> World:  # type: ignore[no-untyped-def]
    """The demo loaded once for the module, inside a transaction rolled back at the end.
    Each test still runs in its own savepoint, so what one test writes is undone."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demo", stdout=io.StringIO())
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
