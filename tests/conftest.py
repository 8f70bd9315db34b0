"""Fixtures shared by every test: one signed-in client per role, fast hashing, real email.

Also how the suite runs fast on two pytest-xdist workers (docs/testing.md, "How CI splits
the suites"):

- The migrated template database: the xdist controller runs the real migrations once, into
  a template (a SQLite file, or a PostgreSQL database); each worker starts from a copy of it
  (SQLite: copied into the worker's in-memory database; PostgreSQL: ``CREATE DATABASE ...
  TEMPLATE``) instead of migrating again. Without xdist, pytest-django migrates as usual.
- The slowest tests start first: modules whose tests load the demo (the URL x role sweep,
  the hostile-input test) or drive the browser are ordered before the rest, and
  xdist hands out tests one or two at a time, so neither worker is left alone with a slow
  module at the end.
- Tests that use a database get the ``database`` marker, so CI can run only those on the
  second database (a test without it cannot reach the database: pytest-django blocks it).
"""

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from django.test import Client

from improvement_hub.accounts.roles import Role
from tests.accounts.factories import UserFactory
from tests.database_copies import (
    MIGRATED,
    copyable,
    demo_for_module,
    load_demo,
    load_demo_in_transaction,
    restore_migrated_instead_of_deserialising,
    snapshot,
)

ROLES: list[Role | None] = [None, *Role]
ROLE_IDS = ["anonymous", *(r.name.lower() for r in Role)]

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TEMPLATE_KEY = "improvement_hub_db_template"
# A template migrated before the run (a SQLite file, or a PostgreSQL database name), as
# .ci/run makes while the linters run; without it the controller migrates one itself.
PREBUILT_TEMPLATE = "TEST_DB_TEMPLATE"
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}
# A rough cost per test, only to order modules slowest first (LPT scheduling). The slowest
# tests walk the whole site as one role (the URL x role sweep, the hostile-input test: the
# demo loaded and ``role`` the only parameter); then the browser tests and the tests
# that load the demo for themselves; a module-scoped demo (``world``) costs one load.
SITE_WALK, BROWSER, DEMO, MODULE_DEMO = 20.0, 6.0, 4.0, 5.0


# --- the order of the tests and how xdist hands them out ---------------------------------


def pytest_configure(config: pytest.Config) -> None:
    # Without this, xdist sends each worker a contiguous quarter of the suite up front, and
    # the slow modules (ordered first, below) would all land on the first worker.
    if getattr(config.option, "maxschedchunk", "absent") is None:
        config.option.maxschedchunk = 1


def _uses_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(fixtures & DATABASE_FIXTURES)


def _cost(item: pytest.Item) -> float:
    fixtures = set(getattr(item, "fixturenames", ()))
    params = getattr(getattr(item, "callspec", None), "params", {})
    loads_demo = bool(fixtures & {"demo", "world"})
    if loads_demo and set(params) == {"role"}:  # one test per role: it walks the site
        return SITE_WALK
    if "live_server" in fixtures:
        return BROWSER
    if "demo" in fixtures:
        return DEMO
    return 0.1 if _uses_database(item) else 0.01


def _django_order(item: pytest.Item) -> int:
    """pytest-django's order, which is Django's: tests in a transaction that is rolled back
    (0), then tests that commit and empty the tables after them (1), then the rest (2)."""
    from pytest_django.plugin import validate_django_db

    fixtures = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    transactional = bool(fixtures & {"transactional_db", "live_server"})
    if marker is not None:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        transactional = transactional or transaction or reset_sequences
    if transactional:
        return 1
    return 0 if marker is not None or "db" in fixtures else 2


def _require_serialized_rollback(item: pytest.Item) -> None:
    """A test that commits empties every table after it; without ``serialized_rollback``
    the data that migrations create (groups, priorities, the home page) is gone for it and
    for the tests after it, and its flush re-creates content types that the next test's
    restore then adds a second time. So every committing test must restore it."""
    from pytest_django.plugin import validate_django_db

    marker = item.get_closest_marker("django_db")
    if marker is None:
        return
    transaction, _reset_sequences, _databases, serialized_rollback, *_ = validate_django_db(marker)
    if transaction and not serialized_rollback:
        raise pytest.UsageError(
            f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True "
            "(tests/conftest.py, _require_serialized_rollback)"
        )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks the database tests, and puts the slowest modules first within each of Django's
    groups (which must stay in order: a test that commits empties the tables after it),
    each module's tests kept together and in their order."""
    groups: dict[tuple[int, object], list[pytest.Item]] = {}
    for item in items:
        if _uses_database(item):
            item.add_marker(pytest.mark.database)
        _require_serialized_rollback(item)
        module = getattr(item, "module", None) or item.path
        groups.setdefault((_django_order(item), module), []).append(item)

    def cost(key: tuple[int, object]) -> tuple[float, float]:
        """The slowest single test first (a module's tests can be shared between workers,
        one test cannot), then the module's total."""
        tests = groups[key]
        loads_world = any("world" in getattr(item, "fixturenames", ()) for item in tests)
        costs = [_cost(item) for item in tests]
        return max(costs), sum(costs) + (MODULE_DEMO if loads_world else 0)

    def order(key: tuple[int, object]) -> tuple[int, float, float]:
        slowest, total = cost(key)
        return key[0], -slowest, -total

    ordered = sorted(groups, key=order)  # stable for ties
    items[:] = [item for key in ordered for item in groups[key]]


# --- the migrated template database, shared by the xdist workers -------------------------


def _wants_template(config: pytest.Config) -> bool:
    return bool(
        getattr(config.option, "numprocesses", None)
        and not hasattr(config, "workerinput")
        and config.getoption("dist", "no") != "no"
        and not config.getoption("reuse_db", False)
        and not config.getoption("nomigrations", False)
        and not config.getoption("collectonly", False)
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    """In the xdist controller, before the workers start: migrate the template once."""
    config = session.config
    if not _wants_template(config):
        return
    prebuilt = os.environ.get(PREBUILT_TEMPLATE)
    if prebuilt:  # migrated before the run (CI, side by side with the linters): not dropped
        config.stash[_template_stash] = (prebuilt, None)
        return
    from django.db import DEFAULT_DB_ALIAS, connections
    from pytest_django.plugin import blocking_manager_key

    connection = connections[DEFAULT_DB_ALIAS]
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        directory = tempfile.mkdtemp(prefix="improvement-hub-tests-")
        test_settings["NAME"] = str(Path(directory) / "template.sqlite3")
    else:
        test_settings["NAME"] = f"test_{connection.settings_dict['NAME']}_template"
    old_name = connection.settings_dict["NAME"]
    with config.stash[blocking_manager_key].unblock():
        template = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        connection.close()
    config.stash[_template_stash] = (template, old_name)


_template_stash = pytest.StashKey[tuple[str, str | None]]()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # type: ignore[no-untyped-def]  # xdist's WorkerController
    template = node.config.stash.get(_template_stash, None)
    if template is not None:
        node.workerinput[TEMPLATE_KEY] = template[0]


def pytest_sessionfinish(session: pytest.Session) -> None:
    template = session.config.stash.get(_template_stash, None)
    if template is None:
        return
    from django.db import DEFAULT_DB_ALIAS, connections
    from pytest_django.plugin import blocking_manager_key

    name, old_name = template
    if old_name is None:  # a prebuilt template belongs to whoever made it
        return
    connection = connections[DEFAULT_DB_ALIAS]
    with session.config.stash[blocking_manager_key].unblock():
        connection.creation.destroy_test_db(old_name, verbosity=0)
    if connection.vendor == "sqlite":
        shutil.rmtree(Path(name).parent, ignore_errors=True)


_keep_alive: list[sqlite3.Connection] = []


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):  # type: ignore[no-untyped-def]
    """In an xdist worker, start the test database from the controller's template; Django's
    migrate then finds every migration applied and does nothing."""
    template = getattr(request.config, "workerinput", {}).get(TEMPLATE_KEY)
    if not template:
        return
    from django.db import DEFAULT_DB_ALIAS, connections

    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite":
        name = connection.creation._get_test_db_name()
        if not connection.creation.is_in_memory_db(name):
            return  # a file test database (TEST NAME): pytest-django migrates it
        # Django opens the same shared-cache in-memory database, already filled; this
        # connection keeps it alive until Django's own is open.
        memory = sqlite3.connect(name, uri=True, check_same_thread=False)
        source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
        source.backup(memory)
        source.close()
        _keep_alive.append(memory)
    else:
        connection.settings_dict.setdefault("TEST", {})["TEMPLATE"] = template


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """pytest-django's set-up, with the migrated data kept for every connection object.

    Transactional tests (the browser tests) restore the data that migrations create
    (groups, priorities, the home page) from a copy Django keeps on the connection
    object. Playwright's sync API switches context variables, and Django's connections
    live in context variables, so a browser test may get a new connection object that
    lacks the copy; keeping it on the class makes every connection of the alias have it.

    On the in-memory SQLite database, the migrated database is also copied as it is now
    (tests/database_copies.py), and a transactional test restores that copy instead of
    deserialising the data (``restore_migrated_instead_of_deserialising``).
    """
    from django.db import DEFAULT_DB_ALIAS, connections

    while _keep_alive:
        _keep_alive.pop().close()
    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents
    connection = connections[DEFAULT_DB_ALIAS]
    with django_db_blocker.unblock():
        if copyable(connection):
            snapshot(MIGRATED, connection)
            restore_migrated_instead_of_deserialising(type(connection.creation))
    return


@pytest.fixture(scope="session", autouse=True)
def _fast_hashing_for_the_session():  # type: ignore[no-untyped-def]
    """MD5 for module- and session-scoped fixtures too (the demo the sweeps load once)."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _clear_cache():  # type: ignore[no-untyped-def]
    from django.core.cache import cache

    from improvement_hub.core import page_cache

    cache.clear()
    # what this process keeps for the request in progress (the site version, per_request
    # values): a test whose request raised inside the test client never finished it
    page_cache._request_finished()
    yield
    cache.clear()
    page_cache._request_finished()


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


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The demo loaded once for a module (``demo_for_module``; the pattern of ``world`` in
    tests/core/conftest.py). A module whose tests only read the demo or change it inside
    their own test (each test is a transaction, rolled back) overrides ``demo`` with it:
    ``def demo(demo_once, db): ...``."""
    with django_db_blocker.unblock(), demo_for_module():
        yield


@pytest.fixture
def demo(db, settings):  # type: ignore[no-untyped-def]
    """The demo story loaded into the test database.

    A test that commits (``live_server``: the browser tests) on the in-memory SQLite
    database gets a copy of the demo loaded once per worker (``load_demo``), with its
    media; a test in a transaction that is rolled back gets it from
    ``load_demo_in_transaction`` (on PostgreSQL, a copy too).
    """
    from django.db import connection

    if copyable(connection):
        load_demo(connection, media=Path(settings.MEDIA_ROOT))
        return
    load_demo_in_transaction(connection, media=Path(settings.MEDIA_ROOT))
