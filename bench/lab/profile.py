"""Where a triage page's time goes: SQL (each query, timed) versus Python, one process.

    .venv/bin/python -m bench.lab.profile /lab/triage/ --repeat 20
    .venv/bin/python -m bench.lab.profile "/lab/triage/?status=all&page=500" --explain
    .venv/bin/python -m bench.lab.profile referral:open --cprofile 30
    .venv/bin/python -m bench.lab.profile referral:closed --explain-over 5

Runs the request through Django's test client with the benchmark server's settings
(DEBUG off), signed in as the bench's Hub Team user, against the benchmark database, after
the similar-referrals index is built (the cold build is timed) and one warm-up request.
``referral:open`` and ``referral:closed`` pick one open or closed referral (fixed seed).
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import time
from pathlib import Path

from bench.lab.common import DEFAULT_URL, database_parts


def server_like_environment(database_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="improvement_hub.config.settings",
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY="bench",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        STATIC_MANIFEST="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        TASKS_BACKEND="immediate",
        CACHE_URL="locmemcache://",
        CONN_MAX_AGE="60",
        LOG_LEVEL="ERROR",
    )


def wait_for_index(limit: float = 900.0) -> tuple[float, int]:
    """Starts (or runs) the similar-referrals index build and waits for it: (seconds, rows)."""
    from improvement_hub.lab import similarity

    started = time.perf_counter()
    similarity.similar("warm up the index")
    while similarity.INDEX._index is None and time.perf_counter() - started < limit:
        time.sleep(0.1)
    index = similarity.INDEX._index
    return time.perf_counter() - started, len(index) if index is not None else -1


def resolve(path: str, seed: int) -> str:
    from improvement_hub.lab.models import CLOSED_STATUSES, OPEN_STATUSES, Referral

    if not path.startswith("referral:"):
        return path
    statuses = OPEN_STATUSES if path.endswith(":open") else CLOSED_STATUSES
    refs = list(
        Referral.objects.filter(status__in=statuses)
        .order_by("id")
        .values_list("reference", flat=True)
    )
    return f"/lab/triage/{random.Random(seed).choice(refs)}/"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a path, or referral:open / referral:closed")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cprofile", type=int, default=0, help="print the top N functions")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the slowest query")
    parser.add_argument(
        "--explain-over", type=float, default=0.0, help="EXPLAIN ANALYZE every query over N ms"
    )
    parser.add_argument("--show-sql", action="store_true", help="print every query")
    parser.add_argument("--dump-sql", type=Path, help="write the last request's queries here")
    args = parser.parse_args(argv)
    database_parts(args.database_url)
    server_like_environment(args.database_url)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.lab.load_data import BENCH_USER
    from improvement_hub.accounts.models import User

    path = resolve(args.path, args.seed)
    seconds, rows = wait_for_index()
    print(f"similar-referrals index: {rows} rows, built in {seconds:.1f} s (cold)")
    client = Client()
    client.force_login(User.objects.get(email=BENCH_USER))
    response = client.get(path)  # warm-up
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    totals, sql_totals, captured = [], [], None
    for _ in range(args.repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(path)
            totals.append((time.perf_counter() - started) * 1000)
        sql_totals.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        captured = queries.captured_queries
    assert captured is not None
    print(
        f"{path}: {len(captured)} queries; median total {statistics.median(totals):.1f} ms, "
        f"of which SQL {statistics.median(sql_totals):.1f} ms (client-side, incl. fetch)"
    )
    for query in sorted(captured, key=lambda q: -float(q["time"]))[: None if args.show_sql else 6]:
        print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:400]}")
    if args.dump_sql:
        args.dump_sql.write_text("".join(f"{q['time']}\t{q['sql']}\n" for q in captured))
    to_explain = []
    if args.explain:
        to_explain.append(max(captured, key=lambda q: float(q["time"])))
    if args.explain_over:
        to_explain += [q for q in captured if float(q["time"]) * 1000 > args.explain_over]
    for query in to_explain:
        print(f"\nEXPLAIN ANALYZE ({float(query['time']) * 1000:.1f} ms): {query['sql'][:2000]}")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            print("\n".join(row[0] for row in cursor.fetchall()))
    if args.cprofile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.repeat):
            client.get(path)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
