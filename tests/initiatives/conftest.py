import pytest
from django.test import Client

from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def hub(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.HUB_TEAM)


@pytest.fixture
def staff(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.STAFF)


@pytest.fixture
def leader(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.LEADERSHIP)


@pytest.fixture
def partner(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.PARTNER)
