"""Copies of the test database, put back where loading or deserialising again is slow.

On the in-memory SQLite database, SQLite's backup API copies the whole database (rows,
search index, sequences) in milliseconds. Each pytest worker keeps the migrated database
as it started and the demo as first loaded in the process: a test that commits restores
the first where Django would deserialise the migrated data again (a fifth of a second, on
every browser test), and a test or a module that needs the demo gets the second where
loading it takes over a second.

On PostgreSQL, the demo loaded in a transaction is kept as the rows of the tables it wrote
and put back in later transactions (``load_demo_in_transaction``): a tenth of a second,
where loading it takes two. ``tests/core/test_database_copies.py`` checks a copy against a
load.
"""

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MIGRATED, DEMO, DEMO_WITHOUT_ON_COMMIT_WORK = "migrated", "demo", "demo in a transaction"
_snapshots: dict[str, sqlite3.Connection] = {}
# How many times a copy of the demo was put back instead of loading it (for its test).
demo_copies_put_back = 0
_demo_media: dict[str, Path] = {}  # what each first load of the demo wrote to MEDIA_ROOT


def copyable(connection) -> bool:  # type: ignore[no-untyped-def]
    """The in-memory SQLite test database, outside any transaction (the backup API cannot
    write into a database its connection holds a transaction on)."""
    return (
        connection.vendor == "sqlite"
        and not connection.in_atomic_block
        and connection.creation.is_in_memory_db(connection.settings_dict["NAME"])
    )


def snapshot(name: str, connection) -> None:  # type: ignore[no-untyped-def]
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.ensure_connection()
    connection.connection.backup(copy)
    _snapshots[name] = copy


def restore(name: str, connection) -> bool:  # type: ignore[no-untyped-def]
    copy = _snapshots.get(name)
    if copy is None:
        return False
    connection.ensure_connection()
    copy.backup(connection.connection)
    return True


def restore_migrated_instead_of_deserialising(creation_class) -> None:  # type: ignore[no-untyped-def]
    """Django's transactional tests empty every table after them and, with
    ``serialized_rollback``, deserialise the migrated data before the next one. On the
    in-memory SQLite database the same state is the copy taken after the migrations: it is
    restored instead (everything else about those tests is Django's own)."""
    if getattr(creation_class, "_restores_migrated_copy", False):
        return
    deserialise = creation_class.deserialize_db_from_string

    def deserialize_db_from_string(self, data):  # type: ignore[no-untyped-def]
        migrated = getattr(self.connection, "_test_serialized_contents", None)
        if data is migrated and copyable(self.connection) and restore(MIGRATED, self.connection):
            return
        deserialise(self, data)

    creation_class.deserialize_db_from_string = deserialize_db_from_string
    creation_class._restores_migrated_copy = True


def _put_back() -> None:
    """Counts a copy put back (for its test) and forgets what this process keeps."""
    global demo_copies_put_back
    demo_copies_put_back += 1
    _forget_what_this_process_keeps()


def _forget_what_this_process_keeps() -> None:
    """What this process keeps of the database must follow it back in time (to a copy):
    the similarity indexes sync from what changed since they last looked (by time and
    count), and a copy has the same ids and times as the demo an earlier module changed
    (in transactions rolled back since), which a real hub's database never goes back to.
    A load gave new ids and times, so they synced by themselves. The same for the Lab's
    index of challenges, kept under their count and last change."""
    from improvement_hub.ideas import similarity as idea_similarity
    from improvement_hub.lab import selectors as lab_selectors
    from improvement_hub.lab import similarity as lab_similarity

    idea_similarity.reset()
    lab_similarity.reset()
    lab_selectors._challenge_index = None  # rebuilt on its next use


def load_demo(connection, media: Path | None, *, on_commit_work: bool = True) -> None:  # type: ignore[no-untyped-def]
    """The demo story, committed into the in-memory SQLite database: a copy of its first
    load in this process (loaded and copied now if there is none), with the media that load
    wrote copied to ``media``. The demo writes history directly and reads the clock only for
    "today", so a copy from earlier in the same run is the same story.

    With ``on_commit_work`` (a test that commits, as the browser tests do), the work the
    demo's writes leave for after their commit (tasks, notifications) is done, as
    ``improvement-hub demo`` leaves the hub. Without it, the demo is as a test that loads it
    in a transaction sees it, which never commits (``demo_for_module``, and the same state
    as the PostgreSQL run's): that work is dropped before the commit.
    """
    from django.core.management import call_command
    from django.db import transaction
    from django.test.utils import override_settings

    name = DEMO if on_commit_work else DEMO_WITHOUT_ON_COMMIT_WORK
    if restore(name, connection):
        _put_back()
    else:
        written = Path(tempfile.mkdtemp(prefix="demo-media-"))
        with override_settings(MEDIA_ROOT=written):
            if on_commit_work:  # as the command runs (its own transaction)
                call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
            else:
                with transaction.atomic():
                    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
                    connection.run_on_commit.clear()  # what TestCase's transaction never runs
        snapshot(name, connection)
        _demo_media[name] = written
    if media is not None:
        shutil.copytree(_demo_media[name], media, dirs_exist_ok=True)


@contextmanager
def demo_for_module() -> Iterator[None]:
    """The demo for a module's tests, each of which runs in a transaction rolled back after
    it (the ``db`` fixture). On the in-memory SQLite database, a copy committed for the
    module and the migrated database restored after its last test; on any other, the demo
    put in a transaction rolled back after its last test (``load_demo_in_transaction``)."""
    from django.db import DEFAULT_DB_ALIAS, connections, transaction

    connection = connections[DEFAULT_DB_ALIAS]
    if copyable(connection) and MIGRATED in _snapshots:
        try:
            load_demo(connection, media=None, on_commit_work=False)
            yield
        finally:
            restore(MIGRATED, connection)
            _forget_what_this_process_keeps()
        return
    atomic = transaction.atomic()
    atomic.__enter__()
    try:
        load_demo_in_transaction(connection, media=None)
        yield
    finally:
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def load_demo_in_transaction(connection, media: Path | None) -> None:  # type: ignore[no-untyped-def]
    """The demo, inside the transaction that is open (never committed: its on-commit work
    is not done), with its media in ``media``.

    On PostgreSQL, when nothing has been written in this transaction yet, the first load
    in this process is kept (the rows of each table it wrote, in COPY's binary format; the
    sequences' values; its media) and later ones put it back: each of those tables emptied
    and filled with its rows (Django's foreign keys are checked at the end of the
    transaction, so the order does not matter), each sequence at least where the demo left
    it. A tenth of a second, where loading the demo takes two. Anywhere else, outside a
    transaction, or after other writes in it (a table would be emptied of them), it is
    loaded.
    """
    from django.core.management import call_command
    from django.test.utils import override_settings

    if (
        connection.vendor != "postgresql"
        or not connection.in_atomic_block  # a test that commits
        or _has_written(connection)
    ):
        call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        return
    if not _postgresql_demo:
        written = Path(tempfile.mkdtemp(prefix="demo-media-"))
        with override_settings(MEDIA_ROOT=written):
            call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        _copy_demo_out(connection, written)
    else:
        _copy_demo_in(connection)
    if media is not None:
        shutil.copytree(_postgresql_demo["media"], media, dirs_exist_ok=True)  # type: ignore[arg-type]


_postgresql_demo: dict[str, object] = {}


def _has_written(connection) -> bool:  # type: ignore[no-untyped-def]
    """Whether this transaction has written anything yet (a write gives it an id)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")
        return bool(cursor.fetchone()[0])


def _tables_written(connection) -> list[str]:  # type: ignore[no-untyped-def]
    """The tables written since this process last reported its statistics: those this
    transaction wrote (the demo's), perhaps with some an earlier transaction wrote, which
    are then as migrations left them (each test's transaction is rolled back), and copied
    back as they are."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_xact_user_tables "
            "WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname"
        )
        return [table for (table,) in cursor.fetchall()]


def _copy_demo_out(connection, media: Path) -> None:  # type: ignore[no-untyped-def]
    quote = connection.ops.quote_name
    tables: dict[str, bytes] = {}
    with connection.cursor() as cursor:
        for table in _tables_written(connection):
            with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT (FORMAT BINARY)") as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
        cursor.execute(
            "SELECT format('%I.%I', schemaname, sequencename), last_value "
            "FROM pg_sequences WHERE last_value IS NOT NULL"
        )
        sequences = dict(cursor.fetchall())
    _postgresql_demo.update(tables=tables, sequences=sequences, media=media)


def _copy_demo_in(connection) -> None:  # type: ignore[no-untyped-def]
    _put_back()
    quote = connection.ops.quote_name
    tables: dict[str, bytes] = _postgresql_demo["tables"]  # type: ignore[assignment]
    sequences: dict[str, int] = _postgresql_demo["sequences"]  # type: ignore[assignment]
    with connection.cursor() as cursor:
        for table, rows in tables.items():
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608  (a catalogue name, quoted)
            with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(rows)
        # every sequence in one query (GREATEST ignores a sequence never used: NULL)
        cursor.execute(
            "SELECT setval(kept.name::regclass, GREATEST(kept.value, now.last_value)) "
            "FROM unnest(%s::text[], %s::bigint[]) AS kept(name, value) "
            "JOIN pg_sequences AS now "
            "ON format('%%I.%%I', now.schemaname, now.sequencename) = kept.name",
            [list(sequences), list(sequences.values())],
        )
