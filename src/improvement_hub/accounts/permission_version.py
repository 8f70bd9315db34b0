"""The version every cached permission set and group list is kept under (``backends.py``,
``User.has_role``): bumped by ``receivers.py`` whenever a permission or a role can change."""

from typing import Any, cast

from django.core.cache import cache
from django.db import transaction

PERMISSION_SECONDS = 60
VERSION_KEY = "accounts:permissions-version"


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, 1, None)


def permissions_changed() -> None:
    """Forget every cached permission set (call it when any may have changed): at once,
    and again when the transaction commits, so a set read in between from what was there
    before (another request, before this commit) is dropped too."""
    _bump()
    transaction.on_commit(_bump)


def current() -> int:
    """The permissions version now, for a key of something that follows everyone's roles."""
    return cast(int, cache.get(VERSION_KEY, 0))


def cached_groups(user: Any) -> list[Any]:
    """The person's groups, from the cache under the permissions version (a change to
    anyone's groups bumps it), else from the database."""
    key = f"accounts:groups:{current()}:{user.pk}"
    groups = cache.get(key)
    if groups is None:
        groups = list(user.groups.all())
        cache.set(key, groups, PERMISSION_SECONDS)
    return cast(list[Any], groups)
