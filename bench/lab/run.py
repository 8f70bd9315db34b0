"""Innovation Lab triage under load: the inbox and referral pages (issue 4).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/improvement_hub_labbench \\
        .venv/bin/python -m bench.lab.run --out /tmp/lab-bench.json

Starts gunicorn (sync workers) on 127.0.0.1:8775 against the database that
``bench.lab.load_data`` filled, signs in as a Hub Team user (a session created with
Django's SessionStore; its cookie goes with every request), waits until every worker's
similar-referrals index is built (timed: the cold build) and every worker has served a
referral page whose "Similar" section lists referrals, warms each endpoint, then sends a
bounded number of requests per endpoint from ``--clients`` concurrent threads and reports
p50/p95/p99 of

- client time: from sending the request to reading the whole response, over loopback
  (includes waiting in gunicorn's accept queue when all workers are busy);
- server time: gunicorn's own request time (``%(D)s`` in its access log), the time a
  worker spent on the request.

Every request goes to 127.0.0.1; the run stops by itself (``--max-seconds``) and kills the
server it started. ``--patch bench.lab.fixes`` measures the proposed fixes (applied in the
server process by monkeypatching; ``src/`` is not edited).
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

from bench.lab.common import DEFAULT_URL, database_parts

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
SIMILAR_REFERRALS = re.compile(
    r'<h3 class="govuk-heading-s">Referrals</h3>\s*<ul[^>]*>\s*<li><a class="govuk-link" '
    r'href="/lab/triage/'
)


def snapshot_head() -> Path:
    """``src/`` of the last commit in a temporary folder: others edit the work tree as we
    measure, and a half-made change must not break or skew a run."""
    folder = Path(tempfile.mkdtemp(prefix="bench-lab-src-"))
    archive = subprocess.run(
        ["git", "archive", "HEAD", "src"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def server_environment(args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    paths = [str(ROOT)]  # bench.lab.fixes for --patch
    if args.src:
        paths.insert(0, str(args.src))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (*paths, env.get("PYTHONPATH", "")) if p)
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
        CACHE_URL="locmemcache://",
        CONN_MAX_AGE=str(args.conn_max_age),
        LOG_LEVEL="WARNING",
    )
    env.pop("BENCH_PATCH", None)
    if args.patch:
        env["BENCH_PATCH"] = args.patch
    return env


def setup_django(args: argparse.Namespace) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="improvement_hub.config.settings",
        DATABASE_URL=args.database_url,
        DEBUG="true",
        SECRET_KEY="bench",  # the same key as the server's: the session hash depends on it
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()


def sign_in() -> tuple[str, str]:
    """A session for the bench's Hub Team user, as django.contrib.auth.login makes it:
    (cookie name, session key)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from bench.lab.load_data import BENCH_USER
    from improvement_hub.accounts.models import User
    from improvement_hub.accounts.permissions import is_hub_team

    user = User.objects.prefetch_related("groups").get(email=BENCH_USER)
    if not is_hub_team(user):
        raise SystemExit(f"{BENCH_USER} is not in the Hub Team group")
    session = SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(4 * 3600)
    session.create()
    return settings.SESSION_COOKIE_NAME, session.session_key


def targets(args: argparse.Namespace) -> dict[str, list[str]]:
    """Paths per endpoint; referral pages drawn with a fixed seed from the loaded database."""
    from improvement_hub.lab.models import CLOSED_STATUSES, OPEN_STATUSES, Referral

    rng = random.Random(args.seed)
    n = args.requests

    def references(statuses) -> list[str]:  # type: ignore[no-untyped-def]
        refs = list(
            Referral.objects.filter(status__in=statuses)
            .order_by("id")
            .values_list("reference", flat=True)
        )
        if not refs:
            raise SystemExit("No referrals: run bench.lab.load_data first.")
        return refs

    open_refs, closed_refs = references(OPEN_STATUSES), references(CLOSED_STATUSES)
    return {
        "inbox (open, page 1)": ["/lab/triage/"] * n,
        "inbox all, page 500": ["/lab/triage/?status=all&page=500"] * n,
        "inbox overdue": ["/lab/triage/?age=overdue"] * n,
        "referral (open)": [f"/lab/triage/{r}/" for r in rng.choices(open_refs, k=n)],
        "referral (closed)": [f"/lab/triage/{r}/" for r in rng.choices(closed_refs, k=n)],
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


def drive(name, paths, clients, deadline, base, cookie, check=None):  # type: ignore[no-untyped-def]
    """Send every path once from `clients` threads; returns (latencies ms, errors, seconds,
    bodies that failed `check`). `name` goes in the X-Bench header (and the access log);
    a name ending in '#' gets the request's number appended."""
    lock = threading.Lock()
    queue = list(reversed(list(enumerate(paths))))
    latencies: list[float] = []
    errors: list[str] = []
    failed_check: list[int] = []

    def worker() -> None:
        session = requests.Session()
        session.headers["Cookie"] = f"{cookie[0]}={cookie[1]}"  # the signed-in Hub Team user
        while time.monotonic() < deadline:
            with lock:
                if not queue:
                    return
                number, path = queue.pop()
            tag = f"{name}{number}" if name.endswith("#") else name
            started = time.perf_counter()
            try:
                response = session.get(
                    base + path, headers={"X-Bench": tag}, allow_redirects=False, timeout=60
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
                    if check is not None and not check(body):
                        failed_check.append(number)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()) + 70)
    return latencies, errors, time.perf_counter() - started, failed_check


def access_log(path: Path) -> list[tuple[str, str, float, int]]:
    """(tag, status, server ms, pid) per line 'TAG<TAB>STATUS<TAB>MICROSECONDS<TAB>PID'."""
    rows = []
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            pid = parts[3].strip("<>")  # gunicorn writes %(p)s as <pid>
            if parts[2].isdigit() and pid.isdigit():
                rows.append((parts[0], parts[1], int(parts[2]) / 1000, int(pid)))
    return rows


def server_times(path: Path) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    for tag, status, ms, _ in access_log(path):
        if status == "200" and tag != "-" and not tag.startswith("warm"):
            times[tag].append(ms)
    return times


def worker_pids(master_pid: int) -> list[int]:
    result = subprocess.run(
        ["pgrep", "-P", str(master_pid)], capture_output=True, text=True, check=False
    )
    return [int(pid) for pid in result.stdout.split()]


def worker_rss_mib(master_pid: int) -> list[float]:
    sizes = []
    for pid in worker_pids(master_pid):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        if match:
            sizes.append(round(int(match.group(1)) / 1024, 1))
    return sizes


def process_memory_mib(pid: int) -> dict[str, float] | None:
    """RSS, PSS and USS of one process, in MiB (``/proc/<pid>/smaps_rollup``).

    RSS counts every page a process maps, shared ones in full: a worker forked from a
    master that built the index shows the whole index in its RSS. PSS shares each page
    among the processes that map it (the sum over processes is what the machine holds);
    USS is what the process alone holds (freed when it stops)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    fields = {name: int(kb) / 1024 for name, kb in re.findall(r"^(\w+):\s+(\d+) kB", rollup, re.M)}
    private = fields.get("Private_Clean", 0.0) + fields.get("Private_Dirty", 0.0)
    return {
        "rss": round(fields.get("Rss", 0.0), 1),
        "pss": round(fields.get("Pss", 0.0), 1),
        "uss": round(private, 1),
    }


def server_memory_mib(master_pid: int) -> dict[str, object]:
    """The master's and each worker's memory (``process_memory_mib``)."""
    workers = [process_memory_mib(pid) for pid in worker_pids(master_pid)]
    return {"master": process_memory_mib(master_pid), "workers": [w for w in workers if w]}


def start_server(args: argparse.Namespace, workdir: Path) -> subprocess.Popen:  # type: ignore[type-arg]
    command = [
        str(VENV_BIN / "gunicorn"), "improvement_hub.config.wsgi",
        "--config", str(Path(__file__).with_name("gunicorn_conf.py")),
        "--bind", f"{HOST}:{args.port}", "--workers", str(args.workers),
        "--worker-class", "sync", "--timeout", "900", "--graceful-timeout", "5",
        "--backlog", "64",
        "--access-logfile", str(workdir / "access.log"),
        "--access-logformat", "%({x-bench}i)s\t%(s)s\t%(D)s\t%(p)s",
        "--error-logfile", str(workdir / "error.log"),
    ]  # fmt: skip
    env = server_environment(args)
    env["BENCH_WARM_LOG"] = str(workdir / "warm.jsonl")
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


def wait_built(server, args, workdir: Path, deadline: float) -> list[dict]:  # type: ignore[no-untyped-def]
    """Until every worker has built its similar-referrals index (gunicorn_conf's hook)."""
    warm_log = workdir / "warm.jsonl"
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited: see {workdir / 'error.log'}")
        lines = warm_log.read_text().splitlines() if warm_log.exists() else []
        if len(lines) >= args.workers:
            return [json.loads(line) for line in lines]
        time.sleep(0.5)
    raise SystemExit("The similar-referrals indexes were not built in time")


def wait_similar(server, args, workdir, deadline, base, cookie, paths) -> dict:  # type: ignore[no-untyped-def]
    """Referral pages until every worker has served at least two whose "Similar" section
    lists referrals (matched to workers through the access log's pid)."""
    shown_by_pid: dict[int, int] = defaultdict(int)
    rounds = 0
    started = time.monotonic()
    deadline = min(deadline, started + 300)
    while time.monotonic() < deadline:
        rounds += 1
        batch = [paths[(rounds * 17 + i) % len(paths)] for i in range(4 * args.workers)]
        tag = f"warm-similar-{rounds}-#"
        _, errors, _, failed = drive(
            tag, batch, args.clients, deadline, base, cookie,
            check=lambda body: SIMILAR_REFERRALS.search(body.decode()) is not None,
        )  # fmt: skip
        if errors:
            raise SystemExit(f"warm-up errors: {errors[:3]} (see {workdir / 'error.log'})")
        failed_tags = {f"{tag}{n}" for n in failed}
        for line_tag, status, _, pid in access_log(workdir / "access.log"):
            if line_tag.startswith(tag) and status == "200" and line_tag not in failed_tags:
                shown_by_pid[pid] += 1
        pids = worker_pids(server.pid)
        if pids and all(shown_by_pid[pid] >= 2 for pid in pids):
            return {
                "seconds": round(time.monotonic() - started, 1),
                "rounds": rounds,
                "pages_with_similar_per_worker": {str(p): shown_by_pid[p] for p in pids},
                "pages_without": len(failed),
            }
        time.sleep(0.5)
    raise SystemExit("Referral pages never showed similar referrals in time")


def code_version(args: argparse.Namespace) -> str:
    def git(*argv: str) -> str:
        return subprocess.run(
            ["git", *argv], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    base = f"{commit} (snapshot of the commit's src/)" if args.src else None
    if base is None:
        dirty = [line for line in git("status", "--porcelain", "src").splitlines() if line]
        base = f"work tree: {commit} + {len(dirty)} changed files under src/"
    return base + (f", patched with {args.patch}" if args.patch else "")


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
    parser.add_argument("--port", type=int, default=8775)
    parser.add_argument("--conn-max-age", type=int, default=60)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--only", default="", help="comma-separated endpoint names")
    parser.add_argument("--max-seconds", type=int, default=1200, help="stop the whole run after")
    parser.add_argument("--target-ms", type=float, default=100.0)
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--code", choices=["head", "worktree"], default="head",
        help="measure the last commit (a snapshot of its src/) or the work tree as it is",
    )  # fmt: skip
    parser.add_argument(
        "--patch", default="", help="a module whose apply() each worker calls (bench.lab.fixes)"
    )
    args = parser.parse_args(argv)
    if args.port == 8765:
        raise SystemExit("Port 8765 belongs to the Ideas benchmark: use 8775")
    database_parts(args.database_url)  # refuses a database that is not ours or not local
    args.src = snapshot_head() if args.code == "head" else None
    if args.src:
        sys.path.insert(0, str(args.src))  # the client's own imports use the same code
    code = code_version(args)
    print(f"code: {code}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "improvement_hub.cli", "migrate", "--noinput", "-v0"],
        cwd=ROOT, env=server_environment(args), check=True,
    )  # fmt: skip
    started = time.monotonic()
    deadline = started + args.max_seconds

    setup_django(args)
    cookie = sign_in()
    plan = targets(args)
    referral_paths = plan["referral (open)"] + plan["referral (closed)"]
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        plan = {name: paths for name, paths in plan.items() if name in wanted}
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE status IN ('new','acknowledged','more_info')),"
            " COUNT(decided_at), (SELECT COUNT(*) FROM lab_referralevent),"
            " current_setting('server_version') FROM lab_referral"
        )
        referrals, open_count, decided, events, server_version = cursor.fetchone()
    connection.close()

    workdir = Path(tempfile.mkdtemp(prefix="bench-lab-"))
    load_before = [round(x, 2) for x in os.getloadavg()]
    print(
        f"data: {referrals} referrals ({open_count} open, {decided} decided), {events} events; "
        f"PostgreSQL {server_version}"
    )
    print(
        f"gunicorn: {args.workers} sync workers on {HOST}:{args.port}; logs in {workdir}",
        flush=True,
    )
    base = f"http://{HOST}:{args.port}"
    server_started = time.monotonic()
    server = start_server(args, workdir)
    rows: dict[str, dict] = {}
    try:
        built = wait_built(server, args, workdir, deadline)
        ready_after = time.monotonic() - server_started
        print(
            f"similar-referrals index built per worker (in parallel): "
            f"{[w['seconds'] for w in built]} s for {built[0]['rows']} referrals; "
            f"{ready_after:.1f} s after start",
            flush=True,
        )
        similar = wait_similar(server, args, workdir, deadline, base, cookie, referral_paths)
        print(
            f"every worker lists similar referrals: {similar['pages_with_similar_per_worker']} "
            f"({similar['pages_without']} warm-up pages without; {similar['seconds']} s)",
            flush=True,
        )
        for name, paths in plan.items():
            if time.monotonic() > deadline:
                print("time is up: stopping early")
                break
            warm_paths = (
                paths[: args.warmup] if name.startswith("referral") else paths[:1] * args.warmup
            )
            drive("warm-up", warm_paths, args.clients, deadline, base, cookie)
            latencies, errors, seconds, _ = drive(name, paths, args.clients, deadline, base, cookie)
            rows[name] = {
                "client": summary(latencies),
                "errors": len(errors),
                "first_errors": errors[:3],
                "throughput_rps": round(len(latencies) / seconds, 1) if seconds else 0,
            }
            client = rows[name]["client"]
            print(
                f"{name:<24} client p50 {client.get('p50')} p95 {client.get('p95')} "
                f"p99 {client.get('p99')} ms, {rows[name]['throughput_rps']} req/s, "
                f"{len(errors)} errors",
                flush=True,
            )
            for error in errors[:3]:
                print(f"    {error}")
        rss = worker_rss_mib(server.pid)
    finally:
        stop_server(server)
    times = server_times(workdir / "access.log")
    for name, row in rows.items():
        row["server"] = summary(times.get(name, []))
    results = {
        "machine": machine(),
        "code": code,
        "load_average_before_after": [load_before, [round(x, 2) for x in os.getloadavg()]],
        "postgresql": server_version,
        "data": {"referrals": referrals, "open": open_count, "decided": decided, "events": events},
        "clients": args.clients,
        "workers": args.workers,
        "conn_max_age": args.conn_max_age,
        "requests_per_endpoint": args.requests,
        "index_build_seconds_per_worker": [w["seconds"] for w in built],
        "index_rows": built[0]["rows"],
        "similar_shown": similar,
        "worker_rss_mib": rss,
        "endpoints": rows,
        "elapsed_seconds": round(time.monotonic() - started, 1),
    }
    print()
    print(
        f"| endpoint | client p50 / p95 / p99 ms | server p50 / p95 / p99 ms | req/s | "
        f"p95 < {args.target_ms:.0f} ms: server / client |"
    )
    print("|---|---|---|---|---|")

    def verdict(figures: dict, errors: int) -> str:
        return "pass" if figures and figures["p95"] < args.target_ms and not errors else "FAIL"

    for name, row in rows.items():
        c, s = row["client"], row["server"]
        print(
            f"| {name} | {c.get('p50')} / {c.get('p95')} / {c.get('p99')} | "
            f"{s.get('p50')} / {s.get('p95')} / {s.get('p99')} | {row['throughput_rps']} | "
            f"{verdict(s, row['errors'])} / {verdict(c, row['errors'])} |"
        )
    print(f"\nworkers' memory (RSS, MiB): {rss}; elapsed {results['elapsed_seconds']} s")
    print(f"code: {code}; load average before/after: {results['load_average_before_after']}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
        print(f"results written to {args.out}")


if __name__ == "__main__":
    main()
