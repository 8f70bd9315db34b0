"""Error pages in the site's own style."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form was sent without a valid security token, usually after a long wait."""
    return render(request, "403_csrf.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 403 page: why (the refusal's own words, when it gave any) and what to do instead."""
    reason = str(exception or "").strip().rstrip(".")
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Render with the request so the page keeps the site's branding, but never let a
    # failure while rendering hide the original error.
    try:
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001
        return HttpResponse(
            "<h1>Sorry, there is a problem with the service</h1><p>Try again later.</p>",
            status=500,
        )
