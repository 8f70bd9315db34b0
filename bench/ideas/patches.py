"""Suggested fixes, tried inside the benchmark server only (``run.py --patch search``).

Nothing here is app code: it stands in for a change proposed in docs/performance.md so
that the change can be measured before anyone makes it in ``src/``.

``search``: a search counts at most ``SEARCH_COUNT_CAP`` matches (a LIMITed count stops
early), and orders by relevance only when there are no more than that many; a broad
search ("service", "residents") keeps the list's own order (newest first), which
PostgreSQL can serve from an index instead of ranking tens of thousands of rows.
"""

from dataclasses import replace

SEARCH_COUNT_CAP = 1000


class CappedResults:
    """Search results whose count is capped (the paginator's and the page's "N ideas")."""

    def __init__(self, results, count: int) -> None:  # type: ignore[no-untyped-def]
        self.results = results
        self._count = count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, item):  # type: ignore[no-untyped-def]
        return self.results[item]


def patch_search() -> None:
    from improvement_hub.ideas import selectors

    original = selectors.idea_list

    def idea_list(*, filters, include_answered: bool = True):  # type: ignore[no-untyped-def]
        query = filters.q.strip()[:200]
        if not query:
            return original(filters=filters, include_answered=include_answered)
        base = original(filters=replace(filters, q=""), include_answered=include_answered)
        if filters.sort == "random":
            base = base.order_by("-submitted_at", "-id")
        plain = base.search(query, order_by_relevance=False)  # keeps the list's order
        count = plain[: SEARCH_COUNT_CAP + 1].count()
        if filters.sort == "newest" and count <= SEARCH_COUNT_CAP:
            results = base.search(query, order_by_relevance=True)
        else:
            results = plain
        return CappedResults(results, min(count, SEARCH_COUNT_CAP))

    selectors.idea_list = idea_list


PATCHES = {"search": patch_search}


def apply(names: str) -> None:
    for name in filter(None, (n.strip() for n in names.split(","))):
        PATCHES[name]()
