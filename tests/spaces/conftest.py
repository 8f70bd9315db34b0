import pytest

from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory
from tests.spaces.factories import make_space


@pytest.fixture
def hub(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.HUB_TEAM)


@pytest.fixture
def staff(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.STAFF)


@pytest.fixture
def partner(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.PARTNER)


@pytest.fixture
def resident(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.RESIDENT)


@pytest.fixture
def room(db):  # type: ignore[no-untyped-def]
    return make_space(name="Lab room", slug="lab-room")


@pytest.fixture
def commit_callbacks(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    return lambda: django_capture_on_commit_callbacks(execute=True)
