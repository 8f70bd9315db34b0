"""Availability under data (issue 12): GET /api/v1/spaces/{id}/availability for one week
and the all-spaces week page (as a person first sees it: the first 20 spaces; a later
page; filtered), with 200 spaces and 100,000 bookings; the target is p95 < 50 ms server
time for a week's availability.

Server time is the time Django takes for the request in-process (the test client runs the
whole middleware stack, the endpoint or view, its queries and the response; no network).

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/spaces_bench \\
        python -m bench.spaces.run --spaces 200 --bookings 100000 --requests 500

Use a scratch database: the script migrates it and adds its rows (safe to run again).
Quick check of the script itself: ``--spaces 5 --bookings 200 --requests 10``.
"""

import argparse
import datetime as dt
import logging
import os
import random
import statistics
import time

import django


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "improvement_hub.config.settings")
    django.setup()


def load(spaces: int, bookings: int) -> list[int]:
    """Spaces open 08:00 to 18:00 on weekdays, each with hour-long bookings spread over the
    weeks from today, never overlapping (the constraint would refuse them)."""
    from django.contrib.auth.models import Group

    from improvement_hub.accounts.models import User
    from improvement_hub.spaces.models import LONDON, Booking, Provider, Space

    booker, _ = User.objects.get_or_create(
        email="bench.booker@example.org", defaults={"password": "!bench"}
    )
    booker.groups.add(Group.objects.get(name="Hub Team"))
    have = Space.objects.filter(slug__startswith="bench-space").count()
    Space.objects.bulk_create(
        [
            Space(
                name=f"Bench space {n}",
                slug=f"bench-space-{n}",
                provider=Provider.COUNCIL,
                capacity=20,
                available_from=dt.date(2020, 1, 1),
                is_public=True,
                step_free=n % 3 == 0,  # for the filtered week page
            )
            for n in range(have, spaces)
        ]
    )
    ids = list(
        Space.objects.filter(slug__startswith="bench-space")
        .order_by("pk")
        .values_list("pk", flat=True)
    )[:spaces]
    have = Booking.objects.filter(space_id__in=ids).count()
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())  # noqa: DTZ011
    rows = []
    for n in range(have, bookings):
        space = ids[n % len(ids)]
        slot = n // len(ids)  # the nth slot of this space: 10 a day, 5 days a week
        day = monday + dt.timedelta(weeks=slot // 50, days=(slot % 50) // 10)
        start = dt.datetime.combine(day, dt.time(8 + slot % 10), tzinfo=LONDON)
        end = start + dt.timedelta(minutes=50)
        rows.append(
            Booking(
                space_id=space,
                booked_by=booker,
                starts_at=start,
                ends_at=end,
                blocked_until=end,
                purpose=f"Bench {n}",
            )
        )
        if len(rows) == 5000:
            Booking.objects.bulk_create(rows)
            rows = []
    Booking.objects.bulk_create(rows)
    return ids


def measure(ids: list[int], requests: int) -> dict[str, list[float]]:
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())  # noqa: DTZ011
    times: dict[str, list[float]] = {
        "availability (one space, a week)": [],
        "week page (as first seen: the first 20 spaces)": [],
        "week page (a later page)": [],
        "week page (filtered: 10+ people, step-free)": [],
    }
    pages = max(1, -(-len(ids) // 20))
    for n in range(requests):
        week = monday + dt.timedelta(weeks=random.randrange(8))  # noqa: S311  # not security
        space = random.choice(ids)  # noqa: S311
        url = f"/api/v1/spaces/{space}/availability?from={week}&to={week + dt.timedelta(days=6)}"
        started = time.perf_counter()
        response = client.get(url)
        times["availability (one space, a week)"].append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content  # noqa: S101
        if n % 10 == 0:
            # the page a person first sees (no page, no filter), then a later page and a
            # filtered one: 20 spaces each, whatever the number of spaces
            later = random.randrange(1, pages + 1)  # noqa: S311
            for name, url in (
                ("week page (as first seen: the first 20 spaces)", f"/spaces/week/?week={week}"),
                ("week page (a later page)", f"/spaces/week/?week={week}&page={later}"),
                (
                    "week page (filtered: 10+ people, step-free)",
                    f"/spaces/week/?week={week}&people=10&access=step_free",
                ),
            ):
                started = time.perf_counter()
                response = client.get(url)
                times[name].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200  # noqa: S101
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spaces", type=int, default=200)
    parser.add_argument("--bookings", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    setup()
    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    ids = load(args.spaces, args.bookings)
    for name, values in measure(ids, args.requests).items():
        if not values:
            continue
        values.sort()
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(
            f"{name}: n={len(values)} p50={statistics.median(values):.1f} ms p95={p95:.1f} ms p99={p99:.1f} ms"
        )  # noqa: T201


if __name__ == "__main__":
    main()
