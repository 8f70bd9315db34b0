# ruff: noqa: E501 - the table of pinned counts has one line per route
"""The exact number of SQL queries of every page and endpoint, as anonymous and each role.

Zulip's ``assert_database_query_count``, for the whole hub: every route of the URL x role
sweep (``tests/core/test_url_role_sweep.py``, the same cells, filled from the same demo
world) except the screens Wagtail and Django own (the CMS admin, documents, ``/_util/``),
visited as anonymous and as each of the five roles, over the session and (for the API)
with a token. Each (route, role) is one test: one warm-up request (the cache of site
settings, Wagtail's site root paths, the session are then warm, as on the second visit of
a real person), then the pinned count is asserted on the next request to the same path.
``main_posts()`` adds the main form submissions and API writes the same way. Each test
also checks that roles are loaded once per request: no user's groups are read twice.

The counts live in ``PINNED`` at the bottom of this file: ``route [object] | anonymous
resident staff hub_team partner leadership``. A cell written ``a/b`` is ``a`` queries on
SQLite and ``b`` on PostgreSQL (kept only where the two legitimately differ). A failing
test prints every query of the request, numbered, so a reviewer sees what changed.

On PostgreSQL, the anonymous and Hub Team columns are checked, on SQLite those and Staff,
unless ``QUERYCOUNT_ALL_ROLES=1`` (``roles_checked``): a difference between the databases belongs
to a route, not to a role. So ``a/b`` cells appear only in those two columns; a recording
on PostgreSQL without ``QUERYCOUNT_ALL_ROLES`` writes the other columns as SQLite's count.

``QUERYCOUNT_RECORD=1`` visits every cell instead of asserting and rewrites ``PINNED`` in
this file for the database it runs on (run once on SQLite and once on PostgreSQL, without
``-n``); it prints the cells that changed. See docs/testing.md, "Pinned query counts".
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponseBase
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.core.demo_world import ROLE_COLUMNS, World
from tests.core.pinned_cells import RECORD, is_ours, roles_checked
from tests.core.test_url_role_sweep import EXPECTED, cells, status_code
from tests.core.test_url_role_sweep import parse_table as parse_statuses

pytestmark = pytest.mark.django_db

VENDORS = ("sqlite", "postgresql")


# --- which cells are pinned ------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    key: str  # the table's row: "route [object]", "route [object] (token)" or "POST ..."
    path: str
    token: bool = False
    data: dict[str, object] | None = None  # a POST's form data (None: a GET)
    json: bool = False  # the POST's data is a JSON body (the API)


_CASES: dict[int, dict[str, Case]] = {}


def cases(w: World) -> dict[str, Case]:
    """Every pinned case by its key (worked out once per world: resolving is not free)."""
    if id(w) not in _CASES:
        found = {c.key: Case(c.key, c.path, c.token) for c in cells(w) if is_ours(c)}
        found.update((post.key, post) for post in main_posts(w))
        _CASES[id(w)] = found
    return _CASES[id(w)]


def main_posts(w: World) -> list[Case]:
    """The main writes of the hub, each posted with valid data, as every role."""
    idea = w.ids["idea_published"]
    new_idea = {"title": "Pinned", "problem": "A problem.", "proposal": "A proposal."}
    return [
        Case("POST ideas/<int:pk>/support/ [published]", f"/ideas/{idea}/support/", data={}),
        Case("POST ideas/<int:pk>/follow/ [published]", f"/ideas/{idea}/follow/", data={}),
        Case(
            "POST ideas/<int:pk>/comments/ [published]",
            f"/ideas/{idea}/comments/",
            data={"body": "A comment from the query count test."},
        ),
        Case("POST notifications/mark-all-read/", "/notifications/mark-all-read/", data={}),
        Case(
            "POST lab/refer/<slug:step>/ [who]", "/lab/refer/who/", data={"raised_as": "resident"}
        ),
        Case("POST api/v1/ideas (token)", "/api/v1/ideas", token=True, data=new_idea, json=True),
        Case(
            "POST api/v1/ideas/<idea_id>/support [published] (token)",
            f"/api/v1/ideas/{idea}/support",
            token=True,
            data={},
            json=True,
        ),
    ]


# --- one visit ------------------------------------------------------------------------


def _client(role: str, case: Case, w: World) -> Client:
    if case.token:
        token = w.tokens.get(role, "not-a-valid-token")
        return Client(headers={"Authorization": f"Bearer {token}"})
    client = Client()
    if role != "anonymous":
        client.force_login(w.users[role])  # type: ignore[arg-type]  # World.users holds Users
    return client


def _request(client: Client, case: Case) -> HttpResponseBase:
    if case.data is None:
        return client.get(case.path)
    if case.json:
        return client.post(case.path, case.data, content_type="application/json")
    return client.post(case.path, case.data)


def measure(role: str, case: Case, w: World) -> tuple[int, CaptureQueriesContext, HttpResponseBase]:
    """(queries, the captured queries, response) of the second of two identical requests.

    A POST's warm-up runs in a savepoint rolled back, so the measured POST writes the same
    rows as the first one would."""
    client = _client(role, case, w)
    if case.data is None:
        _request(client, case)
    else:
        warm_up = transaction.savepoint()
        _request(client, case)
        transaction.savepoint_rollback(warm_up)
    with CaptureQueriesContext(connection) as captured:
        response = _request(client, case)
    return len(captured), captured, response


# A user's roles: their groups, read by ``User.has_role`` (once per user object).
ROLES_QUERY = re.compile(
    r'FROM "auth_group" INNER JOIN "accounts_user_groups" .*'
    r'WHERE "accounts_user_groups"\."user_id" (?:= (\d+)|IN \(([\d, ]+)\))'
)


# Pages that list people with their roles (one query for the whole page, the viewer's own
# row among them): that read is the list's, not a second ``has_role`` of the viewer.
LISTS_OF_ROLES = ("/accounts/people/",)


def roles_read_twice(captured: CaptureQueriesContext, path: str = "") -> dict[str, int]:
    """The users whose groups the request read more than once, with how often."""
    if path.startswith(LISTS_OF_ROLES):
        return {}
    reads: dict[str, int] = {}
    for query in captured.captured_queries:
        match = ROLES_QUERY.search(query["sql"])
        users = (match.group(1) or match.group(2)).split(", ") if match else []
        for user in users:
            reads[user] = reads.get(user, 0) + 1
    return {user: n for user, n in reads.items() if n > 1}


def _explain(key: str, role: str, count: int, pinned: int, captured: CaptureQueriesContext) -> str:
    lines = [
        f"{key} as {role}: {count} queries on {connection.vendor}, pinned {pinned}.",
        "If the change is intended, re-pin: QUERYCOUNT_RECORD=1 (docs/testing.md).",
        "Queries:",
    ]
    lines += [f"{n:3}. {q['sql']}" for n, q in enumerate(captured.captured_queries, 1)]
    return "\n".join(lines)


# --- the table ------------------------------------------------------------------------

Counts = dict[str, dict[str, dict[str, int]]]  # key -> role -> vendor -> queries


def parse_table(text: str) -> Counts:
    table: Counts = {}
    for line in text.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, cells_ = line.rpartition(" | ")
        row = {}
        for role, cell in zip(ROLE_COLUMNS, cells_.split(), strict=True):
            counts = [int(n) for n in cell.split("/")]
            row[role] = dict(zip(VENDORS, counts * 2 if len(counts) == 1 else counts, strict=True))
        table[key.strip()] = row
    return table


def format_table(table: Counts) -> str:
    lines = ["# route [object] | " + " ".join(ROLE_COLUMNS)]
    group = None
    for key, row in table.items():
        first = re.match(r"\^?([\w-]+)/", key)
        head = "posts" if key.startswith("POST ") else first.group(1) if first else "pages"
        if head != group:
            lines.append(f"# {head}")
            group = head
        written = []
        for role in ROLE_COLUMNS:
            sqlite, postgresql = (row[role][v] for v in VENDORS)
            written.append(f"{sqlite:>3}" if sqlite == postgresql else f"{sqlite}/{postgresql}")
        lines.append(f"{key} | " + " ".join(written))
    return "\n".join(lines)


_PARSED: list[Counts] = []


_EXPECTED: list[dict[str, dict[str, str]]] = []


def _expected() -> dict[str, dict[str, str]]:
    """The URL x role sweep's table of statuses."""
    if not _EXPECTED:
        _EXPECTED.append(parse_statuses(EXPECTED))
    return _EXPECTED[0]


def _pinned() -> Counts:
    if not _PARSED:
        _PARSED.append(parse_table(PINNED))
    return _PARSED[0]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per (route, role) of the table (read here: it is at the bottom of the file)."""
    if {"key", "role"} <= set(metafunc.fixturenames):
        checked = roles_checked(connection.vendor)
        params = [
            pytest.param(key, role, id=f"{key} as {role}")
            for key, row in _pinned().items()
            for role in row
            if role in checked
        ]
        metafunc.parametrize(("key", "role"), params)


# --- the tests ------------------------------------------------------------------------


@pytest.mark.skipif(RECORD, reason="QUERYCOUNT_RECORD is set: test_record_the_table runs instead")
def test_the_page_runs_exactly_the_pinned_number_of_queries(key, role, world):
    case = cases(world).get(key)
    assert case is not None, f"{key} is pinned but no longer a route of the hub"
    count, captured, response = measure(role, case, world)
    assert response.status_code < 500, f"{key} as {role}: {response.status_code}"
    # the sweep's expected status: the sweep leaves this cell to this test ("-": a cell the
    # sweep does not visit for this role, see its docstring)
    if (want := _expected().get(key, {}).get(role)) not in (None, "-"):
        got = status_code(response)
        assert got == want, f"{case.path} ({key}) as {role}: {got}, expected {want}"
    pinned = _pinned()[key][role][connection.vendor]
    assert count == pinned, _explain(key, role, count, pinned, captured)
    twice = roles_read_twice(captured, case.path)
    assert not twice, f"{key} as {role}: roles read more than once (user id: reads): {twice}"


@pytest.mark.skipif(RECORD, reason="QUERYCOUNT_RECORD is set: test_record_the_table runs instead")
def test_every_page_and_endpoint_has_a_pinned_count(world):
    routes = set(cases(world))
    pinned = set(_pinned())
    assert not routes - pinned, (
        f"Not pinned (record them: QUERYCOUNT_RECORD=1): {sorted(routes - pinned)}"
    )
    assert not pinned - routes, f"Pinned but gone: {sorted(pinned - routes)}"


@pytest.mark.skipif(not RECORD, reason="set QUERYCOUNT_RECORD=1 to record the table")
def test_record_the_table(world):
    if os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.fail("Record without pytest-xdist (-n 0): each worker would rewrite the file.")
    vendor = connection.vendor
    old = _pinned()
    new: Counts = {}
    changed, errors, statuses = [], [], []
    for key, case in cases(world).items():
        new[key] = {}
        for role in ROLE_COLUMNS:
            if role not in roles_checked(vendor):
                # not visited on PostgreSQL: the cell holds the SQLite count alone
                sqlite = old.get(key, {}).get(role, {}).get("sqlite", -1)
                new[key][role] = dict.fromkeys(VENDORS, sqlite)
                continue
            cache.clear()
            savepoint = transaction.savepoint()
            try:
                count, captured, response = measure(role, case, world)
                status = response.status_code
            finally:
                transaction.savepoint_rollback(savepoint)
            if status >= 500:
                errors.append(f"{key} as {role}: {status}")
            if twice := roles_read_twice(captured, case.path):
                errors.append(f"{key} as {role}: roles read twice {twice}")
            if case.data is not None:
                statuses.append(f"{key} as {role}: {status}")
            before = old.get(key, {}).get(role)
            row = dict(before) if before else dict.fromkeys(VENDORS, count)
            row[vendor] = count
            new[key][role] = row
            if before is None or before[vendor] != count:
                was = before[vendor] if before else "-"
                changed.append(f"{key} as {role}: {was} -> {count}")
    text = format_table(new)
    source = Path(__file__)
    start, end = 'PINNED = r"""\n', '\n"""\n'
    head, _, rest = source.read_text().partition(start)
    _, _, tail = rest.partition(end)
    source.write_text(head + start + text + end + tail)
    print(f"\nRecorded {sum(len(r) for r in new.values())} cells on {vendor}.")
    print("\n".join(changed) or "No count changed.")
    print("Statuses of the posts:", *statuses, sep="\n")
    assert not errors, "\n".join(errors)


PINNED = r"""
# route [object] | anonymous resident staff hub_team partner leadership
# api
api/v1/docs |   0   2   2   2   2   2
api/v1/openapi.json |   0   2   2   2   2   2
api/v1/openapi.json (token) |   0   0   0   0   0   0
api/v1/priorities |   0   3   3   3   3   3
api/v1/priorities (token) |   0   0   0   0   0   0
api/v1/services |   0   5   5   5   5   5
api/v1/services (token) |   0   0   0   0   0   0
api/v1/ideas |   3   5   5   5   5   5
api/v1/ideas (token) |   3   3   3   3   3   3
api/v1/ideas/similar |   0   2   2   2   2   2
api/v1/ideas/similar (token) |   0   0   0   0   0   0
api/v1/ideas/<idea_id> [published] |   2   4   4   4   4   4
api/v1/ideas/<idea_id> [published] (token) |   2   2   2   2   2   2
api/v1/ideas/<idea_id> [hidden] |   3   5   5   4   5   5
api/v1/ideas/<idea_id> [hidden] (token) |   3   3   3   3   3   3
api/v1/ideas/<idea_id> [staff's draft] |   3   5   6   5   5   5
api/v1/ideas/<idea_id> [staff's draft] (token) |   3   3   3   3   3   3
api/v1/ideas/<idea_id> [missing] |   3   5   5   5   5   5
api/v1/ideas/<idea_id> [missing] (token) |   3   3   3   3   3   3
api/v1/ideas/<idea_id> [not a number] |   0   2   2   2   2   2
api/v1/ideas/<idea_id> [not a number] (token) |   0   0   0   0   0   0
api/v1/ideas/<idea_id>/support [published] |   0   2   2   2   2   2
api/v1/ideas/<idea_id>/support [published] (token) |   0   0   0   0   0   0
api/v1/referrals |   0   2   2   2   2   2
api/v1/referrals (token) |   0   0   0   0   0   0
api/v1/referrals/<reference> [open] |   3   5   5   4   5   5
api/v1/referrals/<reference> [open] (token) |   3   3   3   3   3   3
api/v1/referrals/<reference> [missing] |   3   5   5   5   5   5
api/v1/referrals/<reference> [missing] (token) |   3   3   3   3   3   3
api/v1/challenges |   3   5   5   5   5   5
api/v1/challenges (token) |   3   3   3   3   3   3
api/v1/initiatives |   9  15  11  11  15  11
api/v1/initiatives (token) |   0  15  11  11  15  11
api/v1/initiatives/<initiative_id> [staff-led] |  20  22  22  22  22  22
api/v1/initiatives/<initiative_id> [staff-led] (token) |   0  22  22  22  22  22
api/v1/initiatives/<initiative_id> [unpublished] |  21  23  21  21  23  21
api/v1/initiatives/<initiative_id> [unpublished] (token) |   0  23  21  21  23  21
api/v1/initiatives/<initiative_id> [missing] |   3   5   5   5   5   5
api/v1/initiatives/<initiative_id> [missing] (token) |   0   5   5   5   5   5
api/v1/initiatives/<initiative_id>/measures [partner's] |   0   2   2   2   2   2
api/v1/initiatives/<initiative_id>/measures [partner's] (token) |   0   0   0   0   0   0
api/v1/measures/<measure_id> [partner's] |  25  27  29  29  29  29
api/v1/measures/<measure_id> [partner's] (token) |   0  27  29  29  29  29
api/v1/measures/<measure_id> [missing] |   3   5   5   5   5   5
api/v1/measures/<measure_id> [missing] (token) |   0   5   5   5   5   5
api/v1/measures/<measure_id>/observations [partner's] |   0   2   2   2   2   2
api/v1/measures/<measure_id>/observations [partner's] (token) |   0   0   0   0   0   0
api/v1/initiatives/<initiative_id>/team [partner's] |   0   2   2   2   2   2
api/v1/initiatives/<initiative_id>/team [partner's] (token) |   0   0   0   0   0   0
api/v1/spaces |   1   3   3   3   3   3
api/v1/spaces (token) |   0   3   3   3   3   3
api/v1/spaces/<space_id> [public] |   2   4   4   4   4   4
api/v1/spaces/<space_id> [public] (token) |   0   4   4   4   4   4
api/v1/spaces/<space_id> [missing] |   3   5   5   5   5   5
api/v1/spaces/<space_id> [missing] (token) |   0   5   5   5   5   5
api/v1/spaces/<space_id>/availability [a week] |   3   5   5   5   5   5
api/v1/spaces/<space_id>/availability [a week] (token) |   0   5   5   5   5   5
api/v1/spaces/<space_id>/availability [no dates] |   0   2   2   2   2   2
api/v1/spaces/<space_id>/availability [no dates] (token) |   0   2   2   2   2   2
api/v1/spaces/<space_id>/availability [missing] |   4   6   6   6   6   6
api/v1/spaces/<space_id>/availability [missing] (token) |   0   6   6   6   6   6
api/v1/spaces/<space_id>/calendar.ics [public] |   3   5   5   5   5   5
api/v1/spaces/<space_id>/calendar.ics [public] (token) |   0   5   5   5   5   5
api/v1/spaces/<space_id>/calendar.ics [missing] |   3   5   5   5   5   5
api/v1/spaces/<space_id>/calendar.ics [missing] (token) |   0   5   5   5   5   5
api/v1/bookings |   0   2   2   2   2   2
api/v1/bookings (token) |   0   0   0   0   0   0
api/v1/bookings/series |   0   2   2   2   2   2
api/v1/bookings/series (token) |   0   0   0   0   0   0
api/v1/bookings/<booking_id> [existing] |   0   2   2   2   2   2
api/v1/bookings/<booking_id> [existing] (token) |   0   0   0   0   0   0
api/v1/events |   1   3   3   3   3   3
api/v1/events (token) |   1   1   1   1   1   1
api/v1/events/<event_id>/registrations [existing] |   0   2   2   2   2   2
api/v1/events/<event_id>/registrations [existing] (token) |   0   0   0   0   0   0
api/v1/courses |   3   5   5   5   5   5
api/v1/courses (token) |   0   5   5   5   5   5
api/v1/courses/<course_id> [published] |   4   6   6   6   6   6
api/v1/courses/<course_id> [published] (token) |   0   6   6   6   6   6
api/v1/courses/<course_id> [missing] |   3   5   5   5   5   5
api/v1/courses/<course_id> [missing] (token) |   0   5   5   5   5   5
api/v1/courses/<course_id>/sessions [existing] |   5   7   7   7   7   7
api/v1/courses/<course_id>/sessions [existing] (token) |   0   7   7   7   7   7
api/v1/sessions/<session_id> [latest] |   2   4   4   4   4   4
api/v1/sessions/<session_id> [latest] (token) |   0   4   4   4   4   4
api/v1/sessions/<session_id> [missing] |   3   5   5   5   5   5
api/v1/sessions/<session_id> [missing] (token) |   0   5   5   5   5   5
api/v1/sessions/<session_id>/bookings [existing] |   0   2   2   2   2   2
api/v1/sessions/<session_id>/bookings [existing] (token) |   0   0   0   0   0   0
api/v1/sessions/<session_id>/bookings/me [existing] |   0   2   2   2   2   2
api/v1/sessions/<session_id>/bookings/me [existing] (token) |   0   0   0   0   0   0
api/v1/me/learning |   0  12  12  12  12  12
api/v1/me/learning (token) |   0  12  12  12  12  12
api/v1/decisions |   1   3   3   3   3   3
api/v1/decisions (token) |   0   3   3   3   3   3
api/v1/decisions/<decision_id> [published] |   2   4   4   4   4   4
api/v1/decisions/<decision_id> [published] (token) |   0   4   4   4   4   4
api/v1/decisions/<decision_id> [unpublished] |   3   5   5   5   5   5
api/v1/decisions/<decision_id> [unpublished] (token) |   0   5   5   5   5   5
api/v1/decisions/<decision_id> [missing] |   3   5   5   5   5   5
api/v1/decisions/<decision_id> [missing] (token) |   0   5   5   5   5   5
api/v1/delegations |   2   4   4   4   4   4
api/v1/delegations (token) |   2   2   2   2   2   2
api/v1/contracts/<contract_id> [demo's] |   0   4   4   9   9   9
api/v1/contracts/<contract_id> [demo's] (token) |   0   4   4   9   9   9
api/v1/contracts/<contract_id> [missing] |   0   4   4   5   5   5
api/v1/contracts/<contract_id> [missing] (token) |   0   4   4   5   5   5
api/v1/payment-blocks/<block_id>/approve [existing] |   0   2   2   2   2   2
api/v1/payment-blocks/<block_id>/approve [existing] (token) |   0   0   0   0   0   0
api/v1/deliverables/<deliverable_id> [existing] |   0   2   2   2   2   2
api/v1/deliverables/<deliverable_id> [existing] (token) |   0   0   0   0   0   0
api/v1/transparency/contracts.csv |   1   3   3   3   3   3
api/v1/transparency/contracts.csv (token) |   1   1   1   1   1   1
api/v1/ |   2   4   4   4   4   4
api/v1/ (token) |   2   2   2   2   2   2
# admin
admin/login/ |   0   2   2   2   2   2
admin/logout/ |   0   2   2   2   2   2
^admin/password_reset/ |   0   2   2   2   2   2
# _util
_util/login/ |   0   2   2   2   2   2
# admin
admin/erase-contributions/ |   0   2   2   7   2   2
admin/password_reset/ |   0   2   2   2   2   2
admin/password_reset/done/ |   0   2   2   2   2   2
admin/password_reset/confirm/<uidb64>/<token>/ [existing] |   0   2   2   2   2   2
admin/password_reset/confirm/<uidb64>/<token>/ [missing] |   0   2   2   2   2   2
admin/password_reset/complete/ |   0   2   2   2   2   2
# accounts
accounts/ |   0   4   5   4   4   4
accounts/name/ |   0   2   2   2   2   2
accounts/people/ |   0   4   4   5   4   4
accounts/people/<int:pk>/ [existing] |   0   4   4   8   4   4
accounts/people/<int:pk>/ [missing] |   0   4   4   5   4   4
accounts/people/<int:pk>/roles/ [existing] |   0   4   4   2   4   4
accounts/people/<int:pk>/roles/ [missing] |   0   4   4   2   4   4
accounts/people/<int:pk>/line-manager/ [existing] |   0   4   4   2   4   4
accounts/people/<int:pk>/line-manager/ [missing] |   0   4   4   2   4   4
accounts/people/<int:pk>/directorate/ [existing] |   0   4   4   2   4   4
accounts/people/<int:pk>/directorate/ [missing] |   0   4   4   2   4   4
accounts/your-data/ |   0   2   2   2   2   2
accounts/your-data/download/ |   0  24  25  24  24  24
accounts/close/ |   0   2   2   2   2   2
accounts/closed/ |   0   2   2   2   2   2
accounts/login/ |   1   2   2   2   2   2
accounts/logout/ |   0   2   2   2   2   2
accounts/inactive/ |   0   2   2   2   2   2
accounts/signup/ |   2   2   2   2   2   2
accounts/reauthenticate/ |   0   2   2   2   2   2
accounts/email/ |   0   4   4   4   4   4
accounts/confirm-email/ |   0   2   2   2   2   2
accounts/password/change/ |   0   2   2   2   2   2
accounts/password/set/ |   0   2   2   2   2   2
accounts/password/reset/ |   0   2   2   2   2   2
accounts/login/code/confirm/ |   0   2   2   2   2   2
accounts/^confirm-email/(?P<key>[-:\w]+)/$ [bad key] |   0   2   2   2   2   2
accounts/password/reset/key/done/ |   0   2   2   2   2   2
accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$ [bad key] |   0   2   2   2   2   2
accounts/password/reset/done/ |   0   2   2   2   2   2
accounts/3rdparty/login/cancelled/ |   0   2   2   2   2   2
accounts/3rdparty/login/error/ |   0   2   2   2   2   2
accounts/3rdparty/signup/ |   0   2   2   2   2   2
accounts/3rdparty/ |   0   4   4   4   4   4
accounts/social/login/cancelled/ |   0   2   2   2   2   2
accounts/social/login/error/ |   0   2   2   2   2   2
accounts/social/signup/ |   0   2   2   2   2   2
accounts/social/connections/ |   0   2   2   2   2   2
accounts/oidc/^(?P<provider_id>[^/]+)/login/ [unknown provider] |   3   5   5   5   5   5
accounts/oidc/^(?P<provider_id>[^/]+)/login/callback/ [unknown provider] |   3   5   5   5   5   5
# notifications
notifications/ |   0   4   4   3   3   3
notifications/mark-all-read/ |   0   2   2   2   2   2
notifications/settings/ |   0   4   4   4   4   4
notifications/<int:pk>/ [resident's] |   0   3   5   5   5   5
notifications/<int:pk>/ [staff's] |   0   5   3   5   5   5
notifications/<int:pk>/ [missing] |   0   5   5   5   5   5
# ideas
ideas/ |   0   4   4   4   4   4
ideas/feed/ |   1   3   3   3   3   3
ideas/feed/atom/ |   1   3   3   3   3   3
ideas/new/ |   0   2   8   8   2   8
ideas/mine/ |   0   3   4   3   3   3
ideas/campaigns/ |   1   3   3   3   3   3
ideas/campaigns/<slug:slug>/ [open] |   4   6   6   6   6   6
ideas/campaigns/<slug:slug>/ [missing] |   3   5   5   5   5   5
ideas/campaigns/<slug:slug>/feed/ [open] |   3   5   5   5   5   5
ideas/campaigns/<slug:slug>/feed/ [missing] |   3   5   5   5   5   5
ideas/review/ |   0   4   4   4   4   4
ideas/matrix/ |   0   4   4   3   4   4
ideas/moderation/ |   0   4   4   4   4   4
ideas/moderation/<int:report_id>/dismiss/ [open] |   0   4   4   2   4   4
ideas/moderation/<int:report_id>/dismiss/ [resolved] |   0   4   4   2   4   4
ideas/moderation/<int:report_id>/dismiss/ [missing] |   0   4   4   2   4   4
ideas/export.csv |   0   4   4   4   4   4
ideas/export.xlsx |   0   4   4   4   4   4
ideas/<int:pk>/ [published] |   2   4   4   4   4   4
ideas/<int:pk>/ [hidden] |   3   5   5   4   5   5
ideas/<int:pk>/ [merged] |   3   5   5   4   5   5
ideas/<int:pk>/ [staff's draft] |   3   5   4   5   5   5
ideas/<int:pk>/ [missing] |   3   5   5   5   5   5
ideas/<int:pk>/edit/ [published] |   0   2   6   6   2   6
ideas/<int:pk>/edit/ [hidden] |   0   2   5   6   2   5
ideas/<int:pk>/edit/ [merged] |   0   2   6   6   2   6
ideas/<int:pk>/edit/ [staff's draft] |   0   2  10   5   2   5
ideas/<int:pk>/edit/ [missing] |   0   2   5   5   2   5
ideas/<int:pk>/check/ [published] |   0   4   4   4   4   4
ideas/<int:pk>/check/ [hidden] |   0   5   5   4   5   5
ideas/<int:pk>/check/ [merged] |   0   4   4   4   4   4
ideas/<int:pk>/check/ [staff's draft] |   0   5   6   5   5   5
ideas/<int:pk>/check/ [missing] |   0   5   5   5   5   5
ideas/<int:pk>/submitted/ [published] |   0   6   6   6   6   6
ideas/<int:pk>/submitted/ [hidden] |   0   5   5   6   5   5
ideas/<int:pk>/submitted/ [merged] |   0   6   6   6   6   6
ideas/<int:pk>/submitted/ [staff's draft] |   0   5   6   5   5   5
ideas/<int:pk>/submitted/ [missing] |   0   5   5   5   5   5
ideas/<int:pk>/delete/ [published] |   0   2   2   2   2   2
ideas/<int:pk>/delete/ [hidden] |   0   2   2   2   2   2
ideas/<int:pk>/delete/ [merged] |   0   2   2   2   2   2
ideas/<int:pk>/delete/ [staff's draft] |   0   2   2   2   2   2
ideas/<int:pk>/delete/ [missing] |   0   2   2   2   2   2
ideas/<int:pk>/support/ [published] |   0   2   2   2   2   2
ideas/<int:pk>/support/ [hidden] |   0   2   2   2   2   2
ideas/<int:pk>/support/ [merged] |   0   2   2   2   2   2
ideas/<int:pk>/support/ [staff's draft] |   0   2   2   2   2   2
ideas/<int:pk>/support/ [missing] |   0   2   2   2   2   2
ideas/<int:pk>/follow/ [published] |   0   2   2   2   2   2
ideas/<int:pk>/follow/ [hidden] |   0   2   2   2   2   2
ideas/<int:pk>/follow/ [merged] |   0   2   2   2   2   2
ideas/<int:pk>/follow/ [staff's draft] |   0   2   2   2   2   2
ideas/<int:pk>/follow/ [missing] |   0   2   2   2   2   2
ideas/<int:pk>/comments/ [published] |   0   2   2   2   2   2
ideas/<int:pk>/comments/ [hidden] |   0   2   2   2   2   2
ideas/<int:pk>/comments/ [merged] |   0   2   2   2   2   2
ideas/<int:pk>/comments/ [staff's draft] |   0   2   2   2   2   2
ideas/<int:pk>/comments/ [missing] |   0   2   2   2   2   2
ideas/<int:pk>/comments/<int:comment_id>/edit/ [staff's] |   0   5   5   5   5   5
ideas/<int:pk>/comments/<int:comment_id>/edit/ [another's] |   0   5   5   5   5   5
ideas/<int:pk>/comments/<int:comment_id>/edit/ [hidden] |   0   5   5   5   5   5
ideas/<int:pk>/comments/<int:comment_id>/edit/ [wrong idea] |   0   5   5   7   5   5
ideas/<int:pk>/comments/<int:comment_id>/edit/ [missing] |   0   7   7   7   7   7
ideas/<int:pk>/comments/<int:comment_id>/report/ [staff's] |   0   5   5   5   5   5
ideas/<int:pk>/comments/<int:comment_id>/report/ [another's] |   0   5   5   5   5   5
ideas/<int:pk>/comments/<int:comment_id>/report/ [hidden] |   0   7   7   5   7   7
ideas/<int:pk>/comments/<int:comment_id>/report/ [wrong idea] |   0   5   5   7   5   5
ideas/<int:pk>/comments/<int:comment_id>/report/ [missing] |   0   7   7   7   7   7
ideas/<int:pk>/comments/<int:comment_id>/hide/ [staff's] |   0   4   4   5   4   4
ideas/<int:pk>/comments/<int:comment_id>/hide/ [another's] |   0   4   4   5   4   4
ideas/<int:pk>/comments/<int:comment_id>/hide/ [hidden] |   0   4   4   5   4   4
ideas/<int:pk>/comments/<int:comment_id>/hide/ [wrong idea] |   0   4   4   7   4   4
ideas/<int:pk>/comments/<int:comment_id>/hide/ [missing] |   0   4   4   7   4   4
ideas/<int:pk>/report/ [published] |   0   4   4   4   4   4
ideas/<int:pk>/report/ [hidden] |   0   5   5   4   5   5
ideas/<int:pk>/report/ [merged] |   0   4   4   4   4   4
ideas/<int:pk>/report/ [staff's draft] |   0   5   4   5   5   5
ideas/<int:pk>/report/ [missing] |   0   5   5   5   5   5
ideas/<int:pk>/manage/ [published] |   0   4   4  14   4   4
ideas/<int:pk>/manage/ [hidden] |   0   4   4  10   4   4
ideas/<int:pk>/manage/ [merged] |   0   4   4  11   4   4
ideas/<int:pk>/manage/ [staff's draft] |   0   4   4   5   4   4
ideas/<int:pk>/manage/ [missing] |   0   4   4   5   4   4
ideas/<int:pk>/respond/ [published] |   0   4   4   2   4   4
ideas/<int:pk>/respond/ [hidden] |   0   4   4   2   4   4
ideas/<int:pk>/respond/ [merged] |   0   4   4   2   4   4
ideas/<int:pk>/respond/ [staff's draft] |   0   4   4   2   4   4
ideas/<int:pk>/respond/ [missing] |   0   4   4   2   4   4
ideas/<int:pk>/assess/ [published] |   0   4   4   2   4   4
ideas/<int:pk>/assess/ [hidden] |   0   4   4   2   4   4
ideas/<int:pk>/assess/ [merged] |   0   4   4   2   4   4
ideas/<int:pk>/assess/ [staff's draft] |   0   4   4   2   4   4
ideas/<int:pk>/assess/ [missing] |   0   4   4   2   4   4
ideas/<int:pk>/assign/ [published] |   0   4   4   2   4   4
ideas/<int:pk>/assign/ [hidden] |   0   4   4   2   4   4
ideas/<int:pk>/assign/ [merged] |   0   4   4   2   4   4
ideas/<int:pk>/assign/ [staff's draft] |   0   4   4   2   4   4
ideas/<int:pk>/assign/ [missing] |   0   4   4   2   4   4
ideas/<int:pk>/merge/ [published] |   0   4   4   2   4   4
ideas/<int:pk>/merge/ [hidden] |   0   4   4   2   4   4
ideas/<int:pk>/merge/ [merged] |   0   4   4   2   4   4
ideas/<int:pk>/merge/ [staff's draft] |   0   4   4   2   4   4
ideas/<int:pk>/merge/ [missing] |   0   4   4   2   4   4
ideas/<int:pk>/hide/ [published] |   0   4   4   2   4   4
ideas/<int:pk>/hide/ [hidden] |   0   4   4   2   4   4
ideas/<int:pk>/hide/ [merged] |   0   4   4   2   4   4
ideas/<int:pk>/hide/ [staff's draft] |   0   4   4   2   4   4
ideas/<int:pk>/hide/ [missing] |   0   4   4   2   4   4
ideas/<int:pk>/unhide/ [published] |   0   4   4   2   4   4
ideas/<int:pk>/unhide/ [hidden] |   0   4   4   2   4   4
ideas/<int:pk>/unhide/ [merged] |   0   4   4   2   4   4
ideas/<int:pk>/unhide/ [staff's draft] |   0   4   4   2   4   4
ideas/<int:pk>/unhide/ [missing] |   0   4   4   2   4   4
ideas/<int:pk>/<slug:slug>/ [published] |   2   4   4   4   4   4
ideas/<int:pk>/<slug:slug>/ [hidden] |   3   5   5   4   5   5
ideas/<int:pk>/<slug:slug>/ [staff's draft] |   3   5   4   5   5   5
ideas/<int:pk>/<slug:slug>/ [missing] |   3   5   5   5   5   5
# lab
lab/ |   3   5   5   5   5   5
lab/refer/ |   0   2   2   2   2   2
lab/refer/check/ |   0   2   2   2   2   2
lab/refer/sent/ |   0   2   2   2   2   2
lab/refer/clear/ |   0   2   2   2   2   2
lab/refer/confirm/<str:token>/ [bad token] |   2   4   4   4   4   4
lab/refer/<slug:step>/ [who] |   0   2   2   2   2   2
lab/refer/<slug:step>/ [problem] |   0   2   2   2   2   2
lab/refer/<slug:step>/ [contact] |   0   3   3   3   3   3
lab/refer/<slug:step>/ [evidence] |   0   2   2   2   2   2
lab/refer/<slug:step>/ [missing] |   2   4   4   4   4   4
lab/my-referrals/ |   0   3   3   3   3   3
lab/track/<str:reference>/ [right token] |   2   4   4   4   4   4
lab/track/<str:reference>/ [wrong token] |   4   7   7   7   7   7
lab/track/<str:reference>/ [missing] |   3   6   6   6   6   6
lab/track/<str:reference>/withdraw/ [right token] |   0   2   2   2   2   2
lab/track/<str:reference>/withdraw/ [wrong token] |   0   2   2   2   2   2
lab/track/<str:reference>/withdraw/ [missing] |   0   2   2   2   2   2
lab/track/<str:reference>/my-data.json [right token] |   5   7   7   7   7   7
lab/track/<str:reference>/my-data.json [wrong token] |   4   7   7   7   7   7
lab/track/<str:reference>/my-data.json [missing] |   3   6   6   6   6   6
lab/challenges/ |   4   6   6   6   6   6
lab/challenges/feed/ |   3   5   5   5   5   5
lab/challenges/feed/atom/ |   3   5   5   5   5   5
lab/challenges/<slug:slug>/ [published] |   4   6   6   6   6   6
lab/challenges/<slug:slug>/ [unpublished] |   3   5   5   5   5   5
lab/challenges/<slug:slug>/ [missing] |   3   5   5   5   5   5
lab/plan/ |   5   7   7   7   7   7
lab/methods/ |   1   3   3   3   3   3
lab/labs/ |   2   4   4   4   4   4
lab/triage/ |   0   4   4   4   4   4
lab/triage/<str:reference>/ [open] |   0   4   4  11   4   4
lab/triage/<str:reference>/ [missing] |   0   4   4   5   4   4
lab/triage/<str:reference>/contact/ [open] |   0   4   4   5   4   4
lab/triage/<str:reference>/contact/ [missing] |   0   4   4   5   4   4
lab/triage/<str:reference>/decide/ [open] |   0   4   4   2   4   4
lab/triage/<str:reference>/decide/ [missing] |   0   4   4   2   4   4
lab/triage/<str:reference>/assign/ [open] |   0   4   4   2   4   4
lab/triage/<str:reference>/assign/ [missing] |   0   4   4   2   4   4
lab/triage/<str:reference>/tags/ [open] |   0   4   4   2   4   4
lab/triage/<str:reference>/tags/ [missing] |   0   4   4   2   4   4
lab/triage/<str:reference>/evidence/<int:evidence_id>/ [missing file] |   0   4   4   6   4   4
lab/events/<slug:slug>/referrals/ [published] |   0   4   4   4   4   4
lab/events/<slug:slug>/referrals/ [missing] |   0   4   4   5   4   4
lab/challenges/<slug:slug>/stage/ [published] |   0   4   4   4   4   4
lab/challenges/<slug:slug>/stage/ [unpublished] |   0   4   4   4   4   4
lab/challenges/<slug:slug>/stage/ [missing] |   0   4   4   5   4   4
# initiatives
initiatives/ |   9  11  16  16  11  16
initiatives/board/ |   8  10  10  10  10  10
initiatives/spectrum/ |   8  10  10  10  10  10
initiatives/timeline/ |  12  14  14  14  14  14
initiatives/summary/ |  10  12  12  12  12  12
initiatives/export.<str:fmt> [csv] |   0   4   2   2   4   2
initiatives/export.<str:fmt> [xlsx] |   0   4   6   6   4   6
initiatives/export.<str:fmt> [json] |   0   4   4   4   4   4
initiatives/export.<str:fmt> [exe] |   0   4   4   4   4   4
initiatives/new/ |   0   2   2  13   2   2
initiatives/<int:pk>/ [staff-led] |  20  23  26  26  23  26
initiatives/<int:pk>/ [partner's] |  22  25  29  29  29  29
initiatives/<int:pk>/ [unpublished] |  21  23  25  25  23  25
initiatives/<int:pk>/ [missing] |   3   5   5   5   5   5
initiatives/<int:pk>/edit/ [staff-led] |   0   6  17  17   6   6
initiatives/<int:pk>/edit/ [partner's] |   0   6   6  18  18   6
initiatives/<int:pk>/edit/ [unpublished] |   0   6   6  17   6   6
initiatives/<int:pk>/edit/ [missing] |   0   5   5   5   5   5
initiatives/<int:pk>/sources/ [staff-led] |   0  22  22  24  22  22
initiatives/<int:pk>/sources/ [partner's] |   0  24  24  26  24  24
initiatives/<int:pk>/sources/ [unpublished] |   0  23  21  23  23  21
initiatives/<int:pk>/sources/ [missing] |   0   5   5   5   5   5
initiatives/<int:pk>/follow/ [staff-led] |   0   2   2   2   2   2
initiatives/<int:pk>/follow/ [partner's] |   0   2   2   2   2   2
initiatives/<int:pk>/follow/ [unpublished] |   0   2   2   2   2   2
initiatives/<int:pk>/follow/ [missing] |   0   2   2   2   2   2
initiatives/<int:pk>/measures/<int:measure_pk>/ [partner's] |  24  26  28  29  29  28
initiatives/<int:pk>/measures/<int:measure_pk>/ [other initiative's] |  24  26  27  27  27  27
initiatives/<int:pk>/measures/<int:measure_pk>/ [missing] |  24  26  27  27  27  27
initiatives/<int:pk>/measures/<int:measure_pk>/values/ [partner's] |   0   2   2   2   2   2
initiatives/<int:pk>/measures/<int:measure_pk>/values/ [other initiative's] |   0   2   2   2   2   2
initiatives/<int:pk>/measures/<int:measure_pk>/values/ [missing] |   0   2   2   2   2   2
initiatives/<int:pk>/measures/<int:measure_pk>/import/ [partner's] |   0  26  30  28  28  30
initiatives/<int:pk>/measures/<int:measure_pk>/import/ [other initiative's] |   0  26  27  27  27  27
initiatives/<int:pk>/measures/<int:measure_pk>/import/ [missing] |   0  26  27  27  27  27
initiatives/<int:pk>/measures/<int:measure_pk>/values/<int:observation_pk>/delete/ [partner's] |   0  26  30  29  29  30
initiatives/<int:pk>/measures/<int:measure_pk>/values/<int:observation_pk>/delete/ [missing] |   0  26  30  31  31  30
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/ [partner's] |   0   2   2   2   2   2
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/ [other initiative's] |   0   2   2   2   2   2
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/ [missing] |   0   2   2   2   2   2
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/<int:rebase_pk>/delete/ [existing] |   0  27  31  30  27  30
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/<int:rebase_pk>/delete/ [missing] |   0  26  30  31  31  30
initiatives/<int:pk>/pilots/<int:pilot_pk>/decision/ [partner's] |   0  24  24  24  24  28
initiatives/<int:pk>/pilots/<int:pilot_pk>/decision/ [missing] |   0  24  24  24  24  26
initiatives/<int:pk>/<slug:kind>/add/ [partner's milestones] |   0   6   6   4   4   6
initiatives/<int:pk>/<slug:kind>/add/ [partner's team] |   0   6   6   6   6   6
initiatives/<int:pk>/<slug:kind>/add/ [unpublished risks] |   0   6   6   4   6   6
initiatives/<int:pk>/<slug:kind>/add/ [bad kind] |   0   6   6   6   6   6
initiatives/<int:pk>/<slug:kind>/add/ [missing] |   0   5   5   5   5   5
initiatives/<int:pk>/<slug:kind>/<int:part_pk>/edit/ [partner's] |   0   6   6   5   5   6
initiatives/<int:pk>/<slug:kind>/<int:part_pk>/edit/ [missing] |   0   6   6   7   7   6
initiatives/<int:pk>/<slug:kind>/<int:part_pk>/delete/ [partner's] |   0   6   6   5   5   6
initiatives/<int:pk>/<slug:kind>/<int:part_pk>/delete/ [missing] |   0   6   6   7   7   6
initiatives/<int:pk>/training/new/ [staff-led] |   0   6  11  11   6   6
initiatives/<int:pk>/training/new/ [partner's] |   0   6   6  11  11   6
initiatives/<int:pk>/training/new/ [unpublished] |   0   6   6  11   6   6
initiatives/<int:pk>/training/new/ [missing] |   0   5   5   5   5   5
initiatives/<int:pk>/training/<int:requirement_pk>/change/ [existing] |   0   6   6  15   6  15
initiatives/<int:pk>/training/<int:requirement_pk>/change/ [missing] |   0   6   6   7   7   6
initiatives/<int:pk>/training/<int:requirement_pk>/schedule/ [existing] |   0   4   4  31   4   4
initiatives/<int:pk>/training/<int:requirement_pk>/schedule/ [missing] |   0   4   4  30   4   4
# change-academy
change-academy/ |   7   9   9   9   9   9
change-academy/courses/<slug:slug>/ [published] |   5   7   7   9   7   7
change-academy/courses/<slug:slug>/ [draft] |   6   8   8   9   8   8
change-academy/courses/<slug:slug>/ [missing] |   3   5   5   5   5   5
change-academy/pathways/<slug:slug>/ [published] |   2   4   7   7   7   7
change-academy/pathways/<slug:slug>/ [missing] |   3   5   5   5   5   5
change-academy/pathways/<slug:slug>/credential.json [published] |   0   4   9   9   9   9
change-academy/pathways/<slug:slug>/credential.json [missing] |   0   4   5   5   5   5
change-academy/pathways/<slug:slug>/steps/<int:step_id>/evidence/ [step] |   0   4   6   6   6   6
change-academy/pathways/<slug:slug>/steps/<int:step_id>/evidence/ [missing] |   0   4   6   6   6   6
change-academy/learning-visits/ |   0   4   5   5   5   5
change-academy/sessions/<int:pk>/ [latest] |   2   6   7   7   6   7
change-academy/sessions/<int:pk>/ [missing] |   3   5   5   5   5   5
change-academy/sessions/<int:pk>/book/ [latest] |   0   2   2   2   2   2
change-academy/sessions/<int:pk>/book/ [missing] |   0   2   2   2   2   2
change-academy/sessions/<int:pk>/register/ [latest] |   0   4   6   7   6   6
change-academy/sessions/<int:pk>/register/ [missing] |   0   4   5   5   5   5
change-academy/sessions/<int:pk>/register/<int:enrolment_id>/ [staff's] |   0   4   2   2   2   2
change-academy/sessions/<int:pk>/register/<int:enrolment_id>/ [missing] |   0   4   2   2   2   2
change-academy/sessions/<int:pk>/promote/ [latest] |   0   4   4   2   4   4
change-academy/sessions/<int:pk>/promote/ [missing] |   0   4   4   2   4   4
change-academy/sessions/<int:pk>/cancel/ [latest] |   0   4   4   2   4   4
change-academy/sessions/<int:pk>/cancel/ [missing] |   0   4   4   2   4   4
change-academy/sessions/<int:pk>/edit/ [latest] |   0   4   4   5   4   4
change-academy/sessions/<int:pk>/edit/ [missing] |   0   4   4   5   4   4
change-academy/bookings/<int:pk>/cancel/ [staff's] |   0   2   2   2   2   2
change-academy/bookings/<int:pk>/cancel/ [another's] |   0   2   2   2   2   2
change-academy/bookings/<int:pk>/cancel/ [missing] |   0   2   2   2   2   2
change-academy/bookings/<int:pk>/approve/ [staff's] |   0   2   2   2   2   2
change-academy/bookings/<int:pk>/approve/ [another's] |   0   2   2   2   2   2
change-academy/bookings/<int:pk>/approve/ [missing] |   0   2   2   2   2   2
change-academy/bookings/<int:pk>/feedback/ [staff's] |   0   5   5   5   5   5
change-academy/bookings/<int:pk>/feedback/ [another's] |   0   5   5   3   5   5
change-academy/bookings/<int:pk>/feedback/ [missing] |   0   5   5   5   5   5
change-academy/my-learning/ |   0   4  12  16  12  12
change-academy/my-learning/skills/ |   0   4  12  12  12  12
change-academy/my-learning/calendar/ |   0   4   2   2   2   2
change-academy/calendar/<str:token>.ics [bad token] |   3   5   5   5   5   5
change-academy/certificates/<uuid:reference>.pdf [existing] |   0   5   5   3   5   5
change-academy/certificates/<uuid:reference>.pdf [missing] |   0   5   5   5   5   5
change-academy/manage/ |   0   4   4  15   4   4
change-academy/manage/courses/<slug:slug>/sessions/new/ [published] |   0   4   4   7   4   4
change-academy/manage/courses/<slug:slug>/sessions/new/ [missing] |   0   4   4   5   4   4
change-academy/manage/matrix/ |   0   4   4   4   4   4
change-academy/manage/report.csv |   0   4   4   4   4   4
change-academy/manage/report.xlsx |   0   4   4   4   4   4
# spaces
spaces/ |   1   3   3   3   3   3
spaces/week/ |   4   6   6   6   6   6
spaces/move-plan/ |   2   4   4   4   4   4
spaces/move-plan/<int:pk>/done/ [step] |   0   4   4   2   4   4
spaces/move-plan/<int:pk>/done/ [missing] |   0   4   4   2   4   4
spaces/utilisation/ |   0   4   4   4   4   4
spaces/<slug:slug>/ [public] |   3   5   5   5   5   5
spaces/<slug:slug>/ [internal] |   3   5   5   5   5   5
spaces/<slug:slug>/ [missing] |   3   5   5   5   5   5
# bookings
bookings/ |   0   3   5   3   3   3
bookings/new/ |   0   4   4   4   4   4
bookings/repeat/ |   0   4   4   4   4   4
bookings/approvals/ |   0   4   4   3   4   4
bookings/resources/ |   0   4   4   3   4   4
bookings/resources/<int:pk>/ [request] |   0   4   4   2   4   4
bookings/resources/<int:pk>/ [missing] |   0   4   4   2   4   4
bookings/calendar/<str:token>.ics [bad token] |   2   4   4   4   4   4
bookings/<int:pk>/ [staff's] |   0   6   4   4   6   6
bookings/<int:pk>/ [another's] |   0   6   6   4   6   6
bookings/<int:pk>/ [missing] |   0   5   5   5   5   5
bookings/<int:pk>/change/ [staff's] |   0   6   4   4   6   6
bookings/<int:pk>/change/ [another's] |   0   6   6   4   6   6
bookings/<int:pk>/change/ [missing] |   0   5   5   5   5   5
bookings/<int:pk>/cancel/ [staff's] |   0   6   4   4   6   6
bookings/<int:pk>/cancel/ [another's] |   0   6   6   4   6   6
bookings/<int:pk>/cancel/ [missing] |   0   5   5   5   5   5
bookings/<int:pk>/resources/ [staff's] |   0   2   2   2   2   2
bookings/<int:pk>/resources/ [another's] |   0   2   2   2   2   2
bookings/<int:pk>/resources/ [missing] |   0   2   2   2   2   2
bookings/<int:pk>/decide/ [staff's] |   0   4   4   2   4   4
bookings/<int:pk>/decide/ [another's] |   0   4   4   2   4   4
bookings/<int:pk>/decide/ [missing] |   0   4   4   2   4   4
# events
events/ |   2   4   4   4   4   4
events/feed/ |   1   3   3   3   3   3
events/calendar.ics |   1   3   3   3   3   3
events/places/<uuid:token>/ [existing] |   1   3   3   3   3   3
events/places/<uuid:token>/ [missing] |   3   5   5   5   5   5
events/places/<uuid:token>/confirm/ [existing] |   1   3   3   3   3   3
events/places/<uuid:token>/confirm/ [missing] |   3   5   5   5   5   5
events/new/ |   0   4   4   4   4   4
events/<slug:slug>/ [published] |   2   4   4   4   4   4
events/<slug:slug>/ [missing] |   3   5   5   5   5   5
events/<slug:slug>/register/ [published] |   0   4   4   4   4   4
events/<slug:slug>/register/ [missing] |   0   4   4   5   4   4
events/<slug:slug>/change/ [published] |   0   4   4   6   4   4
events/<slug:slug>/change/ [missing] |   0   4   4   5   4   4
events/<slug:slug>/cancel/ [published] |   0   4   4   3   4   4
events/<slug:slug>/cancel/ [missing] |   0   4   4   5   4   4
# decisions
decisions/ |   5   7   7   7   7   7
decisions/<int:pk>/ [published] |   3   5   5   5   5   5
decisions/<int:pk>/ [unpublished] |   3   5   5   5   5   5
decisions/<int:pk>/ [missing] |   3   5   5   5   5   5
decisions/<int:pk>/pdf/ [published] |   3   5   5   5   5   5
decisions/<int:pk>/pdf/ [unpublished] |   3   5   5   5   5   5
decisions/<int:pk>/pdf/ [missing] |   3   5   5   5   5   5
# transparency
transparency/ |   3   5   5   5   5   5
transparency/contracts.csv |   1   3   3   3   3   3
transparency/spend.csv |   1   3   3   3   3   3
transparency/files/<int:pk>/ [file] |   1   3   3   3   3   3
transparency/files/<int:pk>/ [missing] |   3   5   5   5   5   5
transparency/publish/ |   0   4   4   4   4   4
# decisions
decisions/new/ |   0   4   4   4   4   4
decisions/<int:pk>/quotations/ [published] |   0   4   4   4   4   4
decisions/<int:pk>/quotations/ [unpublished] |   0   4   4   5   4   4
decisions/<int:pk>/quotations/ [missing] |   0   4   4   5   4   4
decisions/<int:pk>/<slug:action>/ [submit unpublished] |   0   4   4   2   4   2
decisions/<int:pk>/<slug:action>/ [sign published] |   0   4   4   2   4   2
decisions/<int:pk>/<slug:action>/ [bad action] |   0   4   4   2   4   2
decisions/<int:pk>/<slug:action>/ [missing] |   0   4   4   2   4   2
# contracts
contracts/ |   0   4   4   3   3   3
contracts/new/ |   0   4   4   8   4   4
contracts/<int:pk>/ [demo's] |   0   4   4   9   9   9
contracts/<int:pk>/ [missing] |   0   4   4   5   5   5
contracts/<int:pk>/vary/ [demo's] |   0   4   4  11   4   4
contracts/<int:pk>/vary/ [missing] |   0   4   4   5   4   4
contracts/<int:pk>/tasks/<int:number>/ [task 1] |   0   4   4  24  25  24
contracts/<int:pk>/tasks/<int:number>/ [task 9] |   0   4   4   5   5   5
contracts/<int:pk>/tasks/<int:number>/ [missing] |   0   4   4   5   5   5
contracts/<int:pk>/tasks/<int:number>/evidence/ [task 1] |   0   4   4   2   2   2
contracts/<int:pk>/tasks/<int:number>/evidence/ [task 9] |   0   4   4   2   2   2
contracts/<int:pk>/tasks/<int:number>/evidence/ [missing] |   0   4   4   2   2   2
contracts/<int:pk>/tasks/<int:number>/evidence/<int:evidence_id>/ [document] |   0   4   4   6   6   6
contracts/<int:pk>/tasks/<int:number>/evidence/<int:evidence_id>/ [missing] |   0   4   4   6   6   6
contracts/<int:pk>/tasks/<int:number>/edit/ [task 1] |   0   4   4   5   4   4
contracts/<int:pk>/tasks/<int:number>/edit/ [task 9] |   0   4   4   5   4   4
contracts/<int:pk>/tasks/<int:number>/edit/ [missing] |   0   4   4   5   4   4
contracts/<int:pk>/tasks/<int:number>/submit/ [task 1] |   0   4   4   2   2   2
contracts/<int:pk>/tasks/<int:number>/submit/ [task 9] |   0   4   4   2   2   2
contracts/<int:pk>/tasks/<int:number>/submit/ [missing] |   0   4   4   2   2   2
contracts/<int:pk>/tasks/<int:number>/review/ [task 1] |   0   4   4   2   4   4
contracts/<int:pk>/tasks/<int:number>/review/ [task 9] |   0   4   4   2   4   4
contracts/<int:pk>/tasks/<int:number>/review/ [missing] |   0   4   4   2   4   4
contracts/<int:pk>/audit/ [demo's] |   0   4   4  10   4  10
contracts/<int:pk>/audit/ [missing] |   0   4   4   5   4   5
contracts/<int:pk>/audit.csv [demo's] |   0   4   4   9   4   9
contracts/<int:pk>/audit.csv [missing] |   0   4   4   5   4   5
contracts/payment-blocks/<int:block_id>/approve/ [block 1] |   0   4   4   4   4   2
contracts/payment-blocks/<int:block_id>/approve/ [missing] |   0   4   4   4   4   2
contracts/payment-blocks/<int:block_id>/invoice/ [block 1] |   0   4   4   4   4   4
contracts/payment-blocks/<int:block_id>/invoice/ [missing] |   0   4   4   5   4   4
contracts/payment-blocks/<int:block_id>/paid/ [block 1] |   0   4   4   4   4   4
contracts/payment-blocks/<int:block_id>/paid/ [missing] |   0   4   4   5   4   4
# handover
handover/<int:pk>/ [demo's] |   0   4   4  19   4  19
handover/<int:pk>/ [missing] |   0   4   4   5   4   5
handover/<int:pk>/sign-off/ [demo's] |   0   4   4   4   4   2
handover/<int:pk>/sign-off/ [missing] |   0   4   4   4   4   2
handover/<int:pk>/edit/ [demo's] |   0   4   4  11   4   4
handover/<int:pk>/edit/ [missing] |   0   4   4   5   4   4
handover/<int:pk>/costs/new/ [demo's] |   0   4   4  11   4   4
handover/<int:pk>/costs/new/ [missing] |   0   4   4   5   4   4
handover/<int:pk>/costs/<int:cost_id>/ [demo's] |   0   4   4  12   4   4
handover/<int:pk>/costs/<int:cost_id>/ [missing] |   0   4   4  14   4   4
handover/<int:pk>/costs/<int:cost_id>/remove/ [demo's] |   0   4   4   2   4   4
handover/<int:pk>/costs/<int:cost_id>/remove/ [missing] |   0   4   4   2   4   4
# insights
insights/ |   0   2   2   7   2   7
insights/board-pack.pdf |   0   2   2   7   2   7
insights/tables/<slug:slug>.csv [ideas funnel] |   0   2   2   7   2   7
insights/tables/<slug:slug>.csv [missing] |   0   2   2   9   2   9
insights/tables/<slug:slug>.xlsx [ideas funnel] |   0   2   2   7   2   7
insights/tables/<slug:slug>.xlsx [missing] |   0   2   2   9   2   9
# results
results/ |  14  16  16  16  16  16
results/<int:pk>/ [published] |   7   9   9   9   9   9
results/<int:pk>/ [unpublished] |   3   5   5   5   5   5
results/<int:pk>/ [missing] |   3   5   5   5   5   5
results/data.csv |   9  11  11  11  11  11
results/figures.csv |  10  12  12  12  12  12
results/measures.csv |   9  11  11  11  11  11
results/data.json |  10  12  12  12  12  12
# newsletter
newsletter/ |   2   4   4   4   4   4
newsletter/check-your-email/ |   0   2   2   2   2   2
newsletter/confirm/<str:token>/ [bad token] |   2   4   4   4   4   4
newsletter/unsubscribe/<str:token>/ [bad token] |   2   4   4   4   4   4
newsletter/issues/ |   0   4   4   7   4   4
newsletter/issues/new/ |   0   4   4  10   4   4
newsletter/issues/<int:pk>/ [draft] |   0   4   4  10   4   4
newsletter/issues/<int:pk>/ [missing] |   0   4   4   5   4   4
newsletter/issues/<int:pk>/edit/ [draft] |   0   4   4  13   4   4
newsletter/issues/<int:pk>/edit/ [missing] |   0   4   4   5   4   4
newsletter/issues/<int:pk>/send/ [draft] |   0   4   4   2   4   4
newsletter/issues/<int:pk>/send/ [missing] |   0   4   4   2   4   4
# pages
robots.txt |   0   2   2   2   2   2
sitemap.xml |  11  13  13  13  13  13
# news
news/feed/ |   6   8   8   8   8   8
# pages
^((?:[\w\-]+/)*)$ [home] |   5   8  11  20  10  10
^((?:[\w\-]+/)*)$ [live page] |   7   9   9   9   9   9
^((?:[\w\-]+/)*)$ [draft page] |   5   7   7   7   7   7
^((?:[\w\-]+/)*)$ [missing] |   4   6   6   6   6   6
# posts
POST ideas/<int:pk>/support/ [published] |   0   5  11  17   5  17
POST ideas/<int:pk>/follow/ [published] |   0   8   5   8   8   8
POST ideas/<int:pk>/comments/ [published] |   0   7  10  10   7  10
POST notifications/mark-all-read/ |   0   5   5   5   5   5
POST lab/refer/<slug:step>/ [who] |   3   5   5   5   5   5
POST api/v1/ideas (token) |   0   2  36 36/35   2  36
POST api/v1/ideas/<idea_id>/support [published] (token) |   0   4  12  18   4  18
"""
