"""The insights dashboard at city scale (issue 13): GET /insights/ for random periods,
priorities and directorates with 100,000 ideas, 50,000 referrals and 1,000 initiatives;
the target is p95 < 100 ms server time. The refresh that fills the aggregates is timed too.

Server time is the time Django takes for the request in-process (the test client runs the
whole middleware stack, the view, its queries and the response; no network).

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/insights_bench \\
        python -m bench.insights.run --ideas 100000 --referrals 50000 --initiatives 1000

Use a scratch database: the script migrates it and adds its rows (safe to run again).
Quick check of the script itself: ``--ideas 200 --referrals 100 --initiatives 20 --requests 10``.
"""

import argparse
import datetime as dt
import logging
import os
import random
import statistics
import time

import django

RANDOM = random.Random(13)  # noqa: S311  # repeatable data, not security


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "improvement_hub.config.settings")
    django.setup()


def _when(days_back: int) -> dt.datetime:
    from django.utils import timezone

    return timezone.now() - dt.timedelta(days=days_back, hours=RANDOM.randrange(24))


def load(ideas: int, referrals: int, initiatives: int) -> None:
    """Ideas, referrals and initiatives over the last three years, spread over the
    priorities and 8 directorates (bulk inserts; only what is missing is added)."""
    from improvement_hub.accounts.models import User
    from improvement_hub.council.models import Directorate, Priority, Service
    from improvement_hub.ideas.models import Idea, IdeaResponse, IdeaStatus
    from improvement_hub.initiatives.models import Initiative, Milestone, StatusUpdate
    from improvement_hub.lab.models import Referral

    author, _ = User.objects.get_or_create(
        email="bench.author@example.org", defaults={"password": "!bench"}
    )
    directorates = [
        Directorate.objects.get_or_create(slug=f"bench-d{n}", defaults={"name": f"Bench {n}"})[0]
        for n in range(8)
    ]
    services = [
        Service.objects.get_or_create(
            slug=f"bench-s{n}", directorate=d, defaults={"name": f"Bench service {n}"}
        )[0]
        for n, d in enumerate(directorates)
    ]
    priorities = list(Priority.objects.values_list("pk", flat=True))
    statuses = list(IdeaStatus.objects.all())
    have = Idea.objects.filter(title__startswith="Bench idea").count()
    for start in range(have, ideas, 5000):
        batch = []
        for n in range(start, min(ideas, start + 5000)):
            status = RANDOM.choice(statuses)
            submitted = _when(RANDOM.randrange(3 * 365))
            answered = submitted + dt.timedelta(days=RANDOM.randrange(30)) if n % 3 else None
            batch.append(
                Idea(
                    author=author,
                    title=f"Bench idea {n}",
                    problem="p",
                    proposal="q",
                    status=status,
                    submitted_at=submitted,
                    answered_at=answered,
                    directorate=RANDOM.choice(directorates),
                )
            )
        made = Idea.objects.bulk_create(batch)
        Idea.priorities.through.objects.bulk_create(
            [
                Idea.priorities.through(idea_id=i.pk, priority_id=RANDOM.choice(priorities))
                for i in made
            ]
        )
        IdeaResponse.objects.bulk_create(
            [
                IdeaResponse(idea=i, status=i.status, answer="Answered.", created_at=i.answered_at)
                for i in made
                if i.answered_at
            ]
        )
    have = Referral.objects.filter(problem="Bench referral").count()
    for start in range(have, referrals, 5000):
        batch = []
        for n in range(start, min(referrals, start + 5000)):
            received = _when(RANDOM.randrange(3 * 365))
            batch.append(
                Referral(
                    reference=f"IL-BENCH-{n:07d}",
                    raised_as="resident",
                    problem="Bench referral",
                    status=RANDOM.choice(["new", "acknowledged", "accepted", "declined"]),
                    received_at=received,
                    acknowledged_at=received + dt.timedelta(days=RANDOM.randrange(10)),
                    decided_at=received + dt.timedelta(days=RANDOM.randrange(40))
                    if n % 2
                    else None,
                )
            )
        made = Referral.objects.bulk_create(batch)
        Referral.priorities.through.objects.bulk_create(
            [
                Referral.priorities.through(referral_id=r.pk, priority_id=RANDOM.choice(priorities))
                for r in made
            ]
        )
        Referral.services.through.objects.bulk_create(
            [
                Referral.services.through(referral_id=r.pk, service_id=RANDOM.choice(services).pk)
                for r in made
            ]
        )
    have = Initiative.objects.filter(title__startswith="Bench initiative").count()
    made_initiatives = Initiative.objects.bulk_create(
        [
            Initiative(
                title=f"Bench initiative {n}",
                problem="p",
                scale=RANDOM.choice(["tweak", "improvement", "redesign", "transformation"]),
                stage=RANDOM.choice(["aim", "test", "implement", "discover", "closed"]),
            )
            for n in range(have, initiatives)
        ]
    )
    Initiative.priorities.through.objects.bulk_create(
        [
            Initiative.priorities.through(initiative_id=i.pk, priority_id=RANDOM.choice(priorities))
            for i in made_initiatives
        ]
    )
    Initiative.directorates.through.objects.bulk_create(
        [
            Initiative.directorates.through(
                initiative_id=i.pk, directorate_id=RANDOM.choice(directorates).pk
            )
            for i in made_initiatives
        ]
    )
    today = dt.date.today()  # noqa: DTZ011
    StatusUpdate.objects.bulk_create(
        [
            StatusUpdate(
                initiative=i,
                on=today,
                rag=RANDOM.choice(["green", "amber", "red"]),
                summary="Bench",
            )
            for i in made_initiatives
        ]
    )
    Milestone.objects.bulk_create(
        [
            Milestone(
                initiative=i,
                title="Bench",
                due_on=today - dt.timedelta(days=RANDOM.randrange(-60, 60)),
            )
            for i in made_initiatives
        ]
    )


def measure(requests: int) -> list[float]:
    from django.contrib.auth.models import Group
    from django.test import Client

    from improvement_hub.accounts.models import User
    from improvement_hub.council.models import Directorate, Priority
    from improvement_hub.insights.periods import PERIOD_CHOICES

    reader, _ = User.objects.get_or_create(
        email="bench.leader@example.org", defaults={"password": "!bench"}
    )
    reader.groups.add(Group.objects.get(name="Leadership"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(reader)
    priorities = ["", *Priority.objects.values_list("pk", flat=True)]
    directorates = ["", *Directorate.objects.values_list("pk", flat=True)]
    client.get("/insights/")  # warm: the session, the site root, the templates
    times = []
    for _n in range(requests):
        query = {
            "period": RANDOM.choice(PERIOD_CHOICES)[0],
            "priority": RANDOM.choice(priorities),
            "directorate": RANDOM.choice(directorates),
        }
        started = time.perf_counter()
        response = client.get("/insights/", query)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code  # noqa: S101
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=100_000)
    parser.add_argument("--referrals", type=int, default=50_000)
    parser.add_argument("--initiatives", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    setup()
    logging.disable(logging.WARNING)
    from django.core.management import call_command

    from improvement_hub.insights.services import aggregates_refresh

    call_command("migrate", verbosity=0)
    load(args.ideas, args.referrals, args.initiatives)
    started = time.perf_counter()
    run = aggregates_refresh()
    print(  # noqa: T201
        f"refresh: {run.rows:,} figures in {time.perf_counter() - started:.1f} s"
    )
    values = sorted(measure(args.requests))
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    print(  # noqa: T201
        f"dashboard (/insights/): n={len(values)} p50={statistics.median(values):.1f} ms "
        f"p95={p95:.1f} ms p99={p99:.1f} ms"
    )


if __name__ == "__main__":
    main()
