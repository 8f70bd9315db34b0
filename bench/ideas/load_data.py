"""Loads a large synthetic Ideas Forum into PostgreSQL for ``bench.ideas.run``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/improvement_hub_bench DEBUG=true \\
        .venv/bin/python -m bench.ideas.load_data --ideas 100000 --supports 1000000 --comments 300000

Creates the database if it is missing (``--reset`` drops it first), migrates, then writes
reference data, staff, ideas, priorities, supports, follows, comments and answers with
PostgreSQL COPY, sets the denormalised counters with one UPDATE ... FROM each, computes
the trending scores with the app's own service (``--trending sql`` for a set-based
equivalent) and builds the full-text index with ``update_index``. Prints timings.

The text is composed from the phrase lists of ``bench.similarity.corpus`` (council
services, problems, proposals), so list, search and similar-ideas see plausible words.
Only a database on this machine (127.0.0.1/localhost) is accepted.
"""

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse

import numpy as np

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/improvement_hub_bench"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


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

    def report(self) -> None:
        print("\nstep                                     seconds")
        for name, elapsed in self.rows:
            print(f"{name:<40} {elapsed:8.1f}")
        print(f"{'total':<40} {time.perf_counter() - self.started:8.1f}")


# --- text -------------------------------------------------------------------------------

TOPIC_PRIORITY = {
    "children": "children", "jobs and skills": "jobs-and-skills", "housing": "housing",
    "health": "health",
}  # fmt: skip

DIRECTORATES = {
    "Children's Services": [
        "Early Help", "Fostering and Adoption", "School Admissions", "SEND Services",
        "Youth Service", "Children's Social Care",
    ],
    "Adults and Health": [
        "Adult Social Care", "Public Health", "Reablement", "Safeguarding Adults",
        "Occupational Therapy", "Day Opportunities",
    ],
    "Housing and Neighbourhoods": [
        "Housing Repairs", "Housing Options", "Tenancy Management", "Community Safety",
        "Private Sector Housing", "Estates Services",
    ],
    "Environment and Transport": [
        "Waste and Recycling", "Street Cleansing", "Parks and Open Spaces", "Highways",
        "Parking Services", "Planning and Building Control",
    ],
    "Resources": [
        "Revenues and Benefits", "Customer Services", "IT Services", "HR and Payroll",
        "Finance", "Facilities Management",
    ],
    "Growth and Skills": [
        "Adult Learning", "Employment Support", "Libraries", "Business Support",
        "Economic Development", "Culture and Events",
    ],
}  # fmt: skip

BENEFICIARIES = [
    "Residents in {place}, especially older people.", "Staff in {team}.",
    "Families who use {subject}.", "Everyone who contacts {team}.",
    "Tenants and leaseholders in {place}.", "Carers and the people they look after.",
    "Young people in {place}.", "Small businesses in {place}.",
    "Colleagues who handle {subject} every day.", "Disabled residents and their families.",
]  # fmt: skip

COMMENTS = [
    "Great idea. {team} would back this.", "We tried something like this in {place} and it worked well.",
    "How would this work for {other}?", "I support this, {subject} has been a problem for years.",
    "Has anyone costed this?", "Plus one from {team}.", "This overlaps with the work on {other}.",
    "Could we pilot it in {place} first?", "Residents ask us about {subject} every week.",
    "I am not sure this would work outside {place}.", "Happy to help test this.",
    "The same problem comes up in {team}.", "Would this need a change to the IT system?",
    "Good point about {subject}. We could start small.", "Our team already does part of this.",
    "This would save a lot of repeat calls.", "Please keep frontline staff involved.",
    "Is there data on how many people are affected?", "Love this. Simple and cheap.",
    "We should talk to partners about {other} as well.",
]  # fmt: skip

ANSWERS = {
    "under-review": "Thank you. The Improvement Hub Team is looking into this with {team}.",
    "shortlisted": "We have shortlisted this idea and will look at it with {team} next month.",
    "taken-forward": "We are taking this forward with {team}. We will post updates here.",
    "quick-win": "{team} has made this change. Thank you for the idea.",
    "not-taken-forward": "We are not taking this forward because work on {other} already "
    "covers it. Thank you for raising it.",
    "merged": "This idea covers the same ground as another idea, so we have merged them.",
}
THANKS = (
    "Thank you for your idea. The Improvement Hub Team will read it and answer here. "
    "You will be told when its status changes."
)
FIRST_NAMES = [
    "Amira", "Ben", "Chloe", "Dev", "Ellie", "Farid", "Grace", "Harry", "Isla", "Jamal",
    "Kate", "Liam", "Maya", "Nathan", "Olivia", "Priya", "Quinn", "Rosa", "Sam", "Tom",
]  # fmt: skip
LAST_NAMES = [
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Francis", "Green", "Hughes", "Iqbal",
    "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Owen", "Patel", "Roberts", "Smith",
]  # fmt: skip


def fill(template: str, rng, subject: str) -> str:  # type: ignore[no-untyped-def]
    from bench.similarity import corpus

    return template.format(
        subject=subject,
        Subject=subject[0].upper() + subject[1:],
        team=rng.choice(corpus.TEAMS),
        place=rng.choice(corpus.PLACES),
        number=rng.choice([12, 25, 40, 60, 85, 120, 200, 350, 500]),
        other=rng.choice(corpus.ALL_SUBJECTS),
    )


def idea_text(rng) -> tuple[str, str, str, str, str]:  # type: ignore[no-untyped-def]
    """(topic, title, problem, proposal, beneficiaries) of one plausible idea."""
    from bench.similarity import corpus

    topic = rng.choice(list(corpus.SUBJECTS))
    subject = rng.choice(corpus.SUBJECTS[topic])
    title = fill(rng.choice(corpus.TITLES), rng, subject)[:120]
    problem = [fill(rng.choice(corpus.PROBLEMS), rng, subject)]
    for template in rng.sample(corpus.CONTEXT, rng.randint(0, 3)):
        problem.append(fill(template, rng, subject))
    proposal = [fill(rng.choice(corpus.PROPOSALS), rng, subject)]
    if rng.random() < 0.5:
        related = rng.choice(corpus.SUBJECTS[topic])
        proposal.append(fill(rng.choice(corpus.PROPOSALS), rng, related))
    if rng.random() < 0.6:
        proposal.append(fill(rng.choice(corpus.BENEFITS), rng, subject))
    problem_text = " ".join(problem)
    if rng.random() < 0.3:
        problem_text = corpus.pad(problem_text, rng)
    beneficiaries = fill(rng.choice(BENEFICIARIES), rng, subject) if rng.random() < 0.5 else ""
    return topic, title, problem_text[:2000], " ".join(proposal)[:2000], beneficiaries


def similar_text(rng) -> str:  # type: ignore[no-untyped-def]
    """A sentence or two someone might type before putting forward an idea."""
    _, title, problem, proposal, _ = idea_text(rng)
    return f"{title}. {problem.split('. ')[0]}. {proposal.split('. ')[0]}"


def comment_text(rng) -> str:  # type: ignore[no-untyped-def]
    from bench.similarity import corpus

    subject = rng.choice(corpus.ALL_SUBJECTS)
    return " ".join(fill(t, rng, subject) for t in rng.sample(COMMENTS, rng.randint(1, 3)))


# --- loading ----------------------------------------------------------------------------


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


def reset_sequence(table: str) -> None:
    execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
        f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
    )


def load(args: argparse.Namespace, timings: Timings) -> dict[str, object]:  # type: ignore[no-untyped-def]
    import random

    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.models import Count
    from django.utils.text import slugify

    from bench.similarity import corpus
    from improvement_hub.council.models import Directorate, Priority, Service
    from improvement_hub.ideas.models import Campaign, Idea, IdeaStatus

    rng = random.Random(args.seed)
    nrng = np.random.default_rng(args.seed)
    now = datetime.now(UTC).replace(microsecond=0)
    span = timedelta(days=3 * 365).total_seconds()

    # Loading writes consistent rows by construction: skip the FK triggers while copying.
    execute("SET session_replication_role = replica")

    with timings.step("reference data and campaigns"):
        services = []
        for d_name, s_names in DIRECTORATES.items():
            directorate = Directorate.objects.create(name=d_name, slug=slugify(d_name))
            for s_name in s_names:
                services.append(
                    Service.objects.create(
                        name=s_name, slug=slugify(s_name), directorate=directorate
                    )
                )
        directorates = list(Directorate.objects.values_list("id", flat=True))
        priorities = {p.slug: p.id for p in Priority.objects.all()}
        statuses = {s.slug: s.id for s in IdeaStatus.objects.all()}
        campaigns = []
        for i in range(12):
            opens = now - timedelta(days=90 * (11 - i) + 30)
            campaign = Campaign.objects.create(
                title=f"How could we improve {rng.choice(corpus.ALL_SUBJECTS)}? ({i + 1})",
                slug=f"campaign-{i + 1}",
                description="A question from the Hub Team.",
                opens_at=opens,
                closes_at=opens + timedelta(days=60 if i < 11 else 120),
            )
            campaign.priorities.set([rng.choice(list(priorities.values()))])
            campaigns.append((campaign.id, campaign.opens_at, campaign.closes_at))

    with timings.step(f"users ({args.users} staff, {args.hub_team} Hub Team)"):
        staff_group = Group.objects.get(name="Staff").id
        hub_group = Group.objects.get(name="Hub Team").id
        with connection.cursor() as cursor:
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM accounts_user")
            first_user = cursor.fetchone()[0] + 1
        total_users = args.users + args.hub_team
        user_ids = np.arange(first_user, first_user + total_users)
        copy_rows(
            "accounts_user",
            [
                "id",
                "password",
                "is_superuser",
                "first_name",
                "last_name",
                "is_staff",
                "is_active",
                "date_joined",
                "email",
            ],
            (
                (
                    int(uid),
                    "!bench-no-password",
                    False,
                    rng.choice(FIRST_NAMES),
                    rng.choice(LAST_NAMES),
                    False,
                    True,
                    now - timedelta(days=1200),
                    f"{'hub' if n >= args.users else 'staff'}{n}@bench.example.gov.uk",
                )
                for n, uid in enumerate(user_ids)
            ),
        )
        copy_rows(
            "accounts_user_groups",
            ["user_id", "group_id"],
            (
                (int(uid), staff_group if n < args.users else hub_group)
                for n, uid in enumerate(user_ids)
            ),
        )
        staff_ids = user_ids[: args.users]
        hub_ids = user_ids[args.users :]
        reset_sequence("accounts_user")

    with timings.step(f"ideas ({args.ideas})"):
        status_shares = {
            "new": 0.22, "under-review": 0.14, "shortlisted": 0.05, "taken-forward": 0.10,
            "quick-win": 0.10, "not-taken-forward": 0.37, "merged": 0.02,
        }  # fmt: skip
        status_names, status_p = zip(*status_shares.items(), strict=True)
        n = args.ideas
        first_idea = 1
        idea_ids = np.arange(first_idea, first_idea + n)
        # Older ideas are fewer: submissions grew over the three years.
        age = span * (1 - np.sqrt(nrng.random(n)))
        submitted = np.sort(now.timestamp() - age)  # ids follow submission order
        is_draft = nrng.random(n) < 0.03
        is_hidden = (~is_draft) & (nrng.random(n) < 0.005)
        authors = nrng.choice(staff_ids, size=n)
        rows = []
        priority_rows = []
        public = np.zeros(n, dtype=bool)
        for k in range(n):
            idea_id = int(idea_ids[k])
            topic, title, problem, proposal, beneficiaries = idea_text(rng)
            created = datetime.fromtimestamp(submitted[k] - rng.uniform(60, 86400), UTC)
            submitted_at = None if is_draft[k] else datetime.fromtimestamp(submitted[k], UTC)
            campaign_id = None
            if submitted_at is not None and rng.random() < 0.08:
                c_id, c_open, c_close = rng.choice(campaigns)
                if c_open < now:
                    campaign_id = c_id
                    end = min(c_close, now)
                    submitted_at = c_open + (end - c_open) * rng.random()
            status = "new"
            answered_at = None
            merged_into = None
            if submitted_at is not None:
                # Most old ideas have an answer; the newest mostly wait.
                waiting = (now - submitted_at).days < 14 and rng.random() < 0.8
                status = "new" if waiting else rng.choices(status_names, status_p)[0]
                if status == "merged" and k > 10:
                    merged_into = int(idea_ids[rng.randrange(0, k)])
                    if not public[merged_into - first_idea]:
                        status, merged_into = "not-taken-forward", None
                elif status == "merged":
                    status = "not-taken-forward"
                if status in {"taken-forward", "quick-win", "not-taken-forward", "merged"}:
                    answered_at = submitted_at + (now - submitted_at) * rng.random() * 0.3
            hidden_at = (
                (submitted_at + timedelta(days=1)) if is_hidden[k] and submitted_at else None
            )
            public[k] = submitted_at is not None and hidden_at is None and merged_into is None
            service = rng.choice(services) if rng.random() < 0.7 else None
            directorate = (
                service.directorate_id
                if service
                else (rng.choice(directorates) if rng.random() < 0.5 else None)
            )
            assessed = rng.random() < 0.2 and submitted_at is not None
            updated = max(
                x for x in (created, submitted_at, answered_at, hidden_at) if x is not None
            )
            rows.append((
                idea_id, created, updated, title, problem, proposal, beneficiaries,
                rng.choice(["", "tweak", "improvement", "redesign", "transformation"]),
                rng.random() < 0.1, submitted_at, answered_at, hidden_at,
                "Personal details" if hidden_at else "",
                0, 0, 0.0,
                rng.randint(1, 5) if assessed else None, rng.randint(1, 5) if assessed else None,
                int(rng.choice(hub_ids)) if status in {"under-review", "shortlisted"} and rng.random() < 0.6 else None,
                int(authors[k]), campaign_id, directorate, merged_into,
                service.id if service else None, statuses[status],
            ))  # fmt: skip
            chosen = set()
            if topic in TOPIC_PRIORITY and rng.random() < 0.85:
                chosen.add(priorities[TOPIC_PRIORITY[topic]])
            elif rng.random() < 0.3:
                chosen.add(rng.choice(list(priorities.values())))
            if chosen and rng.random() < 0.15:
                chosen.add(rng.choice(list(priorities.values())))
            priority_rows.extend((idea_id, p) for p in chosen)
        copy_rows(
            "ideas_idea",
            [
                "id",
                "created_at",
                "updated_at",
                "title",
                "problem",
                "proposal",
                "beneficiaries",
                "scale",
                "name_hidden",
                "submitted_at",
                "answered_at",
                "hidden_at",
                "hidden_reason",
                "support_count",
                "comment_count",
                "trending_score",
                "impact",
                "effort",
                "assignee_id",
                "author_id",
                "campaign_id",
                "directorate_id",
                "merged_into_id",
                "service_id",
                "status_id",
            ],
            rows,
        )
        copy_rows("ideas_idea_priorities", ["idea_id", "priority_id"], priority_rows)
        reset_sequence("ideas_idea")
        idea_submitted = np.array(
            [r[9].timestamp() if r[9] else np.nan for r in rows], dtype=np.float64
        )
        idea_status = [r[-1] for r in rows]
        del rows

    public_idx = np.flatnonzero(public)
    # Popularity: heavy-tailed, capped so no idea has more than a few thousand supporters.
    weights = np.minimum(nrng.pareto(1.3, len(public_idx)) + 0.2, 400.0)

    with timings.step(f"supports ({args.supports})"):
        p = weights / weights.sum()
        want = args.supports
        pairs = np.empty(0, dtype=np.int64)
        users_n = len(staff_ids)
        while len(pairs) < want:
            draw = int((want - len(pairs)) * 1.3) + 1000
            idx = nrng.choice(len(public_idx), size=draw, p=p)
            users = nrng.integers(0, users_n, size=draw)
            keys = public_idx[idx].astype(np.int64) * users_n + users
            own = staff_ids[users] == authors[public_idx[idx]]
            pairs = np.unique(np.concatenate([pairs, keys[~own]]))
        pairs = nrng.permutation(pairs)[:want]
        s_idea = pairs // users_n
        s_user = staff_ids[pairs % users_n]
        start = idea_submitted[s_idea]
        # Most supports come soon after an idea appears; a few percent are recent.
        offset = (now.timestamp() - start) * nrng.random(want) ** 3
        created = start + offset
        recent = nrng.random(want) < 0.03
        created[recent] = np.maximum(
            start[recent], now.timestamp() - nrng.random(recent.sum()) * 21 * 86400
        )
        copy_rows(
            "ideas_support",
            ["created_at", "idea_id", "user_id"],
            (
                (datetime.fromtimestamp(c, UTC), int(i) + first_idea, int(u))
                for c, i, u in zip(created.tolist(), s_idea.tolist(), s_user.tolist(), strict=True)
            ),
        )

    with timings.step("follows (authors and supporters)"):
        execute(
            "INSERT INTO ideas_follow (created_at, user_id, idea_id) "
            "SELECT submitted_at, author_id, id FROM ideas_idea WHERE submitted_at IS NOT NULL "
            "UNION ALL SELECT created_at, user_id, idea_id FROM ideas_support "
            "ON CONFLICT DO NOTHING"
        )

    with timings.step(f"comments ({args.comments})"):
        cp = 0.5 / len(public_idx) + 0.5 * weights / weights.sum()
        cp = np.minimum(cp, 300.0 / args.comments)  # at most ~300 comments on one idea
        cp /= cp.sum()
        c_idx = np.sort(public_idx[nrng.choice(len(public_idx), size=args.comments, p=cp)])
        comment_rows = []
        comment_id = 0
        staff_list = staff_ids.tolist()
        now_ts = now.timestamp()
        boundaries = np.flatnonzero(np.diff(c_idx)) + 1
        for group in np.split(c_idx, boundaries):
            k = int(group[0])
            start = idea_submitted[k]
            times = np.sort(start + (now_ts - start) * nrng.random(len(group)) ** 2)
            top_level: list[int] = []
            for t in times.tolist():
                comment_id += 1
                parent = None
                if top_level and rng.random() < 0.3:
                    parent = rng.choice(top_level)
                else:
                    top_level.append(comment_id)
                at = datetime.fromtimestamp(t, UTC)
                hidden = at if rng.random() < 0.005 else None
                comment_rows.append((
                    comment_id, at, at, comment_text(rng), None, hidden,
                    "Offensive" if hidden else "", rng.choice(staff_list), parent, k + first_idea,
                ))  # fmt: skip
        copy_rows(
            "ideas_comment",
            [
                "id",
                "created_at",
                "updated_at",
                "body",
                "edited_at",
                "hidden_at",
                "hidden_reason",
                "author_id",
                "parent_id",
                "idea_id",
            ],
            comment_rows,
        )
        reset_sequence("ideas_comment")
        del comment_rows

    with timings.step("answers (idea history)"):
        new_status = statuses["new"]
        hub_list = hub_ids.tolist()
        by_id = {v: k for k, v in statuses.items()}

        def responses():  # type: ignore[no-untyped-def]
            for k in range(n):
                if np.isnan(idea_submitted[k]):
                    continue
                at = datetime.fromtimestamp(idea_submitted[k], UTC)
                yield (THANKS, at, int(authors[k]), k + first_idea, new_status)
                if idea_status[k] != new_status:
                    text = fill(ANSWERS[by_id[idea_status[k]]], rng, "this")
                    yield (
                        text,
                        at + timedelta(days=rng.randint(1, 30)),
                        rng.choice(hub_list),
                        k + first_idea,
                        idea_status[k],
                    )

        copy_rows(
            "ideas_idearesponse",
            ["answer", "created_at", "actor_id", "idea_id", "status_id"],
            responses(),
        )

    execute("SET session_replication_role = DEFAULT")

    with timings.step("counters (UPDATE ... FROM aggregates)"):
        execute(
            "UPDATE ideas_idea i SET support_count = s.n FROM "
            "(SELECT idea_id, COUNT(*) AS n FROM ideas_support GROUP BY idea_id) s "
            "WHERE s.idea_id = i.id"
        )
        execute(
            "UPDATE ideas_idea i SET comment_count = c.n FROM "
            "(SELECT idea_id, COUNT(*) AS n FROM ideas_comment GROUP BY idea_id) c "
            "WHERE c.idea_id = i.id"
        )

    with timings.step("vacuum analyze (before trending)"):
        execute("VACUUM ANALYZE")

    with timings.step(f"trending scores ({args.trending})"):
        if args.trending == "service":
            from improvement_hub.ideas.services import ideas_refresh_trending

            changed = ideas_refresh_trending()
        else:
            from improvement_hub.ideas.services import TRENDING_HALF_LIFE, TRENDING_WINDOW

            changed = execute(
                "UPDATE ideas_idea i SET trending_score = t.score FROM ("
                " SELECT idea_id, SUM(POWER(0.5, GREATEST(EXTRACT(EPOCH FROM (%s - created_at)), 0)"
                " / %s)) AS score FROM ideas_support WHERE created_at >= %s GROUP BY idea_id) t"
                " WHERE t.idea_id = i.id",
                [now, TRENDING_HALF_LIFE.total_seconds(), now - TRENDING_WINDOW],
            )
        print(f"  {changed} ideas had a trending score set", flush=True)

    with timings.step("full-text index (update_index)"):
        from django.core.management import call_command

        call_command("update_index", verbosity=0, chunk_size=args.index_chunk)

    with timings.step("vacuum analyze"):
        execute("VACUUM ANALYZE")

    def one(sql: str):  # type: ignore[no-untyped-def]
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()

    return {
        "ideas": one("SELECT COUNT(*) FROM ideas_idea")[0],
        "public ideas": int(public.sum()),
        "supports": one("SELECT COUNT(*) FROM ideas_support")[0],
        "comments": one("SELECT COUNT(*) FROM ideas_comment")[0],
        "follows": one("SELECT COUNT(*) FROM ideas_follow")[0],
        "answers": one("SELECT COUNT(*) FROM ideas_idearesponse")[0],
        "users": one("SELECT COUNT(*) FROM accounts_user")[0],
        "ideas with comments": one("SELECT COUNT(*) FROM ideas_idea WHERE comment_count > 0")[0],
        "max supports / comments on one idea": one(
            "SELECT MAX(support_count), MAX(comment_count) FROM ideas_idea"
        ),
        "ideas trending > 0": one("SELECT COUNT(*) FROM ideas_idea WHERE trending_score > 0")[0],
        "search index entries": one("SELECT COUNT(*) FROM wagtailsearch_indexentry")[0],
        "database size": one("SELECT pg_size_pretty(pg_database_size(current_database()))")[0],
        "ideas per priority": dict(
            Idea.priorities.through.objects.values_list("priority__slug").annotate(n=Count("id"))
        ),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ideas", type=int, default=100_000)
    parser.add_argument("--supports", type=int, default=1_000_000)
    parser.add_argument("--comments", type=int, default=300_000)
    parser.add_argument("--users", type=int, default=5_000, help="staff who write and support")
    parser.add_argument("--hub-team", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--reset", action="store_true", help="drop and recreate the database")
    parser.add_argument(
        "--trending",
        choices=["service", "sql"],
        default="service",
        help="ideas_refresh_trending() (default) or one set-based UPDATE",
    )
    parser.add_argument("--index-chunk", type=int, default=1000, help="update_index chunk size")
    args = parser.parse_args(argv)
    max_pairs = (args.users - 1) * args.ideas
    if args.supports > 0.5 * max_pairs:
        parser.error("too many supports for so few users and ideas")

    url = configure_environment()
    timings = Timings()
    with timings.step("create database"):
        ensure_database(url, reset=args.reset)

    import django

    django.setup()
    from django.core.management import call_command

    from improvement_hub.ideas.models import Idea

    with timings.step("migrate"):
        call_command("migrate", verbosity=0, interactive=False)
    if Idea.objects.exists():
        raise SystemExit("The database already holds ideas: run again with --reset to reload it.")
    summary = load(args, timings)
    timings.report()
    print()
    for key, value in summary.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    sys.exit(main())
