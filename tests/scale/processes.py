"""Real processes of the hub for the scale tests: app servers under gunicorn and task
workers, started with the environment a deployment gives them, against the test database
(PostgreSQL: another process cannot open the suite's in-memory SQLite database) and the
machine's Redis."""

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings
from django.db import connection

REDIS_HOST = os.environ.get("SCALE_REDIS_HOST", "127.0.0.1:6379")
# A Redis database of the tests' own (the hub's cache keys also get a prefix per test, so
# two test runs at once never see each other's counts).
CACHE_REDIS_DB = 7
QUEUE_REDIS_DB = 8

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="starts other processes against the test database: PostgreSQL only (SQLite's test "
    "database is in this process's memory); CI's PostgreSQL leg runs it",
)


def database_url() -> str:
    """The test database, for another process."""
    s = connection.settings_dict
    user = quote(s.get("USER") or "", safe="")
    password = quote(s.get("PASSWORD") or "", safe="")
    login = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    return f"postgres://{login}{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def unique_prefix() -> str:
    return f"scale-{uuid.uuid4().hex[:12]}"


def hub_environment(**extra: str) -> dict[str, str]:
    """A production-like environment (DEBUG off), without the test suite's own variables."""
    test_only = {"DJANGO_ALLOW_ASYNC_UNSAFE", "TASKS_BACKEND", "CACHE_URL", "EMAIL_URL"}
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    env.update(
        {
            "DEBUG": "false",
            # the suite's own key, so the processes accept the tokens the test makes
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": database_url(),
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_MANIFEST": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "TASKS_BACKEND": "dummy",
            "EMAIL_URL": "dummymail://",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class AppServer:
    def __init__(self, name: str, env: dict[str, str], log: Path) -> None:
        self.name = name
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.http = requests.Session()
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config=python:improvement_hub.config.gunicorn",  # as in production
                "improvement_hub.config.wsgi",
                "--workers=1",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=60",
            ],
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def url(self, path: str) -> str:
        return self.base + path

    def wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"app {self.name} exited:\n{self.log.read_text()}")
            try:
                if requests.get(self.url("/robots.txt"), timeout=20).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.1)
        raise AssertionError(f"app {self.name} did not answer:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.http.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def app_servers(env: dict[str, str], logs: Path, names: str = "AB") -> Iterator[list[AppServer]]:
    """Separate gunicorn servers, one each, started side by side; stopped at the end."""
    servers = [AppServer(name, env, logs / f"app-{name}.log") for name in names]
    try:
        deadline = time.monotonic() + 60
        for server in servers:
            server.wait_ready(deadline)
        yield servers
    finally:
        for server in servers:
            server.stop()
        # The servers' database connections are gone before the test's flush.
        connection.close()


def run_hub(*args: str, env: dict[str, str], timeout: float = 60) -> str:
    """Runs an ``improvement-hub`` command to the end; returns its output."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "improvement_hub", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
