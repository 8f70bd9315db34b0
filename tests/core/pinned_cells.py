"""Which (route, role) cells the pinned query counts visit on this database.

Shared by the pinned query counts (``test_query_counts.py``), which visit these cells and
check their status against the URL x role sweep's table as well as their count, and by the
sweep (``test_url_role_sweep.py``), which then visits only the cells the counts do not: so
each cell is visited once per run (docs/testing.md, "Pinned query counts").
"""

from __future__ import annotations

import os
from typing import Protocol
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from tests.core.demo_world import ROLE_COLUMNS

RECORD = bool(os.environ.get("QUERYCOUNT_RECORD"))
# On PostgreSQL, CI checks the anonymous and Hub Team columns: where the two databases
# differ, they differ by route (the queries a view runs), never by role, so the public view
# and the widest view find it. QUERYCOUNT_ALL_ROLES=1 checks (and, when recording, records)
# every column on PostgreSQL too (docs/testing.md, "Pinned query counts").
ALL_ROLES = bool(os.environ.get("QUERYCOUNT_ALL_ROLES"))
POSTGRESQL_ROLES = ("anonymous", "hub_team")
# SQLite adds Staff, the signed-in role most pages are built for (the ideas pages, the
# Academy). Resident, Partner and Leadership run the same views with narrower permissions;
# their columns are checked with QUERYCOUNT_ALL_ROLES=1 (before a release, and whenever a
# permission or a role's page changes), and the URL x role sweep visits them on every run.
SQLITE_ROLES = ("anonymous", "staff", "hub_team")
# Screens that Wagtail or Django own: their counts are theirs, and change with upgrades.
NOT_OURS = ("admin/", "^admin/", "documents/", "_util/")


class HasKeyAndPath(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def path(self) -> str: ...


def roles_checked(vendor: str) -> tuple[str, ...]:
    """The columns the pinned counts check on ``vendor`` in this run."""
    if vendor == "postgresql":
        return tuple(ROLE_COLUMNS) if ALL_ROLES else POSTGRESQL_ROLES
    # a recording on SQLite visits every cell: it is the count every column starts from
    return tuple(ROLE_COLUMNS) if ALL_ROLES or RECORD else SQLITE_ROLES


def is_ours(cell: HasKeyAndPath) -> bool:
    """Whether the hub's own code answers the cell (not Wagtail's or Django's screens)."""
    if not cell.key.startswith(NOT_OURS):
        return True
    try:
        match = resolve(urlsplit(cell.path).path)
    except Resolver404:
        return False
    return match.func.__module__.startswith("improvement_hub.")
