"""The demo data set loaded once per module, for the URL x role and hostile-input sweeps."""

from collections.abc import Iterator

import pytest

from tests.core.demo_world import World, build_world
from tests.database_copies import demo_for_module


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:  # type: ignore[no-untyped-def]
    """The demo loaded once for the module (``demo_for_module``, tests/database_copies.py).
    Each test still runs in its own transaction, so what one test writes is undone."""
    with django_db_blocker.unblock(), demo_for_module():
        yield build_world()
