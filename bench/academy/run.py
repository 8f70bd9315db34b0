"""Booking endpoint under data (issue 11): POST /api/v1/sessions/{id}/bookings with
10,000 staff and 2,000 sessions; the target is p95 < 50 ms server time.

Server time here is the time Django takes for the request in-process (the test client
runs the whole middleware stack, authentication, the endpoint, the service's transaction
with its row lock, and the JSON response; no network). Requests go one after another from
random staff to random sessions, so seats fill and waiting lists grow as in real use.

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_bench \\
        python -m bench.academy.run --staff 10000 --sessions 2000 --requests 1000

Use a scratch database: the script migrates it and adds its rows. Quick check of the
script itself: ``--staff 50 --sessions 10 --requests 20`` (any database).
"""

import argparse
import logging
import os
import random
import statistics
import time
from datetime import timedelta

import django

UNUSABLE = "!bench"  # nobody signs in with a password: the client logs in by session


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "improvement_hub.config.settings")
    django.setup()


def load(staff: int, sessions: int) -> tuple[list[int], list[int]]:
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from improvement_hub.academy.models import Course, Session
    from improvement_hub.accounts.models import User

    group = Group.objects.get(name="Staff")
    have = User.objects.filter(email__startswith="bench.staff").count()
    users = [
        User(
            email=f"bench.staff{n}@example.org",
            first_name="Bench",
            last_name=str(n),
            password=UNUSABLE,
        )
        for n in range(have, staff)
    ]
    User.objects.bulk_create(users, batch_size=2000)
    people = list(User.objects.filter(email__startswith="bench.staff").values_list("pk", flat=True))
    Group.user_set.through.objects.bulk_create(
        [Group.user_set.through(user_id=pk, group_id=group.pk) for pk in people],
        batch_size=5000,
        ignore_conflicts=True,
    )
    courses = [
        Course.objects.get_or_create(
            slug=f"bench-course-{n}",
            defaults={"title": f"Bench course {n}", "summary": "Bench.", "is_published": True},
        )[0]
        for n in range(20)
    ]
    have = Session.objects.filter(course__slug__startswith="bench-course").count()
    now = timezone.now()
    rows = []
    for n in range(have, sessions):
        start = now + timedelta(days=10 + n % 200, hours=n % 8)
        rows.append(
            Session(
                course=courses[n % len(courses)],
                starts_at=start,
                ends_at=start + timedelta(hours=3),
                capacity=12,
                address="Bench room",
                booking_deadline=start - timedelta(days=1),
                cancellation_deadline=start - timedelta(days=2),
            )
        )
    Session.objects.bulk_create(rows, batch_size=2000)
    ids = list(
        Session.objects.filter(course__slug__startswith="bench-course").values_list("pk", flat=True)
    )
    return people, ids


def measure(people: list[int], sessions: list[int], requests: int) -> list[float]:
    from django.test import Client

    from improvement_hub.accounts.models import User

    rng = random.Random(11)
    clients: dict[int, Client] = {}
    timings = []
    for _ in range(requests):
        person = rng.choice(people)
        client = clients.get(person)
        if client is None:
            client = clients[person] = Client(HTTP_HOST="localhost")
            client.force_login(User.objects.get(pk=person))
        session = rng.choice(sessions)
        started = time.perf_counter()
        response = client.post(
            f"/api/v1/sessions/{session}/bookings", content_type="application/json"
        )
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code not in (201, 409):
            raise SystemExit(f"unexpected {response.status_code}: {response.content[:200]!r}")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=1_000)
    parser.add_argument("--no-migrate", action="store_true", help="the database is migrated")
    args = parser.parse_args()
    setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # 409s are expected
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    if not args.no_migrate:
        call_command("migrate", verbosity=0)
    started = time.perf_counter()
    people, sessions = load(args.staff, args.sessions)
    print(
        f"data: {len(people)} staff, {len(sessions)} sessions ({time.perf_counter() - started:.1f} s)"
    )
    measure(people, sessions, min(20, args.requests))  # warm up
    timings = sorted(measure(people, sessions, args.requests))
    q = statistics.quantiles(timings, n=100)
    print(
        f"POST /api/v1/sessions/{{id}}/bookings x{len(timings)}: "
        f"p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms, p99 {q[98]:.1f} ms, max {timings[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
