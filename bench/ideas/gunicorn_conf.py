"""Gunicorn settings for ``bench.ideas.run`` (passed with ``-c``; not used in production).

Each worker builds its similar-ideas index before it takes its first request (waiting for
the app's background build where it has one), timed, and appends ``{"pid": ..., "seconds": ..., "ideas": ...}`` to ``$BENCH_WARM_LOG``. Without
this hook the index is built lazily by the first similar-ideas query each process gets.
"""

import json
import os
import time


def post_worker_init(worker):  # type: ignore[no-untyped-def]
    if os.environ.get("BENCH_PATCHES"):  # suggested fixes under trial (bench/ideas/patches.py)
        from bench.ideas import patches

        patches.apply(os.environ["BENCH_PATCHES"])
    log_path = os.environ.get("BENCH_WARM_LOG")
    if not log_path:
        return
    from django.db import connection

    from improvement_hub.ideas import similarity

    started = time.perf_counter()
    similarity.similar("warm up the index")  # the first query builds it (or starts a build)
    holder = getattr(similarity, "INDEX", None)  # core.similarity.SyncedIndex, if present

    def built():  # type: ignore[no-untyped-def]
        if holder is not None:
            return holder._index
        return getattr(similarity, "_state", {}).get("index")

    # Large indexes may be built in a background thread: wait for it (at most 15 minutes).
    while built() is None and time.perf_counter() - started < 900:
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    synced = built()
    connection.close()  # do not share the warm-up connection's state with requests
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "seconds": round(seconds, 2),
                    "ideas": len(synced) if synced is not None else None,
                }
            )
            + "\n"
        )
