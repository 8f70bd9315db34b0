"""Gunicorn settings for ``bench.throughput.run`` (passed with ``-c``; not used in production).

Before a worker takes its first request it builds the similar-items indexes of the pages
under test, with the hooks of ``bench.ideas`` (similar ideas) and ``bench.lab`` (similar
referrals), each timed into ``$BENCH_WARM_LOG`` with ``-ideas`` or ``-lab`` appended to the
name. ``$BENCH_WARM`` says which: ``ideas``, ``lab`` or ``ideas,lab``. Then the worker
appends one line to ``$BENCH_WARM_LOG`` itself, which is what ``run.py`` waits for.

The production settings (``improvement_hub.config.gunicorn``: the app loaded and every
index built in the master, before the fork) apply unless ``$BENCH_PRELOAD`` is ``0``
(``run.py --per-worker-index``: each worker builds its own, as before they existed); with
them the hooks find the index already built.
"""

import json
import os

if os.environ.get("BENCH_PRELOAD", "1") != "0":
    from improvement_hub.config.gunicorn import preload_app, when_ready  # noqa: F401

from bench.ideas import gunicorn_conf as ideas_conf
from bench.lab import gunicorn_conf as lab_conf

HOOKS = {"ideas": ideas_conf.post_worker_init, "lab": lab_conf.post_worker_init}


def post_worker_init(worker):  # type: ignore[no-untyped-def]
    log_path = os.environ["BENCH_WARM_LOG"]
    kinds = [kind for kind in os.environ.get("BENCH_WARM", "").split(",") if kind in HOOKS]
    for kind in kinds:
        os.environ["BENCH_WARM_LOG"] = f"{log_path}-{kind}"
        try:
            HOOKS[kind](worker)
        finally:
            os.environ["BENCH_WARM_LOG"] = log_path
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(json.dumps({"pid": os.getpid(), "built": kinds}) + "\n")
