"""Small helpers shared by ``bench.lab.load_data`` and ``bench.lab.run``.

Copied (and trimmed) from ``bench.ideas``, so that this benchmark keeps working while
that one changes.
"""

import os
import re
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlparse

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/improvement_hub_labbench"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# Databases this benchmark must never touch (another benchmark's, CI's).
FORBIDDEN = {
    "improvement_hub_bench",
    "improvement_hub_bench_small",
    "improvement_hub_ci",
    "postgres",
}


def configure_environment() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "improvement_hub.config.settings")
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    return os.environ["DATABASE_URL"]


def database_parts(url: str) -> tuple[str, int, str, str]:
    """(host, port, user, name) of a local PostgreSQL URL; refuses anything else."""
    parts = urlparse(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise SystemExit(f"DATABASE_URL must be a PostgreSQL URL, not {parts.scheme!r}")
    if parts.hostname not in LOCAL_HOSTS:
        raise SystemExit("The benchmark database must be on this machine (127.0.0.1)")
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise SystemExit(f"Use a plain database name (letters, digits, _), not {name!r}")
    if name in FORBIDDEN:
        raise SystemExit(f"{name} belongs to someone else: use improvement_hub_labbench")
    return parts.hostname, parts.port or 5432, parts.username or "postgres", name


def psql(url: str, sql: str, database: str = "postgres") -> str:
    host, port, user, _ = database_parts(url)
    result = subprocess.run(
        ["psql", "-h", host, "-p", str(port), "-U", user, "-d", database, "-Atqc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def ensure_database(url: str, *, reset: bool) -> None:
    _, _, _, name = database_parts(url)
    exists = psql(url, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"
    if exists and reset:
        print(f"dropping database {name}", flush=True)
        psql(url, f'DROP DATABASE "{name}" WITH (FORCE)')
        exists = False
    if not exists:
        print(f"creating database {name}", flush=True)
        psql(url, f'CREATE DATABASE "{name}"')


class Timings:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float]] = []
        self.started = time.perf_counter()

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        print(f"{name} ...", flush=True)
        started = time.perf_counter()
        yield
        elapsed = time.perf_counter() - started
        self.rows.append((name, elapsed))
        print(f"  {name}: {elapsed:.1f} s", flush=True)

    def total(self) -> float:
        return time.perf_counter() - self.started

    def report(self) -> None:
        print("\nstep                                          seconds")
        for name, elapsed in self.rows:
            print(f"{name:<45} {elapsed:8.1f}")
        print(f"{'total':<45} {self.total():8.1f}")


def copy_rows(table: str, columns: list[str], rows) -> int:  # type: ignore[no-untyped-def]
    """COPY rows into a table over Django's own connection; returns the row count."""
    from django.db import connection

    connection.ensure_connection()
    count = 0
    with connection.connection.cursor() as cursor:
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def execute(sql: str, params=None) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def one(sql: str, params=None):  # type: ignore[no-untyped-def]
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def reset_sequence(table: str) -> None:
    execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
        f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
    )
