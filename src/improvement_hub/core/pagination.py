"""Paging for pages. Links come from the ``components/pagination.html`` component, which
keeps the request's other GET parameters with Django's ``{% querystring %}``; the API pages
with ``core.schemas.HubPagination``."""

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


class _KnownCountPaginator(Paginator[Any]):
    """A paginator told its count (cached or capped by a selector), so it never counts
    the rows itself."""

    def __init__(self, items: Sequence[Any] | QuerySet[Any], per_page: int, count: int) -> None:
        super().__init__(items, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def page_of(
    request: HttpRequest,
    items: Sequence[Any] | QuerySet[Any],
    per_page: int,
    *,
    count: int | None = None,
) -> Page[Any]:
    """The page of ``items`` the request asks for with ``?page=``; a page number that is
    not a number gives the first page and one past the end the last, as Django's
    ``get_page`` does. Pass ``count`` when a selector already knows it."""
    if count is None:
        paginator: Paginator[Any] = Paginator(items, per_page)
    else:
        paginator = _KnownCountPaginator(items, per_page, count)
    return paginator.get_page(request.GET.get("page"))
