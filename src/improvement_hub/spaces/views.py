"""Pages of lab space and events."""

from django.http import Http404, HttpRequest, HttpResponse


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


space_list = space_detail = my_bookings = approvals = event_list = event_detail = _todo
registration_confirm = registration_manage = _todo
