"""Reads of the council's reference data."""

from django.db.models import Count, Prefetch, QuerySet

from improvement_hub.core import page_cache
from improvement_hub.council.models import Directorate, Organisation, Priority, Service


def priority_list_active() -> QuerySet[Priority]:
    """Priorities that can be chosen today, in the Hub Team's order."""
    return Priority.objects.filter(is_active=True)


def directorate_list_with_services() -> QuerySet[Directorate]:
    """Directorates with their active services and each service's priorities, in 3 queries."""
    services = Service.objects.filter(is_active=True).prefetch_related("priorities")
    return Directorate.objects.prefetch_related(Prefetch("services", queryset=services))


def priority_list_with_service_counts() -> QuerySet[Priority]:
    return priority_list_active().annotate(service_count=Count("services"))


def organisation_list(*, kind: str | None = None) -> QuerySet[Organisation]:
    queryset = Organisation.objects.all()
    return queryset.filter(kind=kind) if kind else queryset


def priority_list() -> QuerySet[Priority]:
    """Every priority, active or not (filters of lists that hold older work)."""
    return Priority.objects.all()


def directorate_list() -> QuerySet[Directorate]:
    return Directorate.objects.all()


def service_list_active() -> QuerySet[Service]:
    """Services that can be chosen today, by name, with their directorate."""
    return Service.objects.filter(is_active=True).select_related("directorate")


def service_list() -> QuerySet[Service]:
    """Every service, active or not (filters of lists that hold older work)."""
    return Service.objects.select_related("directorate")


def service_choices_active() -> list[tuple[str, str]]:
    """(slug, name) of each active service, by name: a list's filter, read once per change
    (edited only in the admin, whose saves bump the site version). Shared: read-only."""
    return page_cache.site_cached(
        "council:service-choices",
        lambda: list(Service.objects.filter(is_active=True).values_list("slug", "name")),
    )


def priority_choices_active() -> list[tuple[str, str]]:
    """(slug, name) of each active priority, in the Hub Team's order, as
    :func:`service_choices_active`."""
    return page_cache.site_cached(
        "council:priority-choices",
        lambda: list(priority_list_active().values_list("slug", "name")),
    )


def services_and_priorities_by_id() -> tuple[dict[int, Service], dict[int, Priority]]:
    """Every service and priority by id, for pages that show them from stored ids: few,
    the same for everyone, and edited only in the admin, whose saves bump the site version
    (``core.page_cache.site_cached``; council.apps). Shared between requests: read-only."""

    def load() -> tuple[dict[int, Service], dict[int, Priority]]:
        return Service.objects.in_bulk(), Priority.objects.in_bulk()

    return page_cache.site_cached("council:services-and-priorities", load)
