"""Pages per second at a fixed concurrency, page by page (issue 14).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/improvement_hub_bench \\
        .venv/bin/python -m bench.throughput.run --out /tmp/throughput.json

Starts the real app under gunicorn (``--workers`` sync workers, ``DEBUG=false``) against
the database that ``bench.ideas.load_data`` filled (and, for the Lab pages, the one that
``bench.lab.load_data`` filled), and loads one page at a time from ``--clients``
connections for ``--warmup`` seconds unmeasured, then ``--seconds`` measured: with wrk
(Debian's package) when it is installed, else with Python threads (one
``http.client.HTTPConnection`` each, kept open for as long as the server allows).
Reports per page: responses per second (200s only), client p50/p95, server p50/p95
(gunicorn's ``%(D)s``, tagged per page with an ``X-Bench`` header), non-200 responses,
and each worker's memory (RSS) at the end.

Refuses to start when the 1-minute load average is 0.5 or more (a shared machine):
``--force`` runs anyway and marks the result "shared machine, not reportable".
"""

import argparse
import http.client
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.ideas.load_data import DEFAULT_URL, database_parts, psql, similar_text
from bench.ideas.run import (
    HOST,
    ROOT,
    VENV_BIN,
    code_version,
    machine,
    percentile,
    server_environment,
    snapshot_head,
    wait_ready,
)
from bench.lab.common import DEFAULT_URL as LAB_DEFAULT_URL
from bench.lab.run import server_memory_mib, server_times, stop_server, worker_rss_mib

Json = dict[str, Any]
QUIET_LOAD = 0.5
NOT_REPORTABLE = "shared machine, not reportable"
STAFF_USER = "staff0@bench.example.gov.uk"  # bench.ideas.load_data's first staff member


@dataclass(frozen=True)
class Page:
    label: str
    kind: str  # "ideas": bench.ideas data; "lab": bench.lab data
    who: str  # "anonymous", "staff" or "hub"
    target_rps: float | None = None  # issue 14's target on the quiet machine
    target_p95_ms: float | None = None


PAGES = {
    "list": Page("ideas list, page 1 (`/ideas/`)", "ideas", "anonymous", 250),
    "idea": Page("idea page with its comments", "ideas", "anonymous", 300),
    "search": Page("search `/ideas/?q=repairs`", "ideas", "anonymous", 150),
    "similar": Page("similar ideas API", "ideas", "anonymous", 400),
    "priorities": Page("one-query API `/api/v1/priorities`", "ideas", "anonymous", 1800),
    "robots": Page("`/robots.txt` (the floor)", "ideas", "anonymous"),
    "staff list": Page("staff: ideas list", "ideas", "staff", 150),
    "staff idea": Page("staff: idea page", "ideas", "staff", 150),
    "lab inbox": Page("Hub Team: Lab inbox (`/lab/triage/`)", "lab", "hub", 150, 40),
    "lab referral": Page("Hub Team: a referral page (open)", "lab", "hub", 150, 40),
}


# --- preparation: in a child process with Django set up on one database ----------------


def prepare(kind: str, count: int, seed: int) -> Json:
    """Paths per page, the signed-in cookies and the data's size, as JSON-ready values.
    Runs with DJANGO_SETTINGS_MODULE and DATABASE_URL set (see ``prepared``)."""
    import django

    django.setup()
    from django.db import connection

    rng = random.Random(seed)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version')")
        data: Json = {"postgresql": cursor.fetchone()[0]}
    if kind == "lab":
        return data | prepare_lab(rng, count)
    from urllib.parse import urlencode

    from improvement_hub.ideas.models import Comment, Idea, Support

    data |= {
        "ideas": Idea.objects.count(),
        "supports": Support.objects.count(),
        "comments": Comment.objects.count(),
    }
    with_comments = list(
        Idea.objects.public().filter(comment_count__gt=0).values_list("pk", "title")
    )
    if not with_comments:
        return data | {"missing": "no public ideas with comments: run bench.ideas.load_data"}
    ideas = [Idea(pk=pk, title=title).get_absolute_url() for pk, title in with_comments]
    similar = [
        "/api/v1/ideas/similar?" + urlencode({"text": similar_text(rng)}) for _ in range(count)
    ]
    return data | {
        "paths": {
            "list": ["/ideas/"],
            "idea": rng.choices(ideas, k=count),
            "search": ["/ideas/?q=repairs"],
            "similar": similar,
            "priorities": ["/api/v1/priorities"],
            "robots": ["/robots.txt"],
            "staff list": ["/ideas/"],
            "staff idea": rng.choices(ideas, k=count),
        },
        "cookies": {"staff": signed_in(STAFF_USER)},
        "signed_in_page": account_page(),
    }


def prepare_lab(rng: random.Random, count: int) -> Json:
    from django.db.utils import ProgrammingError

    from bench.lab.load_data import BENCH_USER
    from improvement_hub.lab.models import OPEN_STATUSES, Referral

    try:
        total = Referral.objects.count()
    except ProgrammingError:
        return {"missing": "no Lab tables"}
    references = list(
        Referral.objects.filter(status__in=OPEN_STATUSES)
        .order_by("id")
        .values_list("reference", flat=True)
    )
    if not references:
        return {"missing": "no open referrals: run bench.lab.load_data"}
    cookie = signed_in(BENCH_USER)
    if cookie is None:
        return {"missing": f"no user {BENCH_USER}: run bench.lab.load_data"}
    return {
        "referrals": total,
        "open referrals": len(references),
        "paths": {
            "lab inbox": ["/lab/triage/"],
            "lab referral": [f"/lab/triage/{r}/" for r in rng.choices(references, k=count)],
        },
        "cookies": {"hub": cookie},
        "signed_in_page": account_page(),
    }


def signed_in(email: str) -> str | None:
    """A ``Cookie`` header for a session of this user, made as ``login()`` makes it (through
    Django's test client's ``force_login``, in the database's session table): no password."""
    from django.conf import settings
    from django.test import Client

    from improvement_hub.accounts.models import User

    user = User.objects.filter(email=email, is_active=True).first()
    if user is None:
        return None
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def account_page() -> str:
    """A page only a signed-in person gets (200): the others are sent to sign in."""
    from django.urls import reverse

    return reverse("accounts:account")


def check_signed_in(port: int, page: str, cookies: dict[str, str | None]) -> None:
    """Refuses to measure signed-in pages as anonymous: the session must be accepted."""
    for who, cookie in cookies.items():
        if cookie is None:
            raise SystemExit(f"No {who} user to sign in as: load the data with bench's loaders")
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        connection.request("GET", page, headers={"Cookie": cookie})
        status = connection.getresponse().status
        connection.close()
        if status != 200:
            raise SystemExit(f"The {who} session is not accepted: {page} answers HTTP {status}")


def prepared(kind: str, env: dict[str, str], count: int, seed: int) -> Json:
    """``prepare`` run in a child process (this process stays free of Django)."""
    child_env = env | {"DJANGO_SETTINGS_MODULE": "improvement_hub.config.settings", "DEBUG": "true"}
    argv = [sys.executable, "-m", "bench.throughput.run", "--prepare", kind]
    argv += ["--paths", str(count), "--seed", str(seed)]
    output = subprocess.run(argv, cwd=ROOT, env=child_env, capture_output=True, text=True)
    if output.returncode != 0:
        raise SystemExit(f"preparing the {kind} pages failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.splitlines()[-1])


def database_exists(url: str) -> bool:
    name = database_parts(url)[3]
    return psql(url, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


# --- the server -----------------------------------------------------------------------


def phase_environment(args: argparse.Namespace, url: str, kinds: list[str]) -> dict[str, str]:
    """bench.ideas' server environment for this database, with the cache asked for."""
    env = server_environment(
        argparse.Namespace(src=args.src, database_url=url, conn_max_age=args.conn_max_age)
    )
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), str(ROOT)) if p)
    for name in ("BENCH_PATCH", "BENCH_PATCHES", "CACHE_URL"):
        env.pop(name, None)
    if args.cache_url:
        env["CACHE_URL"] = args.cache_url
    env["BENCH_WARM"] = ",".join(kinds)
    env["BENCH_PRELOAD"] = "0" if args.per_worker_index else "1"
    return env


def start_gunicorn(
    args: argparse.Namespace, env: dict[str, str], workdir: Path
) -> subprocess.Popen[bytes]:
    options = {
        "--config": Path(__file__).with_name("gunicorn_conf.py"),
        "--bind": f"{HOST}:{args.port}",
        "--workers": args.workers,
        "--worker-class": "sync",
        "--timeout": 900,
        "--graceful-timeout": 5,
        "--backlog": 64,
        "--access-logfile": workdir / "access.log",
        "--access-logformat": "%({x-bench}i)s\t%(s)s\t%(D)s\t%(p)s",
        "--error-logfile": workdir / "error.log",
    }
    command = [str(VENV_BIN / "gunicorn"), "improvement_hub.config.wsgi"]
    command += [str(part) for option in options.items() for part in option]
    env = env | {"BENCH_WARM_LOG": str(workdir / "warm.jsonl")}
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def built_seconds(workdir: Path) -> dict[str, list[float]]:
    """The similar-items index build per worker, per kind (from gunicorn_conf's logs)."""
    seconds = {}
    for log in sorted(workdir.glob("warm.jsonl-*")):
        lines = log.read_text(encoding="utf-8").splitlines()
        seconds[log.name.split("-", 1)[1]] = [json.loads(line)["seconds"] for line in lines]
    return seconds


# --- the load -------------------------------------------------------------------------


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)  # 200 responses
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # no response at all
    connections: int = 0
    percentiles_ms: dict[str, float] = field(default_factory=dict)  # wrk's, of every response


def load(
    port: int, tag: str, paths: list[str], cookie: str, clients: int, seconds: float
) -> tuple[Tally, float, float]:
    """Every client sends requests, one after another on its connection, until the time is
    up; returns what they saw, the elapsed seconds and this process's CPU seconds."""
    stop = time.monotonic() + seconds
    tallies = [Tally() for _ in range(clients)]
    headers = {"X-Bench": tag, "Cookie": cookie} if cookie else {"X-Bench": tag}

    def client(number: int) -> None:
        tally = tallies[number]
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        turn = number
        while time.monotonic() < stop:
            path = paths[turn % len(paths)]
            turn += clients
            if connection.sock is None:
                tally.connections += 1  # gunicorn's sync workers close after each response
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                tally.errors.append(f"{path}: {error!r}")
                continue
            elapsed = (time.perf_counter() - started) * 1000
            tally.statuses[response.status] += 1
            if response.status == 200:
                tally.latencies_ms.append(elapsed)
        connection.close()

    cpu_before = cpu_seconds()
    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    elapsed = time.perf_counter() - started
    total = Tally()
    for tally in tallies:
        total.latencies_ms += tally.latencies_ms
        total.statuses += tally.statuses
        total.errors += tally.errors
        total.connections += tally.connections
    return total, elapsed, cpu_seconds() - cpu_before


WRK_SCRIPT = """
-- bench.throughput.run's script for wrk: the page's paths in turn, its headers, every
-- status counted, the figures written as JSON to $BENCH_OUT at the end.
paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
turn = 0
statuses = {}
wrk.headers["X-Bench"] = os.getenv("BENCH_TAG")
if os.getenv("BENCH_COOKIE") ~= "" then wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") end
threads = {}

function setup(thread) table.insert(threads, thread) end

function request()
  turn = turn + 1
  return wrk.format("GET", paths[(turn - 1) % #paths + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do counts[status] = (counts[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(counts) do parts[#parts + 1] = string.format('"%d": %d', status, n) end
  local errors = summary.errors
  local out = io.open(os.getenv("BENCH_OUT"), "w")
  out:write(string.format(
    '{"duration_us": %d, "p50_us": %d, "p95_us": %d, "errors": %d, "statuses": {%s}}',
    summary.duration, latency:percentile(50), latency:percentile(95),
    errors.connect + errors.read + errors.write + errors.timeout, table.concat(parts, ", ")))
  out:close()
end
"""


def load_wrk(
    port: int, tag: str, paths: list[str], cookie: str, clients: int, seconds: float
) -> tuple[Tally, float, float]:
    """The same load from wrk (one thread, ``clients`` connections): wrk's own latency
    percentiles, of every response."""
    folder = Path(tempfile.mkdtemp(prefix="bench-throughput-wrk-"))
    (folder / "paths").write_text("\n".join(paths) + "\n", encoding="utf-8")
    (folder / "script.lua").write_text(WRK_SCRIPT, encoding="utf-8")
    env = os.environ | {
        "BENCH_PATHS": str(folder / "paths"),
        "BENCH_TAG": tag,
        "BENCH_COOKIE": cookie,
        "BENCH_OUT": str(folder / "out.json"),
    }
    command = ["wrk", "--threads", "1", "--connections", str(clients)]
    command += ["--duration", f"{max(1, round(seconds))}s", "--timeout", "60s"]
    command += ["--script", str(folder / "script.lua"), f"http://{HOST}:{port}"]
    cpu_before = children_cpu_seconds()
    subprocess.run(command, env=env, check=True, capture_output=True)
    cpu = children_cpu_seconds() - cpu_before
    out = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    tally = Tally(statuses=Counter({int(k): n for k, n in out["statuses"].items()}))
    tally.errors = [f"wrk: {out['errors']} socket errors"] if out["errors"] else []
    tally.percentiles_ms = {key: round(out[f"{key}_us"] / 1000, 1) for key in ("p50", "p95")}
    return tally, out["duration_us"] / 1e6, cpu


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def p50_p95(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    return {"p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1)}


def measure(args: argparse.Namespace, key: str, paths: list[str], cookie: str) -> Json:
    loader = load_wrk if args.client == "wrk" else load
    loader(args.port, f"warm-up {key}", paths, cookie, args.clients, args.warmup)
    tally, elapsed, cpu = loader(args.port, key, paths, cookie, args.clients, args.seconds)
    ok = tally.statuses[200]
    row: Json = {
        "requests_per_second": round(ok / elapsed, 1) if elapsed else 0.0,
        "responses_200": ok,
        "non_200": sum(n for status, n in tally.statuses.items() if status != 200),
        "statuses": {str(status): n for status, n in sorted(tally.statuses.items())},
        "no_response": len(tally.errors),
        "first_errors": tally.errors[:3],
        "connections_opened": tally.connections if args.client == "python" else None,
        "seconds": round(elapsed, 2),
        "client_cpu_percent": round(100 * cpu / elapsed, 1) if elapsed else 0.0,
        "client_ms": tally.percentiles_ms or p50_p95(tally.latencies_ms),
    }
    print(
        f"{key:<13} {row['requests_per_second']:>8} req/s  client p50/p95 "
        f"{row['client_ms'].get('p50')}/{row['client_ms'].get('p95')} ms  "
        f"non-200 {row['non_200']}  no response {row['no_response']}",
        flush=True,
    )
    for error in tally.errors[:3]:
        print(f"    {error}")
    return row


def run_phase(args: argparse.Namespace, url: str, keys: list[str], results: Json) -> None:
    """One server on one database: prepare, start, warm, load each page, stop."""
    kinds = sorted({PAGES[key].kind for key in keys})
    env = phase_environment(args, url, kinds)
    name = database_parts(url)[3]
    subprocess.run(
        [sys.executable, "-m", "improvement_hub.cli", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    plans: dict[str, Json] = {}
    for kind in kinds:
        plan = prepared(kind, env, args.paths, args.seed)
        results["data"][f"{name} ({kind})"] = {
            k: v for k, v in plan.items() if k not in {"paths", "cookies"}
        }
        if "missing" in plan:
            print(f"skipping the {kind} pages on {name}: {plan['missing']}", flush=True)
            results["skipped"] |= {key: plan["missing"] for key in keys if PAGES[key].kind == kind}
        else:
            plans[kind] = plan
    keys = [key for key in keys if PAGES[key].kind in plans]
    if not keys:
        return
    workdir = Path(tempfile.mkdtemp(prefix="bench-throughput-"))
    print(f"{name}: gunicorn, {args.workers} sync workers, logs in {workdir}", flush=True)
    server = start_gunicorn(args, env, workdir)
    try:
        ready = argparse.Namespace(workers=args.workers, port=args.port)
        wait_ready(server, ready, workdir, time.monotonic() + args.ready_seconds)
        results["index_build_seconds"][name] = built_seconds(workdir)
        for plan in plans.values():
            check_signed_in(args.port, plan["signed_in_page"], plan["cookies"])
        for key in keys:
            plan = plans[PAGES[key].kind]
            cookie = plan["cookies"].get(PAGES[key].who, "")
            results["pages"][key] = measure(args, key, plan["paths"][key], cookie)
        results["worker_rss_mib"][name] = worker_rss_mib(server.pid)
        results["memory_mib"][name] = server_memory_mib(server.pid)
    finally:
        stop_server(server)
    times = server_times(workdir / "access.log")
    for key in keys:
        results["pages"][key]["server_ms"] = p50_p95(times.get(key, []))


# --- the report -----------------------------------------------------------------------


def verdict(page: Page, row: Json, reportable: bool) -> str:
    if page.target_rps is None:
        return "(floor)"
    target = f"≥ {page.target_rps:,.0f} req/s"
    if page.target_p95_ms:
        target += f", server p95 < {page.target_p95_ms:.0f} ms"
    if not reportable:
        return f"{target}: not reportable"
    met = row["requests_per_second"] >= page.target_rps and not row["non_200"]
    if page.target_p95_ms:
        met = met and row["server_ms"].get("p95", float("inf")) < page.target_p95_ms
    return f"{target}: {'met' if met else 'NOT met'}"


def table(results: Json) -> str:
    lines = [
        "| page | req/s | client p50 / p95 ms | server p50 / p95 ms | non-200 | client CPU | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, row in results["pages"].items():
        client, server = row["client_ms"], row.get("server_ms", {})
        non_200 = row["non_200"] + row["no_response"]
        lines.append(
            f"| {PAGES[key].label} | {row['requests_per_second']:,.1f} | "
            f"{client.get('p50')} / {client.get('p95')} | "
            f"{server.get('p50')} / {server.get('p95')} | {non_200} | "
            f"{row['client_cpu_percent']:.0f} % | "
            f"{verdict(PAGES[key], row, results['reportable'])} |"
        )
    for key, reason in results["skipped"].items():
        lines.append(f"| {PAGES[key].label} | skipped: {reason} | | | | | |")
    return "\n".join(lines)


def report(results: Json) -> str:
    lines = []
    if not results["reportable"]:
        load = results["load_average_at_start"][0]
        lines.append(f"**{NOT_REPORTABLE}**: 1-minute load average {load} at the start\n")
    lines.append(
        f"{results['workers']} sync workers, {results['clients']} connections ({results['client']}), "
        f"{results['seconds']:g} s after {results['warmup_seconds']:g} s warm-up per page; "
        f"cache {results['cache_url']}; load average at start {results['load_average_at_start']}"
        f", at end {results['load_average_at_end']}\n"
    )
    lines.append(table(results) + "\n")
    for name, sizes in results["worker_rss_mib"].items():
        lines.append(f"workers' memory on {name} (RSS at the end, MiB): {sizes}")
    for name, memory in results.get("memory_mib", {}).items():
        lines.append(f"memory on {name} at the end, MiB (rss/pss/uss): {json.dumps(memory)}")
    lines.append(f"code: {results['code']}; elapsed {results['elapsed_seconds']} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument(
        "--lab-database-url",
        default=os.environ.get("LAB_DATABASE_URL", LAB_DEFAULT_URL),
        help="the Lab pages' database (bench.lab.load_data's); may be the same as --database-url",
    )
    parser.add_argument("--seconds", type=float, default=20.0, help="measured, per page")
    parser.add_argument("--warmup", type=float, default=5.0, help="unmeasured, per page")
    parser.add_argument("--clients", type=int, default=8, help="connections, one thread each")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument(
        "--client",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="the load client: wrk (Debian's package), Python threads, or wrk when installed",
    )
    parser.add_argument("--cache-url", default="", help="CACHE_URL for the app (default locmem)")
    parser.add_argument("--only", default="", help=f"comma-separated pages: {', '.join(PAGES)}")
    parser.add_argument("--force", action="store_true", help=f"run anyway: {NOT_REPORTABLE}")
    parser.add_argument(
        "--per-worker-index",
        action="store_true",
        help="each worker builds its own indexes (without the production gunicorn settings)",
    )
    parser.add_argument("--port", type=int, default=8785)
    parser.add_argument("--conn-max-age", type=int, default=60)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--paths", type=int, default=2000, help="random paths per varied page")
    parser.add_argument("--ready-seconds", type=int, default=1200, help="for the index builds")
    parser.add_argument("--code", choices=["head", "worktree"], default="head")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--prepare", choices=["ideas", "lab"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prepare:
        print(json.dumps(prepare(args.prepare, args.paths, args.seed)))
        return

    load_at_start = [round(x, 2) for x in os.getloadavg()]
    reportable = load_at_start[0] < QUIET_LOAD
    if not reportable and not args.force:
        raise SystemExit(
            f"The 1-minute load average is {load_at_start[0]} (>= {QUIET_LOAD}): the machine "
            f"is not quiet, so figures would not be reportable. Wait, or run with --force "
            f"(marked '{NOT_REPORTABLE}')."
        )
    keys = list(PAGES)
    if args.only:
        keys = [key.strip() for key in args.only.split(",") if key.strip()]
        unknown = [key for key in keys if key not in PAGES]
        if unknown:
            parser.error(f"unknown pages {unknown}: choose from {', '.join(PAGES)}")
    if args.client == "auto":
        args.client = "wrk" if shutil.which("wrk") else "python"
    elif args.client == "wrk" and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk, or use --client python")
    args.src = snapshot_head() if args.code == "head" else None
    started = time.monotonic()
    results: Json = {
        "reportable": reportable,
        "note": None if reportable else NOT_REPORTABLE,
        "load_average_at_start": load_at_start,
        "machine": machine(),
        "code": code_version(args),
        "workers": args.workers,
        "clients": args.clients,
        "client": args.client,
        "seconds": args.seconds,
        "warmup_seconds": args.warmup,
        "cache_url": args.cache_url or "locmem (per process)",
        "index": "per worker" if args.per_worker_index else "built in the master before the fork",
        "data": {},
        "index_build_seconds": {},
        "pages": {},
        "skipped": {},
        "worker_rss_mib": {},
        "memory_mib": {},
    }
    print(f"load average at start: {load_at_start}; code: {results['code']}", flush=True)
    phases: dict[str, list[str]] = {}
    for key in keys:
        url = args.lab_database_url if PAGES[key].kind == "lab" else args.database_url
        phases.setdefault(url, []).append(key)
    for url, phase_keys in phases.items():
        if not database_exists(url):
            reason = f"no database {database_parts(url)[3]}"
            print(f"skipping {', '.join(phase_keys)}: {reason}", flush=True)
            results["skipped"] |= {key: reason for key in phase_keys}
            continue
        run_phase(args, url, phase_keys, results)
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["elapsed_seconds"] = round(time.monotonic() - started, 1)

    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")
    print("\n" + report(results))
    if args.out:
        print(f"results written to {args.out}")


if __name__ == "__main__":
    main()
