"""Gunicorn settings for production: ``gunicorn -c python:improvement_hub.config.gunicorn
improvement_hub.config.wsgi -w 4`` (docs/operations.md).

The master loads the app (``preload_app``), then, before it forks a worker, loads the URL
configuration (so every view module is imported once) and builds every similar-items
index (``core.similarity.build_all``: the similar ideas of the Ideas Forum, the similar
referrals of the Lab). A forked worker shares those pages with the master until it writes
to them, and the index's arrays are never written, so a council's index costs its memory
once per machine instead of once per worker (docs/performance.md, "One index for every
worker"); and no worker answers "nothing similar" for the half minute a build takes.

The master then closes its database and cache connections (a connection must not be
shared across a fork) and moves every object it made out of the garbage collector's
reach (``gc.freeze``): a collection in a worker would otherwise touch, and so copy, each
shared page.

Other settings (workers, bind, timeouts) come from the command line or
``GUNICORN_CMD_ARGS``. With ``preload_app``, ``kill -HUP`` does not load new code:
restart the service after a deploy.
"""

import gc
import logging
import time

preload_app = True

logger = logging.getLogger("improvement_hub.gunicorn")


def when_ready(server: object) -> None:
    """In the master, once the app is loaded and before the first fork."""
    from django.core.cache import caches
    from django.db import connections
    from django.urls import get_resolver

    from improvement_hub.core import similarity

    started = time.perf_counter()
    get_resolver().url_patterns  # noqa: B018  (imports every view, service and index)
    built = similarity.build_all()
    connections.close_all()
    caches.close_all()
    gc.collect()
    gc.freeze()
    logger.warning(
        "Similar-items indexes built before forking in %.1f s: %s",
        time.perf_counter() - started,
        ", ".join(f"{key} {rows} rows" for key, rows in built.items()) or "none",
    )
