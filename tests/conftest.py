"""Fixtures shared by every test: one signed-in client per role, fast hashing, real email."""

import pytest
from django.test import Client

from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory

ROLES: list[Role | None] = [None, *Role]
ROLE_IDS = ["anonymous", *(r.name.lower() for r in Role)]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):  # type: ignore[no-untyped-def]
    """pytest-django's set-up, with the migrated data kept for every connection object.

    Transactional tests (the browser tests) restore the data that migrations create
    (groups, priorities, the home page) from a copy Django keeps on the connection
    object. Playwright's sync API switches context variables, and Django's connections
    live in context variables, so a browser test may get a new connection object that
    lacks the copy; keeping it on the class makes every connection of the alias have it.
    """
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents
    return


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _clear_cache():  # type: ignore[no-untyped-def]
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user_factory():  # type: ignore[no-untyped-def]
    return UserFactory


def client_for(role: Role | None) -> Client:
    client = Client()
    if role is not None:
        client.force_login(UserFactory(role=role))
    return client


@pytest.fixture
def resident_client(db) -> Client:  # type: ignore[no-untyped-def]
    return client_for(Role.RESIDENT)


@pytest.fixture
def staff_client(db) -> Client:  # type: ignore[no-untyped-def]
    return client_for(Role.STAFF)


@pytest.fixture
def hub_team_client(db) -> Client:  # type: ignore[no-untyped-def]
    return client_for(Role.HUB_TEAM)


@pytest.fixture
def partner_client(db) -> Client:  # type: ignore[no-untyped-def]
    return client_for(Role.PARTNER)


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    """The demo story loaded into the test database."""
    from django.core.management import call_command

    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
