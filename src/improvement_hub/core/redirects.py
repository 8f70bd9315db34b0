"""Where to send someone back to after a form: a path on this site, or nothing."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    """``candidate`` if it is a path on this site (``/ideas/12/``), else "".

    Only paths count: Django's ``redirect()`` reads a bare word such as ``NaN`` as a view
    name and fails (a 500), and a full URL, even to this host, is never needed here.
    """
    if (
        candidate
        and candidate.startswith("/")
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return ""
