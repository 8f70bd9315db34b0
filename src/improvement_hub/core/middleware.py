"""Security headers that Django's SecurityMiddleware does not set, and the first check on
every request's query string."""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse

from improvement_hub.core.validators import control_characters_message, has_control_characters

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_API_PREFIX = "/api/"
_QUERY_MESSAGE = control_characters_message("the address (its query string or path)")


class ControlCharactersMiddleware:
    """Answers 400 to a path or query string that holds control characters, and to an
    admin form field that holds one.

    No person types these, and PostgreSQL cannot store or compare text with a NUL in it,
    so a NUL that reached a query would be a server error. Our forms and API input schemas
    refuse control characters field by field, with a message that keeps what was typed
    (core.forms, core.schemas); this covers what they do not see: every query string and
    path, and the forms of Wagtail's admin. The API answers in JSON.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_control_characters(request.path) or any(
            has_control_characters(key) or has_control_characters(value)
            for key, values in request.GET.lists()
            for value in values
        ):
            if request.path.startswith(_API_PREFIX):
                return JsonResponse({"detail": _QUERY_MESSAGE}, status=400)
            raise SuspiciousOperation("Control characters in the path or query string")
        if (
            request.method == "POST"
            and request.content_type in _FORM_TYPES
            and request.path.startswith(settings.ADMIN_PATH_PREFIXES)
            and any(
                has_control_characters(key) or has_control_characters(value)
                for key, values in request.POST.lists()
                for value in values
            )
        ):
            raise SuspiciousOperation("Control characters in an admin form field")
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Sets Permissions-Policy and stops shared caches keeping signed-in pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the looser admin policy under ``ADMIN_PATH_PREFIXES``."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(settings.ADMIN_PATH_PREFIXES):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
