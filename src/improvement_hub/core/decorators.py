"""View guards shared by every app (the rule itself is always a predicate)."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def hidden_unless(predicate: Callable[[Any], bool]) -> Callable[[View], View]:
    """Signed-in users for whom ``predicate(user)`` holds see the page; other signed-in
    users get a 404, as if it did not exist; visitors are sent to sign in.

    The Hub Team's pages use it with their app's predicate, for example
    ``@hidden_unless(permissions.can_triage)``.
    """

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not predicate(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return cast(View, wrapped)

    return decorator
