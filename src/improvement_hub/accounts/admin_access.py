"""Who reaches the hub admin and the API's interactive docs.

Wagtail sends a signed-in person without admin access back to the sign-in page, which
sends a signed-in person straight back to where they came from: a redirect loop. Here a
signed-in person without access gets the 403 page (which says what they can do instead);
visitors still go to sign in.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import URLResolver
from django.urls.resolvers import ResolverMatch, RoutePattern

from improvement_hub.accounts.permissions import can_access_admin

NO_ADMIN_ACCESS = (
    "The hub admin is for the Improvement Hub Team and the people who edit the hub's pages"
)

View = Callable[..., HttpResponseBase]


def admin_only(view: View) -> View:
    """Visitors are sent to sign in; signed-in people without admin access get a 403."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_access_admin(request.user):
            raise PermissionDenied(NO_ADMIN_ACCESS)
        return view(request, *args, **kwargs)

    return guarded


def _refuse_signed_in_without_access(view: View) -> View:
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not can_access_admin(request.user):
            raise PermissionDenied(NO_ADMIN_ACCESS)
        return view(request, *args, **kwargs)

    return guarded


class _AdminResolver(URLResolver):
    """Wagtail's admin URLs, each view refusing a signed-in person without access.

    Visitors and people with access reach Wagtail's own views unchanged (Wagtail sends
    visitors to sign in)."""

    def resolve(self, path: str) -> ResolverMatch:
        match = super().resolve(path)
        match.func = _refuse_signed_in_without_access(match.func)
        return match


def admin_path(route: str, urlconf: Any) -> URLResolver:
    """``path(route, include(urlconf))`` for the admin, guarded as the module says."""
    return _AdminResolver(RoutePattern(route, is_endpoint=False), urlconf)
