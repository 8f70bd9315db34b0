"""Loads a large synthetic Innovation Lab (referrals and their triage) for ``bench.lab.run``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/improvement_hub_labbench DEBUG=true \\
        .venv/bin/python -m bench.lab.load_data --referrals 50000

Creates the database if it is missing (``--reset`` drops it first), migrates, loads the
council demo (directorates, services, priorities), creates a few Hub Team users and
public challenges, then writes referrals, their services and priorities, their history
(ReferralEvents, internal notes included) and personal-data access log rows with
PostgreSQL COPY, and finishes with VACUUM ANALYZE. Prints timings.

Rows are consistent by construction, as the app's own services would leave them:
references ``IL-<year>-<id>``; acknowledgement and decision targets from
``DEFAULT_CALENDAR.due_date``; ``acknowledged_at``, ``decided_at`` and ``closed_at`` per
status; challenges for accepted referrals, a service for referred ones, an earlier
referral for merged ones; contact details erased 12 months after closing (and 30 days
after an unconfirmed submission). Only a database on this machine is accepted.
"""

import argparse
import hashlib
import json
import random
import sys
from datetime import UTC, datetime, timedelta

from bench.lab import texts
from bench.lab.common import (
    Timings,
    configure_environment,
    copy_rows,
    ensure_database,
    execute,
    one,
    reset_sequence,
)

BENCH_USER = "bench-hub@labbench.example"

# Share of referrals in each status: most closed, about 5 % open, some unconfirmed.
STATUS_SHARES = {
    "unconfirmed": 0.03,
    "new": 0.02,
    "acknowledged": 0.02,
    "more_info": 0.01,
    "accepted": 0.10,
    "referred": 0.34,
    "merged": 0.05,
    "declined": 0.35,
    "withdrawn": 0.08,
}
OPEN = {"new", "acknowledged", "more_info"}
DECIDED = {"accepted", "referred", "merged", "declined"}
MESSAGES = {
    "submitted": "Thank you. We have your referral. Please confirm your email address so that "
    "we can start looking at it.",
    "acknowledged": "Thank you for your referral. A member of the Improvement Hub Team is "
    "looking at it.",
    "more_info": "Thank you. Could you tell us more about who this affects and what has "
    "already been tried?",
    "accepted": "We have accepted your referral into the Innovation Lab. It is now part of the "
    "challenge ‘{challenge}’.",
    "referred": "We have passed your referral to {service}, who are best placed to help.",
    "merged": "Your referral describes the same problem as another one, so we have joined "
    "them and will keep you updated.",
    "declined": "Thank you for your referral. We are not taking it on because it is a problem "
    "for one service rather than several; we have told {service}.",
    "withdrawn": "You withdrew this referral.",
    "reply": "We have tried talking to the school and the housing officer but nothing "
    "changed. It affects about {n} families we know.",
}


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def load(args: argparse.Namespace, timings: Timings) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils.text import slugify

    from improvement_hub.accounts.models import User
    from improvement_hub.council import demo as council_demo
    from improvement_hub.council.models import Priority, Service
    from improvement_hub.lab.models import Challenge
    from improvement_hub.workdays import DEFAULT_CALENDAR

    rng = random.Random(args.seed)
    now = datetime.now(UTC).replace(microsecond=0)
    span_days = 3 * 365

    with timings.step("council demo (services, priorities)"):
        council_demo.load(print)
        services = {s.slug: s.id for s in Service.objects.all()}
        service_priorities = {
            s.id: [p.id for p in s.priorities.all()]
            for s in Service.objects.prefetch_related("priorities")
        }
        priorities = {p.slug: p.id for p in Priority.objects.all()}

    with timings.step(f"Hub Team users ({args.hub_team} + the bench sign-in)"):
        hub_group = Group.objects.get(name="Hub Team")
        hub_ids = []
        with transaction.atomic():
            for n in range(args.hub_team + 1):
                email = BENCH_USER if n == args.hub_team else f"hub{n + 1}@labbench.example"
                user, _ = User.objects.get_or_create(
                    email=email,
                    defaults={
                        "first_name": rng.choice(texts.FIRST_NAMES),
                        "last_name": rng.choice(texts.LAST_NAMES),
                    },
                )
                user.set_unusable_password()
                user.save()
                user.groups.add(hub_group)
                hub_ids.append(user.id)

    with timings.step(f"challenges ({args.challenges})"):
        challenges_by_topic: dict[str, list[int]] = {t: [] for t in texts.CORE_TOPICS}
        with transaction.atomic():
            for n in range(args.challenges):
                topic = texts.CORE_TOPICS[n % len(texts.CORE_TOPICS)]
                made = texts.referral_text(rng, topic, texts.agencies_for(rng, topic))
                title = f"{made['subject'][0].upper()}{made['subject'][1:]} across services"
                challenge = Challenge.objects.create(
                    title=f"{title} ({n + 1})"[:160],
                    slug=f"{slugify(title)[:140]}-{n + 1}",
                    statement=made["problem"],
                    how_to_get_involved="Come to an open session in the lab space.",
                    stage=rng.choice(["discover", "define", "develop", "deliver", "closed"]),
                    is_published=rng.random() < 0.8,
                )
                challenge.priorities.set([priorities[texts.TOPIC_PRIORITY[topic]]])
                challenge.services.set(
                    [services[s] for s in rng.sample(texts.TOPIC_SERVICES[topic], 1)]
                )
                challenges_by_topic[topic].append(challenge.id)

    # Loading writes consistent rows by construction: skip the FK triggers while copying.
    execute("SET session_replication_role = replica")
    n = args.referrals
    referral_rows = []
    service_rows: list[tuple[int, int]] = []
    priority_rows: list[tuple[int, int]] = []
    event_rows = []
    access_rows = []
    statuses, shares = zip(*STATUS_SHARES.items(), strict=True)
    all_services = list(services.values())
    retention = timedelta(days=round(12 * 30.44))

    with timings.step(f"referrals ({n}): composing rows"):
        # Submissions grew over the three years: fewer old referrals than recent ones.
        drawn = []
        for _ in range(n):
            status = rng.choices(statuses, shares)[0]
            if status == "new":
                age = timedelta(days=14 * rng.random() ** 1.5)
            elif status in OPEN:
                age = timedelta(days=2 + 55 * rng.random() ** 1.3)
            else:
                age = timedelta(days=2 + (span_days - 2) * (1 - rng.random() ** 0.5))
            drawn.append((now - age - timedelta(seconds=rng.randint(0, 86_399)), status))
        drawn.sort()  # ids follow submission order, as in the app
        decided_so_far: list[int] = []  # candidates to merge into
        by_status: dict[str, int] = {}
        for k, (submitted, status) in enumerate(drawn):
            rid = k + 1
            by_status[status] = by_status.get(status, 0) + 1
            topic = texts.topic(rng)
            agencies = texts.agencies_for(rng, topic)
            made = texts.referral_text(rng, topic, agencies)
            raised_as = rng.choices(
                ["resident", "community_group", "partner", "staff"], [0.55, 0.25, 0.15, 0.05]
            )[0]
            organisation = (
                rng.choice(texts.ORGANISATIONS)
                if raised_as in {"community_group", "partner"}
                else ""
            )
            # The services the referrer named (1-3), mostly those the topic touches.
            pool = texts.TOPIC_SERVICES.get(topic)
            chosen: list[int] = []
            for _ in range(rng.choices([1, 2, 3], [0.5, 0.35, 0.15])[0]):
                sid = (
                    services[rng.choice(pool)]
                    if pool and rng.random() < 0.85
                    else rng.choice(all_services)
                )
                if sid not in chosen:
                    chosen.append(sid)
            service_rows.extend((rid, sid) for sid in chosen)
            prios: list[int] = []
            if topic in texts.TOPIC_PRIORITY:
                prios.append(priorities[texts.TOPIC_PRIORITY[topic]])
            for sid in chosen:
                for pid in service_priorities[sid]:
                    if pid not in prios and len(prios) < 3 and rng.random() < 0.5:
                        prios.append(pid)
            if not prios:
                prios.append(rng.choice(list(priorities.values())))
            priority_rows.extend((rid, pid) for pid in prios)

            created = submitted
            received = acknowledge_by = decide_by = None
            acknowledged = decided = closed = erased = None
            assignee = challenge = referred_to = merged_into = None
            events: list[tuple] = [("submitted", created, MESSAGES["submitted"], "", None)]
            optional: list[tuple] = []  # notes and replies: kept while there are at most 6
            if status == "unconfirmed":
                if now - created > timedelta(days=30):
                    erased = created + timedelta(days=30, hours=2)
            else:
                received = created + timedelta(minutes=rng.randint(2, 2 * 24 * 60))
                received = min(received, now - timedelta(minutes=5))
                acknowledge_by = DEFAULT_CALENDAR.due_date(received, 5)
                decide_by = DEFAULT_CALENDAR.due_date(received, 20)
                events.append((
                    "confirmed", received,
                    f"Your email address is confirmed. We will acknowledge your referral by "
                    f"{acknowledge_by:%-d %B %Y} and tell you what we will do by "
                    f"{decide_by:%-d %B %Y}.", "", None,
                ))  # fmt: skip
                room = now - received
                if status in DECIDED or status == "withdrawn":
                    took = min(room * 0.9, timedelta(days=rng.uniform(1, 35)))
                    closed = received + took
                    if status in DECIDED:
                        decided = closed
                        assignee = rng.choice(hub_ids)
                # Acknowledged first (an event of its own), or by the decision itself: the
                # app sets acknowledged_at when it records a decision on an unacknowledged
                # referral. Some referrers withdraw before anyone acknowledges.
                if status in {"acknowledged", "more_info"} or (
                    status in DECIDED | {"withdrawn"} and rng.random() < 0.7
                ):
                    acknowledged = received + min(
                        room * 0.5,
                        timedelta(days=rng.uniform(0.2, 7)),
                        (closed - received) * 0.5 if closed else room,
                    )
                    actor = assignee or rng.choice(hub_ids)
                    events.append(
                        ("acknowledged", acknowledged, MESSAGES["acknowledged"], "", actor)
                    )
                elif status in DECIDED:
                    acknowledged = decided
                if status in OPEN and (status != "new" or rng.random() < 0.3):
                    assignee = rng.choice(hub_ids)
                if status == "more_info":
                    asked = acknowledged + (now - acknowledged) * rng.uniform(0.1, 0.6)
                    events.append(("more_info", asked, MESSAGES["more_info"], "", assignee))
                # Internal notes: 0-2, between receipt and now (or the decision).
                until = closed or now
                for _ in range(rng.choices([0, 1, 2], [0.45, 0.4, 0.15])[0]):
                    at = received + (until - received) * rng.random()
                    note = texts.note_text(rng, made["subject"], agencies)
                    optional.append(("note", at, "", note, rng.choice(hub_ids)))
                if status in DECIDED and rng.random() < 0.15:
                    at = received + (closed - received) * rng.uniform(0.3, 0.7)
                    reply = MESSAGES["reply"].format(n=rng.randint(3, 40))
                    optional.append(("reply", at, reply, "", None))
                if status == "accepted":
                    options = challenges_by_topic.get(topic) or [
                        c for cs in challenges_by_topic.values() for c in cs
                    ]
                    challenge = rng.choice(options)
                    events.append((
                        "accepted", closed, MESSAGES["accepted"].format(challenge=f"challenge {challenge}"),
                        "Joins an existing challenge.", assignee,
                    ))  # fmt: skip
                elif status == "referred":
                    referred_to = rng.choice(chosen)
                    events.append((
                        "referred", closed, MESSAGES["referred"].format(service="the service"), "", assignee
                    ))  # fmt: skip
                elif status == "merged" and decided_so_far:
                    merged_into = rng.choice(decided_so_far[-2000:])
                    events.append(
                        (
                            "merged",
                            closed,
                            MESSAGES["merged"],
                            f"Merged into {merged_into}.",
                            assignee,
                        )
                    )
                elif status == "merged":
                    status = "declined"
                if status == "declined":
                    events.append((
                        "declined", closed, MESSAGES["declined"].format(service="the service"),
                        texts.note_text(rng, made["subject"], agencies), assignee,
                    ))  # fmt: skip
                elif status == "withdrawn":
                    events.append(("withdrawn", closed, MESSAGES["withdrawn"], "", None))
                if status in {"accepted", "referred"}:
                    decided_so_far.append(rid)
                if closed is not None and now - closed > retention:
                    erased = closed + retention
            if erased is not None:
                events.append((
                    "erased", erased, "", "Contact details and evidence erased under the "
                    "12-month retention rule", None,
                ))  # fmt: skip
            events = sorted(events + optional[: max(0, 6 - len(events))], key=lambda e: e[1])
            for kind, at, message, note, actor in events:
                event_rows.append((rid, kind, message, note, actor, at))
            if received is not None and erased is None and rng.random() < 0.08:
                for _ in range(rng.randint(1, 3)):
                    at = received + (now - received) * rng.random()
                    access_rows.append((rid, rng.choice(hub_ids), "contact details", at))
            updated = max(e[1] for e in events)
            name = f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}"
            referral_rows.append((
                rid, created, updated, f"IL-{created.year}-{rid:06d}", status, raised_as,
                organisation, made["affected_who"],
                rng.choice(["few", "dozens", "hundreds", "thousands", "unknown", ""]),
                made["problem"], json.dumps(agencies),
                "A tenants' association" if "other" in agencies else "", made["tried"],
                "" if erased else name,
                "" if erased else f"referrer{rid}@example.org",
                "" if erased or rng.random() < 0.5 else f"07700 9{rid % 100000:05d}",
                created, received, "" if erased else _hash(f"token-{rid}"), "", erased,
                received, acknowledge_by, decide_by, acknowledged, decided, closed,
                assignee, challenge, referred_to, merged_into,
            ))  # fmt: skip
        print(f"  statuses: {dict(sorted(by_status.items()))}", flush=True)

    with timings.step(f"COPY referrals ({len(referral_rows)})"):
        copy_rows(
            "lab_referral",
            [
                "id",
                "created_at",
                "updated_at",
                "reference",
                "status",
                "raised_as",
                "organisation_name",
                "affected_who",
                "affected_count",
                "problem",
                "agencies",
                "agencies_other",
                "tried",
                "contact_name",
                "email",
                "phone",
                "consent_at",
                "email_confirmed_at",
                "tracking_token_hash",
                "tracking_nonce",
                "personal_data_erased_at",
                "received_at",
                "acknowledge_by",
                "decide_by",
                "acknowledged_at",
                "decided_at",
                "closed_at",
                "assignee_id",
                "challenge_id",
                "referred_to_id",
                "merged_into_id",
            ],  # fmt: skip
            referral_rows,
        )
        reset_sequence("lab_referral")
    with timings.step(f"COPY services and priorities ({len(service_rows)} + {len(priority_rows)})"):
        copy_rows("lab_referral_services", ["referral_id", "service_id"], service_rows)
        copy_rows("lab_referral_priorities", ["referral_id", "priority_id"], priority_rows)
    with timings.step(f"COPY events ({len(event_rows)})"):
        copy_rows(
            "lab_referralevent",
            ["referral_id", "kind", "message", "note", "actor_id", "created_at"],
            event_rows,
        )
    with timings.step(f"COPY personal-data accesses ({len(access_rows)})"):
        copy_rows("lab_personaldataaccess", ["referral_id", "user_id", "what", "at"], access_rows)
    execute("SET session_replication_role = DEFAULT")
    del referral_rows, event_rows

    with timings.step("vacuum analyze"):
        execute("VACUUM ANALYZE")
    with timings.step("the open referrals' asides, as the task worker stores them"):
        store_asides()

    return {
        "referrals": one("SELECT COUNT(*) FROM lab_referral")[0],
        "by status": dict(
            sorted(_rows("SELECT status, COUNT(*) FROM lab_referral GROUP BY status"))
        ),
        "open (new/acknowledged/more_info)": one(
            "SELECT COUNT(*) FROM lab_referral WHERE status IN ('new','acknowledged','more_info')"
        )[0],
        "overdue open": one(
            "SELECT COUNT(*) FROM lab_referral WHERE status IN ('new','acknowledged','more_info')"
            " AND (decide_by < CURRENT_DATE OR (acknowledged_at IS NULL AND acknowledge_by < CURRENT_DATE))"
        )[0],
        "decided (decided_at set)": one(
            "SELECT COUNT(*) FROM lab_referral WHERE decided_at IS NOT NULL"
        )[0],
        "referral services / priorities": (
            one("SELECT COUNT(*) FROM lab_referral_services")[0],
            one("SELECT COUNT(*) FROM lab_referral_priorities")[0],
        ),
        "events (notes)": (
            one("SELECT COUNT(*) FROM lab_referralevent")[0],
            one("SELECT COUNT(*) FROM lab_referralevent WHERE kind = 'note'")[0],
        ),
        "personal-data accesses": one("SELECT COUNT(*) FROM lab_personaldataaccess")[0],
        "challenges (with referrals)": (
            one("SELECT COUNT(*) FROM lab_challenge")[0],
            one("SELECT COUNT(DISTINCT challenge_id) FROM lab_referral")[0],
        ),
        "Hub Team users": one(
            "SELECT COUNT(*) FROM accounts_user_groups ug JOIN auth_group g ON g.id = ug.group_id"
            " WHERE g.name = 'Hub Team'"
        )[0],
        "received_at range": tuple(
            str(d)
            for d in one("SELECT MIN(received_at)::date, MAX(received_at)::date FROM lab_referral")
        ),
        "database size": one("SELECT pg_size_pretty(pg_database_size(current_database()))")[0],
    }


def store_asides() -> int:
    """Each open referral's suggestions and similar items (lab.asides), as the task worker
    stores them when a referral is confirmed: the rows COPY'd above were never confirmed
    through the service. Returns how many were stored."""
    from improvement_hub.core import similarity as indexes
    from improvement_hub.lab.asides import referral_aside_refresh
    from improvement_hub.lab.models import OPEN_STATUSES, Referral

    indexes.build_all()
    count = 0
    for referral in Referral.objects.filter(status__in=OPEN_STATUSES).iterator(chunk_size=500):
        referral_aside_refresh(referral=referral)
        count += 1
    return count


def _rows(sql: str) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--referrals", type=int, default=50_000)
    parser.add_argument(
        "--hub-team", type=int, default=8, help="Hub Team users besides the bench's"
    )
    parser.add_argument("--challenges", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--reset", action="store_true", help="drop and recreate the database")
    parser.add_argument(
        "--asides-only",
        action="store_true",
        help="only store the open referrals' asides in a database loaded before",
    )
    args = parser.parse_args(argv)

    url = configure_environment()
    timings = Timings()
    with timings.step("create database"):
        ensure_database(url, reset=args.reset)

    import django

    django.setup()
    from django.core.management import call_command

    from improvement_hub.lab.models import Referral

    with timings.step("migrate"):
        call_command("migrate", verbosity=0, interactive=False)
    if args.asides_only:
        with timings.step("the open referrals' asides"):
            print(f"asides stored: {store_asides()}")
        timings.report()
        return
    if Referral.objects.exists():
        raise SystemExit(
            "The database already holds referrals: run again with --reset to reload it."
        )
    summary = load(args, timings)
    timings.report()
    print()
    for key, value in summary.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    sys.exit(main())
