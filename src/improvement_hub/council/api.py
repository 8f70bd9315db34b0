"""Council reference data in the JSON API: read-only and public."""

from django.http import HttpRequest
from ninja import Router
from ninja.decorators import decorate_view

from improvement_hub.core.page_cache import anonymous_page
from improvement_hub.council.models import Priority
from improvement_hub.council.schemas import PriorityOut, ServiceOut
from improvement_hub.council.selectors import directorate_list_with_services, priority_list_active

router = Router(tags=["council"])

# The same for every caller and changed only in the admin, whose saves forget every stored
# page (council/apps.py): kept in the page cache, a caller gets them without a query.
reference_data = decorate_view(anonymous_page(lambda request: ()))


@router.get("/priorities", response=list[PriorityOut], auth=None)
@reference_data
def priority_list(request: HttpRequest) -> list[Priority]:
    """The council priorities that can be chosen today."""
    return list(priority_list_active())


@router.get("/services", response=list[ServiceOut], auth=None)
@reference_data
def service_list(request: HttpRequest) -> list[ServiceOut]:
    """Active council services, with their directorate and priorities."""
    return [
        ServiceOut(
            slug=service.slug,
            name=service.name,
            directorate=directorate.name,
            priorities=[p.slug for p in service.priorities.all()],
        )
        for directorate in directorate_list_with_services()
        for service in directorate.services.all()
    ]
