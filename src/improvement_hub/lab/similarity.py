"""The similar-referrals index (see core.similarity): confirmed referrals' problem text.

Only the problem and who it affects are indexed, never contact details; a referral
whose personal data is erased leaves the index.
"""

from collections.abc import Iterator
from datetime import datetime

from improvement_hub.core.similarity import SyncedIndex
from improvement_hub.text import Match


def _rows(since: datetime | None) -> Iterator[tuple[int, str | None]]:
    from improvement_hub.lab.models import UNSEARCHABLE_STATUSES, Referral

    queryset = Referral.objects.all()
    if since is not None:
        queryset = queryset.filter(updated_at__gte=since)
    rows = queryset.values_list(
        "id", "problem", "affected_who", "status", "personal_data_erased_at"
    ).iterator(chunk_size=5000)
    for pk, problem, affected, status, erased_at in rows:
        searchable = status not in UNSEARCHABLE_STATUSES and erased_at is None
        yield pk, (indexed_text(problem, affected) if searchable else None)


def indexed_text(problem: str, affected_who: str) -> str:
    """What is indexed of a referral, and what its similar items are looked up with."""
    return f"{problem}\n{affected_who}"


def _count() -> int:
    from improvement_hub.lab.models import Referral

    return Referral.objects.count()


INDEX = SyncedIndex("lab-referrals", _rows, count=_count)


def mark_changed() -> None:
    INDEX.mark_changed()


def similar(text: str, *, limit: int = 5, exclude: tuple[int, ...] = ()) -> list[Match]:
    return INDEX.similar(text, limit=limit, exclude=exclude)


def reset() -> None:
    INDEX.reset()
