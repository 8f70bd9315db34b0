"""Gunicorn settings for ``bench.lab.run`` (passed with ``-c``; not used in production).

Each worker starts its similar-referrals index before it takes its first request and waits
for it: above 5,000 referrals the app builds it in a background thread and, until it is
ready, answers "nothing similar". The wait is timed (the cold build) and appended as
``{"pid": ..., "seconds": ..., "rows": ...}`` to ``$BENCH_WARM_LOG``. ``run.py`` then
checks over HTTP that every worker's referral pages list similar referrals.

With ``$BENCH_PATCH`` set to a module name (``bench.lab.fixes``), that module's ``apply()``
is called in each worker first: the proposed fixes, measured without editing ``src/``.
"""

import importlib
import json
import os
import time


def post_worker_init(worker):  # type: ignore[no-untyped-def]
    patch = os.environ.get("BENCH_PATCH")
    if patch:
        importlib.import_module(patch).apply()
    log_path = os.environ.get("BENCH_WARM_LOG")
    if not log_path:
        return
    from django.db import connection

    from improvement_hub.lab import similarity

    started = time.perf_counter()
    similarity.similar("warm up the index")  # starts the build (in the background above 5,000)
    holder = similarity.INDEX  # core.similarity.SyncedIndex
    while holder._index is None and time.perf_counter() - started < 900:
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    index = holder._index
    connection.close()  # do not share the warm-up connection's state with requests
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "seconds": round(seconds, 2),
                    "rows": len(index) if index is not None else None,
                }
            )
            + "\n"
        )
