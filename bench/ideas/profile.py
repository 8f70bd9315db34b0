"""Where a page's time goes: SQL (each query, timed) versus Python, one process, no load.

    .venv/bin/python -m bench.ideas.profile "/ideas/?q=repairs" --repeat 20
    .venv/bin/python -m bench.ideas.profile /ideas/ --cprofile 25
    .venv/bin/python -m bench.ideas.profile /ideas/ --explain      # EXPLAIN ANALYZE the slowest

Runs the request through Django's test client with the benchmark server's settings
(DEBUG off), against the benchmark database, after one warm-up request.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import time
from pathlib import Path

from bench.ideas.load_data import DEFAULT_URL, database_parts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--cprofile", type=int, default=0, help="print the top N functions")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the slowest query")
    parser.add_argument("--show-sql", action="store_true", help="print every query")
    parser.add_argument("--dump-sql", type=Path, help="write the last request's queries here")
    args = parser.parse_args(argv)
    database_parts(args.database_url)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="improvement_hub.config.settings",
        DATABASE_URL=args.database_url,
        DEBUG="false",
        SECRET_KEY="bench",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        STATIC_MANIFEST="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        TASKS_BACKEND="immediate",
        CONN_MAX_AGE="60",
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    response = client.get(args.path)  # warm-up (and the similar-ideas index, if needed)
    if response.status_code != 200:
        raise SystemExit(f"{args.path}: HTTP {response.status_code}")
    totals, sql_totals, captured = [], [], None
    for _ in range(args.repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(args.path)
            totals.append((time.perf_counter() - started) * 1000)
        sql_totals.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        captured = queries.captured_queries
    assert captured is not None
    print(
        f"{args.path}: {len(captured)} queries; median total {statistics.median(totals):.1f} ms, "
        f"of which SQL {statistics.median(sql_totals):.1f} ms (client-side, incl. fetch)"
    )
    for query in sorted(captured, key=lambda q: -float(q["time"]))[: None if args.show_sql else 5]:
        print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")
    if args.dump_sql:
        args.dump_sql.write_text("".join(f"{q['time']}\t{q['sql']}\n" for q in captured))
    if args.explain:
        slowest = max(captured, key=lambda q: float(q["time"]))
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
            print("\n".join(row[0] for row in cursor.fetchall()))
    if args.cprofile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.repeat):
            client.get(args.path)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
