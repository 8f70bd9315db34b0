"""Ideas Forum pages under load: list, detail, search and similar ideas (issue 3).

    .venv/bin/python -m bench.ideas.run                      # 400 requests per endpoint
    .venv/bin/python -m bench.ideas.run --requests 200 --workers 2 --out /tmp/ideas.json

Starts gunicorn (sync workers) on 127.0.0.1 against the database that
``bench.ideas.load_data`` filled, builds the similar-ideas index in every worker before it
serves (timed: the cold build), warms each endpoint, then sends a bounded number of
requests per endpoint from ``--clients`` concurrent threads and reports p50/p95/p99 of

- client time: from sending the request to reading the whole response, over loopback
  (includes waiting in gunicorn's accept queue when all workers are busy);
- server time: gunicorn's own request time (``%(D)s`` in its access log), which is the
  time a worker spent on the request.

Every request goes to 127.0.0.1; the run stops by itself (``--max-seconds``) and kills the
server it started. Needs ``gunicorn`` in the venv (``.venv/bin/pip install gunicorn``).
"""

import argparse
import json
import os
import platform
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

from bench.ideas.load_data import DEFAULT_URL, database_parts, similar_text

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"

SEARCH_EXTRA = [
    "repairs online", "missed bins", "council tax", "parking permits", "text message updates",
    "paper forms", "damp and mould", "hospital discharge", "apprenticeships", "fly-tipping",
    "single shared tracker", "evening appointments", "backlog", "volunteers", "dashboard",
]  # fmt: skip


def snapshot_head() -> Path:
    """``src/`` of the last commit in a temporary folder: others edit the work tree as we
    measure, and a half-made change must not break or skew a run."""
    folder = Path(tempfile.mkdtemp(prefix="bench-ideas-src-"))
    archive = subprocess.run(
        ["git", "archive", "HEAD", "src"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def server_environment(args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    if args.src:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(args.src), env.get("PYTHONPATH", "")) if p
        )
    env.update(
        DATABASE_URL=args.database_url,
        DEBUG="false",
        SECRET_KEY="bench",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_MANIFEST="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        TASKS_BACKEND="immediate",
        CONN_MAX_AGE=str(args.conn_max_age),
        LOG_LEVEL="WARNING",
    )
    return env


def targets(args: argparse.Namespace) -> dict[str, list[str]]:
    """Paths per endpoint, drawn with a fixed seed from the loaded database."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="improvement_hub.config.settings",
        DATABASE_URL=args.database_url,
        DEBUG="true",
        SECRET_KEY="bench",
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from urllib.parse import urlencode

    from bench.similarity import corpus
    from improvement_hub.ideas.models import Idea

    rng = random.Random(args.seed)
    n = args.requests
    with_comments = list(
        Idea.objects.public().filter(comment_count__gt=0).values_list("pk", "title")
    )
    if not with_comments:
        raise SystemExit("No public ideas with comments: run bench.ideas.load_data first.")
    detail = [
        Idea(pk=pk, title=title).get_absolute_url() for pk, title in rng.choices(with_comments, k=n)
    ]
    words = sorted({w for s in corpus.ALL_SUBJECTS for w in re.findall(r"[a-z]{4,}", s.lower())})
    queries = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.4:
            queries.append(rng.choice(words))
        elif roll < 0.8:
            queries.append(" ".join(rng.choice(corpus.ALL_SUBJECTS).split()[:3]))
        else:
            queries.append(rng.choice(SEARCH_EXTRA))
    return {
        "list": ["/ideas/"] * n,
        "list trending": ["/ideas/?sort=trending"] * n,
        "list supported+housing p50": ["/ideas/?sort=supported&priority=housing&page=50"] * n,
        "detail": detail,
        "search": ["/ideas/?" + urlencode({"q": q}) for q in queries],
        "similar": [
            "/api/v1/ideas/similar?" + urlencode({"text": similar_text(rng)}) for _ in range(n)
        ],
    }


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, int(-(-p * len(ordered) // 100)))
    return ordered[min(rank, len(ordered)) - 1]


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    return {
        "n": len(values),
        "p50": round(percentile(values, 50), 1),
        "p95": round(percentile(values, 95), 1),
        "p99": round(percentile(values, 99), 1),
        "mean": round(statistics.fmean(values), 1),
        "max": round(max(values), 1),
    }


def drive(name: str, paths: list[str], clients: int, deadline: float, base: str):  # type: ignore[no-untyped-def]
    """Send every path once from `clients` threads; returns (latencies ms, errors, seconds)."""
    lock = threading.Lock()
    queue = list(reversed(paths))
    latencies: list[float] = []
    errors: list[str] = []

    def worker() -> None:
        session = requests.Session()
        while time.monotonic() < deadline:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            started = time.perf_counter()
            try:
                response = session.get(
                    base + path, headers={"X-Bench": name}, allow_redirects=False, timeout=60
                )
                body = response.content
            except requests.RequestException as error:
                with lock:
                    errors.append(f"{path}: {error}")
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if response.status_code != 200 or not body:
                    errors.append(f"{path}: HTTP {response.status_code}")
                else:
                    latencies.append(elapsed)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()) + 70)
    return latencies, errors, time.perf_counter() - started


def read_access_log(path: Path) -> dict[str, list[float]]:
    """Server time in ms per endpoint, from lines 'ENDPOINT<TAB>STATUS<TAB>MICROSECONDS'."""
    times: dict[str, list[float]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == "200" and parts[0] not in {"-", "warm-up"}:
            times[parts[0]].append(int(parts[2]) / 1000)
    return times


def worker_rss_mib(master_pid: int) -> list[float]:
    try:
        children = subprocess.run(
            ["pgrep", "-P", str(master_pid)], capture_output=True, text=True, check=False
        ).stdout.split()
    except FileNotFoundError:
        return []
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        if match:
            sizes.append(round(int(match.group(1)) / 1024, 1))
    return sizes


def start_server(args: argparse.Namespace, workdir: Path) -> subprocess.Popen:  # type: ignore[type-arg]
    command = [
        str(VENV_BIN / "gunicorn"), "improvement_hub.config.wsgi",
        "--config", str(Path(__file__).with_name("gunicorn_conf.py")),
        "--bind", f"{HOST}:{args.port}", "--workers", str(args.workers),
        "--worker-class", "sync", "--timeout", "900", "--graceful-timeout", "5",
        "--backlog", "64",
        "--access-logfile", str(workdir / "access.log"),
        "--access-logformat", "%({x-bench}i)s\t%(s)s\t%(D)s",
        "--error-logfile", str(workdir / "error.log"),
    ]  # fmt: skip
    env = server_environment(args)
    env["BENCH_WARM_LOG"] = str(workdir / "warm.jsonl")
    if args.patch:
        env["BENCH_PATCHES"] = args.patch
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def stop_server(server: subprocess.Popen) -> None:  # type: ignore[type-arg]
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # our own session: the master and its workers
        server.wait(5)


def wait_ready(server, args, workdir: Path, deadline: float) -> list[dict]:  # type: ignore[no-untyped-def]
    """Until every worker has built its index and the site answers."""
    warm_log = workdir / "warm.jsonl"
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited: see {workdir / 'error.log'}")
        lines = warm_log.read_text().splitlines() if warm_log.exists() else []
        if len(lines) >= args.workers:
            try:
                status = requests.get(f"http://{HOST}:{args.port}/ideas/", timeout=30).status_code
            except requests.RequestException:
                status = None
            if status == 200:
                return [json.loads(line) for line in lines]
            if status is not None and status >= 500:
                raise SystemExit(f"/ideas/ answers HTTP {status}: see {workdir / 'error.log'}")
        time.sleep(1)
    raise SystemExit("The server was not ready in time")


def code_version(args: argparse.Namespace) -> str:
    """The commit measured; with --code worktree, how many files under src/ differ from it."""

    def git(*argv: str) -> str:
        return subprocess.run(
            ["git", *argv], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    if args.src:
        return f"{commit} (snapshot of the commit's src/)"
    dirty = [line for line in git("status", "--porcelain", "src").splitlines() if line]
    return f"work tree: {commit} + {len(dirty)} changed files under src/"


def machine() -> str:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--requests", type=int, default=400, help="measured requests per endpoint")
    parser.add_argument("--warmup", type=int, default=24, help="unmeasured requests per endpoint")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--conn-max-age", type=int, default=60)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated endpoint names")
    parser.add_argument("--max-seconds", type=int, default=1200, help="stop the whole run after")
    parser.add_argument("--target-ms", type=float, default=100.0)
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--code",
        choices=["head", "worktree"],
        default="head",
        help="measure the last commit (a snapshot of its src/) or the work tree as it is",
    )
    parser.add_argument(
        "--patch", default="", help="try suggested fixes from bench/ideas/patches.py, e.g. search"
    )
    args = parser.parse_args(argv)
    args.src = snapshot_head() if args.code == "head" else None
    if args.src:
        sys.path.insert(0, str(args.src))  # the client's own imports use the same code
    code = code_version(args)
    print(f"code: {code}", flush=True)
    # Bring the database up to the measured code's migrations (nothing to do, usually).
    subprocess.run(
        [sys.executable, "-m", "improvement_hub.cli", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=server_environment(args),
        check=True,
    )
    database_parts(args.database_url)  # refuses a database that is not on this machine
    started = time.monotonic()
    deadline = started + args.max_seconds

    plan = targets(args)
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        plan = {name: paths for name, paths in plan.items() if name in wanted}
    psql_version = subprocess.run(
        ["psql", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT COUNT(*) FROM ideas_idea), (SELECT COUNT(*) FROM ideas_support),"
            " (SELECT COUNT(*) FROM ideas_comment), current_setting('server_version')"
        )
        ideas, supports, comments, server_version = cursor.fetchone()
    connection.close()

    workdir = Path(tempfile.mkdtemp(prefix="bench-ideas-"))
    load_before = [round(x, 2) for x in os.getloadavg()]
    print(
        f"data: {ideas} ideas, {supports} supports, {comments} comments; PostgreSQL {server_version}"
    )
    print(
        f"gunicorn: {args.workers} sync workers on {HOST}:{args.port}; logs in {workdir}",
        flush=True,
    )
    build_started = time.monotonic()
    server = start_server(args, workdir)
    results: dict[str, object] = {}
    try:
        warm = wait_ready(server, args, workdir, deadline)
        print(
            f"ready after {time.monotonic() - build_started:.1f} s; similar-ideas index built "
            f"per worker (in parallel): {[w['seconds'] for w in warm]} s "
            f"for {warm[0]['ideas']} ideas",
            flush=True,
        )
        base = f"http://{HOST}:{args.port}"
        rows = {}
        for name, paths in plan.items():
            if time.monotonic() > deadline:
                print("time is up: stopping early")
                break
            warm_paths = (
                paths[: args.warmup]
                if name in {"detail", "search", "similar"}
                else paths[:1] * args.warmup
            )
            drive("warm-up", warm_paths, args.clients, deadline, base)
            latencies, errors, seconds = drive(name, paths, args.clients, deadline, base)
            rows[name] = {
                "client": summary(latencies),
                "errors": len(errors),
                "first_errors": errors[:3],
                "throughput_rps": round(len(latencies) / seconds, 1) if seconds else 0,
            }
            client = rows[name]["client"]
            print(
                f"{name:<28} client p50 {client.get('p50')} p95 {client.get('p95')} "
                f"p99 {client.get('p99')} ms, {rows[name]['throughput_rps']} req/s, "
                f"{len(errors)} errors",
                flush=True,
            )
            for error in errors[:3]:
                print(f"    {error}")
        rss = worker_rss_mib(server.pid)
    finally:
        stop_server(server)
    server_times = read_access_log(workdir / "access.log")
    for name, row in rows.items():
        row["server"] = summary(server_times.get(name, []))
    results = {
        "machine": machine(),
        "code": code,
        "patches": args.patch or None,
        "load_average_before_after": [load_before, [round(x, 2) for x in os.getloadavg()]],
        "postgresql": server_version,
        "psql": psql_version,
        "data": {"ideas": ideas, "supports": supports, "comments": comments},
        "clients": args.clients,
        "workers": args.workers,
        "conn_max_age": args.conn_max_age,
        "requests_per_endpoint": args.requests,
        "index_build_seconds_per_worker": [w["seconds"] for w in warm],
        "worker_rss_mib": rss,
        "endpoints": rows,
        "elapsed_seconds": round(time.monotonic() - started, 1),
    }
    print()
    print(
        f"| endpoint | client p50 / p95 / p99 ms | server p50 / p95 / p99 ms | req/s | "
        f"p95 < {args.target_ms:.0f} ms (server) |"
    )
    print("|---|---|---|---|---|")
    for name, row in rows.items():
        c, s = row["client"], row["server"]
        verdict = "pass" if s and s["p95"] < args.target_ms and not row["errors"] else "FAIL"
        print(
            f"| {name} | {c.get('p50')} / {c.get('p95')} / {c.get('p99')} | "
            f"{s.get('p50')} / {s.get('p95')} / {s.get('p99')} | {row['throughput_rps']} | {verdict} |"
        )
    print(f"\nworkers' memory (RSS, MiB): {rss}; elapsed {results['elapsed_seconds']} s")
    print(
        f"code: {results['code']}; load average before/after: "
        f"{results['load_average_before_after']}"
    )
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
        print(f"results written to {args.out}")


if __name__ == "__main__":
    main()
