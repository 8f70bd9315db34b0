"""Old sign-in, sign-out and password-reset routes of Wagtail, sent to allauth's.

Wagtail's own forms skip allauth's rate limits, lockout and email verification, so none of
them may sign anyone in, out, or send a reset email; people land on the allauth page instead.
"""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from improvement_hub.core.redirects import safe_next


def _safe_next(request: HttpRequest) -> str:
    """The ``next`` asked for, if it stays on this site; otherwise nothing."""
    return safe_next(request, request.GET.get("next"))


def to_sign_in(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseRedirect:
    """Wagtail's sign-in pages: to allauth's, keeping a safe ``next``; never reads a password."""
    url = reverse("account_login")
    if next_url := _safe_next(request):
        url += "?" + urlencode({"next": next_url})
    return HttpResponseRedirect(url)


def to_sign_out(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseRedirect:
    """Wagtail's sign-out: to allauth's with the method kept (307), so the admin's button works.

    A POST from the admin menu arrives at allauth as the same POST (with its CSRF token) and
    signs the person out there; a GET shows allauth's "Are you sure?" page.
    """
    response = HttpResponseRedirect(reverse("account_logout"))
    response.status_code = 307
    return response


def to_password_reset(
    request: HttpRequest, *args: object, **kwargs: object
) -> HttpResponseRedirect:
    """Wagtail's password reset (every step): to allauth's, which is rate limited."""
    return HttpResponseRedirect(reverse("account_reset_password"))
