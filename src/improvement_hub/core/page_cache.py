"""Whole pages for visitors who are not signed in, kept in the shared cache.

Most views of a public council site come from visitors who are not signed in, and they
all see the same page at the same address. A view decorated with :func:`anonymous_page`
keeps its rendered page in the cache under the address, the language and the *versions*
the view names; the services that change what such a page shows call :func:`bump` with
those versions once their transaction commits, so the next visitor gets a fresh page at
once — in every process when ``CACHE_URL`` is Redis (with the default local-memory cache,
in the process that made the change; other processes within ``PAGE_SECONDS``). Every key
also holds the ``site`` version (:func:`bump_site`: branding, a person's name, a closed
account), and nothing is kept longer than ``PAGE_SECONDS`` (a minute).

A page is only stored when it is the same for every visitor who is not signed in:

- the request is a GET from someone without a session or a messages cookie (a visitor
  with a session may have a message waiting, or state such as a shuffle seed);
- the response is a 200 that sets no cookie, did not use the CSRF token (a form's token is
  per visitor), did not change the session and added no message.

The page's CSP nonce is stored as a placeholder and replaced by the new request's nonce
when it is served, so the strict policy (scripts and styles only with the nonce) holds.
"""

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import wraps
from hashlib import sha256
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase

# What a page may lag behind a change no version names (the cached list counts' own
# minute), or one made in another process with a local-memory cache.
PAGE_SECONDS = 60
SITE = "site"
# Stands for the CSP nonce in a stored page (never in a real page: it holds a NUL).
NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"
# Headers a stored page keeps (the rest are added again by the middleware when served).
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary", "Link")

View = TypeVar("View", bound=Callable[..., HttpResponseBase])
Value = TypeVar("Value")
_MISSING = object()
Versions = Callable[..., Iterable[str]]


def _version_key(name: str) -> str:
    return f"pages:version:{name}"


def bump(*names: str) -> None:
    """Forget every stored page that depends on ``names`` (now: call it after commit)."""
    _request_memo.__dict__.pop("site", None)  # this request reads the new one
    for name in names:
        try:
            cache.incr(_version_key(name))
        except ValueError:  # not set yet, or evicted: a new version, never one seen before
            cache.set(_version_key(name), _new_version(), None)


def _new_version() -> int:
    """A version for a key that is missing (never set, cleared or evicted): random, so a
    value kept under an earlier version (in this process, :func:`site_cached`) is not
    taken for current when the count would otherwise start again from the same number."""
    return secrets.randbits(48)


def bump_on_commit(*names: str) -> None:
    """:func:`bump` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: bump(*names))


def bump_site() -> None:
    """Forget every stored page (branding, a person's name, a closed account, a choice
    such as a campaign or a priority edited in the admin): at once, and again when the
    transaction commits (a page drawn in between from what was there before is dropped)."""
    bump(SITE)
    bump_on_commit(SITE)


def _versions(names: list[str]) -> str:
    keys = [_version_key(name) for name in names]
    found = cache.get_many(keys)
    site = _version_key(SITE)
    if site in keys and site not in found:  # values are kept under it in each process
        cache.add(site, _new_version(), None)  # the first process to get here wins
        found = cache.get_many(keys)
    return ".".join(str(found.get(key, 0)) for key in keys)


# The site version is read once per request (every page asks for it several times: the
# chrome, the filters' choices, the reference objects, the page's own key), and the values
# kept under it are also kept in this process while it holds: a page reads one version
# from the cache instead of unpickling the same menus and choices on every request.
_request_memo = threading.local()
_LOCAL_VALUES: "OrderedDict[str, tuple[str, float, Any]]" = OrderedDict()
_LOCAL_LIMIT = 256  # names (the chrome is one per host: bounded even with any host allowed)
# How long this process keeps a value without asking the cache: a version bumped in another
# process shows at once through a shared cache (Redis); with the default local-memory cache
# each process has its own versions, and this bounds how long it shows an older value.
LOCAL_SECONDS = 5.0
_local_lock = threading.Lock()


def _request_started(**_: object) -> None:
    _request_memo.__dict__.pop("site", None)
    _request_memo.__dict__.pop("values", None)
    _request_memo.in_request = True


def _request_finished(**_: object) -> None:
    _request_memo.__dict__.pop("site", None)
    _request_memo.__dict__.pop("values", None)
    _request_memo.in_request = False


request_started.connect(_request_started, dispatch_uid="page-cache-request-started")
request_finished.connect(_request_finished, dispatch_uid="page-cache-request-finished")


def site_version() -> str:
    """The site version (:func:`bump_site`), for a key of something every page may show:
    read from the cache once per request (a bump in this request reads it again)."""
    version = _request_memo.__dict__.get("site")
    if version is None:
        version = _versions([SITE])
        if getattr(_request_memo, "in_request", False):
            _request_memo.site = version
    return cast(str, version)


def per_request(name: str, compute: Callable[[], Value]) -> Value:
    """``compute()``, worked out once per request however often a page asks (outside a
    request, every time). For a small read that several parts of one page need, such as
    a version keying two cached fragments. :func:`forget_per_request` drops it, for a
    write in the same request (``forget_per_request_when_saved``)."""
    if not getattr(_request_memo, "in_request", False):
        return compute()
    values: dict[str, Any] = _request_memo.__dict__.setdefault("values", {})
    if name not in values:
        values[name] = compute()
    return cast(Value, values[name])


def forget_per_request(*names: str) -> None:
    values = _request_memo.__dict__.get("values")
    if values is not None:
        for name in names:
            values.pop(name, None)


def forget_per_request_when_saved(name: str, *models: type[Model]) -> None:
    """Forget the value :func:`per_request` keeps under ``name`` whenever one of
    ``models`` is saved or deleted in this request (the admin, a service, a test)."""

    def forget(**_: object) -> None:
        forget_per_request(name)

    for model in models:
        uid = f"per-request-{name}-{model._meta.label}"
        post_save.connect(forget, sender=model, weak=False, dispatch_uid=f"{uid}-save")
        post_delete.connect(forget, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def site_cached(name: str, compute: Callable[[], Value]) -> Value:
    """A value that is the same for every visitor, signed in or not, and changes only with
    what :func:`bump_site` follows (branding, a choice such as a priority or a campaign
    edited in the admin, the site's pages published, moved or deleted): the site's name and
    menus, the filters' choices. Kept in the cache under the site version for at most
    ``PAGE_SECONDS``, so such a change shows on the next request, and in this process while
    the version holds. Callers treat the value as read-only: it is shared between requests."""
    version = site_version()
    now = time.monotonic()
    with _local_lock:
        local = _LOCAL_VALUES.get(name)
    if local is not None and local[0] == version and local[1] > now:
        return cast(Value, local[2])
    key = f"pages:value:{version}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, PAGE_SECONDS)
    with _local_lock:
        _LOCAL_VALUES[name] = (version, now + LOCAL_SECONDS, value)
        _LOCAL_VALUES.move_to_end(name)
        while len(_LOCAL_VALUES) > _LOCAL_LIMIT:
            _LOCAL_VALUES.popitem(last=False)
    return cast(Value, value)


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET":
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return CookieStorage.cookie_name not in request.COOKIES


def _cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not getattr(messages, "added_new", False)


def _key(request: HttpRequest, names: list[str]) -> str:
    address = request.get_full_path()
    language = getattr(request, "LANGUAGE_CODE", "")
    digest = sha256(f"{language}|{address}".encode()).hexdigest()[:40]
    others = [name for name in names if name != SITE]
    site = site_version() if SITE in names else ""
    return f"pages:page:{site}.{_versions(others) if others else ''}:{digest}"


def _stored(request: HttpRequest, response: HttpResponse) -> dict[str, Any]:
    content = response.content
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str) and nonce:
        content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return {"content": content, "headers": headers}


def _served(request: HttpRequest, stored: dict[str, Any]) -> HttpResponse:
    content: bytes = stored["content"]
    if NONCE_PLACEHOLDER in content:
        nonce = str(request.csp_nonce)  # type: ignore[attr-defined]  # django-csp's
        content = content.replace(NONCE_PLACEHOLDER, nonce.encode())
    response = HttpResponse(content, headers=stored["headers"])
    response["X-Page-Cache"] = "hit"
    return response


def anonymous_page(versions: Versions) -> Callable[[View], View]:
    """Serve the view's page from the cache to visitors who are not signed in.

    ``versions(request, *args, **kwargs)`` names what the page shows (e.g. ``["ideas"]``,
    or ``[f"idea:{pk}"]``): :func:`bump` with any of them makes the next visit render
    the page again."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not _cacheable_request(request) or request.user.is_authenticated:
                return view(request, *args, **kwargs)
            key = _key(request, [SITE, *versions(request, *args, **kwargs)])
            stored = cache.get(key)
            if stored is not None:
                return _served(request, stored)
            response = view(request, *args, **kwargs)
            if _cacheable_response(request, response):
                cache.set(key, _stored(request, cast(HttpResponse, response)), PAGE_SECONDS)
            return response

        return cast(View, wrapped)

    return decorator


def forget_pages_when_saved(*models: type[Model]) -> None:
    """Forget every stored page whenever one of ``models`` is saved or deleted: for the
    choices edited in the admin (no service of ours), such as campaigns or priorities,
    whose names and filters are on the stored pages."""

    def forget(**_: object) -> None:
        bump_site()

    for model in models:
        uid = f"page-cache-{model._meta.label}"
        post_save.connect(forget, sender=model, weak=False, dispatch_uid=f"{uid}-save")
        post_delete.connect(forget, sender=model, weak=False, dispatch_uid=f"{uid}-delete")
