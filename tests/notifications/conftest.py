import pytest
from django.test import Client

from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory


@pytest.fixture
def person(db):  # type: ignore[no-untyped-def]
    """A member of staff who follows things."""
    return UserFactory(role=Role.STAFF, email="follower@example.org")


@pytest.fixture
def person_client(person) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(person)
    return client
