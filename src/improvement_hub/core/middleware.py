"""Security headers that Django's SecurityMiddleware does not set, and the first check on
every request's query string."""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse

from improvement_hub.core.validators import has_control_characters

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class ControlCharactersMiddleware:
    """Answers 400 to a path or query string that holds control characters, to a form field
    that holds a NUL, and to an admin form field that holds any control character.

    No person types these, and PostgreSQL cannot store or compare text with a NUL in it,
    so a NUL that reached a query would be a server error. Text fields of our forms and API
    refuse other control characters one by one, with a message (core.validators); this
    covers every other route: query strings, Wagtail's pages and admin, allauth's forms.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_control_characters(request.path) or any(
            has_control_characters(key) or has_control_characters(value)
            for key, values in request.GET.lists()
            for value in values
        ):
            raise SuspiciousOperation("Control characters in the path or query string")
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            # The admin's forms are Wagtail's, without our form mixin: refuse every control
            # character there; elsewhere our forms refuse them with a message, all but NUL.
            refused = (
                has_control_characters
                if request.path.startswith(settings.ADMIN_PATH_PREFIXES)
                else _has_nul
            )
            if any(
                refused(key) or refused(value)
                for key, values in request.POST.lists()
                for value in values
            ):
                raise SuspiciousOperation("Control characters in a form field")
        return self.get_response(request)


def _has_nul(value: str) -> bool:
    return "\x00" in value


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

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:  # type: ignore[no-untyped-def]
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(settings.ADMIN_PATH_PREFIXES):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
