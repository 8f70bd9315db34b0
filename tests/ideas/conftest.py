import pytest
from django.test import Client

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas import similarity
from tests.accounts.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_similarity_index():  # type: ignore[no-untyped-def]
    similarity.reset()
    yield
    similarity.reset()


@pytest.fixture
def staff(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.STAFF)


@pytest.fixture
def hub(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.HUB_TEAM)


@pytest.fixture
def as_staff(staff) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(staff)
    return client


@pytest.fixture
def as_hub(hub) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(hub)
    return client


@pytest.fixture
def commit_callbacks(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Runs on-commit side effects (notifications, emails) inside the test transaction."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
