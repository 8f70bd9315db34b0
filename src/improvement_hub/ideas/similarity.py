"""The process-wide similar-ideas index, kept in step with the database.

The engine is the layer-0 ``text`` package. Each web or worker process keeps one index in
memory. Services call ``mark_changed()`` after commit; it bumps a version number in the
shared cache, and the next query in any process fetches only the ideas changed since its
last sync (an indexed ``updated_at`` range), so a query stays fast at 100,000 ideas.
"""

import threading
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from improvement_hub.text import Match, SimilarityIndex

VERSION_KEY = "ideas:similarity:version"
_lock = threading.Lock()
_state: dict[str, object] = {"index": None, "version": None, "synced_at": None}


def mark_changed() -> None:
    """Tells every process that some idea's text or visibility changed."""
    if cache.add(VERSION_KEY, 1, timeout=None):
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def _rows(since: datetime | None):  # type: ignore[no-untyped-def]
    from improvement_hub.ideas.models import Idea

    queryset = Idea.objects.all()
    if since is not None:
        queryset = queryset.filter(updated_at__gte=since)
    return queryset.values_list(
        "id", "title", "problem", "proposal", "submitted_at", "hidden_at", "merged_into_id"
    ).iterator(chunk_size=5000)


def _text(title: str, problem: str, proposal: str) -> str:
    # the title counts twice: it is what people mean the idea to be about
    return f"{title}\n{title}\n{problem}\n{proposal}"


def _sync() -> SimilarityIndex:
    version = cache.get(VERSION_KEY)
    index = _state["index"]
    if index is not None and version == _state["version"]:
        return index  # type: ignore[return-value]
    with _lock:
        index = _state["index"]
        if index is not None and version == _state["version"]:
            return index  # type: ignore[return-value]
        started = timezone.now()
        if index is None:
            documents = [
                (pk, _text(title, problem, proposal))
                for pk, title, problem, proposal, submitted, hidden, merged in _rows(None)
                if submitted is not None and hidden is None and merged is None
            ]
            index = SimilarityIndex(documents)
        else:
            for pk, title, problem, proposal, submitted, hidden, merged in _rows(
                _state["synced_at"]  # type: ignore[arg-type]
            ):
                if submitted is not None and hidden is None and merged is None:
                    index.add(pk, _text(title, problem, proposal))  # type: ignore[union-attr]
                else:
                    index.remove(pk)  # type: ignore[union-attr]
        # Look back a little next time, in case a transaction that set an earlier
        # updated_at committed after this read.
        _state.update(index=index, version=version, synced_at=started - timedelta(minutes=2))
        return index  # type: ignore[return-value]


def similar(text: str, *, limit: int = 5, exclude: tuple[int, ...] = ()) -> list[Match]:
    """Ideas whose text is most like ``text``: ids and scores, best first."""
    return _sync().query(text, limit=limit, exclude=exclude)


def reset() -> None:
    """Forgets this process's index (tests, and after bulk loads)."""
    with _lock:
        _state.update(index=None, version=None, synced_at=None)
