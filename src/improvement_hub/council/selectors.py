"""Reads of the council's reference data."""

from django.db.models import Count, Prefetch, QuerySet

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
