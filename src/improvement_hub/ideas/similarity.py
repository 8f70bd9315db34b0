"""The similar-ideas index (see core.similarity): public ideas' titles and text."""

from collections.abc import Iterator
from datetime import datetime

from improvement_hub.core.similarity import SyncedIndex
from improvement_hub.text import Match


def _rows(since: datetime | None) -> Iterator[tuple[int, str | None]]:
    from improvement_hub.ideas.models import Idea

    queryset = Idea.objects.all()
    if since is not None:
        queryset = queryset.filter(updated_at__gte=since)
    rows = queryset.values_list(
        "id", "title", "problem", "proposal", "submitted_at", "hidden_at", "merged_into_id"
    ).iterator(chunk_size=5000)
    for pk, title, problem, proposal, submitted, hidden, merged in rows:
        visible = submitted is not None and hidden is None and merged is None
        # the title counts twice: it is what people mean the idea to be about
        yield pk, (f"{title}\n{title}\n{problem}\n{proposal}" if visible else None)


def _count() -> int:
    from improvement_hub.ideas.models import Idea

    return Idea.objects.count()


INDEX = SyncedIndex("ideas", _rows, count=_count)

# Below this score a "similar" idea is noise: measured on the demo's ideas, ideas about the
# same thing (repairs and repairs) score 0.11 to 0.37, unrelated ones (repairs and free
# school meals) 0.05 to 0.109. Showing none beats showing noise.
MIN_SCORE = 0.11
VERSION_KEY = INDEX.version_key


def mark_changed() -> None:
    INDEX.mark_changed()


def similar(text: str, *, limit: int = 5, exclude: tuple[int, ...] = ()) -> list[Match]:
    """Public ideas whose text is most like ``text``: ids and scores, best first; none
    that score below MIN_SCORE."""
    matches = INDEX.similar(text, limit=limit, exclude=exclude)
    return [match for match in matches if match.score >= MIN_SCORE]


def reset() -> None:
    INDEX.reset()
