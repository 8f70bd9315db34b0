"""Rules about the council's structure that more than one strand applies."""

from collections.abc import Iterable

# Two parts of the system make a problem cross-system.
CROSS_SYSTEM_PARTS = 2


def is_cross_system(
    *,
    service_ids: Iterable[int] = (),
    directorate_ids: Iterable[int] = (),
    agencies: Iterable[str] = (),
) -> bool:
    """The one definition of "cross-system", used by the Lab's triage and the Improvement
    Team's portfolio alike: the work involves two or more council services, or services
    in two or more directorates, or a council service and an outside agency (or two
    agencies). Pass the service ids, the directorates they (and the work) belong to, and
    any outside agencies involved."""
    services = set(service_ids)
    outside = set(agencies)
    return (
        len(services) + len(outside) >= CROSS_SYSTEM_PARTS
        or len(set(directorate_ids)) >= CROSS_SYSTEM_PARTS
    )
