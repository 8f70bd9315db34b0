"""A process-wide similarity index that follows a table, for any app.

Each web or worker process keeps one in-memory ``text.SimilarityIndex`` per use. Writes
call ``mark_changed()`` after commit, which bumps a version number in the shared cache; the
next query in any process fetches only rows changed since its last sync (an indexed
``updated_at`` range), so queries stay fast with 100,000 rows.

Under gunicorn with ``config/gunicorn.py`` (``preload_app``), the master builds every
index once, before it forks its workers (``build_all``): the workers share the index's
arrays with the master, page for page, instead of each building and holding its own copy
(docs/performance.md, "One index for every worker"). Each worker then keeps its copy in
step as above; what it adds goes to a small delta of its own.
"""

import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from improvement_hub.text import Match, SimilarityIndex

# rows(since) yields (id, text or None); None means "not searchable any more".
RowSource = Callable[[datetime | None], Iterable[tuple[int, str | None]]]

# Above this many rows the first build runs in a background thread (it takes about 35 s
# at 100,000 ideas); queries answer "nothing similar" until it is ready rather than make
# one visitor wait.
BUILD_IN_BACKGROUND_ABOVE = 5_000

# Every index made in this process, for ``build_all``.
_INDEXES: list["SyncedIndex"] = []


class SyncedIndex:
    def __init__(self, name: str, rows: RowSource, count: Callable[[], int] | None = None) -> None:
        self.version_key = f"similarity:{name}:version"
        self._rows = rows
        self._count = count
        self._lock = threading.Lock()
        self._index: SimilarityIndex | None = None
        self._version: object = None
        self._synced_at: datetime | None = None
        self._building = False
        _INDEXES.append(self)

    def build_now(self) -> int:
        """Builds (or brings up to date) this index in this thread, however large; returns
        how many rows it holds. For a process that starts others (gunicorn's master)."""
        return len(self._sync(background=True))

    def mark_changed(self) -> None:
        """Tells every process that some row's text or visibility changed."""
        if cache.add(self.version_key, 1, timeout=None):
            return
        try:
            cache.incr(self.version_key)
        except ValueError:
            cache.set(self.version_key, 1, timeout=None)

    def _build_in_background(self) -> None:
        def build() -> None:
            from django.db import connection

            try:
                self._sync(background=True)
            finally:
                self._building = False
                connection.close()

        self._building = True
        threading.Thread(target=build, name="similarity-index-build", daemon=True).start()

    def _sync(self, background: bool = False) -> SimilarityIndex:
        version = cache.get(self.version_key)
        if self._index is not None and version == self._version:
            return self._index
        if self._index is None and not background:
            if self._building:
                return SimilarityIndex()
            if self._count is not None and self._count() > BUILD_IN_BACKGROUND_ABOVE:
                self._build_in_background()
                return SimilarityIndex()
        with self._lock:
            if self._index is not None and version == self._version:
                return self._index
            started = timezone.now()
            if self._index is None:
                index = SimilarityIndex([(pk, text) for pk, text in self._rows(None) if text])
            else:
                index = self._index
                for pk, text in self._rows(self._synced_at):
                    if text:
                        index.add(pk, text)
                    else:
                        index.remove(pk)
            # Look back a little next time, in case a transaction that set an earlier
            # updated_at committed after this read.
            self._index, self._version = index, version
            self._synced_at = started - timedelta(minutes=2)
            return index

    def similar(self, text: str, *, limit: int = 5, exclude: Iterable[int] = ()) -> list[Match]:
        """Rows whose text is most like ``text``: ids and scores, best first."""
        return self._sync().query(text, limit=limit, exclude=tuple(exclude))

    def reset(self) -> None:
        """Forgets this process's index (tests, and after bulk loads)."""
        with self._lock:
            self._index, self._version, self._synced_at = None, None, None


def all_ready() -> bool:
    """Whether this process holds every index made so far (before then, a query of one
    still being built finds nothing: an answer that must not be stored)."""
    return all(index._index is not None for index in _INDEXES)


def build_all() -> dict[str, int]:
    """Builds every index made so far in this process, now; how many rows each holds."""
    return {index.version_key: index.build_now() for index in _INDEXES}
